package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** Scripted faults, the row limit, the per-client concurrency limit and the request log. */
class FaultsAndLimitsTest extends ServerTestSupport {

    @Test
    void nextNCallsGetTheScriptedStatusWithRetryAfter() throws Exception {
        server.faults().next(2).status(429).retryAfter("1");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = query("Heartbeat | take 1");
            assertEquals(429, r.statusCode());
            assertEquals("1", r.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(r.body().contains("\"code\":\"ThrottledError\""));
        }
        assertEquals(200, query("Heartbeat | take 1").statusCode());
        assertTrue(server.faults().pending().isEmpty());
    }

    @Test
    void serverErrorsHaveTheServiceShape() throws Exception {
        for (int status : new int[] { 500, 502, 503, 504 }) {
            server.faults().next(1).status(status);
            HttpResponse<String> r = query("Heartbeat | take 1");
            assertEquals(status, r.statusCode());
            JsonNode error = JSON.readTree(r.body()).get("error");
            assertNotNull(error.get("code"));
            assertNotNull(error.get("message"));
        }
        assertTrue(JSON.readTree(queryWithFault(504)).get("error").get("code").asText().equals("GatewayTimeout"));
    }

    private String queryWithFault(int status) throws Exception {
        server.faults().next(1).status(status);
        return query("Heartbeat | take 1").body();
    }

    @Test
    void aFaultForOneQueryLeavesOthersAlone() throws Exception {
        server.faults().forQuery("Heartbeat | take 1").status(503);
        assertEquals(503, query("Heartbeat | take 1").statusCode());
        assertEquals(200, query("Heartbeat | take 2").statusCode());
        assertEquals(503, query("  Heartbeat | take 1 ").statusCode());
        server.faults().clear();
        assertEquals(200, query("Heartbeat | take 1").statusCode());
    }

    @Test
    void aDelayPastPreferWaitIs504() throws Exception {
        server.faults().next(1).delay(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertEquals(200, query("Heartbeat | take 1").statusCode());
        assertTrue(System.nanoTime() - t0 >= 300_000_000L);
        server.faults().next(1).delay(Duration.ofSeconds(30));
        t0 = System.nanoTime();
        HttpResponse<String> r = send(post(directUrl(SampleWorkspace.ID), "Heartbeat | take 1", null)
                .header("Prefer", "wait=1"));
        assertEquals(504, r.statusCode());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "answered at the server timeout, not after the delay");
    }

    @Test
    void aDroppedConnectionFailsTheClientMidBody() throws Exception {
        server.faults().next(1).dropConnectionMidBody();
        assertThrows(IOException.class, () -> query("Heartbeat | take 50"));
        assertEquals(200, query("Heartbeat | take 1").statusCode());
    }

    @Test
    void truncatedAndMalformedBodiesAreNotJson() throws Exception {
        server.faults().next(1).truncatedBody();
        HttpResponse<String> truncated = query("Heartbeat | take 20");
        assertEquals(200, truncated.statusCode());
        assertThrows(JsonProcessingException.class, () -> JSON.readTree(truncated.body()));
        assertTrue(truncated.body().startsWith("{\"tables\":[{"));
        server.faults().next(1).malformedBody();
        HttpResponse<String> malformed = query("Heartbeat | take 20");
        assertEquals(200, malformed.statusCode());
        assertThrows(JsonProcessingException.class, () -> JSON.readTree(malformed.body()));
    }

    @Test
    void aPartialResultCarriesHalfTheRowsAndThePartialError() throws Exception {
        server.faults().next(1).partialResult();
        JsonNode body = JSON.readTree(query("Heartbeat | take 20").body());
        assertEquals(10, body.get("tables").get(0).get("rows").size());
        assertEquals("PartialError", body.get("error").get("code").asText());
    }

    @Test
    void overTheRowLimitIsTruncatedWithTheServicesPartialError() throws Exception {
        server.limits().rowLimit(10);
        HttpResponse<String> r = query("Heartbeat");
        assertEquals(200, r.statusCode());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(10, body.get("tables").get(0).get("rows").size());
        assertEquals("{\"code\":\"PartialError\",\"message\":\"There were some errors when processing your query.\","
                     + "\"details\":[{\"code\":\"EngineError\",\"message\":\"Something went wrong processing your query on "
                     + "the server.\",\"innererror\":{\"code\":\"-2133196797\",\"message\":\"Query result set has exceeded "
                     + "the internal record count limit 10 (E_QUERY_RESULT_SET_TOO_LARGE; see "
                     + "https://aka.ms/kustoquerylimits)\",\"severity\":2,\"severityName\":\"Error\"}}]}",
                body.get("error").toString());
        assertFalse(JSON.readTree(query("Heartbeat | take 10").body()).has("error"), "exactly at the limit is fine");
    }

    @Test
    void theDefaultRowLimitIsTheServices() {
        assertEquals(500_000, server.limits().rowLimit());
        assertEquals(5, server.limits().maxConcurrentPerClient());
    }

    @Test
    void moreThanFiveQueriesQueueAndAFullQueueIs429() throws Exception {
        server.limits().maxQueuedPerClient(2).throttleRetryAfter("3");
        server.faults().next(7).delay(Duration.ofMillis(700));
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(HTTP.sendAsync(post(directUrl(SampleWorkspace.ID), "Heartbeat | take 1", null).build(),
                    HttpResponse.BodyHandlers.ofString()));
            Thread.sleep(40);
        }
        int ok = 0;
        int throttled = 0;
        for (var c : calls) {
            HttpResponse<String> r = c.get();
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertEquals(429, r.statusCode());
                assertEquals("3", r.headers().firstValue("Retry-After").orElseThrow());
                throttled++;
            }
        }
        assertEquals(7, ok, "five run, two wait their turn");
        assertEquals(1, throttled, "the eighth overflows the queue of two");
        assertEquals(5, server.maxInFlightObserved());
    }

    @Test
    void theRequestLogRedactsTheToken() throws Exception {
        server.requestLog().clear();
        send(post(directUrl(SampleWorkspace.ID), "Heartbeat | take 1", "PT1H").header("Prefer", "wait=10"));
        LoggedRequest logged = server.requestLog().last();
        assertEquals(1, server.requestLog().size());
        assertEquals("POST", logged.method());
        assertEquals("/v1/workspaces/" + SampleWorkspace.ID + "/query", logged.path());
        assertEquals("Bearer <redacted>", logged.header("authorization"));
        assertEquals("wait=10", logged.header("Prefer"));
        assertEquals(200, logged.status());
        assertTrue(logged.body().contains("\"timespan\":\"PT1H\""));
        assertFalse(logged.toString().contains(TestTokens.direct()), "the token never reaches the log");
    }
}
