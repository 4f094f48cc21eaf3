package io.github.camelloganalytics.error;

import io.github.camelloganalytics.result.QueryResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static io.github.camelloganalytics.error.ErrorCatalogSpecTest.REQUEST_ID;
import static io.github.camelloganalytics.error.ErrorCatalogSpecTest.assertExactly;
import static io.github.camelloganalytics.error.ErrorCatalogSpecTest.assertFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog beyond the documented seed: nesting, retries, unknowns, odd bodies and the table itself. */
class ErrorCatalogTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T13:30:00Z"), ZoneOffset.UTC);

    static final String NESTED_SYNTAX = """
            {"error":{"message":"The request had some invalid properties","code":"BadArgumentError",
              "correlationId":"0c7f1c4a-7d2e-4b8b-9b1e-2f3c4d5e6f70",
              "innererror":{"code":"SyntaxError","message":"A recognition error occurred in the query.",
                "innererror":{"code":"SYN0002","message":"Query could not be parsed at 'wher' on line [1,15]",
                  "line":1,"pos":15,"token":"wher"}}}}
            """;

    static final String NESTED_SEMANTIC = """
            {"error":{"message":"The request had some invalid properties","code":"BadArgumentError",
              "innererror":{"code":"SemanticError","message":"A semantic error occurred.",
                "innererror":{"code":"SEM0100",
                  "message":"'where' operator: Failed to resolve column or scalar expression named 'Foo'"}}}}
            """;

    static final String BAD_TIMESPAN = """
            {"error":{"message":"The request had some invalid properties","code":"BadArgumentError",
              "innererror":{"code":"QueryValidationError","message":"Failed parsing the query timespan"}}}
            """;

    static final String THROTTLED = """
            {"error":{"code":"ThrottledError","message":"Your request was throttled"}}
            """;

    static final String GATEWAY_TIMEOUT = """
            {"error":{"code":"GatewayTimeout","message":"The gateway did not receive a response from the service in time"}}
            """;

    static final String WORKSPACE_NOT_FOUND = """
            {"error":{"message":"The workspace could not be found","code":"WorkspaceNotFoundError",
              "innererror":{"code":"WorkspaceNotFound","message":"Workspace 'b0c7d6e4-1a2b-4c3d-8e9f-0a1b2c3d4e5f' not found"}}}
            """;

    static final String HTML_502 = """
            <html><head><title>502 Bad Gateway</title></head>
            <body><center><h1>502 Bad Gateway</h1></center></body></html>
            """;

    static final String TEAPOT = """
            {"error":{"code":"ImATeapot","message":"Short and stout","innererror":{"code":"Spout","message":"Tip me over"}}}
            """;

    @Test
    void nestedInnerErrorsMatchTheFirstLevelAndShowTheDeepestMessage() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(400, NESTED_SYNTAX, REQUEST_ID, null);
        assertExactly(QuerySyntaxException.class, e);
        assertFields(e, 400, "BadArgumentError", "SyntaxError",
                "Query could not be parsed at 'wher' on line [1,15]", false);
        assertEquals(List.of("SyntaxError", "SYN0002"), e.getDetails().getInnerCodes());
        assertEquals(NESTED_SYNTAX, e.getResponseBody());
        // the example shown in docs/errors.md
        assertEquals("Query syntax error: Query could not be parsed at 'wher' on line [1,15]. Cause: The query string "
                + "is malformed. Fix: Check for extra spaces, punctuation, or spelling errors. (HTTP 400 "
                + "BadArgumentError/SyntaxError, correlation id 0c7f1c4a-7d2e-4b8b-9b1e-2f3c4d5e6f70, request id "
                + REQUEST_ID + ")", e.getMessage());
        assertEquals("0c7f1c4a-7d2e-4b8b-9b1e-2f3c4d5e6f70", e.getCorrelationId());
    }

    @Test
    void semanticErrorIsQuerySemanticException() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(400, NESTED_SEMANTIC, REQUEST_ID, null);
        assertExactly(QuerySemanticException.class, e);
        assertFields(e, 400, "BadArgumentError", "SemanticError",
                "'where' operator: Failed to resolve column or scalar expression named 'Foo'", false);
    }

    @Test
    void otherBadArgumentIsInvalidQueryException() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(400, BAD_TIMESPAN, REQUEST_ID, null);
        assertExactly(InvalidQueryException.class, e);
        assertFields(e, 400, "BadArgumentError", "QueryValidationError", "Failed parsing the query timespan", false);
        assertEquals("invalid-query", e.getCatalogEntry().id());
    }

    @Test
    void throttledWithRetryAfterSeconds() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(429, THROTTLED, REQUEST_ID, "7");
        assertExactly(ThrottledException.class, e);
        assertFields(e, 429, "ThrottledError", null, "Your request was throttled", true);
        assertEquals(Duration.ofSeconds(7), e.getRetryAfter());
    }

    @Test
    void throttledWithRetryAfterDate() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(429, THROTTLED, REQUEST_ID,
                "Wed, 25 Nov 2026 13:30:07 GMT", CLOCK);
        assertExactly(ThrottledException.class, e);
        assertEquals(Duration.ofSeconds(7), e.getRetryAfter());

        LogAnalyticsException past = ErrorCatalog.fromResponse(429, THROTTLED, REQUEST_ID,
                "Wed, 25 Nov 2026 13:29:00 GMT", CLOCK);
        assertEquals(Duration.ZERO, past.getRetryAfter());

        LogAnalyticsException garbage = ErrorCatalog.fromResponse(429, THROTTLED, REQUEST_ID, "soon", CLOCK);
        assertExactly(ThrottledException.class, garbage);
        assertNull(garbage.getRetryAfter());
    }

    @Test
    void serverErrorsAreRetryable() {
        LogAnalyticsException e503 = ErrorCatalog.fromResponse(503,
                "{\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"Try again later\"}}", REQUEST_ID, "120");
        assertExactly(ServiceUnavailableException.class, e503);
        assertFields(e503, 503, "ServiceUnavailable", null, "Try again later", true);
        assertEquals(Duration.ofMinutes(2), e503.getRetryAfter());
        assertEquals("service-unavailable", e503.getCatalogEntry().id());

        LogAnalyticsException e500 = ErrorCatalog.fromResponse(500, "", REQUEST_ID, null);
        assertExactly(ServiceUnavailableException.class, e500);
        assertFields(e500, 500, null, null, null, true);
        assertEquals("internal-server-error", e500.getCatalogEntry().id());
    }

    @Test
    void htmlOn502KeepsTheRawBody() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(502, HTML_502, REQUEST_ID, null);
        assertExactly(ServiceUnavailableException.class, e);
        assertFields(e, 502, null, null, null, true);
        assertEquals(HTML_502, e.getResponseBody());
        assertEquals("bad-gateway", e.getCatalogEntry().id());
        assertTrue(e.getMessage().startsWith("Bad gateway. Cause: "), e.getMessage());
    }

    @Test
    void gatewayTimeoutIsQueryTimeout() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(504, GATEWAY_TIMEOUT, REQUEST_ID, null);
        assertExactly(QueryTimeoutException.class, e);
        assertFields(e, 504, "GatewayTimeout", null,
                "The gateway did not receive a response from the service in time", true);

        LogAnalyticsException bare = ErrorCatalog.fromResponse(504, null, REQUEST_ID, null);
        assertExactly(QueryTimeoutException.class, bare);
        assertEquals("gateway-timeout", bare.getCatalogEntry().id());

        // the code decides even when a proxy reports another status
        LogAnalyticsException byCode = ErrorCatalog.fromResponse(500, GATEWAY_TIMEOUT, REQUEST_ID, null);
        assertExactly(QueryTimeoutException.class, byCode);
        assertEquals("gateway-timeout-code", byCode.getCatalogEntry().id());
    }

    @Test
    void clientResponseTimeout() {
        SocketTimeoutException cause = new SocketTimeoutException("Read timed out");
        QueryTimeoutException e = ErrorCatalog.responseTimeout(REQUEST_ID, Duration.ofMinutes(3), cause);
        assertFields(e, 0, null, null, "No complete answer within 180 s (responseTimeout)", true);
        assertSame(cause, e.getCause());
        assertNull(e.getResponseBody());
        assertEquals("No response in time: No complete answer within 180 s (responseTimeout). Cause: The whole "
                + "answer, from sending the request to its last byte, did not arrive within the client's "
                + "responseTimeout. Fix: Raise responseTimeout above serverTimeout, or make the query cheaper (a "
                + "narrower timespan, earlier filters). (request id " + REQUEST_ID + ")", e.getMessage());
        assertEquals("response-timeout", e.getCatalogEntry().id());
    }

    @Test
    void workspaceNotFoundMatchesOnCodeWhateverTheStatus() {
        for (int status : new int[] {404, 400, 403}) {
            LogAnalyticsException e = ErrorCatalog.fromResponse(status, WORKSPACE_NOT_FOUND, REQUEST_ID, null);
            assertExactly(WorkspaceNotFoundException.class, e);
            assertFields(e, status, "WorkspaceNotFoundError", "WorkspaceNotFound",
                    "Workspace 'b0c7d6e4-1a2b-4c3d-8e9f-0a1b2c3d4e5f' not found", false);
        }
    }

    @Test
    void unknownStatusAndCodeKeepEverything() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(418, TEAPOT, REQUEST_ID, "3");
        assertExactly(LogAnalyticsException.class, e);
        assertFields(e, 418, "ImATeapot", "Spout", "Tip me over", false);
        assertEquals(TEAPOT, e.getResponseBody());
        // Retry-After asks for a wait only on a 429 or a 503; the live service sends "retry-after: 0" on everything
        assertNull(e.getRetryAfter());
        assertEquals(Duration.ofSeconds(3), ErrorCatalog.fromResponse(429, TEAPOT, REQUEST_ID, "3").getRetryAfter());
        assertEquals(Duration.ofSeconds(3), ErrorCatalog.fromResponse(503, TEAPOT, REQUEST_ID, "3").getRetryAfter());
        assertEquals(Duration.ZERO, ErrorCatalog.fromResponse(429, TEAPOT, REQUEST_ID, "0").getRetryAfter());
        assertNull(ErrorCatalog.fromResponse(504, TEAPOT, REQUEST_ID, "0").getRetryAfter());
        assertNull(e.getCorrelationId());
        assertEquals("unknown", e.getCatalogEntry().id());
        assertEquals("Log Analytics request failed: Tip me over. Cause: The service answered with a status or error "
                + "code this catalog does not list. Fix: Read the service message and the response body; quote the "
                + "correlation id (and the request id and time) in a support case. (HTTP 418 ImATeapot/Spout, request "
                + "id " + REQUEST_ID + ")",
                e.getMessage());
    }

    @Test
    void tokenEndpointErrorsAreAuthenticationExceptions() {
        Map<String, String> expected = Map.of("invalid_client", "token-invalid-client",
                "unauthorized_client", "token-unauthorized-client", "invalid_request", "token-invalid-request",
                "invalid_scope", "token-invalid-scope");
        expected.forEach((error, id) -> {
            String description = "AADSTS7000215: Invalid client secret provided.";
            String body = "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\","
                    + "\"error_codes\":[7000215],\"trace_id\":\"t\",\"correlation_id\":\"c\"}";
            LogAnalyticsException e = ErrorCatalog.fromResponse(401, body, REQUEST_ID, null);
            assertExactly(AuthenticationException.class, e);
            assertFields(e, 401, error, null, description, false);
            assertEquals(id, e.getCatalogEntry().id());
            assertEquals(List.of(7000215), e.getDetails().getErrorCodes());
        });
    }

    @Test
    void invalidGrantCodesFallBackToTheDescription() {
        String body = "{\"error\":\"invalid_grant\",\"error_description\":\"AADSTS70000: The provided value for the "
                + "'code' parameter is not valid. AADSTS70008: expired.\"}";
        LogAnalyticsException e = ErrorCatalog.fromResponse(400, body, REQUEST_ID, null);
        assertExactly(InvalidGrantException.class, e);
        assertEquals(List.of(70000, 70008), ((InvalidGrantException) e).getAadstsCodes());
    }

    @Test
    void tokenErrorsFromAnOAuthLibrary() {
        String description = "AADSTS70008: The provided authorization code or refresh token has expired due to "
                + "inactivity.\r\nTrace ID: 1f0e\r\nCorrelation ID: c0ffee\r\nTimestamp: 2026-11-25 13:30:00Z";
        RuntimeException cause = new RuntimeException("from the library");
        LogAnalyticsException grant = ErrorCatalog.tokenError(400, "invalid_grant", description, REQUEST_ID, cause);
        assertExactly(InvalidGrantException.class, grant);
        assertFields(grant, 400, "invalid_grant", null, description, false);
        assertEquals(List.of(70008), ((InvalidGrantException) grant).getAadstsCodes());
        assertSame(cause, grant.getCause());
        assertFalse(grant.getMessage().contains("\n"), grant.getMessage());
        assertTrue(grant.getMessage().contains("inactivity. Trace ID: 1f0e Correlation ID: c0ffee"), grant.getMessage());

        LogAnalyticsException client = ErrorCatalog.tokenError(401, "invalid_client", "AADSTS7000215: Invalid "
                + "client secret provided.", REQUEST_ID, null);
        assertExactly(AuthenticationException.class, client);
        assertEquals("token-invalid-client", client.getCatalogEntry().id());

        LogAnalyticsException other = ErrorCatalog.tokenError(400, "interaction_required", "x", REQUEST_ID, null);
        assertExactly(LogAnalyticsException.class, other);
        assertEquals("interaction_required", other.getErrorCode());
    }

    @Test
    void other401And403FallToTheirFamilies() {
        LogAnalyticsException e401 = ErrorCatalog.fromResponse(401,
                "{\"error\":{\"code\":\"ExpiredAuthenticationToken\",\"message\":\"The token has expired\"}}",
                REQUEST_ID, null);
        assertExactly(AuthenticationException.class, e401);
        assertEquals("authentication-failed", e401.getCatalogEntry().id());

        LogAnalyticsException e403 = ErrorCatalog.fromResponse(403, "Forbidden", REQUEST_ID, null);
        assertExactly(AccessDeniedException.class, e403);
        assertEquals("Forbidden", e403.getResponseBody());

        // the ARM endpoint answers the audience error with 401: the code decides
        LogAnalyticsException armAudience = ErrorCatalog.fromResponse(401,
                ErrorCatalogSpecTest.INVALID_AUDIENCE, REQUEST_ID, null);
        assertExactly(InvalidTokenAudienceException.class, armAudience);
    }

    @Test
    void malformedBodies() {
        IllegalStateException cause = new IllegalStateException("Unexpected end-of-input\n at [Source: ...]");
        MalformedResponseException e = ErrorCatalog.malformed(200, REQUEST_ID, "{\"tables\":[{\"name\":", cause);
        assertFields(e, 200, null, null, "Unexpected end-of-input", false);
        assertEquals("{\"tables\":[{\"name\":", e.getResponseBody());
        assertSame(cause, e.getCause());

        LogAnalyticsException html = ErrorCatalog.fromResponse(200, "<html>portal</html>", REQUEST_ID, null);
        assertExactly(MalformedResponseException.class, html);
        assertEquals("<html>portal</html>", html.getResponseBody());

        LogAnalyticsException noError = ErrorCatalog.fromResponse(200, "{\"tables\":[]}", REQUEST_ID, null);
        assertExactly(MalformedResponseException.class, noError);

        LogAnalyticsException array = ErrorCatalog.fromResponse(200, "[1,2]", REQUEST_ID, null);
        assertExactly(MalformedResponseException.class, array);
    }

    @Test
    void partialResultTooLarge() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("code", "-2133196800");
        inner.put("message", "Query result set has exceeded the internal record count limit 500000 "
                + "(E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", "EngineError");
        detail.put("message", "Something went wrong processing your query on the server.");
        detail.put("innererror", inner);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", "PartialError");
        error.put("message", "There were some errors when processing your query.");
        error.put("details", List.of(detail));
        QueryResult result = new QueryResult(List.of(), null, null, error);

        PartialResultException e = ErrorCatalog.partialResult(result, REQUEST_ID);
        assertFields(e, 200, "PartialError", "EngineError", "Query result set has exceeded the internal record count "
                + "limit 500000 (E_QUERY_RESULT_SET_TOO_LARGE; see https://aka.ms/kustoquerylimits)", false);
        assertEquals(List.of("EngineError", "-2133196800"), e.getDetails().getInnerCodes());
        assertSame(result, e.getPartialResult());
        assertSame(error, e.getPartialError());
        assertTrue(e.isResultTooLarge());
        assertEquals("partial-result", e.getCatalogEntry().id());

        Map<String, Object> other = Map.of("code", "PartialError", "message", "Some shards did not answer",
                "details", List.of(Map.of("code", "E_QUERY_RESULT_SET_TOO_LARGE", "message", "Too many rows")));
        PartialResultException byCode = ErrorCatalog.partialResult(new QueryResult(List.of(), null, null, other),
                REQUEST_ID);
        assertEquals("E_QUERY_RESULT_SET_TOO_LARGE", byCode.getInnerErrorCode());
        assertEquals("Too many rows", byCode.getServiceMessage());
        assertTrue(byCode.isResultTooLarge());

        PartialResultException plain = ErrorCatalog.partialResult(new QueryResult(List.of(), null, null,
                Map.of("code", "PartialError", "message", "Some shards did not answer")), null);
        assertEquals("Some shards did not answer", plain.getServiceMessage());
        assertFalse(plain.isResultTooLarge());
        assertNull(plain.getRequestId());
    }

    @Test
    void responseBodyIsCappedAt64KiB() {
        String body = "x".repeat(100_000);
        LogAnalyticsException e = ErrorCatalog.fromResponse(500, body, REQUEST_ID, null);
        assertEquals(64 * 1024, e.getResponseBody().length());
    }

    @Test
    void nonErrorJsonOnFailureStillMapsByStatus() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(429,
                "{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in 1 seconds.\"}", REQUEST_ID,
                "1");
        assertExactly(ThrottledException.class, e);
        assertEquals("Rate limit is exceeded. Try again in 1 seconds.", e.getServiceMessage());
        assertEquals(Duration.ofSeconds(1), e.getRetryAfter());
    }

    @Test
    void everyEntryIsProducedByItsExample() {
        Map<String, Supplier<LogAnalyticsException>> examples = new LinkedHashMap<>();
        examples.put("query-syntax-error", http(400, ErrorCatalogSpecTest.SYNTAX_ERROR));
        examples.put("query-semantic-error", http(400, NESTED_SEMANTIC));
        examples.put("invalid-query", http(400, BAD_TIMESPAN));
        examples.put("missing-authentication", http(401, ErrorCatalogSpecTest.NO_AUTHENTICATION));
        examples.put("authentication-failed", http(401, ""));
        examples.put("invalid-token", http(403, ErrorCatalogSpecTest.INVALID_TOKEN));
        examples.put("invalid-token-audience", http(403, ErrorCatalogSpecTest.INVALID_AUDIENCE));
        examples.put("unauthorized-client", http(403, ErrorCatalogSpecTest.CLIENT_CREDENTIALS_TO_DIRECT));
        examples.put("insufficient-access", http(403, ErrorCatalogSpecTest.INSUFFICIENT_PERMISSIONS));
        examples.put("access-denied", http(403, "{\"error\":{\"code\":\"Forbidden\",\"message\":\"No\"}}"));
        examples.put("token-invalid-grant", http(403, ErrorCatalogSpecTest.BAD_AUTHORIZATION_CODE));
        examples.put("token-invalid-client", http(401, "{\"error\":\"invalid_client\",\"error_description\":\"x\"}"));
        examples.put("token-unauthorized-client",
                http(400, "{\"error\":\"unauthorized_client\",\"error_description\":\"x\"}"));
        examples.put("token-invalid-request", http(400, "{\"error\":\"invalid_request\",\"error_description\":\"x\"}"));
        examples.put("token-unknown-tenant", http(400, "{\"error\":\"invalid_request\",\"error_description\":"
                + "\"AADSTS90002: Tenant 'nope' not found.\",\"error_codes\":[90002]}"));
        examples.put("token-invalid-scope", http(400, "{\"error\":\"invalid_scope\",\"error_description\":\"x\"}"));
        examples.put("path-not-found", http(404, ErrorCatalogSpecTest.PATH_NOT_FOUND));
        examples.put("not-found", http(404, "<html>Not Found</html>"));
        examples.put("workspace-not-found", http(404, WORKSPACE_NOT_FOUND));
        examples.put("throttled", http(429, THROTTLED));
        examples.put("internal-server-error", http(500, "{\"error\":{\"code\":\"InternalError\"}}"));
        examples.put("bad-gateway", http(502, HTML_502));
        examples.put("service-unavailable", http(503, ""));
        examples.put("gateway-timeout", http(504, ""));
        examples.put("gateway-timeout-code", http(500, GATEWAY_TIMEOUT));
        examples.put("response-timeout", () -> ErrorCatalog.responseTimeout(REQUEST_ID, Duration.ofSeconds(10), null));
        examples.put("connection-failed", () -> ErrorCatalog.connectionFailed("https://api.loganalytics.azure.com",
                REQUEST_ID, new java.net.ConnectException("Connection refused")));
        examples.put("component-stopped", () -> ErrorCatalog.componentStopped("The loganalytics component", null));
        examples.put("response-too-large", () -> ErrorCatalog.responseTooLarge(REQUEST_ID, 128L * 1024 * 1024, null));
        examples.put("token-unavailable", () -> ErrorCatalog.tokenUnavailable("https://api.loganalytics.io/.default",
                new IllegalStateException("no credential")));
        examples.put("authority-unreachable", () -> ErrorCatalog.authorityUnreachable(
                "https://login.microsoftonline.com/tenant/", new java.net.ConnectException("Connection refused")));
        examples.put("empty-response", http(200, ""));
        examples.put("no-data", http(204, ""));
        examples.put("partial-result", () -> ErrorCatalog.partialResult(
                new QueryResult(List.of(), null, null, Map.of("code", "PartialError")), REQUEST_ID));
        examples.put("malformed-response", http(200, "{\"tables\":"));
        examples.put("unknown", http(418, TEAPOT));

        Set<String> ids = new HashSet<>();
        for (ErrorCatalog.Entry entry : ErrorCatalog.entries()) {
            assertTrue(entry.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), entry.id());
            assertTrue(ids.add(entry.id()), "duplicate id " + entry.id());
            Supplier<LogAnalyticsException> example = examples.get(entry.id());
            assertNotNull(example, "no example for " + entry.id());
            LogAnalyticsException e = example.get();
            assertEquals(entry.exceptionClass(), e.getClass(), entry.id());
            assertEquals(entry.id(), e.getCatalogEntry().id());
            assertEquals(entry.retryable(), e.isRetryable(), entry.id());
            assertTrue(e.getMessage().startsWith(entry.title()), e.getMessage());

            // the factory builds exactly the declared class
            LogAnalyticsException made = entry.create(ErrorDetails.builder().status(entry.status()).build(), null);
            assertEquals(entry.exceptionClass(), made.getClass(), entry.id());
            assertSame(entry, made.getCatalogEntry());
        }
        assertEquals(examples.keySet(), ids);
        assertTrue(ErrorCatalog.entry("no-such-entry").isEmpty());
    }

    @Test
    void retryableRowsAreExactlyThrottlingUnavailabilityAndTimeouts() {
        for (ErrorCatalog.Entry entry : ErrorCatalog.entries()) {
            boolean expected = ThrottledException.class.equals(entry.exceptionClass())
                    || ServiceUnavailableException.class.equals(entry.exceptionClass())
                    || QueryTimeoutException.class.equals(entry.exceptionClass());
            assertEquals(expected, entry.retryable(), entry.id());
        }
    }

    @Test
    void survivesSerialization() throws Exception {
        LogAnalyticsException e = ErrorCatalog.fromResponse(429, THROTTLED, REQUEST_ID, "7");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(e);
        }
        LogAnalyticsException back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (LogAnalyticsException) in.readObject();
        }
        assertExactly(ThrottledException.class, back);
        assertEquals(e.getMessage(), back.getMessage());
        assertEquals(e.getDetails(), back.getDetails());
        assertTrue(back.isRetryable());
        assertEquals("throttled", back.getCatalogEntry().id());
    }

    @Test
    void matchOrder() {
        assertEquals("query-syntax-error", ErrorCatalog.match(400, "BadArgumentError", "SyntaxError", null).id());
        assertEquals("query-syntax-error", ErrorCatalog.match(400, "badargumenterror", "syntaxerror", null).id());
        assertEquals("invalid-query", ErrorCatalog.match(400, "BadArgumentError", null, null).id());
        assertEquals("unknown", ErrorCatalog.match(400, "Nope", null, null).id());
        assertEquals("throttled", ErrorCatalog.match(429, "Nope", "Nope", null).id());
        assertEquals("token-invalid-grant", ErrorCatalog.match(400, "invalid_grant", null, "invalid_grant").id());
        assertEquals("unknown", ErrorCatalog.match(400, "temporarily_unavailable", null, "temporarily_unavailable")
                .id());
        assertEquals("service-unavailable",
                ErrorCatalog.match(503, "temporarily_unavailable", null, "temporarily_unavailable").id());
    }

    private static Supplier<LogAnalyticsException> http(int status, String body) {
        return () -> ErrorCatalog.fromResponse(status, body, REQUEST_ID, null);
    }
}
