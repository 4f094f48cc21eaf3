package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;

/**
 * {@code union} over table wildcards and {@code search} over all tables through the emulator: the workspace lists
 * its tables' names, and the counts come from the sample workspace's own records.
 */
class UnionOverEmulatorTest extends ServerTestSupport {

    /** Record counts of the sample workspace's tables whose names start with one of the prefixes. */
    private Map<String, Long> countsOfTablesStartingWith(String... prefixes) {
        Map<String, Long> counts = new TreeMap<>();
        for (Table t : sample.tables()) {
            for (String p : prefixes) {
                if (t.name().startsWith(p)) {
                    counts.put(t.name(), (long) t.records().size());
                }
            }
        }
        return counts;
    }

    @Test
    void unionWithsourceOverWildcardsCountsEachMatchedTable() throws Exception {
        HttpResponse<String> r = query("union withsource=T Heart*, AzureAct* | summarize count() by T");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode table = JSON.readTree(r.body()).get("tables").get(0);
        assertEquals("T", table.get("columns").get(0).get("name").asText());
        assertEquals("string", table.get("columns").get(0).get("type").asText());
        Map<String, Long> got = new TreeMap<>();
        for (JsonNode row : table.get("rows")) {
            got.put(row.get(0).asText(), row.get(1).asLong());
        }
        Map<String, Long> expected = countsOfTablesStartingWith("Heart", "AzureAct");
        assertTrue(expected.containsKey("Heartbeat") && expected.containsKey("AzureActivity"), expected.toString());
        assertEquals(expected, got);
    }

    @Test
    void aWildcardMatchingNoTableIsASemanticErrorNotNotSupported() throws Exception {
        HttpResponse<String> r = query("union NoSuchTable*");
        assertEquals(400, r.statusCode(), r.body());
        JsonNode inner = JSON.readTree(r.body()).get("error").get("innererror");
        assertEquals("SemanticError", inner.get("code").asText());
        assertEquals("SEM0100", inner.get("innererror").get("code").asText(), r.body());
    }

    @Test
    void searchOverAllTablesNamesEachRowsTable() throws Exception {
        String computer = sample.table("Heartbeat").orElseThrow().records().get(0).value(
                sample.table("Heartbeat").orElseThrow().columnIndex("Computer")).toString();
        HttpResponse<String> r = query("search \"" + computer + "\" | where $table == 'Heartbeat' | count");
        assertEquals(200, r.statusCode(), r.body());
        long expected = sample.table("Heartbeat").orElseThrow().records().stream()
                .filter(rec -> computer.equals(rec.value(
                        sample.table("Heartbeat").orElseThrow().columnIndex("Computer"))))
                .count();
        assertTrue(expected > 0);
        long got = JSON.readTree(r.body()).get("tables").get(0).get("rows").get(0).get(0).asLong();
        assertEquals(expected, got);
    }

    @Test
    void aWildcardGeneratesOnlyTheLazyTablesItMatches() throws Exception {
        AtomicInteger zuluFilled = new AtomicInteger();
        Workspace ws = new Workspace("5b1c2d3e-0000-4000-8000-0000000000aa", "sub", "rg", "lazy");
        ws.addTable(Table.lazy("Alpha", java.util.List.of(Column.of("Name", ColumnType.STRING)),
                t -> t.addRow("a1")));
        ws.addTable(Table.lazy("Apple", java.util.List.of(Column.of("Name", ColumnType.STRING)), t -> {
            t.addRow("p1");
            t.addRow("p2");
        }));
        ws.addTable(Table.lazy("Zulu", java.util.List.of(Column.of("Name", ColumnType.STRING)), t -> {
            zuluFilled.incrementAndGet();
            t.addRow("z1");
        }));
        server.addWorkspace(ws).grant(TestTokens.CLIENT);
        assertEquals(java.util.List.of("Alpha", "Apple", "Zulu"), ws.tableNames());
        assertEquals(0, zuluFilled.get());

        HttpResponse<String> r = send(post(directUrl(ws.id()), "union withsource=T A* | summarize n = count() by T "
                + "| sort by T asc", null));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode rows = JSON.readTree(r.body()).get("tables").get(0).get("rows");
        assertEquals("[[\"Alpha\",1],[\"Apple\",2]]", rows.toString());
        assertEquals(0, zuluFilled.get(), "Zulu, which A* does not match, was generated");
    }
}
