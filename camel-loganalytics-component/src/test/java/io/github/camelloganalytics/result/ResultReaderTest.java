package io.github.camelloganalytics.result;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultReaderTest {

    private static final String ALL_TYPES_COLUMNS = """
            [{"name":"b","type":"bool"},{"name":"i","type":"int"},{"name":"l","type":"long"},
             {"name":"r","type":"real"},{"name":"d","type":"decimal"},{"name":"s","type":"string"},
             {"name":"t","type":"datetime"},{"name":"ts","type":"timespan"},{"name":"g","type":"guid"},
             {"name":"dyn","type":"dynamic"}]""";

    private static final String ALL_TYPES_ROW = """
            [true,42,9007199254740993,1.5,"79228162514264337593543950335","text",
             "2024-03-01T12:34:56.1234567Z","1.02:03:04.5000000","0f8fad5b-d9cb-469f-a165-70867728950e",
             "{\\"a\\":[1,2]}"]""";

    private static final String NULL_ROW = "[null,null,null,null,null,null,null,null,null,null]";

    private final ResultReader reader = new ResultReader();

    private static InputStream json(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertAllTypesRow(Object[] row) {
        assertEquals(10, row.length);
        assertEquals(Boolean.TRUE, row[0]);
        assertEquals(Integer.valueOf(42), row[1]);
        assertEquals(Long.valueOf(9007199254740993L), row[2]);
        assertEquals(Double.valueOf(1.5), row[3]);
        assertEquals(new BigDecimal("79228162514264337593543950335"), row[4]);
        assertEquals("text", row[5]);
        assertEquals(OffsetDateTime.of(2024, 3, 1, 12, 34, 56, 123_456_700, ZoneOffset.UTC), row[6]);
        assertEquals(Duration.ofSeconds(93784, 500_000_000), row[7]);
        assertEquals(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), row[8]);
        assertEquals(Map.of("a", List.of(1, 2)), row[9]);
        Class<?>[] expected = {Boolean.class, Integer.class, Long.class, Double.class, BigDecimal.class,
                String.class, OffsetDateTime.class, Duration.class, UUID.class, LinkedHashMap.class};
        for (int i = 0; i < row.length; i++) {
            assertSame(expected[i], row[i].getClass(), "column " + i);
        }
    }

    private MalformedResultException malformed(String body) {
        return malformed(body.getBytes(StandardCharsets.UTF_8));
    }

    private MalformedResultException malformed(byte[] body) {
        MalformedResultException kept = assertThrows(MalformedResultException.class,
                () -> reader.read(new ByteArrayInputStream(body)));
        MalformedResultException streamed = assertThrows(MalformedResultException.class,
                () -> reader.read(new ByteArrayInputStream(body), new CountingHandler()));
        assertEquals(kept.getMessage(), streamed.getMessage());
        return kept;
    }

    private static void assertMessageHas(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected \"" + part + "\" in: " + e.getMessage());
        }
    }

    /** Records what the reader calls, and keeps rows of the tables it accepts. */
    private static class RecordingHandler implements RowHandler {
        final List<String> events = new ArrayList<>();
        final List<Object[]> rows = new ArrayList<>();
        private final int acceptOnly;

        RecordingHandler(int acceptOnly) {
            this.acceptOnly = acceptOnly;
        }

        @Override
        public boolean startTable(int tableIndex, String name, List<Column> columns) {
            events.add("start " + tableIndex + " " + name + " " + columns);
            return acceptOnly < 0 || tableIndex == acceptOnly;
        }

        @Override
        public void row(Object[] values) {
            rows.add(values);
        }

        @Override
        public void endTable(int tableIndex, int rowCount) {
            events.add("end " + tableIndex + " " + rowCount);
        }
    }

    private static class CountingHandler implements RowHandler {
        long rows;
        int ended;

        @Override
        public boolean startTable(int tableIndex, String name, List<Column> columns) {
            return true;
        }

        @Override
        public void row(Object[] values) {
            rows++;
        }

        @Override
        public void endTable(int tableIndex, int rowCount) {
            ended++;
        }
    }

    @Test
    void readsEveryColumnTypeWithExactValuesAndTypes() throws Exception {
        QueryResult result = reader.read(json("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":"
                + ALL_TYPES_COLUMNS + ",\"rows\":[" + ALL_TYPES_ROW + "," + NULL_ROW + "]}]}"));
        assertEquals(1, result.getTables().size());
        ResultTable table = result.getPrimaryTable();
        assertEquals("PrimaryResult", table.getName());
        assertEquals(new Column("b", ColumnType.BOOL), table.getColumns().get(0));
        assertEquals(new Column("dyn", ColumnType.DYNAMIC), table.getColumns().get(9));
        assertEquals(2, table.getRowCount());
        assertAllTypesRow(table.getRows().get(0).toArray());
        assertEquals(Arrays.asList(new Object[10]), table.getRows().get(1));
        assertNull(result.getStatistics());
        assertNull(result.getVisualization());
        assertNull(result.getError());
        assertFalse(result.isPartial());
    }

    @Test
    void streamsEveryColumnTypeToAHandler() throws Exception {
        RecordingHandler handler = new RecordingHandler(-1);
        QueryResult result = reader.read(json("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":"
                + ALL_TYPES_COLUMNS + ",\"rows\":[" + ALL_TYPES_ROW + "," + NULL_ROW + "]}]}"), handler);
        assertEquals(2, handler.rows.size());
        assertAllTypesRow(handler.rows.get(0));
        assertArrayEquals(new Object[10], handler.rows.get(1));
        assertEquals("end 0 2", handler.events.get(1));
        ResultTable table = result.getPrimaryTable();
        assertEquals("PrimaryResult", table.getName());
        assertEquals(10, table.getColumns().size());
        assertEquals(0, table.getRowCount(), "streamed rows are not kept");
    }

    @Test
    void multipleTablesInOrder() throws Exception {
        QueryResult result = reader.read(json("""
                {"tables":[
                  {"name":"PrimaryResult","columns":[{"name":"n","type":"long"}],"rows":[[1],[2]]},
                  {"name":"Second","columns":[{"name":"s","type":"string"},{"name":"x","type":"int"}],
                   "rows":[["a",1]]},
                  {"name":"Empty","columns":[],"rows":[]}
                ]}"""));
        assertEquals(3, result.getTables().size());
        assertEquals(List.of(List.of(1L), List.of(2L)), result.getTables().get(0).getRows());
        assertEquals("Second", result.getTables().get(1).getName());
        assertEquals(List.of(Arrays.asList("a", 1)), result.getTables().get(1).getRows());
        Map<String, Object> row = result.getTables().get(1).toMaps().get(0);
        assertEquals(Map.of("s", "a", "x", 1), row);
        assertEquals(List.of("a", 1), new ArrayList<>(row.values()), "values in column order");
        assertThrows(UnsupportedOperationException.class, () -> row.values().clear());
        assertEquals(0, result.getTables().get(2).getRowCount());
        assertEquals(List.of(), result.getTables().get(2).getColumns());
    }

    @Test
    void readsStatisticsRenderAndErrorAsOrderedMaps() throws Exception {
        QueryResult result = reader.read(json("""
                {"tables":[{"name":"PrimaryResult","columns":[{"name":"n","type":"int"}],"rows":[[1]]}],
                 "statistics":{"query":{"executionTime":0.0156,"resourceUsage":{"cache":{"memory":{"hits":7}}},
                   "inputDatasetStatistics":{"extents":{"total":2}}},"dataset":[{"tableRowCount":1}]},
                 "render":{"visualization":"timechart","title":"","ySplit":null,"accumulate":false}}"""));
        Map<String, Object> stats = result.getStatistics();
        assertInstanceOf(LinkedHashMap.class, stats);
        Map<?, ?> query = (Map<?, ?>) stats.get("query");
        assertEquals(List.of("executionTime", "resourceUsage", "inputDatasetStatistics"),
                new ArrayList<>(query.keySet()));
        assertEquals(0.0156, query.get("executionTime"));
        assertEquals(7, ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) query.get("resourceUsage")).get("cache"))
                .get("memory")).get("hits"));
        assertEquals(List.of(Map.of("tableRowCount", 1)), stats.get("dataset"));
        Map<String, Object> render = result.getVisualization();
        assertEquals("timechart", render.get("visualization"));
        assertTrue(render.containsKey("ySplit"));
        assertNull(render.get("ySplit"));
        assertEquals(Boolean.FALSE, render.get("accumulate"));
        assertNull(result.getError());
    }

    @Test
    void partialErrorBesideTables() throws Exception {
        String body = """
                {"tables":[{"name":"PrimaryResult","columns":[{"name":"n","type":"int"}],"rows":[[1],[2]]}],
                 "error":{"code":"PartialError","message":"There were some errors when processing your query.",
                   "details":[{"code":"EngineError","message":"Something went wrong processing your query on the server.",
                     "innererror":{"code":"-2133196797","message":"Query result set has exceeded the internal record count limit 500000 (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)",
                       "severity":2,"severityName":"Error"}}]}}""";
        QueryResult result = reader.read(json(body));
        assertTrue(result.isPartial());
        assertEquals(2, result.getPrimaryTable().getRowCount());
        assertEquals("PartialError", result.getError().get("code"));
        List<?> details = (List<?>) result.getError().get("details");
        Map<?, ?> inner = (Map<?, ?>) ((Map<?, ?>) details.get(0)).get("innererror");
        assertEquals(2, inner.get("severity"));
        assertTrue(((String) inner.get("message")).contains("E_QUERY_RESULT_SET_TOO_LARGE"));

        RowCollector collector = new RowCollector();
        QueryResult streamed = reader.read(json(body), collector);
        assertTrue(streamed.isPartial());
        assertEquals(2, collector.getRows().size());
    }

    @Test
    void errorWithoutTablesIsReadNotRejected() throws Exception {
        QueryResult result = reader.read(json("""
                {"error":{"code":"BadArgumentError","message":"The request had some invalid properties",
                  "innererror":{"code":"SyntaxError","message":"A recognition error occurred in the query.",
                    "innererror":{"code":"SYN0002","message":"Query could not be parsed at 'foo'"}}}}"""));
        assertEquals(List.of(), result.getTables());
        assertNull(result.getPrimaryTable());
        assertEquals("BadArgumentError", result.getError().get("code"));
        Map<?, ?> deepest = (Map<?, ?>) ((Map<?, ?>) result.getError().get("innererror")).get("innererror");
        assertEquals("SYN0002", deepest.get("code"));
    }

    @Test
    void keysInAnyOrderAndUnknownKeysSkipped() throws Exception {
        String body = """
                {"unknown":{"deep":[1,{"x":[]}]},"render":{"visualization":"table"},
                 "statistics":{"query":{}},
                 "tables":[{"rows":[[1.5,"0.1234567890123456789",2147483647,"a"],
                                   [2,0.1234567890123456789,-1,{"x":1}]],
                            "extra":[[1,2]],
                            "columns":[{"name":"r","type":"real","dataType":"Double"},
                                       {"type":"decimal","name":"d"},
                                       {"name":"i","ordinal":2,"type":"int"},
                                       {"name":"dyn","type":"dynamic"}],
                            "name":"PrimaryResult"},
                           {"columns":[{"name":"s","type":"string"}],"rows":[["later"]],"name":"T2"}],
                 "more":"ignored"}""";
        for (boolean streaming : new boolean[] {false, true}) {
            List<Object[]> rows;
            QueryResult result;
            RecordingHandler handler = new RecordingHandler(-1);
            if (streaming) {
                result = reader.read(json(body), handler);
                rows = handler.rows;
                assertEquals(List.of("start 0 PrimaryResult [r:real, d:decimal, i:int, dyn:dynamic]", "end 0 2",
                        "start 1 T2 [s:string]", "end 1 1"), handler.events);
            } else {
                result = reader.read(json(body));
                rows = new ArrayList<>();
                for (List<Object> r : result.getPrimaryTable().getRows()) {
                    rows.add(r.toArray());
                }
                rows.add(result.getTables().get(1).getRows().get(0).toArray());
            }
            assertEquals("PrimaryResult", result.getPrimaryTable().getName());
            assertEquals("T2", result.getTables().get(1).getName());
            assertEquals(Map.of("visualization", "table"), result.getVisualization());
            assertEquals(Map.of("query", Map.of()), result.getStatistics());
            Object[] first = rows.get(0);
            assertEquals(1.5, first[0]);
            assertEquals("0.1234567890123456789", ((BigDecimal) first[1]).toPlainString());
            assertEquals(Integer.MAX_VALUE, first[2]);
            assertEquals("a", first[3]);
            Object[] second = rows.get(1);
            assertSame(Double.class, second[0].getClass());
            assertEquals(2.0, second[0]);
            assertEquals("0.1234567890123456789", ((BigDecimal) second[1]).toPlainString(), "buffered decimals "
                    + "must keep their digits too");
            assertEquals(-1, second[2]);
            assertEquals(Map.of("x", 1), second[3]);
            assertArrayEquals(new Object[] {"later"}, rows.get(2));
        }
    }

    @Test
    void tableWithoutRowsOrWithNullRowsIsEmpty() throws Exception {
        RecordingHandler handler = new RecordingHandler(-1);
        QueryResult result = reader.read(json("""
                {"tables":[{"name":"A","columns":[{"name":"x","type":"int"}]},
                           {"name":"B","columns":[{"name":"x","type":"int"}],"rows":null}]}"""), handler);
        assertEquals(List.of("start 0 A [x:int]", "end 0 0", "start 1 B [x:int]", "end 1 0"), handler.events);
        assertEquals(2, result.getTables().size());
        assertEquals(0, reader.read(json("{\"tables\":[{\"name\":\"A\",\"columns\":[]}]}")).getPrimaryTable()
                .getRowCount());
    }

    @Test
    void handlerCanSkipATable() throws Exception {
        RecordingHandler handler = new RecordingHandler(1);
        QueryResult result = reader.read(json("""
                {"tables":[
                  {"name":"PrimaryResult","columns":[{"name":"n","type":"int"}],"rows":[[1],[2],[3]]},
                  {"name":"Second","columns":[{"name":"s","type":"string"}],"rows":[["a"],["b"]]},
                  {"name":"Third","columns":[{"name":"n","type":"int"}],"rows":[["not an int"]]}
                ]}"""), handler);
        assertEquals(List.of("start 0 PrimaryResult [n:int]", "start 1 Second [s:string]", "end 1 2",
                "start 2 Third [n:int]"), handler.events, "endTable only for accepted tables");
        assertEquals(2, handler.rows.size());
        assertArrayEquals(new Object[] {"a"}, handler.rows.get(0));
        assertArrayEquals(new Object[] {"b"}, handler.rows.get(1));
        assertEquals(3, result.getTables().size());
        for (ResultTable t : result.getTables()) {
            assertEquals(0, t.getRowCount());
        }
        assertEquals(List.of(new Column("s", ColumnType.STRING)), result.getTables().get(1).getColumns());
    }

    @Test
    void handlerExceptionsPassThroughUnchanged() {
        Exception mine = new Exception("stop here");
        RowHandler failing = new RowHandler() {
            @Override
            public boolean startTable(int tableIndex, String name, List<Column> columns) {
                return true;
            }

            @Override
            public void row(Object[] values) throws Exception {
                throw mine;
            }
        };
        Exception thrown = assertThrows(Exception.class, () -> reader.read(json(
                "{\"tables\":[{\"name\":\"T\",\"columns\":[{\"name\":\"n\",\"type\":\"int\"}],\"rows\":[[1]]}]}"),
                failing));
        assertSame(mine, thrown);

        IOException io = new IOException("handler I/O");
        RowHandler failingStart = new RowHandler() {
            @Override
            public boolean startTable(int tableIndex, String name, List<Column> columns) throws IOException {
                throw io;
            }

            @Override
            public void row(Object[] values) {
            }
        };
        Exception thrown2 = assertThrows(Exception.class, () -> reader.read(json(
                "{\"tables\":[{\"name\":\"T\",\"columns\":[],\"rows\":[]}]}"), failingStart));
        assertSame(io, thrown2);
    }

    @Test
    void rowCollectorKeepsTheFirstTableAsMaps() throws Exception {
        RowCollector collector = new RowCollector();
        QueryResult result = reader.read(json("""
                {"tables":[
                  {"name":"PrimaryResult","columns":[{"name":"Computer","type":"string"},
                     {"name":"Count","type":"long"},{"name":"Last","type":"datetime"}],
                   "rows":[["web-1",10,"2024-03-01T00:00:00Z"],["web-2",null,null]]},
                  {"name":"Other","columns":[{"name":"s","type":"string"}],"rows":[["x"]]}
                ]}"""), collector);
        List<Map<String, Object>> rows = collector.getRows();
        assertEquals(2, rows.size());
        Map<String, Object> first = rows.get(0);
        assertEquals(List.of("Computer", "Count", "Last"), new ArrayList<>(first.keySet()));
        assertEquals("web-1", first.get("Computer"));
        assertEquals(10L, first.get("Count"));
        assertEquals(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC), first.get("Last"));
        assertNull(first.get("Nope"));
        assertTrue(rows.get(1).containsKey("Count"));
        assertNull(rows.get(1).get("Count"));
        // the user's to change: a value set in place, a key added or removed on a copy of the row
        assertEquals("web-1", first.put("Computer", "x"));
        assertEquals("x", rows.get(0).get("Computer"));
        first.put("Added", 1);
        assertEquals(List.of("Computer", "Count", "Last", "Added"), new ArrayList<>(rows.get(0).keySet()));
        rows.get(1).remove("Count");
        assertFalse(rows.get(1).containsKey("Count"));
        assertEquals("PrimaryResult", collector.getTable().getName());
        assertEquals(2, collector.getTable().getRowCount());
        assertEquals(2, result.getTables().size());
    }

    @Test
    void rowCollectorWithoutTables() throws Exception {
        RowCollector collector = new RowCollector();
        reader.read(json("{\"tables\":[]}"), collector);
        assertEquals(List.of(), collector.getRows());
        assertNull(collector.getTable());
    }

    @Test
    void readerIsReusable() throws Exception {
        String body = "{\"tables\":[{\"name\":\"T\",\"columns\":[{\"name\":\"n\",\"type\":\"int\"}],"
                + "\"rows\":[[1]]}]}";
        for (int i = 0; i < 3; i++) {
            assertEquals(1, reader.read(json(body)).getPrimaryTable().getRows().get(0).get(0));
        }
    }

    @Test
    void streamFailuresPropagateUnchanged() {
        IOException broken = new IOException("Connection reset");
        byte[] head = "{\"tables\":[{\"name\":\"T\",\"columns\":[{\"name\":\"n\",\"type\":\"int\"}],\"rows\":[[1],"
                .getBytes(StandardCharsets.UTF_8);
        InputStream failing = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos < head.length) {
                    return head[pos++];
                }
                throw broken;
            }
        };
        IOException thrown = assertThrows(IOException.class, () -> reader.read(failing));
        assertSame(broken, thrown);
    }

    @Test
    void emptyBody() {
        assertMessageHas(malformed(""), "empty");
        assertMessageHas(malformed("   \n"), "empty");
    }

    @Test
    void notJson() {
        assertMessageHas(malformed("Service Unavailable"), "not JSON");
        assertMessageHas(malformed("<html><body><h1>502 Bad Gateway</h1></body></html>"), "not JSON");
        assertMessageHas(malformed("[1,2]"), "not a JSON object");
        assertMessageHas(malformed("\"tables\""), "not a JSON object");
        assertMessageHas(malformed("{\"tables\":[]} trailing"), "not");
        assertMessageHas(malformed("{\"tables\":[]}{}"), "continues after");
    }

    @Test
    void truncatedBody() {
        String full = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":" + ALL_TYPES_COLUMNS + ",\"rows\":["
                + ALL_TYPES_ROW + "," + ALL_TYPES_ROW + "]}],\"statistics\":{\"query\":{\"a\":1}}}";
        for (int cut = 1; cut < full.length(); cut++) {
            String body = full.substring(0, cut);
            MalformedResultException e = malformed(body);
            assertFalse(e.getMessage().isEmpty());
        }
        MalformedResultException midRow = malformed(full.substring(0, full.indexOf("text\",", full.indexOf("text\",")
                + 1) + 6));
        assertMessageHas(midRow, "cut short", "table 0 (PrimaryResult), row 1");
    }

    @Test
    void missingTables() {
        assertMessageHas(malformed("{}"), "\"tables\"");
        assertMessageHas(malformed("{\"statistics\":{}}"), "\"tables\"");
        assertMessageHas(malformed("{\"tables\":null}"), "\"tables\"");
        assertMessageHas(malformed("{\"tables\":{}}"), "\"tables\" to be a JSON array");
        assertMessageHas(malformed("{\"tables\":[1]}"), "table 0 to be a JSON object");
        assertMessageHas(malformed("{\"tables\":[{\"name\":\"T\",\"rows\":[]}]}"), "no \"columns\"");
        assertMessageHas(malformed("{\"tables\":[],\"statistics\":[1]}"), "\"statistics\" to be a JSON object");
    }

    @Test
    void rowLengthMustMatchColumns() {
        String cols = "[{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\"},"
                + "{\"name\":\"c\",\"type\":\"int\"}]";
        MalformedResultException shortRow = malformed("{\"tables\":[{\"name\":\"T\",\"columns\":" + cols
                + ",\"rows\":[[1,2,3],[1,2]]}]}");
        assertMessageHas(shortRow, "Row 1 of table 0 (T) has 2 values", "declares 3 columns");
        MalformedResultException longRow = malformed("{\"tables\":[{\"name\":\"T\",\"columns\":" + cols
                + ",\"rows\":[[1,2,3,{\"x\":[4]},5]]}]}");
        assertMessageHas(longRow, "Row 0 of table 0 (T) has 5 values", "declares 3 columns");
        assertMessageHas(malformed("{\"tables\":[{\"name\":\"T\",\"columns\":" + cols + ",\"rows\":[[]]}]}"),
                "has 0 values");
    }

    @Test
    void rowsMustBeArrays() {
        String cols = "[{\"name\":\"a\",\"type\":\"int\"}]";
        assertMessageHas(malformed("{\"tables\":[{\"name\":\"T\",\"columns\":" + cols
                + ",\"rows\":[[1],{\"a\":1}]}]}"), "row 1 of table 0 (T) to be a JSON array", "object");
        assertMessageHas(malformed("{\"tables\":[{\"name\":\"T\",\"columns\":" + cols + ",\"rows\":[1]}]}"),
                "row 0 of table 0 (T) to be a JSON array");
        assertMessageHas(malformed("{\"tables\":[{\"name\":\"T\",\"columns\":" + cols + ",\"rows\":{}}]}"),
                "\"rows\" of table 0");
    }

    @Test
    void unknownColumnType() {
        assertMessageHas(malformed("{\"tables\":[{\"name\":\"T\",\"columns\":[{\"name\":\"x\",\"type\":\"int128\"}],"
                + "\"rows\":[]}]}"), "Column 'x' of table 0", "\"int128\"");
        assertMessageHas(malformed("{\"tables\":[{\"name\":\"T\",\"columns\":[{\"name\":\"x\"}],\"rows\":[]}]}"),
                "lacks a string \"type\"");
        assertMessageHas(malformed("{\"tables\":[{\"name\":\"T\",\"columns\":[\"x\"],\"rows\":[]}]}"),
                "column 0 of table 0");
    }

    @Test
    void wrongValueTypeNamesWhere() {
        MalformedResultException e = malformed("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":"
                + "[{\"name\":\"n\",\"type\":\"int\"},{\"name\":\"when\",\"type\":\"datetime\"}],"
                + "\"rows\":[[1,\"2024-03-01T00:00:00Z\"],[2,\"abc\"]]}]}");
        assertMessageHas(e, "Table 0 (PrimaryResult), row 1, column 'when'", "datetime", "\"abc\"");
        MalformedResultException obj = malformed("{\"tables\":[{\"name\":\"T\",\"columns\":"
                + "[{\"name\":\"n\",\"type\":\"int\"}],\"rows\":[[{\"a\":1}]]}]}");
        assertMessageHas(obj, "row 0, column 'n'", "KQL type int", "object");
        MalformedResultException overflow = malformed("{\"tables\":[{\"name\":\"T\",\"columns\":"
                + "[{\"name\":\"n\",\"type\":\"int\"}],\"rows\":[[4294967296]]}]}");
        assertMessageHas(overflow, "column 'n'", "4294967296");
    }

    @Test
    void invalidUtf8() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"tables\":[{\"name\":\"T\",\"columns\":[{\"name\":\"s\",\"type\":\"string\"}],\"rows\":[[\""
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF});
        body.writeBytes("\"]]}]}".getBytes(StandardCharsets.UTF_8));
        assertMessageHas(malformed(body.toByteArray()), "UTF-8", "table 0 (T), row 0");
        assertMessageHas(malformed(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 0x7B, 0, 0, 0}), "JSON");
    }

    @Test
    void deeplyNestedDynamicFailsCleanly() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        MalformedResultException e = malformed("{\"tables\":[{\"name\":\"T\",\"columns\":"
                + "[{\"name\":\"d\",\"type\":\"dynamic\"}],\"rows\":[[" + deep + "]]}]}");
        assertMessageHas(e, "limits");
    }

    @Test
    void deeplyNestedDynamicTextStaysText() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        QueryResult result = reader.read(json("{\"tables\":[{\"name\":\"T\",\"columns\":"
                + "[{\"name\":\"d\",\"type\":\"dynamic\"}],\"rows\":[[\"" + deep + "\"]]}]}"));
        assertEquals(deep, result.getPrimaryTable().getRows().get(0).get(0));
    }

    @Test
    void largeStringsAreAllowed() throws Exception {
        String big = "x".repeat(30_000_000);
        QueryResult result = reader.read(json("{\"tables\":[{\"name\":\"T\",\"columns\":"
                + "[{\"name\":\"s\",\"type\":\"string\"}],\"rows\":[[\"" + big + "\"]]}]}"));
        assertEquals(big.length(), ((String) result.getPrimaryTable().getRows().get(0).get(0)).length());
    }
}
