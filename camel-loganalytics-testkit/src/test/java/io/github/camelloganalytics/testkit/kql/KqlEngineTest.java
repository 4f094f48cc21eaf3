package io.github.camelloganalytics.testkit.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;

/** The tokenizer, parser and evaluator alone: literal forms, error positions, typing. */
class KqlEngineTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    final TableResolver resolver = name -> name.equals("T") ? Optional.of(new SourceTable(
            List.of(Column.of("TimeGenerated", ColumnType.DATETIME), Column.of("Name", ColumnType.STRING),
                    Column.of("N", ColumnType.LONG), Column.of("Span", ColumnType.TIMESPAN),
                    Column.of("Ratio", ColumnType.REAL)),
            List.of(new Row(new Object[] { NOW.minusSeconds(60), "it's \"quoted\"", 1L, Duration.ofMinutes(90), 0.5 },
                    NOW),
                    new Row(new Object[] { NOW.minusSeconds(7200), "C:\\temp\\x", 2L, Duration.ofSeconds(30), null },
                            NOW.minusSeconds(3600)))))
            : Optional.empty();

    List<Object[]> rows(String kql) {
        return KqlEngine.run(kql, resolver, NOW).rows();
    }

    @Test
    void literalForms() {
        assertEquals(1, rows("T | where Name == 'it\\'s \"quoted\"'").size());
        assertEquals(1, rows("T | where Name == @'C:\\temp\\x'").size());
        assertEquals(1, rows("T | where Span > 1h").size());
        assertEquals(1, rows("T | where Span between (1.5h .. 90min)").size());
        assertEquals(2, rows("T | where Span >= 30s and Span <= 1d").size());
        assertEquals(1, rows("T | where Span == 30000ms").size());
        assertEquals(1, rows("T | where TimeGenerated > datetime(\"2025-06-01 11:30\")").size());
        assertEquals(2, rows("T | where TimeGenerated > datetime(2025-06-01)").size());
        assertEquals(1, rows("T | where Ratio > 0.25 // comment\n| project N").size());
        assertEquals(1, rows("T | where Ratio > 2.5e-1;").size());
        assertEquals(1, rows("T | where TimeGenerated between (datetime(2025-06-01T11:00:00Z) .. 1h)").size());
        assertEquals(2, rows("T | where -N < 0").size());
    }

    @Test
    void printAnswersOneRowOfItsScalarsWithoutATable() {
        KqlResult one = KqlEngine.run("print 1", name -> Optional.empty(), NOW);
        assertEquals(List.of(Column.of("print_0", ColumnType.LONG)), one.columns());
        assertEquals(1, one.rows().size());
        assertEquals(1L, one.rows().get(0)[0]);

        KqlResult named = KqlEngine.run("print 'a', n = 2 + 3 | extend m = n + 1", resolver, NOW);
        assertEquals(List.of("print_0", "n", "m"), named.columns().stream().map(Column::name).toList());
        assertEquals(List.of("a", 5L, 6L), List.of(named.rows().get(0)));

        assertThrows(KqlSemanticException.class, () -> KqlEngine.run("print Name", resolver, NOW));
        assertThrows(KqlSyntaxException.class, () -> KqlEngine.run("print", resolver, NOW));
    }

    @Test
    void nullsCompareAsNeitherTrueNorFalse() {
        assertEquals(1, rows("T | where Ratio < 1").size());
        assertEquals(0, rows("T | where Ratio > 1").size());
        assertEquals(1, rows("T | where not(Ratio < 1) or N == 2").size());
        assertEquals(0, rows("T | where not(Ratio < 1)").size());
    }

    @Test
    void aggregatesLoseTheIngestionTime() {
        Object[] r = rows("T | summarize c = count() | extend I = ingestion_time()").get(0);
        assertEquals(2L, r[0]);
        assertNull(r[1]);
    }

    @Test
    void syntaxErrorsNameTheOffendingToken() {
        KqlSyntaxException e = assertThrows(KqlSyntaxException.class, () -> rows("T\n| where N ==\n| take 1"));
        assertEquals(3, e.line());
        assertEquals(0, e.position());
        assertEquals("|", e.token());
        assertEquals("Query could not be parsed at '|' on line [3,0]", e.getMessage());
        assertEquals("<EOF>", assertThrows(KqlSyntaxException.class, () -> rows("T | take")).token());
        assertThrows(KqlSyntaxException.class, () -> rows("T | where N == 5x"));
        assertThrows(KqlSyntaxException.class, () -> rows("let x = 1 T"));
        assertThrows(KqlSyntaxException.class, () -> rows("T | where Name == 'a' #"));
        assertThrows(KqlSyntaxException.class, () -> rows("T | where Name in 'a'"));
        assertThrows(KqlSyntaxException.class, () -> rows("T | project N * "));
        // valid KQL is never a syntax error, whatever the engine runs
        assertEquals("SEM0001", assertThrows(KqlSemanticException.class, () -> rows("T | render table | take 1"))
                .code());
        assertEquals(0, rows("T | where Name matches regex 'a'").size());
        assertEquals(0, rows("T | where Name in ('a')").size());
        assertEquals(List.of(2L, 4L), rows("T | project N * 2").stream().map(r -> r[0]).toList());
    }

    @Test
    void semanticErrorsAreTyped() {
        KqlSemanticException table = assertThrows(KqlSemanticException.class, () -> rows("U"));
        assertEquals("SEM0100", table.code());
        assertEquals("Failed to resolve table or column expression named 'U'", table.getMessage());
        assertEquals("'take' operator: Failed to resolve table or column expression named 'U'",
                assertThrows(KqlSemanticException.class, () -> rows("U | take 1")).getMessage());
        assertEquals("'extend' operator: Failed to resolve scalar expression named 'Nope'",
                assertThrows(KqlSemanticException.class, () -> rows("T | extend X = Nope")).getMessage());
        assertEquals("SEM0025", assertThrows(KqlSemanticException.class, () -> rows("T | where N")).code());
        assertEquals("SEM0219", assertThrows(KqlSemanticException.class, () -> rows("T | where ago(5) > now()"))
                .code());
        assertEquals("SEM0001", assertThrows(KqlSemanticException.class, () -> rows("T | where Name + 1 == 2"))
                .code());
        assertEquals("SEM0001", assertThrows(KqlSemanticException.class, () -> rows("T | where Span between (1 .. 2)"))
                .code());
        assertEquals("SEM0001", assertThrows(KqlSemanticException.class, () -> rows("T | take 'a'")).code());
    }

    @Test
    void renderIsKeptForTheResponse() {
        assertEquals("timechart", KqlEngine.run("T | summarize count() by Name | render timechart", resolver, NOW)
                .visualization());
        assertNull(KqlEngine.run("T", resolver, NOW).visualization());
    }
}
