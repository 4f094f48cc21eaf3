package io.github.camelloganalytics;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.error.ThrottledException;
import org.apache.camel.Exchange;
import org.apache.camel.util.URISupport;
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
    void everyOptionOfTheMetadataIsShownAndCamelMasksEverySecretOneInUris() throws Exception {
        JsonNode properties;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/io/github/camelloganalytics/loganalytics.json")) {
            properties = new ObjectMapper().readTree(in).get("properties");
        }
        Set<String> names = new TreeSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        assertEquals(names, EndpointOptions.secretByName().keySet());
        // what Camel prints of an endpoint URI (log lines, route dumps, errors) never shows a secret option's value
        for (Map.Entry<String, Boolean> option : EndpointOptions.secretByName().entrySet()) {
            assertEquals(properties.get(option.getKey()).path("secret").asBoolean(), option.getValue(), option.getKey());
            if (option.getValue()) {
                String uri = "loganalytics:" + SAMPLE_WORKSPACE_ID + "?query=print 1&" + option.getKey() + "=s3cr3t";
                assertFalse(URISupport.sanitizeUri(uri).contains("s3cr3t"), option.getKey());
            }
        }
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
