package io.github.camelloganalytics.testkit.kql.reference;

import static io.github.camelloganalytics.testkit.kql.reference.Kql.one;
import static io.github.camelloganalytics.testkit.kql.reference.Kql.rows;
import static io.github.camelloganalytics.testkit.kql.reference.Kql.run;
import static io.github.camelloganalytics.testkit.kql.reference.Kql.schema;
import static io.github.camelloganalytics.testkit.kql.reference.Kql.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.camelloganalytics.testkit.kql.KqlResult;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;

/**
 * The tabular operators as Microsoft's KQL reference documents them, one test per reference page (named in each
 * test): our own queries over print, datatable and range, with the results the page's rules give.
 */
class TabularOperatorsReferenceTest {

    static final String T = "datatable(Name:string, Level:long, Ok:bool)['a', 1, true, 'b', 3, false, 'c', 2, true, "
            + "'a', 5, false, 'd', long(null), true]";

    /** where-operator.md: keeps the rows whose predicate is true; null is not true. */
    @Test
    void whereOperator() {
        assertEquals(rows("a|1|true", "c|2|true"), text(T + " | where Level < 3 and Ok"));
        assertEquals(rows("b|3|false", "a|5|false"), text(T + " | filter not(Ok)"));
        assertEquals(4, text(T + " | where Level >= 2 or isnull(Level)").size());
    }

    /** project-operator.md: selects, renames and computes columns; an unnamed expression is ColumnN. */
    @Test
    void projectOperator() {
        assertEquals(List.of("Name:string", "Double:long", "Column1:long"),
                schema(T + " | project Name, Double = Level * 2, Level + 1"));
        assertEquals(rows("a|2|2"), text(T + " | take 1 | project Name, Double = Level * 2, Level + 1"));
    }

    /** extend-operator.md: appends columns; a name already there is replaced in place; later items see earlier. */
    @Test
    void extendOperator() {
        assertEquals(List.of("Name:string", "Level:real", "Ok:bool", "Twice:real"),
                schema(T + " | extend Level = todouble(Level) / 2, Twice = Level * 2"));
        assertEquals(rows("a|0.5|true|1"), text(T + " | take 1 | extend Level = todouble(Level) / 2, Twice = Level * 2"));
    }

    /** summarize-operator.md: groups by keys; count_ and fn_Column names; no keys over no rows is one row. */
    @Test
    void summarizeOperator() {
        KqlResult r = run(T + " | summarize count(), sum(Level), avg(Level), Max = max(Level) by Ok | order by Ok asc");
        assertEquals(List.of("Ok", "count_", "sum_Level", "avg_Level", "Max"), Kql.names(r));
        assertEquals(rows("false|2|8|4|5", "true|3|3|1.5|2"),
                text(T + " | summarize count(), sum(Level), avg(Level), Max = max(Level) by Ok | order by Ok asc"));
        assertEquals(rows("0"), text(T + " | where Level > 100 | summarize count()"));
        assertEquals(0, text(T + " | where Level > 100 | summarize count() by Name").size());
        assertEquals(rows("a", "b", "c", "d"), text(T + " | summarize by Name | sort by Name asc"));
        assertEquals(rows("4"), text(T + " | summarize dcount(Name)"));
    }

    /** bin-function.md: summarize by bin() names the key after the binned column. */
    @Test
    void summarizeByBin() {
        String q = "range t from datetime(2024-01-01 00:10) to datetime(2024-01-01 02:50) step 20m"
                + " | summarize n = count() by bin(t, 1h) | order by t asc";
        assertEquals(List.of("t:datetime", "n:long"), schema(q));
        assertEquals(rows("2024-01-01T00:00:00.0000000Z|3", "2024-01-01T01:00:00.0000000Z|3",
                "2024-01-01T02:00:00.0000000Z|3"), text(q));
        assertEquals(rows("0|4", "5|5", "10|1"), text("range x from 1 to 10 step 1 | summarize count() by bin(x, 5)"));
    }

    /** sort-operator.md: default descending; nulls last descending, first ascending; nulls first/last. */
    @Test
    void sortOperator() {
        assertEquals(rows("5", "3", "2", "1", ""), text(T + " | project Level | sort by Level").stream()
                .map(r -> List.of(r.get(0) == null ? "" : r.get(0))).toList());
        assertEquals(null, text(T + " | project Level | order by Level asc").get(0).get(0));
        assertEquals("1", text(T + " | project Level | order by Level asc nulls last").get(0).get(0));
        assertEquals(rows("a|5", "a|1", "b|3"), text(T + " | project Name, Level | sort by Name asc, Level desc | take 3"));
    }

    /** top-operator.md: the first N rows by an expression, descending by default. */
    @Test
    void topOperator() {
        assertEquals(rows("a|5", "b|3"), text(T + " | top 2 by Level | project Name, Level"));
        assertEquals(rows("a|1"), text(T + " | top 1 by Level asc nulls last | project Name, Level"));
    }

    /** take-operator.md and limit: at most N rows. */
    @Test
    void takeOperator() {
        assertEquals(2, text(T + " | take 2").size());
        assertEquals(5, text(T + " | limit 100").size());
    }

    /** count-operator.md: one row, one column Count. */
    @Test
    void countOperator() {
        assertEquals(List.of("Count:long"), schema(T + " | count"));
        assertEquals(5L, one(T + " | count"));
    }

    /** distinct-operator.md: distinct combinations of the columns named, or of all with *. */
    @Test
    void distinctOperator() {
        assertEquals(4, text(T + " | distinct Name").size());
        assertEquals(rows("true", "false"), text(T + " | distinct Ok"));
        assertEquals(5, text(T + " | distinct *").size());
    }

    /** render-operator.md: the visualization and its with() properties reach the result. */
    @Test
    void renderOperator() {
        KqlResult r = run(T + " | summarize sum(Level) by Name | render piechart with (title='Levels', legend=hidden)");
        assertEquals("piechart", r.visualization());
        assertEquals(Map.of("title", "Levels", "legend", "hidden"), r.renderProperties());
        KqlResult cols = run(T + " | render timechart with (ycolumns=Level, Name, xcolumn=Ok)");
        assertEquals(List.of("Level", "Name"), cols.renderProperties().get("ycolumns"));
        assertEquals("Ok", cols.renderProperties().get("xcolumn"));
    }

    /** let-statement.md: scalars, tabular expressions, and functions with (defaulted) parameters. */
    @Test
    void letStatement() {
        assertEquals(rows("c|2|true"), text("let limit = 2; let T = " + T + "; T | where Level == limit"));
        assertEquals(9L, one("let f = (a:long, b:long = 4) { a * b + 1 }; print f(2)"));
        assertEquals(7L, one("let f = (a:long, b:long = 4) { a * b + 1 }; print f(2, b = 3)"));
        assertEquals(3L, one("let T = " + T + "; let onlyOk = (t:(*)) { t | where Ok }; onlyOk(T) | count"));
        assertEquals(50L, one("let f1 = (s:long, e:long, st:long) { range x from s to e step st };"
                + " let f2 = (st:long) { f1(1, 100, st) }; f2(2) | count"));
    }

    /** datatable-operator.md: columns typed as declared, values row by row. */
    @Test
    void datatableOperator() {
        assertEquals(List.of("Name:string", "Level:long", "Ok:bool"), schema(T));
        assertEquals(rows("x|1.5|2024-01-01T00:00:00.0000000Z|[1,2]"),
                text("datatable(a:string, b:real, c:datetime, d:dynamic)['x', 1.5, datetime(2024-01-01), "
                        + "dynamic([1,2])]"));
    }

    /** range-operator.md: inclusive of the stop value, for numbers and datetimes. */
    @Test
    void rangeOperator() {
        assertEquals(rows("1", "3", "5"), text("range x from 1 to 5 step 2"));
        assertEquals(rows("5", "3", "1"), text("range x from 5 to 1 step -2"));
        assertEquals(3, text("range d from datetime(2024-01-01) to datetime(2024-01-03) step 1d").size());
    }

    /** print-operator.md: one row; unnamed columns print_0, print_1... */
    @Test
    void printOperator() {
        assertEquals(List.of("print_0:long", "x:string", "print_2:real"), schema("print 1, x = 'a', 2.5"));
    }

    /** join-operator.md: every kind; innerunique is the default and keeps one left row per key. */
    @Test
    void joinOperator() {
        String l = "datatable(k:long, lv:string)[1, 'l1', 1, 'l1b', 2, 'l2', 3, 'l3']";
        String r = "datatable(k:long, rv:string)[1, 'r1', 1, 'r1b', 2, 'r2', 4, 'r4']";
        assertEquals(List.of("k", "lv", "k1", "rv"), Kql.names(run(l + " | join (" + r + ") on k")));
        assertEquals(3, text(l + " | join (" + r + ") on k").size());
        assertEquals(5, text(l + " | join kind=inner (" + r + ") on k").size());
        assertEquals(6, text(l + " | join kind=leftouter (" + r + ") on k").size());
        assertEquals(6, text(l + " | join kind=rightouter (" + r + ") on k").size());
        assertEquals(7, text(l + " | join kind=fullouter (" + r + ") on k").size());
        assertEquals(rows("3|l3"), text(l + " | join kind=leftanti (" + r + ") on k"));
        assertEquals(rows("4|r4"), text(l + " | join kind=rightanti (" + r + ") on k"));
        assertEquals(3, text(l + " | join kind=leftsemi (" + r + ") on k").size());
        assertEquals(3, text(l + " | join kind=rightsemi (" + r + ") on k").size());
        assertEquals(rows("2|l2|2|r2"), text(l + " | join kind=inner (" + r + " | project kk = k, rv) on $left.k == "
                + "$right.kk | where lv == 'l2'"));
    }

    /** lookup-operator.md: like leftouter join, without repeating the key columns. */
    @Test
    void lookupOperator() {
        String facts = "datatable(k:long, v:long)[1, 10, 2, 20, 3, 30]";
        String dim = "datatable(k:long, name:string)[1, 'one', 2, 'two']";
        assertEquals(List.of("k:long", "v:long", "name:string"), schema(facts + " | lookup (" + dim + ") on k"));
        assertEquals(rows("1|10|one", "2|20|two", "3|30|"), text(facts + " | lookup (" + dim + ") on k").stream()
                .map(x -> x.stream().map(v -> v == null ? "" : v).toList()).toList());
        assertEquals(2, text(facts + " | lookup kind=inner (" + dim + ") on k").size());
    }

    /** union-operator.md: outer by default; withsource names the source column; kind=inner keeps common columns. */
    @Test
    void unionOperator() {
        String a = "datatable(x:long, y:string)[1, 'a']";
        String b = "datatable(x:long, z:bool)[2, true]";
        assertEquals(List.of("x:long", "y:string", "z:bool"), schema("union (" + a + "), (" + b + ")"));
        assertEquals(List.of("x:long"), schema("union kind=inner (" + a + "), (" + b + ")"));
        assertEquals(List.of("Source:string", "x:long", "y:string", "z:bool"),
                schema("let A = " + a + "; let B = " + b + "; union withsource=Source A, B"));
        assertEquals(rows("A|1", "B|2"), text("let A = " + a + "; let B = " + b
                + "; union withsource=Source A, B | project Source, x"));
        assertEquals(2L, one("let A = " + a + "; A | union (" + b + ") | count"));
        assertEquals(List.of("x:long", "v_long:long", "v_string:string"), schema("union (datatable(x:long, v:long)"
                + "[1, 2]), (datatable(x:long, v:string)[1, 'a'])"));
    }

    /** mv-expand-operator.md: one row per array element; bags by property; to typeof() types the column. */
    @Test
    void mvExpandOperator() {
        assertEquals(rows("a|1", "a|2", "b|3"), text("datatable(n:string, arr:dynamic)['a', dynamic([1,2]), "
                + "'b', dynamic([3])] | mv-expand arr"));
        assertEquals(List.of("n:string", "arr:long"), schema("datatable(n:string, arr:dynamic)['a', dynamic([1,2])]"
                + " | mv-expand arr to typeof(long)"));
        assertEquals(rows("1|x|0", "2|y|1", "|z|2"), text("print a = dynamic([1,2]), b = dynamic(['x','y','z'])"
                + " | mv-expand with_itemindex=i a, b").stream()
                .map(x -> x.stream().map(v -> v == null ? "" : v).toList()).toList());
        assertEquals(rows("{\"p\":1}", "{\"q\":2}"), text("print b = dynamic({'p':1,'q':2}) | mv-expand b"));
        assertEquals(rows("[\"p\",1]"), text("print b = dynamic({'p':1}) | mv-expand bagexpansion=array b"));
    }

    /** mv-apply-operator.md: a subquery applied to each row's expanded array. */
    @Test
    void mvApplyOperator() {
        assertEquals(rows("a|3", "b|10"), text("datatable(n:string, arr:dynamic)['a', dynamic([1,3,2]), "
                + "'b', dynamic([10,4])] | mv-apply arr to typeof(long) on (top 1 by arr) | project n, arr"));
        assertEquals(rows("a|6"), text("print n = 'a', arr = dynamic([1,2,3]) | mv-apply x = arr to typeof(long) on "
                + "(summarize s = sum(x)) | project n, s"));
    }

    /** parse-operator.md: simple and regex kinds; typed captures; no match gives empty/null. */
    @Test
    void parseOperator() {
        String t = "print s = 'Event: Start (id=42, user=ann, took=1.5)'";
        assertEquals(rows("42|ann|1.5"), text(t + " | parse s with * 'id=' id:long ', user=' user ', took=' took:real "
                + "')' | project id, user, took"));
        assertEquals(List.of("s:string", "id:long"), schema(t + " | parse s with * 'id=' id:long ',' *"));
        assertEquals(rows("42"), text(t + " | parse kind=regex s with 'id=' id:long ',' | project id"));
        assertEquals(0, text(t + " | parse-where s with 'nope' x").size());
    }

    /** make-series-operator.md: arrays per group over the axis bins, with default for empty bins. */
    @Test
    void makeSeriesOperator() {
        String q = "datatable(t:datetime, g:string, v:long)[datetime(2024-01-01), 'a', 1, datetime(2024-01-01 12:00), "
                + "'a', 2, datetime(2024-01-03), 'a', 5, datetime(2024-01-02), 'b', 7]"
                + " | make-series total = sum(v) default = 0 on t from datetime(2024-01-01) to datetime(2024-01-04) "
                + "step 1d by g | order by g asc";
        assertEquals(List.of("g:string", "total:dynamic", "t:dynamic"), schema(q));
        List<List<String>> r = text(q);
        assertEquals("[3,0,5]", r.get(0).get(1));
        assertEquals("[0,7,0]", r.get(1).get(1));
        assertEquals("[\"2024-01-01T00:00:00.0000000Z\",\"2024-01-02T00:00:00.0000000Z\",\"2024-01-03T00:00:00."
                + "0000000Z\"]", r.get(0).get(2));
    }

    /** project-away, project-keep, project-rename, project-reorder pages: wildcards and renames. */
    @Test
    void projectVariants() {
        assertEquals(List.of("Name:string"), schema(T + " | project-away Level, Ok"));
        assertEquals(List.of("Level:long", "Ok:bool"), schema(T + " | project-away N*"));
        assertEquals(List.of("Name:string", "Ok:bool"), schema(T + " | project-keep Name, O*"));
        assertEquals(List.of("Who:string", "Level:long", "Ok:bool"), schema(T + " | project-rename Who = Name"));
        assertEquals(List.of("Ok:bool", "Name:string", "Level:long"), schema(T + " | project-reorder Ok"));
        assertEquals(List.of("Level:long", "Name:string", "Ok:bool"), schema(T + " | project-reorder * asc"));
    }

    /** top-nested-operator.md: top values per level, each level within the previous. */
    @Test
    void topNestedOperator() {
        String q = "datatable(s:string, c:string, n:long)['x','p',1, 'x','q',5, 'y','p',2, 'x','p',3, 'z','r',1]"
                + " | top-nested 2 of s by sum(n), top-nested 1 of c by sum(n)";
        assertEquals(List.of("s:string", "aggregated_s:long", "c:string", "aggregated_c:long"), schema(q));
        assertEquals(rows("x|9|q|5", "y|2|p|2"), text(q));
    }

    /** serialize-operator.md and the window functions: prev, next, row_number, row_cumsum. */
    @Test
    void serializeAndWindowFunctions() {
        assertEquals(rows("1|1||2", "2|3|1|3", "3|6|2|"), text("range x from 1 to 3 step 1 | serialize"
                + " | extend rn = row_number(), cs = row_cumsum(x), p = prev(x), n = next(x) | project rn, cs, p, n")
                .stream().map(x -> x.stream().map(v -> v == null ? "" : v).toList()).toList());
        assertEquals(rows("0"), text("range x from 1 to 1 step 1 | serialize p = prev(x, 1, 0) | project p"));
    }

    /** as-operator.md: names the input for later statements. */
    @Test
    void asOperator() {
        assertEquals(6L, one("range x from 1 to 3 step 1 | as R | union R | count"));
    }

    /** search-operator.md: a term matches rows where any column has it. */
    @Test
    void searchOperator() {
        assertEquals(rows("b|3|false"), text(T + " | search 'b'"));
        assertEquals(2, text(T + " | search Level > 2").size());
    }

    /** sample-operator.md and sample-distinct: N random rows. */
    @Test
    void sampleOperator() {
        assertEquals(3, text("range x from 1 to 10 step 1 | sample 3").size());
        assertEquals(2, text(T + " | sample-distinct 2 of Name").size());
    }

    /** getschema-operator.md: ColumnName, ColumnOrdinal, DataType, ColumnType. */
    @Test
    void getschemaOperator() {
        assertEquals(rows("Name|0|System.String|string", "Level|1|System.Int64|long", "Ok|2|System.SByte|bool"),
                text(T + " | getschema"));
    }

    /** bag-unpack-plugin.md and pivot-plugin.md. */
    @Test
    void evaluatePlugins() {
        assertEquals(List.of("Age:long", "Name:string"), schema("datatable(d:dynamic)[dynamic({'Name': 'John', "
                + "'Age': 20}), dynamic({'Name': 'Dave', 'Age': 40})] | evaluate bag_unpack(d)"));
        assertEquals(rows("20|John", "40|Dave"), text("datatable(d:dynamic)[dynamic({'Name': 'John', 'Age': 20}), "
                + "dynamic({'Name': 'Dave', 'Age': 40})] | evaluate bag_unpack(d)"));
        assertEquals(rows("1|2"), text("datatable(k:string)['a', 'b', 'b'] | evaluate pivot(k)"));
        assertEquals(rows("g|4|6"), text("datatable(grp:string, k:string, v:long)['g', 'a', 4, 'g', 'b', 2, 'g', 'b', 4]"
                + " | evaluate pivot(k, sum(v), grp)"));
    }

    /** invoke-operator.md, search-operator.md (search in), materialize-function.md, toscalar-function.md,
     * query-parameters-statement.md (not run), batches.md (the first statement is the primary result). */
    @Test
    void statementsAndTabularFunctions() {
        assertEquals(rows("4", "5"), text("let f = (T:(x:long), n:long) { T | where x > n };"
                + " range x from 1 to 5 step 1 | invoke f(3)"));
        KqlResult found = run("let A = datatable(s:string)['hello world', 'bye']; let B = datatable(s:string, n:long)"
                + "['world', 1]; search in (A, B) \"world\"");
        assertEquals(List.of("$table", "s", "n"), Kql.names(found));
        assertEquals(2, found.rows().size());
        assertEquals(3L, one("let m = materialize(range x from 1 to 3 step 1); m | join kind=inner m on x | count"));
        assertEquals(6L, one("print toscalar(range x from 1 to 3 step 1 | summarize sum(x))"));
        assertEquals(1L, one("set truncationmaxrecords=10; print 1; print 2"));
        assertEquals("NotSupportedByEmulator", assertThrows(KqlSemanticException.class,
                () -> run("declare query_parameters(x:long = 1); print x")).code());
    }

    /** Not implemented operators and plugins are NotSupportedByEmulator with their position, never SyntaxError. */
    @Test
    void notImplementedIsNamed() {
        KqlSemanticException e = assertThrows(KqlSemanticException.class,
                () -> run("range x from 1 to 3 step 1\n| fork (take 1) (take 2)"));
        assertEquals("NotSupportedByEmulator", e.code());
        assertTrue(e.getMessage().contains("'fork'") && e.getMessage().contains("line 2, position 2"),
                e.getMessage());
        assertEquals("NotSupportedByEmulator", assertThrows(KqlSemanticException.class,
                () -> run("print x = 1 | evaluate autocluster()")).code());
        assertEquals("NotSupportedByEmulator", assertThrows(KqlSemanticException.class,
                () -> run("print geo_point_to_s2cell(1.0, 2.0)")).code());
        assertEquals("SEM0260", assertThrows(KqlSemanticException.class,
                () -> run("print no_such_function(1)")).code());
        for (String valid : List.of("print x = 1 | project-by-names 'x'", "cluster('a').database('b').T | count",
                "print d = dynamic({'a':1}) | evaluate bag_unpack(d) : (a:long)", "print x = 1 | facet by x",
                "print x = 1 | scan with (step s: x > 0;)", "print x = 1 | partition by x (take 1)",
                "print x = 1 | make-graph x --> x with (print y = 1) on y", "print series_fir(dynamic([1]), dynamic([1]))",
                "find in (T) where x > 1", "print x = 1 | where x in~ ('1') | union isfuzzy=true Nope*")) {
            assertEquals("NotSupportedByEmulator", assertThrows(KqlSemanticException.class, () -> run(valid),
                    valid).code(), valid);
        }
    }
}
