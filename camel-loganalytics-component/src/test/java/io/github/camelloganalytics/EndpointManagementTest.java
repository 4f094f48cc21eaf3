package io.github.camelloganalytics;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelloganalytics.error.ThrottledException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the endpoint's MBean adds to Camel's: its options with the secret ones masked, and counters of queries,
 * rows and failures by exception class, fed by real queries to the emulator.
 */
class EndpointManagementTest extends EmulatorTestSupport {

    @Test
    void theSecretOptionsAreTheOnesTheMetadataMarks() {
        Set<String> secret = EndpointOptions.secretByName().entrySet().stream().filter(Map.Entry::getValue)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertEquals(Set.of("clientSecret", "certificatePassword", "refreshToken", "accessToken", "proxyAuthUsername",
                "proxyAuthPassword"), secret);
    }

    @Test
    void theServiceProtocolIsTheHostsScheme() {
        LogAnalyticsEndpoint http = context.getEndpoint(uri(SAMPLE_WORKSPACE_ID, "query=Heartbeat"),
                LogAnalyticsEndpoint.class);
        assertEquals("http", http.getServiceProtocol(), http.getServiceUrl());
        LogAnalyticsEndpoint https = context.getEndpoint("loganalytics:" + SAMPLE_WORKSPACE_ID
                + "?query=Heartbeat&tokenProvider=#tokens", LogAnalyticsEndpoint.class);
        assertEquals("https", https.getServiceProtocol(), https.getServiceUrl());
    }

    @Test
    void optionsShowValuesButMaskSecrets() {
        String token = emulator.token();
        LogAnalyticsEndpoint endpoint = context.getEndpoint(uri(SAMPLE_WORKSPACE_ID,
                "accessToken=RAW(" + token + ")&query=Heartbeat | take 2&credentialType=ACCESS_TOKEN"),
                LogAnalyticsEndpoint.class);
        String options = endpoint.getOptions();
        assertTrue(options.contains("accessToken=" + EndpointOptions.MASK), options);
        assertTrue(options.contains("query=Heartbeat | take 2"), options);
        assertTrue(options.contains("credentialType=ACCESS_TOKEN"), options);
        assertFalse(options.contains(token), options);
        assertEquals("workspace " + SAMPLE_WORKSPACE_ID, endpoint.getTarget());
    }

    @Test
    void countersFollowQueriesRowsAndFailures() {
        String uri = uri(SAMPLE_WORKSPACE_ID, "tokenProvider=#tokens&honorRetryAfter=false");
        LogAnalyticsEndpoint endpoint = context.getEndpoint(uri, LogAnalyticsEndpoint.class);

        send(uri, "Heartbeat | take 3");
        send(uri, "Heartbeat | take 2");
        emulator.faults().next(1).status(429).retryAfter("1");
        Exchange throttled = send(uri, "Heartbeat | take 1");
        assertInstanceOf(ThrottledException.class, throttled.getException());

        assertEquals(3, endpoint.getQueryCount());
        assertEquals(5, endpoint.getRowCount());
        assertEquals(1, endpoint.getErrorCount());
        assertEquals("{ThrottledException=1}", endpoint.getErrorsByException());

        endpoint.resetStatistics();
        assertEquals(0, endpoint.getQueryCount());
        assertEquals("{}", endpoint.getErrorsByException());
    }
}
