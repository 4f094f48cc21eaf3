package io.github.camelloganalytics.testkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files become tables with the types a user expects, and bad files are refused naming where they are bad. */
class TableLoaderTest {

    @TempDir
    Path dir;

    static Table load(String name, DataFormat format, String text) {
        return TableLoader.load(name, format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), null);
    }

    static List<String> types(Table t) {
        return t.columns().stream().map(c -> c.name() + ":" + c.type().kqlName()).toList();
    }

    @Test
    void ndjsonColumnsInFirstSeenOrderWithInferredTypes() {
        Table t = load("Orders_CL", DataFormat.NDJSON, """
                {"TimeGenerated":"2026-03-01T10:00:00Z","OrderId":1,"Amount":10,"Paid":true,"Lines":[{"sku":"A"}]}

                {"TimeGenerated":"2026-03-01T11:00:00.5Z","OrderId":2,"Amount":12.5,"Paid":false,"Note":"rush"}
                """);
        assertEquals(List.of("TimeGenerated:datetime", "OrderId:long", "Amount:real", "Paid:bool", "Lines:dynamic",
                "Note:string"), types(t));
        assertEquals(2, t.size());
        assertEquals(Instant.parse("2026-03-01T11:00:00.5Z"), t.records().get(1).value(0));
        assertEquals(10.0, t.records().get(0).value(2));
        assertEquals("A", ((JsonNode) t.records().get(0).value(4)).get(0).get("sku").asText());
        assertNull(t.records().get(0).value(5));
        assertEquals(Instant.parse("2026-03-01T10:00:00Z"), t.records().get(0).ingestionTime());
    }

    @Test
    void csvWithQuotedCommasQuotesAndLineBreaks() {
        Table t = load("Tickets_CL", DataFormat.CSV, "\uFEFFTimeGenerated,Id,Title,Score,Open\r\n"
                                                     + "2026-03-01T10:00:00Z,7,\"Disk full, again\",1.5,true\r\n"
                                                     + "2026-03-02T10:00:00Z,8,\"said \"\"hi\"\"\nand left\",2,FALSE\r\n"
                                                     + "2026-03-03T10:00:00Z,9,,,\r\n");
        assertEquals(List.of("TimeGenerated:datetime", "Id:long", "Title:string", "Score:real", "Open:bool"), types(t));
        assertEquals("Disk full, again", t.records().get(0).value(2));
        assertEquals("said \"hi\"\nand left", t.records().get(1).value(2));
        assertEquals(false, t.records().get(1).value(4));
        assertEquals("", t.records().get(2).value(2));
        assertNull(t.records().get(2).value(3));
    }

    @Test
    void aQueryApiResponseReplaysWithItsOwnTypes() {
        // the shape the service answers (dynamic as JSON text in a string, 7-digit datetimes, NaN as a string)
        Table t = load("Saved", DataFormat.JSON, """
                {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},
                {"name":"Computer","type":"string"},{"name":"Count","type":"int"},{"name":"Props","type":"dynamic"},
                {"name":"Avg","type":"real"},{"name":"Took","type":"timespan"},{"name":"Id","type":"guid"}],
                "rows":[["2026-03-01T10:00:00.1234567Z","vm-1",3,"{\\"a\\":1}","NaN","00:00:01.5000000",
                "3f5a7c9e-1b2d-4e6f-8a0b-2c4d6e8f0a1b"],[null,"vm-2",null,null,null,null,null]]}]}
                """);
        assertEquals(List.of("TimeGenerated:datetime", "Computer:string", "Count:int", "Props:dynamic", "Avg:real",
                "Took:timespan", "Id:guid"), types(t));
        assertEquals(Instant.parse("2026-03-01T10:00:00.1234567Z"), t.records().get(0).value(0));
        assertEquals(1, ((JsonNode) t.records().get(0).value(3)).get("a").asInt());
        assertTrue(Double.isNaN((Double) t.records().get(0).value(4)));
        assertEquals(java.time.Duration.ofMillis(1500), t.records().get(0).value(5));
        assertEquals(2, t.size());
    }

    @Test
    void aJsonArrayOfObjectsLoadsLikeNdjson() {
        Table t = load("People_CL", DataFormat.JSON, "[{\"Name\":\"a\",\"Age\":3},{\"Name\":\"b\"}]");
        assertEquals(List.of("Name:string", "Age:long"), types(t));
    }

    @Test
    void aSchemaFileBesideTheDataTypesItsColumnsAndTheRestIsInferred() throws Exception {
        Files.writeString(dir.resolve("Orders_CL.ndjson"), "{\"OrderId\":\"17\",\"Amount\":3,\"Region\":\"eu\"}\n");
        Files.writeString(dir.resolve("Orders_CL.schema.json"),
                "[{\"name\":\"OrderId\",\"type\":\"string\"},{\"name\":\"Amount\",\"type\":\"decimal\"},"
                                                                + "{\"name\":\"TimeGenerated\",\"type\":\"datetime\"}]");
        Files.writeString(dir.resolve("Metrics_CL.csv"), "Name,Value\ncpu,0.5\n");
        Files.writeString(dir.resolve("notes.txt"), "not data");
        List<Table> tables = TableLoader.loadDirectory(dir);
        assertEquals(List.of("Metrics_CL", "Orders_CL"), tables.stream().map(Table::name).toList());
        Table orders = tables.get(1);
        assertEquals(List.of("OrderId:string", "Amount:decimal", "TimeGenerated:datetime", "Region:string"), types(orders));
        assertEquals(new java.math.BigDecimal("3"), orders.records().get(0).value(1));
        assertNull(orders.records().get(0).value(2));
    }

    @Test
    void aValueThatDoesNotFitItsSchemaTypeIsRefusedNamingFileRecordAndColumn() throws Exception {
        Files.writeString(dir.resolve("Orders_CL.csv"), "OrderId,Placed\n1,2026-03-01\n2,soon\n");
        Files.writeString(dir.resolve("Orders_CL.schema.json"),
                "{\"columns\":[{\"name\":\"OrderId\",\"type\":\"long\"},{\"name\":\"Placed\",\"type\":\"datetime\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TableLoader.load(dir.resolve("Orders_CL.csv")));
        assertTrue(e.getMessage().contains("Orders_CL.csv") && e.getMessage().contains("row 2")
                   && e.getMessage().contains("Placed") && e.getMessage().contains("soon"), e.getMessage());
    }

    @Test
    void badFilesAreRefusedNamingWhere() throws Exception {
        Files.writeString(dir.resolve("A.ndjson"), "{\"a\":1}\n{\"a\":\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TableLoader.load(dir.resolve("A.ndjson")))
                .getMessage().startsWith("A.ndjson line 2: not JSON"));
        Files.writeString(dir.resolve("B.ndjson"), "[1,2]\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TableLoader.load(dir.resolve("B.ndjson")))
                .getMessage().contains("line 1: not a JSON object"));
        Files.writeString(dir.resolve("C.csv"), "a,b\n1\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TableLoader.load(dir.resolve("C.csv")))
                .getMessage().contains("C.csv line 2: 1 fields, the header names 2"));
        Files.writeString(dir.resolve("D.csv"), "a\n\"open\n");
        assertThrows(java.io.UncheckedIOException.class, () -> TableLoader.load(dir.resolve("D.csv")));
        Files.writeString(dir.resolve("E.ndjson"), "");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TableLoader.load(dir.resolve("E.ndjson")))
                .getMessage().contains("no columns"));
        Files.writeString(dir.resolve("F.csv"), "x\n1\n");
        Files.writeString(dir.resolve("F.schema.json"), "[{\"name\":\"x\",\"type\":\"integer\"}]");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TableLoader.load(dir.resolve("F.csv")))
                .getMessage().contains("integer"));
        Files.writeString(dir.resolve("G.json"), "{\"rows\":[]}");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TableLoader.load(dir.resolve("G.json")))
                .getMessage().contains("expected a query API response"));
    }

    @Test
    void tableNamesComeFromFileNames() {
        assertEquals("Orders_CL", DataFormat.tableName("Orders_CL.ndjson"));
        assertEquals(DataFormat.NDJSON, DataFormat.ofFileName("x.JSONL").orElseThrow());
        assertTrue(DataFormat.ofFileName("Orders_CL.schema.json").isEmpty());
        assertTrue(DataFormat.ofFileName(".csv").isEmpty());
        assertEquals(List.of(Column.of("a", ColumnType.LONG)),
                TableLoader.readSchema("T", new ByteArrayInputStream("[{\"name\":\"a\",\"type\":\"long\"}]".getBytes()))
                        .columns());
    }
}
