package io.github.camelloganalytics.testkit.kql.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.KqlSyntaxException;
import io.github.camelloganalytics.testkit.kql.parse.KqlParsing;

/** The syntax tree the builder makes from the parse tree: node kinds, names, literals and source positions. */
class AstBuilderTest {

    static Query build(String kql) {
        return AstBuilder.build(KqlParsing.parse(kql));
    }

    @Test
    void statementsPipelinesAndPositions() {
        Query q = build("let threshold = 5m;\nHeartbeat\n| where TimeGenerated > ago(threshold) and Computer has 'web'"
                + "\n| summarize n = count() by bin(TimeGenerated, 1h), Computer");
        assertEquals(2, q.statements().size());
        Statement.Let let = assertInstanceOf(Statement.Let.class, q.statements().get(0));
        assertEquals("threshold", let.name());
        Expression.Literal five = assertInstanceOf(Expression.Literal.class,
                ((Pipeline) let.value()).singleExpression());
        assertEquals(ColumnType.TIMESPAN, five.type());
        assertEquals(Duration.ofMinutes(5), five.value());

        Pipeline p = assertInstanceOf(Statement.Tabular.class, q.statements().get(1)).pipeline();
        assertEquals("Heartbeat", assertInstanceOf(Expression.Name.class,
                assertInstanceOf(Source.Of.class, p.source()).expression()).name());
        assertEquals(new Span(2, 0, "Heartbeat"), p.source().span());

        TabularOperator.Where where = assertInstanceOf(TabularOperator.Where.class, p.operators().get(0));
        assertEquals(3, where.span().line());
        assertEquals(2, where.span().column());
        Expression.Binary and = assertInstanceOf(Expression.Binary.class, where.predicate());
        assertEquals("and", and.operator());
        Expression.Binary has = assertInstanceOf(Expression.Binary.class, and.right());
        assertEquals("has", has.operator());
        assertEquals(new Span(3, 43, "Computerhas'web'"), has.span());

        TabularOperator.Summarize s = assertInstanceOf(TabularOperator.Summarize.class, p.operators().get(1));
        assertEquals("n", s.aggregations().get(0).name());
        assertEquals("count", assertInstanceOf(Expression.Call.class, s.aggregations().get(0).expression())
                .function());
        assertEquals(2, s.by().size());
        assertNull(s.by().get(0).name());
        Expression.Call bin = assertInstanceOf(Expression.Call.class, s.by().get(0).expression());
        assertEquals(List.of("TimeGenerated", "1h"), bin.arguments().stream().map(a -> a.span().text()).toList());
    }

    @Test
    void operatorKeywordsAsErrorMessagesNameThem() {
        Pipeline p = assertInstanceOf(Statement.Tabular.class,
                build("T | filter x | order by y asc nulls last | limit 3").statements().get(0)).pipeline();
        assertEquals(List.of("where", "sort", "limit"), p.operators().stream().map(TabularOperator::keyword).toList());
        Clause.SortKey key = ((TabularOperator.Sort) p.operators().get(1)).keys().get(0);
        assertTrue(key.ascending());
        assertFalse(key.nullsFirst());
    }

    @Test
    void namesLoseTheirBracketsAndMembersTheirQuotes() {
        Pipeline p = assertInstanceOf(Statement.Tabular.class,
                build("T | project ['my col'] = Properties['a b'].c, Tags[0]").statements().get(0)).pipeline();
        TabularOperator.Project project = (TabularOperator.Project) p.operators().get(0);
        assertEquals("my col", project.items().get(0).name());
        Expression.Member c = assertInstanceOf(Expression.Member.class, project.items().get(0).expression());
        assertEquals("c", c.member());
        assertEquals("a b", assertInstanceOf(Expression.Member.class, c.target()).member());
        assertInstanceOf(Expression.Index.class, project.items().get(1).expression());
    }

    @Test
    void functionsJoinsAndDynamicLiterals() {
        Query q = build("let f = (t:(*), n:long = 2) { t | take n };\n"
                + "T | join kind=leftouter (U | where a == 1) on $left.k == $right.k | extend d = dynamic({'a':[1,2]})");
        Statement.Lambda f = assertInstanceOf(Statement.Lambda.class, ((Statement.Let) q.statements().get(0)).value());
        assertTrue(f.parameters().get(0).tabular());
        assertEquals("long", f.parameters().get(1).scalarType());
        assertInstanceOf(Expression.Literal.class, f.parameters().get(1).defaultValue());
        assertEquals(1, f.body().size());

        Pipeline p = ((Statement.Tabular) q.statements().get(1)).pipeline();
        TabularOperator.Join join = (TabularOperator.Join) p.operators().get(0);
        assertEquals("leftouter", Clause.OperatorParameter.value(join.parameters(), "kind", null));
        assertInstanceOf(Expression.Parenthesized.class, join.right());
        assertEquals("==", ((Expression.Binary) join.conditions().get(0)).operator());
        Expression.DynamicLiteral d = assertInstanceOf(Expression.DynamicLiteral.class,
                ((TabularOperator.Extend) p.operators().get(1)).items().get(0).expression());
        assertEquals("{\"a\":[1,2]}", d.value().toString());
    }

    @Test
    void aTypedLiteralThatIsNotOfItsTypeIsASyntaxErrorAtItsPosition() {
        KqlSyntaxException e = assertThrows(KqlSyntaxException.class,
                () -> build("print x = 1,\n  y = datetime(2024-13-45)"));
        assertEquals(2, e.line());
        assertEquals(6, e.position());
    }

    /** The resolver and the run phase read the syntax tree only: no class outside parse and ast names ANTLR. */
    @Test
    void onlyTheParserAndTheBuilderReadTheParseTree() throws IOException {
        Path kql = Path.of("src/main/java/io/github/camelloganalytics/testkit/kql");
        try (Stream<Path> files = Files.walk(kql)) {
            List<String> readers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            String s = Files.readString(f);
                            return s.contains("import org.antlr") || s.contains("grammar.Kql");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(f -> kql.relativize(f).toString().replace('\\', '/')).sorted().toList();
            assertEquals(List.of("ast/AstBuilder.java", "parse/KqlParsing.java"), readers);
        }
    }
}
