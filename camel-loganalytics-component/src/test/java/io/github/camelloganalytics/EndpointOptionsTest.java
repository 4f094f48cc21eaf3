package io.github.camelloganalytics;

import io.github.camelloganalytics.auth.TokenProvider;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Options are checked when the endpoint is created, and a bad one is named with its value; secrets never show.
 */
class EndpointOptionsTest {

    private CamelContext context;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("myTokens", (TokenProvider) scope -> "t");
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private String failure(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(uri));
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "timespan=yesterday|timespan|yesterday",
            "timespan=PT1H/PT2H|timespan|PT1H/PT2H",
            "serverTimeout=0s|serverTimeout|PT0S",
            "serverTimeout=11m|serverTimeout|PT11M",
            "responseTimeout=0s|responseTimeout|PT0S",
            "healthCheckInterval=PT-5S|healthCheckInterval|PT-5S",
            "host=ftp://example.org|host|ftp://example.org",
            "host=http://example.org|host|http://example.org",
            "host=http://10.1.2.3:8080|host|http://10.1.2.3:8080",
            "outputFormat=CSV|outputFormat|CSV",
            "cloud=AZURE_MARS|cloud|AZURE_MARS" })
    void aBadValueIsNamedWithItsOption(String options, String option, String value) {
        String message = failure("loganalytics:ws?accessToken=secret-xyz&" + options);
        assertTrue(message.contains(option), message);
        assertTrue(message.contains(value), message);
        assertFalse(message.contains("secret-xyz"), message);
    }

    @Test
    void credentialsMustBeConfiguredAndConsistent() {
        assertTrue(failure("loganalytics:ws?credentialType=ACCESS_TOKEN&tokenProvider=#myTokens")
                .contains("credentialType=ACCESS_TOKEN needs the option accessToken"));
        assertTrue(failure("loganalytics:ws?credentialType=TOKEN_PROVIDER&accessToken=secret-xyz")
                .contains("credentialType=TOKEN_PROVIDER needs the option tokenProvider"));
        String both = failure("loganalytics:ws?accessToken=secret-xyz&tokenProvider=#myTokens");
        assertTrue(both.contains("Options tokenProvider, accessToken are all set"), both);
        assertFalse(both.contains("secret-xyz"), both);
    }

    @Test
    void validOptionsCreateTheEndpoint() {
        LogAnalyticsEndpoint endpoint = context.getEndpoint("loganalytics:ws?tokenProvider=#myTokens&timespan="
                                                            + "2024-01-01T00:00:00Z/PT1H&serverTimeout=90s"
                                                            + "&host=http://127.0.0.1:1&connectTimeout=2s",
                LogAnalyticsEndpoint.class);
        assertEquals("ws", endpoint.getConfiguration().getWorkspaceId());
        assertEquals(java.time.Duration.ofSeconds(90), endpoint.getConfiguration().getServerTimeout());
        assertEquals(java.time.Duration.ofSeconds(2), endpoint.getConfiguration().getConnectTimeout());
        assertSame(context.getRegistry().lookupByName("myTokens"), endpoint.getConfiguration().getTokenProvider());
        assertEquals("http://127.0.0.1:1", endpoint.getServiceUrl());
    }

    @Test
    void componentOptionsAreTheDefaultsOfItsEndpoints() {
        LogAnalyticsComponent component = context.getComponent("loganalytics", LogAnalyticsComponent.class);
        component.getConfiguration().setQuery("Heartbeat | take 1");
        component.getConfiguration().setAccessToken("component-token");
        LogAnalyticsEndpoint endpoint = context.getEndpoint("loganalytics:ws?timespan=P1D",
                LogAnalyticsEndpoint.class);
        assertEquals("Heartbeat | take 1", endpoint.getConfiguration().getQuery());
        assertEquals("P1D", endpoint.getConfiguration().getTimespan());
        assertEquals(null, component.getConfiguration().getTimespan());
    }

    @Test
    void theAccessTokenIsMaskedInTheEndpointUri() {
        Endpoint endpoint = context.getEndpoint("loganalytics:ws?accessToken=secret-xyz&query=Heartbeat");
        assertFalse(endpoint.toString().contains("secret-xyz"), endpoint.toString());
        // what Camel logs and shows through JMX
        String shown = org.apache.camel.util.URISupport.sanitizeUri(endpoint.getEndpointUri());
        assertFalse(shown.contains("secret-xyz"), shown);
    }
}
