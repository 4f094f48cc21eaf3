package io.github.camelloganalytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import io.github.camelloganalytics.result.Column;
import io.github.camelloganalytics.result.ColumnType;
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultTable;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a route receives for each output format: the exact rows, their Java types, and the headers.
 */
class ProducerResultTest extends WireMockTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rows").to(loganalytics("query=T"));
                from("direct:tables").to(loganalytics("query=T&outputFormat=TABLES"));
                from("direct:json").to(loganalytics("query=T&outputFormat=JSON"));
                from("direct:convert").to(loganalytics("query=T&outputFormat=TABLES")).convertBodyTo(List.class);
            }
        };
    }

    private void serve(String body) {
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-ms-request-id", "req-123")
                .withBody(body)));
    }

    private static Map<String, Object> expectedFirstRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Flag", true);
        row.put("Count", 42);
        row.put("Total", 9007199254740993L);
        row.put("Ratio", 0.5);
        row.put("Amount", new BigDecimal("79228162514264337593543950335"));
        row.put("Computer", "web-01");
        row.put("TimeGenerated", OffsetDateTime.of(2024, 3, 1, 12, 34, 56, 123_456_700, ZoneOffset.UTC));
        row.put("Elapsed", Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500));
        row.put("Id", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"));
        row.put("Properties", Map.of("region", "westeurope", "tags", List.of(1, 2)));
        return row;
    }

    private static Map<String, Object> expectedSecondRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Flag", false);
        row.put("Count", -7);
        row.put("Total", -1L);
        row.put("Ratio", -2.25);
        row.put("Amount", new BigDecimal("0.1234567890123456789"));
        row.put("Computer", "web-02");
        row.put("TimeGenerated", OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 0, ZoneOffset.UTC));
        row.put("Elapsed", Duration.ofMillis(-1500));
        row.put("Id", UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7"));
        row.put("Properties", "plain text");
        return row;
    }

    @Test
    void rowsAreTypedMapsOfThePrimaryTable() {
        serve(resource("responses/all-types.json"));
        Exchange out = template.request("direct:rows", null);

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = out.getMessage().getBody(List.class);
        assertEquals(3, rows.size());
        assertEquals(expectedFirstRow(), rows.get(0));
        assertEquals(List.copyOf(expectedFirstRow().keySet()), List.copyOf(rows.get(0).keySet()));
        rows.get(0).forEach((column, value) -> {
            Class<?> expected = column.equals("Properties") ? Map.class : expectedFirstRow().get(column).getClass();
            assertTrue(expected.isInstance(value), column + " is " + value.getClass());
        });
        assertEquals(expectedSecondRow(), rows.get(1));
        assertEquals(Arrays.asList(new Object[10]), new java.util.ArrayList<>(rows.get(2).values()));

        Message message = out.getMessage();
        assertEquals(3, message.getHeader(LogAnalyticsConstants.ROW_COUNT));
        assertEquals(2, message.getHeader(LogAnalyticsConstants.TABLE_COUNT));
        assertEquals("req-123", message.getHeader(LogAnalyticsConstants.REQUEST_ID));
        assertEquals(Map.of("query", Map.of("executionTime", 0.0156,
                "resourceUsage", Map.of("cache", Map.of("memory", Map.of("hits", 4))))),
                message.getHeader(LogAnalyticsConstants.STATISTICS));
        assertEquals(Map.of("visualization", "timechart", "title", "Heartbeats"),
                message.getHeader(LogAnalyticsConstants.VISUALIZATION));
        assertNull(message.getHeader(LogAnalyticsConstants.NO_DATA));
    }

    @Test
    void tablesHoldEveryTableWithItsColumns() {
        serve(resource("responses/all-types.json"));
        QueryResult result = template.requestBody("direct:tables", null, QueryResult.class);

        assertEquals(2, result.getTables().size());
        ResultTable primary = result.getPrimaryTable();
        assertEquals("PrimaryResult", primary.getName());
        assertEquals(new Column("TimeGenerated", ColumnType.DATETIME), primary.getColumns().get(6));
        assertEquals(List.copyOf(expectedFirstRow().values()), primary.getRows().get(0));
        ResultTable status = result.getTables().get(1);
        assertEquals("QueryStatus", status.getName());
        assertEquals(List.of(List.of(1L, "QueryStatus")), status.getRows());
    }

    @Test
    void jsonIsTheServiceTextWithTheSameHeaders() {
        String body = resource("responses/all-types.json");
        serve(body);
        Exchange out = template.request("direct:json", null);

        assertEquals(body, out.getMessage().getBody(String.class));
        assertEquals(3, out.getMessage().getHeader(LogAnalyticsConstants.ROW_COUNT));
        assertEquals(2, out.getMessage().getHeader(LogAnalyticsConstants.TABLE_COUNT));
    }

    @Test
    void gzipResponsesAreDecodedWhileRead() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(resource("responses/all-types.json").getBytes(StandardCharsets.UTF_8));
        }
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Encoding", "gzip")
                .withBody(zipped.toByteArray())));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = template.requestBody("direct:rows", null, List.class);
        assertEquals(expectedFirstRow(), rows.get(0));
    }

    @Test
    void typeConvertersReachThePrimaryRows() {
        serve(resource("responses/all-types.json"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = template.requestBody("direct:convert", null, List.class);
        assertEquals(expectedSecondRow(), rows.get(1));
    }
}
