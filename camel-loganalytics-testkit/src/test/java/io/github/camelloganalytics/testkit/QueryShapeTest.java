package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;

/** The response's shape and value encodings, Prefer, gzip and request ids, over real loopback traffic. */
class QueryShapeTest extends ServerTestSupport {

    @Test
    void sampleDataCoversEveryColumnTypeAndSerialisesThemAsTheService() throws Exception {
        Set<String> types = new HashSet<>();
        for (String t : new String[] { "Heartbeat", "AzureActivity", "AppRequests" }) {
            JsonNode table = table(t + " | take 3");
            assertEquals("PrimaryResult", table.get("name").asText());
            table.get("columns").forEach(c -> types.add(c.get("type").asText()));
            assertEquals(3, table.get("rows").size());
        }
        for (ColumnType type : ColumnType.values()) {
            assertTrue(types.contains(type.kqlName()), "sample data lacks " + type.kqlName());
        }
        JsonNode app = table("AppRequests | take 1 | project TimeGenerated, Success, DurationMs, ItemCount, "
                             + "ResponseBytes, ServerTime, BilledCost, Properties, Name");
        JsonNode row = app.get("rows").get(0);
        // as the live service writes them: up to 7 fractional digits, trailing zeros dropped
        assertTrue(row.get(0).asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,6}[1-9])?Z"), row.get(0).asText());
        assertTrue(row.get(1).isBoolean());
        assertTrue(row.get(2).isNumber());
        assertTrue(row.get(3).isInt());
        assertTrue(row.get(4).isIntegralNumber());
        assertTrue(row.get(5).asText().matches("-?(\\d+\\.)?\\d\\d:\\d\\d:\\d\\d(\\.\\d{7})?"), row.get(5).asText());
        assertTrue(row.get(6).isTextual());
        new BigDecimal(row.get(6).asText());
        assertTrue(row.get(7).isTextual(), "dynamic is JSON text inside a string");
        assertTrue(JSON.readTree(row.get(7).asText()).isObject());
        JsonNode guid = table("AzureActivity | take 1 | project CorrelationId").get("rows").get(0).get(0);
        assertTrue(guid.asText().matches("[0-9a-f-]{36}"));
    }

    @Test
    void valuesAddedThroughTheJavaApiComeBackInTheServiceEncoding() throws Exception {
        Workspace ws = server.addWorkspace(new Workspace("11111111-2222-3333-4444-555555555555", "s", "g", "n"))
                .grant(TestTokens.CLIENT);
        Table t = ws.createTable("Custom_CL", Column.of("TimeGenerated", ColumnType.DATETIME),
                Column.of("Span", ColumnType.TIMESPAN), Column.of("Amount", ColumnType.DECIMAL),
                Column.of("Bag", ColumnType.DYNAMIC), Column.of("Id", ColumnType.GUID), Column.of("N", ColumnType.INT),
                Column.of("Missing", ColumnType.STRING));
        t.addRow(Instant.parse("2024-03-01T12:34:56.123456700Z"), Duration.parse("P1DT2H3M4.5S"),
                new BigDecimal("12345678901234567890.123456789"), java.util.Map.of("a", 1),
                "7d2c5b8a-1e4f-4a3b-9c6d-0e1f2a3b4c5d", 7, null);
        HttpResponse<String> r = send(post(directUrl(ws.id()), "Custom_CL", null));
        assertEquals(200, r.statusCode());
        assertEquals("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},"
                     + "{\"name\":\"Span\",\"type\":\"timespan\"},{\"name\":\"Amount\",\"type\":\"decimal\"},"
                     + "{\"name\":\"Bag\",\"type\":\"dynamic\"},{\"name\":\"Id\",\"type\":\"guid\"},"
                     + "{\"name\":\"N\",\"type\":\"int\"},{\"name\":\"Missing\",\"type\":\"string\"}],"
                     + "\"rows\":[[\"2024-03-01T12:34:56.1234567Z\",\"1.02:03:04.5000000\","
                     + "\"12345678901234567890.123456789\",\"{\\\"a\\\":1}\",\"7d2c5b8a-1e4f-4a3b-9c6d-0e1f2a3b4c5d\",7,null]]}]}",
                r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void getTakesItsParametersFromTheQueryString() throws Exception {
        HttpRequest get = HttpRequest.newBuilder(URI.create(directUrl(SampleWorkspace.ID) + "?query="
                                                            + enc("Heartbeat | count") + "&timespan=PT1H"))
                .header("Authorization", "Bearer " + TestTokens.direct()).GET().build();
        HttpResponse<String> r = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        long lastHour = JSON.readTree(r.body()).get("tables").get(0).get("rows").get(0).get(0).asLong();
        long all = table("Heartbeat | count").get("rows").get(0).get(0).asLong();
        assertTrue(lastHour > 0 && lastHour < all, lastHour + " of " + all);
    }

    @Test
    void headersAreTheLiveServicesAndTheClientRequestIdIsEchoed() throws Exception {
        HttpResponse<String> r = send(post(directUrl(SampleWorkspace.ID), "Heartbeat | take 1", null)
                .header("x-ms-client-request-id", "abc-123"));
        // as recorded from the live service: no x-ms-request-id, retry-after: 0 even on a 200, a Via
        assertTrue(r.headers().firstValue("x-ms-request-id").isEmpty());
        assertEquals("0", r.headers().firstValue("retry-after").orElseThrow());
        assertTrue(r.headers().firstValue("via").isPresent());
        assertEquals("abc-123", r.headers().firstValue("x-ms-client-request-id").orElseThrow());
        assertTrue(r.headers().firstValue("Preference-Applied").isEmpty(), "no Prefer, no Preference-Applied");
        assertTrue(server.requestLog().last().requestId().matches("[0-9a-f-]{36}"));
    }

    @Test
    void errorBodiesCarryTheRequestsCorrelationId() throws Exception {
        HttpResponse<String> r = send(post(directUrl(SampleWorkspace.ID), "NoSuchTable | take 1", null));
        assertEquals(400, r.statusCode(), r.body());
        JsonNode error = JSON.readTree(r.body()).get("error");
        assertEquals(server.requestLog().last().requestId(), error.get("correlationId").asText());
        List<String> order = new ArrayList<>();
        error.fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("message", "code", "correlationId", "innererror"), order);
    }

    @Test
    void statisticsAndRenderOnlyWhenPreferred() throws Exception {
        String kql = "AppRequests | summarize count() by Name | render barchart";
        JsonNode plain = JSON.readTree(query(kql).body());
        assertNull(plain.get("statistics"));
        assertNull(plain.get("render"));
        HttpResponse<String> r = send(post(directUrl(SampleWorkspace.ID), kql, null)
                .header("Prefer", "wait=30, include-statistics=true, include-render=true"));
        JsonNode both = JSON.readTree(r.body());
        JsonNode q = both.get("statistics").get("query");
        assertTrue(q.get("executionTime").isNumber());
        assertNotNull(q.get("resourceUsage"));
        assertTrue(q.get("inputDatasetStatistics").get("rows").get("scanned").asLong() > 0);
        assertEquals("barchart", both.get("render").get("visualization").asText());
        JsonNode noRender = JSON.readTree(send(post(directUrl(SampleWorkspace.ID), "AppRequests | take 1", null)
                .header("Prefer", "include-render=true")).body());
        // as the live service: asked for, render is there, with visualization null when the query has none
        assertTrue(noRender.get("render").get("visualization").isNull());
    }

    @Test
    void gzipWhenAsked() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(post(directUrl(SampleWorkspace.ID), "Heartbeat | take 5", null)
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElseThrow());
        String text;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(5, JSON.readTree(text).get("tables").get(0).get("rows").size());
        HttpResponse<String> plain = query("Heartbeat | take 5");
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
    }

    @Test
    void timespanIntervalsAndTheIntersectionOfUrlAndBody() throws Exception {
        Instant now = Instant.now();
        long twoHours = table("Heartbeat | where TimeGenerated > ago(2h) | count").get("rows").get(0).get(0).asLong();
        String interval = now.minus(Duration.ofHours(2)) + "/" + now.plusSeconds(60);
        JsonNode viaInterval = JSON.readTree(send(post(directUrl(SampleWorkspace.ID), "Heartbeat | count", interval))
                .body());
        assertEquals(twoHours, viaInterval.get("tables").get(0).get("rows").get(0).get(0).asLong());
        JsonNode startDuration = JSON.readTree(send(post(directUrl(SampleWorkspace.ID), "Heartbeat | count",
                now.minus(Duration.ofHours(2)) + "/PT2H1M")).body());
        assertEquals(twoHours, startDuration.get("tables").get(0).get("rows").get(0).get(0).asLong());
        // URL says the last hour, body the last two: the service answers their intersection
        HttpResponse<String> both = send(post(directUrl(SampleWorkspace.ID) + "?timespan=PT1H", "Heartbeat | count",
                "PT2H"));
        long oneHour = table("Heartbeat | where TimeGenerated >= ago(1h) | count").get("rows").get(0).get(0).asLong();
        assertEquals(oneHour, JSON.readTree(both.body()).get("tables").get(0).get("rows").get(0).get(0).asLong());
    }
}
