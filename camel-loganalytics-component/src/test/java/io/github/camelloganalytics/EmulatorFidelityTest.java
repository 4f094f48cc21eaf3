package io.github.camelloganalytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator answers in the live service's shapes: its answers to the requests of public recordings of the live
 * API (under {@code src/test/resources/recordings}) are compared with the recorded answers field by field: the same
 * keys in the same order, the same JSON types, the same text forms (datetime, timespan, GUID, a negative code as
 * text, "NaN"), and the headers the live service sends or does not send. When the emulator drifts from the recorded
 * shapes, this fails and names the path where they part.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class EmulatorFidelityTest {

    static LogAnalyticsEmulator emulator;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    /** Datetimes as the service writes cells: 0 to 7 fractional digits, none of them a trailing zero. */
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{0,6}[1-9])?Z");
    /** Datetimes as the statistics write them: always 7 digits. */
    private static final Pattern DATETIME_7 = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}Z");
    private static final Pattern TIMESPAN = Pattern.compile("-?(\\d+\\.)?\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,7})?");
    private static final Pattern GUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NEGATIVE_CODE = Pattern.compile("-\\d+");

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
        emulator.limits().rowLimit(500_000);
    }

    private static HttpResponse<String> query(String kql, String prefer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(emulator.queryUrl() + "/v1/workspaces/" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID
                                   + "/query"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + emulator.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("query", kql).toString()));
        if (prefer != null) {
            request.header("Prefer", prefer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JSON value's shape: objects as their keys in order with each value's shape, arrays as the shape their
     * elements share (or a list of the distinct ones), scalars as their JSON type, strings as their text form.
     */
    static Object shape(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                m.put(e.getKey(), shape(e.getValue()));
            }
            return m;
        }
        if (n.isArray()) {
            List<Object> distinct = new ArrayList<>();
            for (JsonNode e : n) {
                Object s = shape(e);
                if (!distinct.contains(s)) {
                    distinct.add(s);
                }
            }
            return distinct;
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isBoolean()) {
            return "bool";
        }
        if (n.isNumber()) {
            return n.isIntegralNumber() ? "integer" : "decimal";
        }
        String s = n.asText();
        if (DATETIME.matcher(s).matches()) {
            return "datetime";
        }
        if (DATETIME_7.matcher(s).matches()) {
            return "datetime(7 digits)";
        }
        if (TIMESPAN.matcher(s).matches()) {
            return "timespan";
        }
        if (GUID.matcher(s).matches()) {
            return "guid";
        }
        if (NEGATIVE_CODE.matcher(s).matches()) {
            return "negative number as text";
        }
        return s.equals("NaN") ? "\"NaN\"" : "string";
    }

    /** Numbers as one kind: where the live service writes a whole number now and a fraction later. */
    static Object anyNumber(Object shape) {
        if (shape instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, anyNumber(v)));
            return out;
        }
        if (shape instanceof List<?> l) {
            return l.stream().map(EmulatorFidelityTest::anyNumber).distinct().toList();
        }
        return "integer".equals(shape) || "decimal".equals(shape) ? "number" : shape;
    }

    private static void assertLiveHeaders(Recording recorded, HttpResponse<String> answer) {
        assertFalse(recorded.headers().containsKey("x-ms-request-id"));
        assertTrue(answer.headers().firstValue("x-ms-request-id").isEmpty(), "the live service sends no x-ms-request-id");
        for (String name : List.of("via", "vary", "retry-after", "preference-applied")) {
            if (recorded.headers().containsKey(name)) {
                assertTrue(answer.headers().firstValue(name).isPresent(), "no " + name + " header: " + answer.headers());
            }
        }
        if (recorded.headers().containsKey("retry-after")) {
            assertEquals(recorded.headers().get("retry-after"), answer.headers().firstValue("retry-after").orElseThrow());
        }
    }

    @Test
    void renderAndStatisticsHaveTheRecordedShape() {
        Recording recorded = Recording.load("LogsQueryClientTest.testVisualization.json");
        // the recorded query is datatable (s: string, i: long) | render columnchart with (title=..., xtitle=...)
        HttpResponse<String> answer = query("AppRequests | summarize count() by Name | render columnchart",
                recorded.prefer());

        assertEquals(200, answer.statusCode(), answer.body());
        assertLiveHeaders(recorded, answer);
        JsonNode live = recorded.json();
        JsonNode ours = json(answer.body());
        assertEquals(fieldNames(live), fieldNames(ours));
        assertEquals(shape(live.get("tables")), shape(ours.get("tables")));
        assertEquals(types(live), types(ours));
        @SuppressWarnings("unchecked")
        Map<String, Object> liveRender = (Map<String, Object>) shape(live.get("render"));
        // the emulator's KQL takes no "with (title=..., xtitle=...)": those two stay null, as the service leaves them
        liveRender.put("title", "null");
        liveRender.put("xTitle", "null");
        assertEquals(liveRender, shape(ours.get("render")));
        assertEquals(anyNumber(shape(live.get("statistics"))), anyNumber(shape(ours.get("statistics"))));
    }

    @Test
    void renderAskedForButAbsentFromTheQueryIsAnObjectWithVisualizationNull() {
        HttpResponse<String> answer = query("AppRequests | take 1", "include-render=true");

        JsonNode render = json(answer.body()).get("render");
        assertTrue(render.get("visualization").isNull(), answer.body());
        assertEquals("NaN", render.get("yMin").asText());
    }

    @Test
    void partialErrorAndCellsHaveTheRecordedShape() {
        Recording recorded = Recording.load("LogsQueryClientTest.testLogsQueryAllowPartialSuccess.json");
        emulator.limits().rowLimit(1);
        HttpResponse<String> answer = query("AppRequests | project TimeGenerated, Properties, Name | take 3", null);

        assertEquals(200, answer.statusCode(), answer.body());
        assertLiveHeaders(recorded, answer);
        JsonNode live = recorded.json();
        JsonNode ours = json(answer.body());
        assertEquals(fieldNames(live), fieldNames(ours));
        assertEquals(shape(live.get("error")), shape(ours.get("error")));
        assertFalse(ours.get("error").has("innererror"));
        JsonNode liveRow = live.get("tables").get(0).get("rows").get(0);
        JsonNode ourRow = ours.get("tables").get(0).get("rows").get(0);
        assertEquals("datetime", shape(liveRow.get(0)));
        assertEquals(shape(liveRow.get(0)), shape(ourRow.get(0)));
        // a dynamic cell is a JSON string, bare text or JSON text, never an object
        assertEquals(shape(liveRow.get(1)), shape(ourRow.get(1)));
        assertEquals("dynamic", ours.get("tables").get(0).get("columns").get(1).get("type").asText());
    }

    @Test
    void gatewayTimeoutHasTheRecordedBodyAndHeaders() {
        Recording recorded = Recording.load("LogsQueryAsyncClientTest.testServerTimeout.json");
        emulator.faults().next(1).delay(Duration.ofSeconds(3));
        // the recording asked wait=5; one second is enough to pass here, and keeps the test short
        HttpResponse<String> answer = query("AppRequests | count", "wait=1");

        assertEquals(recorded.status(), answer.statusCode(), answer.body());
        assertLiveHeaders(recorded, answer);
        assertEquals("wait=1", answer.headers().firstValue("Preference-Applied").orElseThrow());
        JsonNode live = recorded.json();
        JsonNode ours = json(answer.body());
        assertEquals(shape(live), shape(ours));
        assertEquals(live.at("/error/message"), ours.at("/error/message"));
        assertEquals(live.at("/error/code"), ours.at("/error/code"));
        assertEquals(live.at("/error/innererror"), ours.at("/error/innererror"));
    }

    @Test
    void errorBodiesCarryACorrelationIdAfterTheCode() {
        Recording recorded = Recording.load("LogsQueryAsyncClientTest.testServerTimeout.json");
        HttpResponse<String> answer = query("NoSuchTable | take 1", null);

        assertEquals(400, answer.statusCode());
        assertEquals(new ArrayList<>(fieldNames(recorded.json().get("error"))),
                new ArrayList<>(fieldNames(json(answer.body()).get("error"))));
        assertEquals("guid", shape(json(answer.body()).at("/error/correlationId")));
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> names = new ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> types(JsonNode response) {
        List<String> types = new ArrayList<>();
        response.get("tables").get(0).get("columns").forEach(c -> types.add(c.get("type").asText()));
        return types;
    }
}
