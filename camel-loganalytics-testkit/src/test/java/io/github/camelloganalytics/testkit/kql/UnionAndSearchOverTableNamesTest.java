package io.github.camelloganalytics.testkit.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;

/**
 * {@code union} over table wildcards and {@code search} over all tables, with a resolver that lists its tables
 * (reference pages union-operator and search-operator). The tables a wildcard matches are read in alphabetical
 * order of their names (the reference leaves the order unspecified); only the matched tables are read.
 */
class UnionAndSearchOverTableNamesTest {

    /** Three tables, listed out of alphabetical order; remembers which ones a query read. */
    static final class ListingResolver implements TableResolver {
        final Map<String, SourceTable> tables = new LinkedHashMap<>();
        final List<String> read = new ArrayList<>();

        ListingResolver() {
            tables.put("Beta", new SourceTable(List.of(Column.of("Name", ColumnType.STRING),
                    Column.of("B", ColumnType.LONG)),
                    List.of(new Row(new Object[] { "b1 error here", 10L }, null))));
            tables.put("Apple", new SourceTable(List.of(Column.of("Name", ColumnType.STRING),
                    Column.of("N", ColumnType.LONG)),
                    List.of(new Row(new Object[] { "apple one", 1L }, null),
                            new Row(new Object[] { "apple error", 2L }, null))));
            tables.put("Alpha", new SourceTable(List.of(Column.of("Name", ColumnType.STRING),
                    Column.of("N", ColumnType.LONG), Column.of("X", ColumnType.REAL)),
                    List.of(new Row(new Object[] { "alpha", 3L, 0.5 }, null))));
        }

        @Override
        public Optional<SourceTable> resolve(String name) {
            read.add(name);
            return Optional.ofNullable(tables.get(name));
        }

        @Override
        public List<String> tableNames() {
            return List.copyOf(tables.keySet());
        }
    }

    final ListingResolver resolver = new ListingResolver();

    KqlResult run(String kql) {
        return KqlEngine.run(kql, resolver, KqlEngineTest.NOW);
    }

    static List<String> names(KqlResult r) {
        return r.columns().stream().map(Column::name).toList();
    }

    static List<List<Object>> values(KqlResult r) {
        return r.rows().stream().map(Arrays::asList).toList();
    }

    @Test
    void aWildcardUnionsTheMatchingTablesInAlphabeticalOrderAndReadsNoOther() {
        KqlResult r = run("union withsource=SourceTable A*");
        assertEquals(List.of("SourceTable", "Name", "N", "X"), names(r));
        assertEquals(List.of(Arrays.asList("Alpha", "alpha", 3L, 0.5), Arrays.asList("Apple", "apple one", 1L, null),
                Arrays.asList("Apple", "apple error", 2L, null)), values(r));
        assertEquals(List.of("Alpha", "Apple"), resolver.read);
    }

    @Test
    void starUnionsEveryTableAndKindInnerKeepsTheCommonColumns() {
        KqlResult all = run("union withsource=T * | summarize count() by T | sort by T asc");
        assertEquals(List.of(List.of("Alpha", 1L), List.of("Apple", 2L), List.of("Beta", 1L)), values(all));

        KqlResult inner = run("union kind=inner *");
        assertEquals(List.of("Name"), names(inner));
        assertEquals(4, inner.rows().size());

        KqlResult mixed = run("union withsource=T kind=outer Be*, Alpha");
        assertEquals(List.of("T", "Name", "B", "N", "X"), names(mixed));
        assertEquals(List.of("Beta", "Alpha"), values(mixed).stream().map(v -> v.get(0)).toList());
    }

    @Test
    void aWildcardMatchingNoTableIsASemanticError() {
        KqlSemanticException e = assertThrows(KqlSemanticException.class, () -> run("union Gamma*"));
        assertEquals("SEM0100", e.code());
        assertTrue(e.getMessage().contains("'Gamma*'"), e.getMessage());
    }

    @Test
    void isfuzzySkipsLegsThatDoNotResolveButNotAllOfThem() {
        KqlResult r = run("union isfuzzy=true withsource=T Alpha, Missing, Gamma*");
        assertEquals(List.of(List.of("Alpha")), values(run(
                "union isfuzzy=true withsource=T Alpha, Missing, Gamma* | project T")));
        assertEquals(1, r.rows().size());
        assertThrows(KqlSemanticException.class, () -> run("union Alpha, Missing"));
        KqlSemanticException none = assertThrows(KqlSemanticException.class,
                () -> run("union isfuzzy=true Missing, Gamma*"));
        assertEquals("SEM0100", none.code());
    }

    @Test
    void searchWithoutTablesSearchesEveryTableAndNamesItInTable() {
        KqlResult r = run("search \"error\"");
        assertEquals(List.of("$table", "Name", "N", "X", "B"), names(r));
        assertEquals(List.of(Arrays.asList("Apple", "apple error", 2L, null, null),
                Arrays.asList("Beta", "b1 error here", null, null, 10L)), values(r));
    }

    @Test
    void searchInTablesTakesWildcards() {
        KqlResult r = run("search in (Ap*, Beta) \"error\" | project $table, Name");
        assertEquals(List.of(List.of("Apple", "apple error"), List.of("Beta", "b1 error here")), values(r));
        assertThrows(KqlSemanticException.class, () -> run("search in (Gamma*) \"error\""));
    }

    @Test
    void aResolverThatListsNoTablesStillAnswersNotSupportedByEmulator() {
        TableResolver silent = resolver::resolve;
        assertThrows(NotSupportedByEmulatorException.class, () -> KqlEngine.run("union A*", silent,
                KqlEngineTest.NOW));
        assertThrows(NotSupportedByEmulatorException.class, () -> KqlEngine.run("search \"x\"", silent,
                KqlEngineTest.NOW));
    }
}
