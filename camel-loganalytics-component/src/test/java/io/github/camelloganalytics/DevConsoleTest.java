package io.github.camelloganalytics;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code loganalytics} dev console as Camel resolves it by id (the services file camel-package-maven-plugin
 * generates from {@code @DevConsole}): a producer endpoint's counters, errors by exception and last query with its
 * request and correlation ids, in text and JSON, and never the access token.
 */
class DevConsoleTest extends WireMockTestSupport {

    private static final String ROWS = """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"Computer","type":"string"}],
              "rows":[["vm-1"],["vm-2"],["vm-3"]]}]}
            """;
    private static final String THROTTLED = """
            {"error":{"message":"Too many requests","code":"TooManyRequests",
              "correlationId":"7a1d5e0c-2b3f-4c4d-8e5f-6a7b8c9d0e1f"}}
            """;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:query").to(loganalytics("query=Heartbeat"));
            }
        };
    }

    private DevConsole console(CamelContext camelContext) {
        DevConsole console = PluginHelper.getDevConsoleResolver(camelContext).resolveDevConsole("loganalytics");
        assertNotNull(console, "no dev console 'loganalytics' found");
        return console;
    }

    @Test
    void countsQueriesRowsErrorsAndTheLastQuery() {
        wireMock.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-ms-request-id", "req-1").withBody(ROWS)));
        template.request("direct:query", e -> { });
        template.request("direct:query", e -> { });
        wireMock.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("x-ms-request-id", "req-2")
                .withHeader("Retry-After", "1").withBody(THROTTLED)));
        template.request("direct:query", e -> { });

        DevConsole console = console(context);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        List<?> endpoints = (List<?>) json.get("endpoints");
        assertEquals(1, endpoints.size());
        Map<?, ?> endpoint = (Map<?, ?>) endpoints.get(0);
        assertEquals("loganalytics://" + WORKSPACE, endpoint.get("uri"));
        assertEquals("workspace " + WORKSPACE, endpoint.get("target"));
        assertEquals(3L, endpoint.get("queries"));
        assertEquals(6L, endpoint.get("rows"));
        assertEquals(1L, endpoint.get("errors"));
        assertEquals(Map.of("ThrottledException", 1L), endpoint.get("errorsByException"));
        Map<?, ?> last = (Map<?, ?>) endpoint.get("lastQuery");
        assertEquals(true, last.get("failed"));
        assertEquals("ThrottledException", last.get("exception"));
        assertEquals("TooManyRequests", last.get("errorCode"));
        assertEquals("req-2", last.get("requestId"));
        assertEquals("7a1d5e0c-2b3f-4c4d-8e5f-6a7b8c9d0e1f", last.get("correlationId"));

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("queries: 3  rows: 6  errors: 1 {ThrottledException=1}"), text);
        assertTrue(text.contains("failed with ThrottledException (TooManyRequests), request id req-2,"
                                 + " correlation id 7a1d5e0c-2b3f-4c4d-8e5f-6a7b8c9d0e1f"), text);
        for (String shown : List.of(text, json.toString())) {
            assertFalse(shown.contains(TOKEN), shown);
        }
    }

    @Test
    void anEndpointNotUsedYetHasNoLastQuery() {
        Map<?, ?> json = (Map<?, ?>) console(context).call(DevConsole.MediaType.JSON);
        Map<?, ?> endpoint = (Map<?, ?>) ((List<?>) json.get("endpoints")).get(0);
        assertEquals(0L, endpoint.get("queries"));
        assertFalse(endpoint.containsKey("lastQuery"));
        String text = (String) console(context).call(DevConsole.MediaType.TEXT);
        assertFalse(text.contains("last query"), text);
    }
}
