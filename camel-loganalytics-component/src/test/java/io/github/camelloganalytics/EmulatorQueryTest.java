package io.github.camelloganalytics;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.error.AccessDeniedException;
import io.github.camelloganalytics.error.InvalidTokenAudienceException;
import io.github.camelloganalytics.error.InvalidTokenException;
import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.error.MalformedResponseException;
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
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultTable;
import io.github.camelloganalytics.testkit.Clients;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.LoggedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component against the testkit's emulator: every documented error the emulator can produce from its real
 * cause (a bad query, a wrong token, a client without access, a missing workspace...) reaches the route's
 * {@code onException} as its own class; and the emulator's sample data arrives with every column typed.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class EmulatorQueryTest extends CamelTestSupport {

    private static final List<Class<? extends LogAnalyticsException>> CLASSES = List.of(
            LogAnalyticsException.class, QuerySyntaxException.class, QuerySemanticException.class,
            InvalidTokenException.class, InvalidTokenAudienceException.class, AccessDeniedException.class,
            UnauthorizedClientException.class, PathNotFoundException.class, WorkspaceNotFoundException.class,
            NoDataException.class, PartialResultException.class, ThrottledException.class,
            ServiceUnavailableException.class, QueryTimeoutException.class, MalformedResponseException.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    static LogAnalyticsEmulator emulator;

    /** The token the route's TokenProvider bean hands out: each test picks the credential it needs. */
    private final AtomicReference<String> token = new AtomicReference<>();

    @BeforeEach
    void sampleClientToken() {
        token.set(emulator.token());
    }

    @AfterEach
    void resetEmulator() {
        emulator.faults().clear();
        emulator.limits().rowLimit(500_000);
        emulator.requestLog().clear();
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("tokens", (TokenProvider) scope -> token.get());
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String base = "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "?tokenProvider=#tokens"
                              + "&failOnNoData=true&host=" + emulator.queryUrl();
                RouteDefinition route = from("direct:query");
                for (Class<? extends LogAnalyticsException> type : CLASSES) {
                    route.onException(type).handled(true).to("mock:" + type.getSimpleName());
                }
                route.to(base).to("mock:rows");
                from("direct:wrongPath").to(base.replace(emulator.queryUrl(), emulator.queryUrl() + "/nope"));
                from("direct:tables").to(base + "&outputFormat=TABLES&includeStatistics=true");
                from("direct:lenient").to(base.replace("&failOnNoData=true", ""));
                from("direct:serverTimeout").to(base + "&serverTimeout=1s");
            }
        };
    }

    /** Runs a query through the route and returns the exception its onException caught, checking its class. */
    private <T extends LogAnalyticsException> T caught(Class<T> expected, String query, String workspace) {
        Exchange out = template.request("direct:query", e -> {
            e.getMessage().setHeader(LogAnalyticsConstants.QUERY, query);
            if (workspace != null) {
                e.getMessage().setHeader(LogAnalyticsConstants.WORKSPACE_ID, workspace);
            }
        });
        Exception e = out.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        assertSame(expected, e == null ? null : e.getClass(), String.valueOf(e));
        assertEquals(1, getMockEndpoint("mock:" + expected.getSimpleName()).getReceivedCounter());
        return expected.cast(e);
    }

    /** The emulator serves the spec's bodies as the spec prints them (indented); the JSON is what must match. */
    private static void assertSameJson(String specResource, String body) {
        try {
            com.fasterxml.jackson.databind.JsonNode answered = JSON.readTree(body);
            // the emulator adds the live service's correlationId to the documented body
            com.fasterxml.jackson.databind.node.ObjectNode error =
                    (com.fasterxml.jackson.databind.node.ObjectNode) answered.get("error");
            assertTrue(error.remove("correlationId").asText().matches("[0-9a-f-]{36}"), body);
            assertEquals(JSON.readTree(WireMockTestSupport.resource(specResource)), answered);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void sampleRowsArriveTyped() throws Exception {
        getMockEndpoint("mock:rows").expectedMessageCount(1);
        Exchange out = template.request("direct:query",
                e -> e.getMessage().setHeader(LogAnalyticsConstants.QUERY,
                        "Heartbeat | where Computer == \"vm-web-01\" | take 3"));
        getMockEndpoint("mock:rows").assertIsSatisfied();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = out.getMessage().getBody(List.class);
        assertEquals(3, rows.size());
        for (Map<String, Object> row : rows) {
            assertEquals("vm-web-01", row.get("Computer"));
            assertInstanceOf(OffsetDateTime.class, row.get("TimeGenerated"));
        }
        assertEquals(3, out.getMessage().getHeader(LogAnalyticsConstants.ROW_COUNT));
        LoggedRequest request = emulator.requestLog().last();
        assertEquals("POST", request.method());
        assertEquals("/v1/workspaces/" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "/query", request.path());
        // the emulator, as the live service, sends no x-ms-request-id: the header is the client request id sent
        assertEquals(request.header("x-ms-client-request-id"), out.getMessage().getHeader(LogAnalyticsConstants.REQUEST_ID));
    }

    @Test
    void everyColumnOfTheSampleDataHasItsJavaType() {
        for (String table : List.of("Heartbeat", "AzureActivity", "AppRequests")) {
            QueryResult result = template.requestBodyAndHeader("direct:tables", null, LogAnalyticsConstants.QUERY,
                    table + " | take 50", QueryResult.class);
            ResultTable primary = result.getPrimaryTable();
            assertEquals(50, primary.getRowCount(), table);
            for (List<Object> row : primary.getRows()) {
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.get(i);
                    Class<?> javaType = primary.getColumns().get(i).getType().javaType();
                    assertTrue(value == null || javaType.isInstance(value),
                            table + "." + primary.getColumns().get(i).getName() + " is " + value);
                }
            }
        }
    }

    @Test
    void badKqlIsASyntaxError() {
        QuerySyntaxException e = caught(QuerySyntaxException.class, "Heartbeat | wherever Computer", null);
        assertEquals(400, e.getStatusCode());
        assertSameJson("spec-errors/400-syntax-error.json", e.getResponseBody());
    }

    @Test
    void anUnknownTableIsASemanticError() {
        QuerySemanticException e = caught(QuerySemanticException.class, "NoSuchTable | take 1", null);
        assertEquals("SemanticError", e.getInnerErrorCode());
    }

    @Test
    void aTokenThatDoesNotVerifyIsInvalid() {
        token.set("not-a-jwt");
        InvalidTokenException e = caught(InvalidTokenException.class, "Heartbeat | take 1", null);
        assertSameJson("spec-errors/403-invalid-token.json", e.getResponseBody());
    }

    @Test
    void anExpiredTokenIsInvalid() {
        token.set(emulator.clients().expiredAppToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, Clients.DIRECT_API_SCOPE));
        caught(InvalidTokenException.class, "Heartbeat | take 1", null);
    }

    @Test
    void aTokenForArmOnTheDirectApiHasTheWrongAudience() {
        token.set(emulator.clients().appToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, Clients.ARM_SCOPE));
        InvalidTokenAudienceException e = caught(InvalidTokenAudienceException.class, "Heartbeat | take 1", null);
        assertTrue(e.getAllowedAudiences().contains("https://api.loganalytics.io"), e.getAllowedAudiences()
                .toString());
    }

    @Test
    void aClientWithoutAccessIsDenied() {
        emulator.clients().register("client-without-access", "its-secret");
        token.set(emulator.clients().appToken("client-without-access", Clients.DIRECT_API_SCOPE));
        AccessDeniedException e = caught(AccessDeniedException.class, "Heartbeat | take 1", null);
        assertSameJson("spec-errors/403-insufficient-permissions.json", e.getResponseBody());
    }

    @Test
    void clientCredentialsOnTheDirectApiOfARefusingWorkspaceAreUnauthorized() {
        emulator.workspace("refusing-workspace").refuseClientCredentialsOnDirectApi(true);
        UnauthorizedClientException e = caught(UnauthorizedClientException.class, "Heartbeat | take 1",
                "refusing-workspace");
        assertEquals("UnauthorizedClient", e.getInnerErrorCode());
    }

    @Test
    void anUnknownWorkspaceIsNotFound() {
        caught(WorkspaceNotFoundException.class, "Heartbeat | take 1", "00000000-0000-0000-0000-000000000000");
    }

    @Test
    void anEmptyWorkspaceHasNoData() {
        emulator.workspace("empty-workspace");
        caught(NoDataException.class, "Heartbeat | take 1", "empty-workspace");

        Exchange lenient = template.request("direct:lenient", e -> {
            e.getMessage().setHeader(LogAnalyticsConstants.QUERY, "Heartbeat | take 1");
            e.getMessage().setHeader(LogAnalyticsConstants.WORKSPACE_ID, "empty-workspace");
        });
        assertEquals(List.of(), lenient.getMessage().getBody());
        assertEquals(Boolean.TRUE, lenient.getMessage().getHeader(LogAnalyticsConstants.NO_DATA));
    }

    @Test
    void aWrongPathIsNotFound() {
        Exception e = template.request("direct:wrongPath",
                ex -> ex.getMessage().setHeader(LogAnalyticsConstants.QUERY, "Heartbeat | take 1")).getException();
        PathNotFoundException notFound = assertInstanceOf(PathNotFoundException.class, e);
        assertSameJson("spec-errors/404-path-not-found.json", notFound.getResponseBody());
    }

    @Test
    void aResultOverTheRowLimitIsPartial() {
        emulator.limits().rowLimit(5);
        PartialResultException e = caught(PartialResultException.class, "Heartbeat", null);
        assertTrue(e.isResultTooLarge());
        assertEquals(5, e.getPartialResult().getPrimaryTable().getRowCount());
    }

    @Test
    void throttlingCarriesRetryAfter() {
        emulator.faults().next(1).status(429).retryAfter("7");
        ThrottledException e = caught(ThrottledException.class, "Heartbeat | take 1", null);
        assertEquals(Duration.ofSeconds(7), e.getRetryAfter());
        assertTrue(e.isRetryable());
    }

    @Test
    void serverFailuresAreServiceUnavailable() {
        emulator.faults().next(1).status(503);
        assertTrue(caught(ServiceUnavailableException.class, "Heartbeat | take 1", null).isRetryable());
    }

    @Test
    void aConnectionDroppedMidBodyCanBeRetried() {
        emulator.faults().next(1).dropConnectionMidBody();
        LogAnalyticsException e = caught(ServiceUnavailableException.class, "Heartbeat | take 10", null);
        assertTrue(e.isRetryable());
        // the pool is intact: the next query succeeds
        Exchange next = template.request("direct:query",
                ex -> ex.getMessage().setHeader(LogAnalyticsConstants.QUERY, "Heartbeat | take 2"));
        assertEquals(2, next.getMessage().getHeader(LogAnalyticsConstants.ROW_COUNT));
    }

    @Test
    void aTruncatedBodyIsMalformed() {
        emulator.faults().next(1).truncatedBody();
        caught(MalformedResponseException.class, "Heartbeat | take 10", null);
    }

    @Test
    void aQueryPastTheServerTimeoutTimesOut() {
        emulator.faults().next(1).delay(Duration.ofSeconds(2));
        Exception e = template.request("direct:serverTimeout",
                ex -> ex.getMessage().setHeader(LogAnalyticsConstants.QUERY, "Heartbeat | take 1")).getException();
        QueryTimeoutException timeout = assertInstanceOf(QueryTimeoutException.class, e);
        assertEquals(504, timeout.getStatusCode());
        assertEquals("wait=1", emulator.requestLog().last().header("Prefer"));
    }
}
