package io.github.camelloganalytics;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code maxResponseSize} on an endpoint URI: a number of bytes, or text with a unit of 1024-based multiples as
 * CONTRACT allows ({@code 128MB} is the default's 134217728 bytes); anything else is refused when the endpoint is
 * created, naming the option and the value. The limit written as text is applied end to end in
 * {@code HostileServerTest} (an endless body stopped at {@code 4MB}).
 */
class MaxResponseSizeTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private String uri(String size) {
        // no traffic: the endpoint is only created
        return "loganalytics:3a8c2d1e-4f5b-4c6d-8e7f-9a0b1c2d3e4f?host=http://127.0.0.1:9&accessToken=unused"
               + "&maxResponseSize=" + size;
    }

    @ParameterizedTest
    @CsvSource({
            "134217728, 134217728",
            "128MB, 134217728",
            "128mb, 134217728",
            "128 MB, 134217728",
            "128MiB, 134217728",
            "128M, 134217728",
            "512KB, 524288",
            "1GB, 1073741824",
            "2TB, 2199023255552",
            "1000B, 1000",
            "1, 1" })
    void aNumberOfBytesOrANumberAndAUnitIsAccepted(String text, long bytes) {
        LogAnalyticsEndpoint endpoint = context.getEndpoint(uri(text), LogAnalyticsEndpoint.class);
        assertEquals(bytes, endpoint.getConfiguration().getMaxResponseSize());
    }

    @ParameterizedTest
    @ValueSource(strings = { "128XB", "1.5GB", "MB", "-1", "128 MB extra", "ten", "99999999999TB", "0", "0KB" })
    void otherTextIsRefusedAtEndpointCreationNamingTheOptionAndTheValue(String text) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(uri(text)));
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        assertTrue(message.contains("maxResponseSize"), message);
        String shown = text.equals("0KB") ? "0" : text;
        assertTrue(message.contains(shown), message);
    }

    @Test
    void theDefaultIs128MB() {
        LogAnalyticsEndpoint endpoint = context.getEndpoint(uri("128MB").replace("&maxResponseSize=128MB", ""),
                LogAnalyticsEndpoint.class);
        assertEquals(134217728L, endpoint.getConfiguration().getMaxResponseSize());
    }
}
