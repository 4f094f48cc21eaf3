package io.github.camelloganalytics;

import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.camelloganalytics.error.AccessDeniedException;
import io.github.camelloganalytics.error.EmptyResponseException;
import io.github.camelloganalytics.error.InvalidGrantException;
import io.github.camelloganalytics.error.InvalidQueryException;
import io.github.camelloganalytics.error.InvalidTokenAudienceException;
import io.github.camelloganalytics.error.InvalidTokenException;
import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.error.MalformedResponseException;
import io.github.camelloganalytics.error.MissingAuthenticationException;
import io.github.camelloganalytics.error.NoDataException;
import io.github.camelloganalytics.error.PartialResultException;
import io.github.camelloganalytics.error.PathNotFoundException;
import io.github.camelloganalytics.error.QuerySemanticException;
import io.github.camelloganalytics.error.QuerySyntaxException;
import io.github.camelloganalytics.error.QueryTimeoutException;
import io.github.camelloganalytics.error.ServiceUnavailableException;
import io.github.camelloganalytics.error.ThrottledException;
import io.github.camelloganalytics.error.UnauthorizedClientException;
import io.github.camelloganalytics.error.WorkspaceNotFoundException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every documented error, and every failure the component adds to them, reaches the {@code onException} for its
 * own class, in routes written in the Java, XML and YAML DSLs, carrying status, codes, message and request id.
 */
class ErrorCatalogRouteTest extends WireMockTestSupport {

    /** Every class a route can name; Camel picks the closest one, so each case proves its exact class. */
    private static final List<Class<? extends LogAnalyticsException>> CLASSES = List.of(
            LogAnalyticsException.class, InvalidQueryException.class, QuerySyntaxException.class,
            QuerySemanticException.class, MissingAuthenticationException.class, InvalidTokenException.class,
            InvalidTokenAudienceException.class, InvalidGrantException.class, AccessDeniedException.class,
            UnauthorizedClientException.class, PathNotFoundException.class, WorkspaceNotFoundException.class,
            EmptyResponseException.class, NoDataException.class, PartialResultException.class,
            ThrottledException.class, ServiceUnavailableException.class, QueryTimeoutException.class,
            MalformedResponseException.class);

    private static final String OPTIONS = "query=Heartbeat&failOnNoData=true&responseTimeout=1s";

    record Case(String name, int status, String body, Class<? extends LogAnalyticsException> expected, String code,
                String innerCode, String serviceMessage, boolean retryable) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("syntax error", 400, resource("spec-errors/400-syntax-error.json"),
                        QuerySyntaxException.class, "BadArgumentError", "SyntaxError", "Syntax Error", false),
                new Case("no authentication", 401, resource("spec-errors/401-no-authentication.json"),
                        MissingAuthenticationException.class, "AuthenticationFailed", null,
                        "Authentication failed. The 'Authorization' header is missing.", false),
                new Case("invalid token", 403, resource("spec-errors/403-invalid-token.json"),
                        InvalidTokenException.class, "InvalidAuthenticationToken", null,
                        "The access token is invalid.", false),
                new Case("invalid token audience", 403, resource("spec-errors/403-invalid-token-audience.json"),
                        InvalidTokenAudienceException.class, "InvalidAuthenticationTokenAudience", null,
                        "The access token has been obtained from wrong audience or resource"
                                                                   + " 'https://api.loganalytics.io'. It should exactly match (including forward slash) with one of the allowed audiences 'https://management.core.windows.net/','https://management.azure.com/'.",
                        false),
                new Case("client credentials to direct API", 403,
                        resource("spec-errors/403-client-credentials-direct-api.json"),
                        UnauthorizedClientException.class, "InsufficientAccessError", "UnauthorizedClient",
                        "The service principal does not have sufficient permissions to access this resource:"
                                                                                          + " 997631f8-3a55-4bb2-81b2-c0972b222260",
                        false),
                new Case("insufficient permissions", 403, resource("spec-errors/403-insufficient-permissions.json"),
                        AccessDeniedException.class, "InsufficientAccessError", null,
                        "The provided credentials have insufficient access to perform the requested operation",
                        false),
                new Case("bad authorization code", 403, resource("spec-errors/403-bad-authorization-code.json"),
                        InvalidGrantException.class, "invalid_grant", null,
                        "AADSTS70002: Error validating credentials. AADSTS70008: The provided authorization code or"
                                                                            + " refresh token is expired. Send a new interactive authorization request for this user and resource.",
                        false),
                new Case("path not found", 404, resource("spec-errors/404-path-not-found.json"),
                        PathNotFoundException.class, "PathNotFoundError", null, "The requested path does not exist",
                        false),
                new Case("missing JSON or Content-Type", 200, "", EmptyResponseException.class, null, null, null,
                        false),
                new Case("no data in workspace", 204, "", NoDataException.class, null, null, null, false),
                new Case("semantic error", 400,
                        "{\"error\":{\"message\":\"The request had some invalid properties\",\"code\":\"BadArgumentError\","
                                                + "\"innererror\":{\"code\":\"SemanticError\",\"message\":\"A semantic error occurred.\","
                                                + "\"innererror\":{\"code\":\"SEM0100\",\"message\":\"'where' operator: Failed to resolve table or column expression named 'Foo'\"}}}}",
                        QuerySemanticException.class, "BadArgumentError", "SemanticError",
                        "'where' operator: Failed to resolve table or column expression named 'Foo'", false),
                new Case("workspace not found", 404,
                        "{\"error\":{\"message\":\"The workspace could not be found\",\"code\":\"WorkspaceNotFoundError\"}}",
                        WorkspaceNotFoundException.class, "WorkspaceNotFoundError", null,
                        "The workspace could not be found", false),
                new Case("throttled", 429,
                        "{\"error\":{\"message\":\"Too many requests\",\"code\":\"ThrottledError\"}}",
                        ThrottledException.class, "ThrottledError", null, "Too many requests", true),
                new Case("internal server error", 500, "", ServiceUnavailableException.class, null, null, null, true),
                new Case("bad gateway from a proxy", 502, "<html><body>502 Bad Gateway</body></html>",
                        ServiceUnavailableException.class, null, null, null, true),
                new Case("service unavailable", 503, "", ServiceUnavailableException.class, null, null, null, true),
                new Case("gateway timeout", 504,
                        "{\"error\":{\"message\":\"The query exceeded the time limit\",\"code\":\"GatewayTimeout\"}}",
                        QueryTimeoutException.class, "GatewayTimeout", null, "The query exceeded the time limit", true),
                new Case("partial result", 200, resource("responses/partial.json"), PartialResultException.class,
                        "PartialError", "EngineError", null, false),
                new Case("truncated body", 200, "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[",
                        MalformedResponseException.class, null, null, null, false),
                new Case("unknown error", 418, "{\"error\":{\"message\":\"I am a teapot\",\"code\":\"TeapotError\"}}",
                        LogAnalyticsException.class, "TeapotError", null, "I am a teapot", false));
    }

    static Stream<Arguments> casesPerDsl() {
        return cases().flatMap(c -> Stream.of("java", "xml", "yaml").map(dsl -> Arguments.of(dsl, c)));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                RouteDefinition route = from("direct:java");
                for (Class<? extends LogAnalyticsException> type : CLASSES) {
                    OnExceptionDefinition handler = route.onException(type);
                    handler.handled(true).to("mock:java-" + type.getSimpleName());
                }
                route.to(loganalytics(OPTIONS));
            }
        };
    }

    @Override
    protected void doPostSetup() throws Exception {
        StringBuilder xml = new StringBuilder("<routes xmlns=\"http://camel.apache.org/schema/spring\">\n")
                .append("  <route id=\"xml\">\n    <from uri=\"direct:xml\"/>\n");
        StringBuilder yaml = new StringBuilder();
        for (Class<? extends LogAnalyticsException> type : CLASSES) {
            xml.append("    <onException>\n      <exception>").append(type.getName()).append("</exception>\n")
                    .append("      <handled><constant>true</constant></handled>\n")
                    .append("      <to uri=\"mock:xml-").append(type.getSimpleName()).append("\"/>\n")
                    .append("    </onException>\n");
            yaml.append("- onException:\n    exception:\n      - ").append(type.getName()).append('\n')
                    .append("    handled:\n      constant: \"true\"\n")
                    .append("    steps:\n      - to: mock:yaml-").append(type.getSimpleName()).append('\n');
        }
        xml.append("    <to uri=\"").append(loganalytics(OPTIONS).replace("&", "&amp;")).append("\"/>\n")
                .append("  </route>\n</routes>\n");
        yaml.append("- route:\n    id: yaml\n    from:\n      uri: direct:yaml\n      steps:\n        - to: \"")
                .append(loganalytics(OPTIONS)).append("\"\n");
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.fromString("errors.xml", xml.toString()),
                ResourceHelper.fromString("errors.yaml", yaml.toString()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("casesPerDsl")
    void theRouteCatchesTheErrorAsItsOwnClass(String dsl, Case c) throws Exception {
        String requestId = "req-" + c.name().replace(' ', '-');
        ResponseDefinitionBuilder response = aResponse().withStatus(c.status()).withHeader("x-ms-request-id", requestId);
        if (!c.body().isEmpty()) {
            response.withBody(c.body()).withHeader("Content-Type",
                    c.body().startsWith("<") ? "text/html" : "application/json");
        }
        if (c.status() == 429 || c.status() == 503) {
            response.withHeader("Retry-After", "2");
        }
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).willReturn(response));

        for (Class<? extends LogAnalyticsException> type : CLASSES) {
            getMockEndpoint("mock:" + dsl + "-" + type.getSimpleName()).expectedMessageCount(
                    type == c.expected() ? 1 : 0);
        }
        template.sendBody("direct:" + dsl, null);
        MockEndpoint.assertIsSatisfied(context);

        Exchange caught = getMockEndpoint("mock:" + dsl + "-" + c.expected().getSimpleName())
                .getReceivedExchanges().get(0);
        LogAnalyticsException e = caught.getProperty(Exchange.EXCEPTION_CAUGHT, LogAnalyticsException.class);
        assertSame(c.expected(), e.getClass());
        assertEquals(c.status(), e.getStatusCode());
        assertEquals(c.code(), e.getErrorCode());
        assertEquals(c.innerCode(), e.getInnerErrorCode());
        if (c.serviceMessage() != null) {
            assertEquals(c.serviceMessage(), e.getServiceMessage());
            assertTrue(e.getMessage().contains(c.serviceMessage()), e.getMessage());
        }
        assertEquals(requestId, e.getRequestId());
        assertEquals(c.retryable(), e.isRetryable());
        if (c.status() != 200 && c.status() != 204) {
            assertEquals(c.body(), e.getResponseBody());
        }
        assertNotNull(e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = { "java", "xml", "yaml" })
    void aResponseTimeoutIsAQueryTimeout(String dsl) throws Exception {
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(3000)
                .withBody("{\"tables\":[]}")));
        getMockEndpoint("mock:" + dsl + "-QueryTimeoutException").expectedMessageCount(1);
        template.sendBody("direct:" + dsl, null);
        MockEndpoint.assertIsSatisfied(context);

        QueryTimeoutException e = getMockEndpoint("mock:" + dsl + "-QueryTimeoutException").getReceivedExchanges()
                .get(0).getProperty(Exchange.EXCEPTION_CAUGHT, QueryTimeoutException.class);
        assertTrue(e.isRetryable());
        assertNotNull(e.getRequestId());
    }
}
