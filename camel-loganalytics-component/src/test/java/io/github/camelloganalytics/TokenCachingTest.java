package io.github.camelloganalytics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tokens are requested once per credential and scope, shared by every endpoint with that credential, not per
 * query: MSAL4J's own cache never hits against an authority with a port (SERVICE-FACTS), so this holds only through
 * the component's cache.
 */
class TokenCachingTest extends EmulatorAuthSupport {

    @Test
    void fiftyQueriesFromTwoEndpointsAndTenThreadsCostOneTokenRequest() throws Exception {
        List<String> uris = List.of(uri(sampleClient()), uri(sampleClient() + "&timespan=P1D"));
        int before = tokenRequests();
        int queriesBefore = emulator.requestLog().size();
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            List<Future<List<?>>> results = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String uri = uris.get(i % 2);
                results.add(threads.submit(() -> rows(uri)));
            }
            for (Future<List<?>> result : results) {
                assertEquals(3, result.get().size());
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(50, emulator.requestLog().size() - queriesBefore);
        assertEquals(1, tokenRequests() - before);
    }

    @Test
    void distinctCredentialsHaveTheirOwnTokens() {
        String clientId = "second-client";
        emulator.clients().register(clientId, "second-secret");
        emulator.sampleWorkspace().grant(clientId);
        int before = tokenRequests();
        for (int i = 0; i < 3; i++) {
            rows(uri(sampleClient()));
            rows(uri("tenantId=" + LogAnalyticsEmulator.SAMPLE_TENANT_ID + "&clientId=" + clientId
                     + "&clientSecret=RAW(second-secret)"));
        }
        assertEquals(2, tokenRequests() - before);
    }

    @Test
    void aComponentRestartStartsWithoutTokens() throws Exception {
        int before = tokenRequests();
        rows(uri(sampleClient()));
        context.stop();
        // the registry is emptied when Camel stops
        context.getRegistry().bind("emulatorTls", emulatorTls());
        context.start();
        rows(uri(sampleClient() + "&timespan=P1D"));
        assertEquals(2, tokenRequests() - before);
    }
}
