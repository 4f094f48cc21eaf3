package io.github.camelloganalytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.client.ApiTarget;
import io.github.camelloganalytics.client.QueryRequest;
import io.github.camelloganalytics.error.QuerySyntaxException;
import io.github.camelloganalytics.error.ThrottledException;
import io.github.camelloganalytics.error.WorkspaceNotFoundException;
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LoggedRequest;
import io.github.camelloganalytics.testkit.SampleWorkspace;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code operation=BATCH} against the emulator: single queries run concurrently within {@code batchParallelism},
 * outcomes in input order with their own types, and a throttled query retried on its own schedule.
 */
class BatchTest extends EmulatorTestSupport {

    private static final String SAMPLE = LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID;
    private static final String UNKNOWN = "00000000-dead-4000-8000-000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String batch(String options) {
        return uri(SAMPLE, "operation=BATCH&tokenProvider=#tokens" + (options.isEmpty() ? "" : "&" + options));
    }

    private static String query(LoggedRequest request) {
        try {
            return JSON.readTree(request.body()).get("query").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON query body: " + request.body(), e);
        }
    }

    private static List<?> outcomes(Exchange exchange) {
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        return exchange.getMessage().getBody(List.class);
    }

    @Test
    void twoThousandFiveHundredQueriesAllRunInOrderWithinTheParallelism() throws Exception {
        emulator.limits().maxConcurrentPerClient(50);
        emulator.queryApi().resetMaxInFlightObserved();
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            items.add("print Seq = 'item-" + i + "'");
        }
        try {
            Exchange exchange = send(batch("batchParallelism=4"), items);
            List<?> outcomes = outcomes(exchange);
            assertEquals(2_500, outcomes.size());
            for (int i = 0; i < 2_500; i++) {
                List<?> rows = assertInstanceOf(List.class, outcomes.get(i), "item " + i);
                assertEquals(Map.of("Seq", "item-" + i), rows.get(0), "item " + i);
            }
            assertEquals(0, exchange.getMessage().getHeader(LogAnalyticsConstants.BATCH_FAILURES));
            assertTrue(emulator.maxInFlightObserved() <= 4, "in flight: " + emulator.maxInFlightObserved());
            assertEquals(0, context.getComponent("loganalytics", LogAnalyticsComponent.class).leasedConnections());
        } finally {
            emulator.limits().maxConcurrentPerClient(5);
        }
    }

    @Test
    void twentyMixedQueriesComeBackInOrderWithTheirTypesAndNeverMoreInFlightThanTheParallelism() throws Exception {
        emulator.limits().maxConcurrentPerClient(50);
        emulator.queryApi().resetMaxInFlightObserved();
        // slow enough that queries overlap: the bound, not luck, is what keeps them at 3
        emulator.faults().next(19).delay(Duration.ofMillis(150));
        List<Object> items = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i == 4) {
                items.add("Heartbeat | frobnicate");
            } else if (i == 11) {
                items.add(QueryRequest.builder().query("Heartbeat | count").target(ApiTarget.workspace(UNKNOWN))
                        .build());
            } else if (i == 15) {
                items.add(QueryRequest.builder().query("Heartbeat | count").timespan("PT6H")
                        .target(ApiTarget.arm(SampleWorkspace.SUBSCRIPTION_ID, SampleWorkspace.RESOURCE_GROUP,
                                SampleWorkspace.NAME))
                        .build());
            } else {
                items.add("Heartbeat | take " + (i + 1));
            }
        }
        try {
            Exchange exchange = send(batch("batchParallelism=3"), items);
            List<?> outcomes = outcomes(exchange);

            assertEquals(20, outcomes.size());
            for (int i = 0; i < 20; i++) {
                Object outcome = outcomes.get(i);
                if (i == 4) {
                    assertInstanceOf(QuerySyntaxException.class, outcome);
                } else if (i == 11) {
                    assertInstanceOf(WorkspaceNotFoundException.class, outcome);
                } else if (i == 15) {
                    long count = ((Number) ((Map<?, ?>) ((List<?>) outcome).get(0)).get("Count")).longValue();
                    assertTrue(count > 0 && count < 372, "six of the sample's 24 hours: " + count);
                } else {
                    assertEquals(i + 1, ((List<?>) outcome).size(), "item " + i);
                }
            }
            assertEquals(2, exchange.getMessage().getHeader(LogAnalyticsConstants.BATCH_FAILURES));
            assertEquals(3, emulator.maxInFlightObserved());

            List<LoggedRequest> log = emulator.requestLog().entries();
            assertEquals(20, log.size());
            assertEquals(1, log.stream().filter(r -> r.path().equals("/v1/workspaces/" + UNKNOWN + "/query")).count());
            LoggedRequest arm = log.stream().filter(r -> r.path().contains("/api/query")).findFirst().orElseThrow();
            assertTrue(arm.path().endsWith("/workspaces/" + SampleWorkspace.NAME + "/api/query?api-version=2017-10-01"),
                    arm.path());
            JsonNode armBody = JSON.readTree(arm.body());
            assertEquals("PT6H", armBody.get("timespan").asText());
            assertEquals(18, log.stream().filter(r -> r.path().equals("/v1/workspaces/" + SAMPLE + "/query")).count());
            assertTrue(scopesAsked.contains("https://management.azure.com/.default"));
            // every response was read to its end or closed: no connection of the shared pool stays leased
            assertEquals(0, context.getComponent("loganalytics", LogAnalyticsComponent.class).leasedConnections());
        } finally {
            emulator.limits().maxConcurrentPerClient(5);
        }
    }

    @Test
    void aThrottledQueryWaitsForItsRetryAfterWithoutHoldingUpTheOthers() {
        String throttled = "Heartbeat | take 1";
        emulator.faults().forQuery(throttled).next(1).status(429).retryAfter("1");
        List<?> outcomes = outcomes(send(batch("batchParallelism=1"),
                List.of(throttled, "Heartbeat | take 2", "Heartbeat | take 3")));

        assertEquals(List.of(1, 2, 3), outcomes.stream().map(o -> ((List<?>) o).size()).toList());
        List<LoggedRequest> log = emulator.requestLog().entries();
        assertEquals(List.of(throttled, "Heartbeat | take 2", "Heartbeat | take 3", throttled),
                log.stream().map(BatchTest::query).toList());
        // with one slot, the query after the 429 ran at once: the wait for Retry-After held no slot
        assertEquals(List.of(429, 200, 200, 200), log.stream().map(LoggedRequest::status).toList());
    }

    @Test
    void aQueryThrottledBeyondTheRetriesIsItsThrottledException() {
        String throttled = "Heartbeat | take 1";
        emulator.faults().forQuery(throttled).next(10).status(429).retryAfter("0");
        Exchange exchange = send(batch(""), List.of("Heartbeat | take 2", throttled));
        List<?> outcomes = outcomes(exchange);

        assertEquals(2, ((List<?>) outcomes.get(0)).size());
        ThrottledException e = assertInstanceOf(ThrottledException.class, outcomes.get(1));
        assertEquals(Duration.ZERO, e.getRetryAfter());
        assertEquals(1, exchange.getMessage().getHeader(LogAnalyticsConstants.BATCH_FAILURES));
        assertEquals(1 + LogAnalyticsProducer.BATCH_THROTTLE_RETRIES,
                emulator.requestLog().entries().stream().filter(r -> query(r).equals(throttled)).count());
    }

    @Test
    void withoutHonorRetryAfterAThrottledQueryIsNotRetried() {
        String throttled = "Heartbeat | take 1";
        emulator.faults().forQuery(throttled).next(1).status(429).retryAfter("0");
        List<?> outcomes = outcomes(send(batch("honorRetryAfter=false"), List.of(throttled)));
        assertInstanceOf(ThrottledException.class, outcomes.get(0));
        assertEquals(1, emulator.requestLog().size());
    }

    @Test
    void itemsTakeTheEndpointsOutputFormat() {
        List<String> items = List.of("Heartbeat | take 2", "Heartbeat | frobnicate");
        List<?> tables = outcomes(send(batch("outputFormat=TABLES"), items));
        assertEquals(2, ((QueryResult) tables.get(0)).getPrimaryTable().getRowCount());
        assertInstanceOf(QuerySyntaxException.class, tables.get(1));
        List<?> json = outcomes(send(batch("outputFormat=JSON"), items));
        assertTrue(((String) json.get(0)).startsWith("{\"tables\":[{\"name\":\"PrimaryResult\""), (String) json.get(0));
        assertInstanceOf(QuerySyntaxException.class, json.get(1));
    }

    @Test
    void aBodyThatIsNoListOfQueriesFailsTheExchangeBeforeAnyQueryIsSent() {
        Exchange notAList = send(batch(""), "Heartbeat | take 1");
        assertInstanceOf(IllegalArgumentException.class, notAList.getException());
        assertTrue(notAList.getException().getMessage().contains("operation=BATCH needs a List body"));

        Exchange badItem = send(batch(""), List.of("Heartbeat | take 1", 42));
        assertTrue(badItem.getException().getMessage().startsWith("Batch item 1: it is a java.lang.Integer"),
                badItem.getException().getMessage());

        Exchange noTarget = send(uri("", "operation=BATCH&tokenProvider=#tokens"), List.of("Heartbeat | take 1"));
        assertTrue(noTarget.getException().getMessage().startsWith("Batch item 0: No target"),
                noTarget.getException().getMessage());
        assertEquals(0, emulator.requestLog().size());
    }

    @Test
    void theWorkspaceHeaderAndTimespanHeaderAreTheItemsDefaults() throws Exception {
        Exchange exchange = template.send(uri("", "operation=BATCH&tokenProvider=#tokens"), e -> {
            e.getMessage().setBody(List.of("Heartbeat | take 1",
                    QueryRequest.builder().query("Heartbeat | take 2").timespan("PT1H").build()));
            e.getMessage().setHeader(LogAnalyticsConstants.WORKSPACE_ID, SAMPLE);
            e.getMessage().setHeader(LogAnalyticsConstants.TIMESPAN, "P1D");
        });
        assertEquals(2, outcomes(exchange).size());
        List<LoggedRequest> log = emulator.requestLog().entries();
        assertEquals(2, log.size());
        for (LoggedRequest r : log) {
            assertEquals("/v1/workspaces/" + SAMPLE + "/query", r.path());
            JsonNode body = JSON.readTree(r.body());
            assertEquals(query(r).endsWith("2") ? "PT1H" : "P1D", body.get("timespan").asText());
        }
    }
}
