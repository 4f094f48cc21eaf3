package io.github.camelloganalytics.error;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Every error of Microsoft's "Azure Monitor Log Analytics API Errors" page (the seed
 * {@code shared/spec/log-analytics-api-errors.txt}), with its status and body copied verbatim.
 */
class ErrorCatalogSpecTest {

    static final String REQUEST_ID = "6f1c3c1e-5d0c-4f57-9f6a-3f1a2b4c5d6e";

    static final String SYNTAX_ERROR = """
            {
                "error": {
                    "message": "The request had some invalid properties",
                    "code": "BadArgumentError",
                    "innererror": {
                        "code": "SyntaxError",
                        "message": "Syntax Error"
                    }
                }
            }
            """;

    static final String NO_AUTHENTICATION = """
            {
                "error": {
                    "code": "AuthenticationFailed",
                    "message": "Authentication failed. The 'Authorization' header is missing."
                }
            }
            """;

    static final String INVALID_TOKEN = """
            {
                "error": {
                    "code": "InvalidAuthenticationToken",
                    "message": "The access token is invalid."
                }
            }
            """;

    static final String INVALID_AUDIENCE = """
            {
                "error": {
                    "code": "InvalidAuthenticationTokenAudience",
                    "message": "The access token has been obtained from wrong audience or resource 'https://api.loganalytics.io'. It should exactly match (including forward slash) with one of the allowed audiences 'https://management.core.windows.net/','https://management.azure.com/'."
                }
            }
            """;

    static final String CLIENT_CREDENTIALS_TO_DIRECT = """
            {
                "error": {
                    "message": "The provided credentials have insufficient access to perform the requested operation",
                    "code": "InsufficientAccessError",
                    "innererror": {
                        "code": "UnauthorizedClient",
                        "message": "The service principal does not have sufficient permissions to access this resource: 997631f8-3a55-4bb2-81b2-c0972b222260"
                    }
                }
            }
            """;

    static final String INSUFFICIENT_PERMISSIONS = """
            {
                "error": {
                    "message": "The provided credentials have insufficient access to perform the requested operation",
                    "code": "InsufficientAccessError"
                }
            }
            """;

    static final String BAD_AUTHORIZATION_CODE = """
            {
                "error": "invalid_grant",
                "error_description": "AADSTS70002: Error validating credentials. AADSTS70008: The provided authorization code or refresh token is expired. Send a new interactive authorization request for this user and resource.",
                "error_codes": [
                    70002,
                    70008
                ]
            }
            """;

    static final String PATH_NOT_FOUND = """
            {
                "error": {
                    "message": "The requested path does not exist",
                    "code": "PathNotFoundError"
                }
            }
            """;

    @Test
    void querySyntaxError() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(400, SYNTAX_ERROR, REQUEST_ID, null);
        assertExactly(QuerySyntaxException.class, e);
        assertInstanceOf(InvalidQueryException.class, e);
        assertFields(e, 400, "BadArgumentError", "SyntaxError", "Syntax Error", false);
        assertNull(e.getRetryAfter());
        assertEquals(SYNTAX_ERROR, e.getResponseBody());
        assertEquals(List.of("SyntaxError"), e.getDetails().getInnerCodes());
        assertEquals("query-syntax-error", e.getCatalogEntry().id());
        assertEquals("Query syntax error: Syntax Error. Cause: The query string is malformed. Fix: Check for extra "
                + "spaces, punctuation, or spelling errors. (HTTP 400 BadArgumentError/SyntaxError, request id "
                + REQUEST_ID + ")", e.getMessage());
    }

    @Test
    void noAuthenticationProvided() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(401, NO_AUTHENTICATION, REQUEST_ID, null);
        assertExactly(MissingAuthenticationException.class, e);
        assertInstanceOf(AuthenticationException.class, e);
        assertFields(e, 401, "AuthenticationFailed", null,
                "Authentication failed. The 'Authorization' header is missing.", false);
        assertEquals("missing-authentication", e.getCatalogEntry().id());
    }

    @Test
    void invalidAuthenticationToken() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(403, INVALID_TOKEN, REQUEST_ID, null);
        assertExactly(InvalidTokenException.class, e);
        assertInstanceOf(AuthenticationException.class, e);
        assertFields(e, 403, "InvalidAuthenticationToken", null, "The access token is invalid.", false);
    }

    @Test
    void invalidTokenAudience() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(403, INVALID_AUDIENCE, REQUEST_ID, null);
        assertExactly(InvalidTokenAudienceException.class, e);
        assertInstanceOf(AuthenticationException.class, e);
        assertFields(e, 403, "InvalidAuthenticationTokenAudience", null, "The access token has been obtained from "
                + "wrong audience or resource 'https://api.loganalytics.io'. It should exactly match (including "
                + "forward slash) with one of the allowed audiences "
                + "'https://management.core.windows.net/','https://management.azure.com/'.", false);
        InvalidTokenAudienceException audience = (InvalidTokenAudienceException) e;
        assertEquals("https://api.loganalytics.io", audience.getTokenAudience());
        assertEquals(List.of("https://management.core.windows.net/", "https://management.azure.com/"),
                audience.getAllowedAudiences());
    }

    @Test
    void clientCredentialsToDirectApi() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(403, CLIENT_CREDENTIALS_TO_DIRECT, REQUEST_ID, null);
        assertExactly(UnauthorizedClientException.class, e);
        assertInstanceOf(AccessDeniedException.class, e);
        assertFields(e, 403, "InsufficientAccessError", "UnauthorizedClient", "The service principal does not have "
                + "sufficient permissions to access this resource: 997631f8-3a55-4bb2-81b2-c0972b222260", false);
        assertEquals("unauthorized-client", e.getCatalogEntry().id());
    }

    @Test
    void insufficientPermissions() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(403, INSUFFICIENT_PERMISSIONS, REQUEST_ID, null);
        assertExactly(AccessDeniedException.class, e);
        assertFields(e, 403, "InsufficientAccessError", null,
                "The provided credentials have insufficient access to perform the requested operation", false);
        assertEquals("insufficient-access", e.getCatalogEntry().id());
    }

    @Test
    void badAuthorizationCode() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(403, BAD_AUTHORIZATION_CODE, REQUEST_ID, null);
        assertExactly(InvalidGrantException.class, e);
        assertInstanceOf(AuthenticationException.class, e);
        assertFields(e, 403, "invalid_grant", null, "AADSTS70002: Error validating credentials. AADSTS70008: The "
                + "provided authorization code or refresh token is expired. Send a new interactive authorization "
                + "request for this user and resource.", false);
        assertEquals(List.of(70002, 70008), ((InvalidGrantException) e).getAadstsCodes());
        assertEquals("token-invalid-grant", e.getCatalogEntry().id());
    }

    @Test
    void pathNotFound() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(404, PATH_NOT_FOUND, REQUEST_ID, null);
        assertExactly(PathNotFoundException.class, e);
        assertFields(e, 404, "PathNotFoundError", null, "The requested path does not exist", false);
    }

    @Test
    void missingJsonOrContentTypeGivesEmpty200() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(200, "", REQUEST_ID, null);
        assertExactly(EmptyResponseException.class, e);
        assertFields(e, 200, null, null, null, false);
        assertEquals("empty-response", e.getCatalogEntry().id());

        EmptyResponseException direct = ErrorCatalog.emptyResponse(REQUEST_ID);
        assertFields(direct, 200, null, null, null, false);
        assertSame(e.getCatalogEntry(), direct.getCatalogEntry());
    }

    @Test
    void noDataInWorkspaceGives204() {
        LogAnalyticsException e = ErrorCatalog.fromResponse(204, null, REQUEST_ID, null);
        assertExactly(NoDataException.class, e);
        assertFields(e, 204, null, null, null, false);
        assertEquals("no-data", e.getCatalogEntry().id());

        NoDataException direct = ErrorCatalog.noData(REQUEST_ID);
        assertFields(direct, 204, null, null, null, false);
        assertEquals("No data in workspace. Cause: If a workspace has no data in it, the service returns a 204 No "
                + "Content. Fix: Check that the workspace id is the one receiving the data, or set "
                + "failOnNoData=false to get an empty result instead. (HTTP 204, request id " + REQUEST_ID + ")",
                direct.getMessage());
    }

    static void assertExactly(Class<?> expected, Object actual) {
        assertEquals(expected, actual.getClass());
    }

    static void assertFields(LogAnalyticsException e, int status, String code, String innerCode,
                             String serviceMessage, boolean retryable) {
        assertEquals(status, e.getStatusCode(), "status");
        assertEquals(code, e.getErrorCode(), "code");
        assertEquals(innerCode, e.getInnerErrorCode(), "inner code");
        assertEquals(serviceMessage, e.getServiceMessage(), "service message");
        assertEquals(retryable, e.isRetryable(), "retryable");
        assertEquals(REQUEST_ID, e.getRequestId(), "request id");
        assertEquals(e.getCatalogEntry().retryable(), e.isRetryable());
        assertEquals(e.getCatalogEntry().exceptionClass(), e.getClass());
        assertFalse(e.getMessage().contains("Bearer ey"));
    }
}
