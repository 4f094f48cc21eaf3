package io.github.camelloganalytics.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.result.QueryResult;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every failure the component knows, as ONE table of data: which response (HTTP status, {@code error.code},
 * first-level {@code innererror.code}, or the token endpoint's {@code error}) means which exception, with a title,
 * the likely cause, the fix and whether trying again can help. The HTTP client builds its exceptions here; the
 * tests and {@code docs/errors.md} read the same rows.
 * <p>
 * A response is matched against the rows whose {@link Trigger} is {@link Trigger#RESPONSE}, most specific first:
 * <ol>
 * <li>status, code and inner code;</li>
 * <li>status and code (a row without inner code);</li>
 * <li>code alone, whatever the status (rows with a matching inner code first);</li>
 * <li>the token endpoint's {@code error} ({@code invalid_grant}, ...);</li>
 * <li>status alone (rows without code);</li>
 * </ol>
 * and when nothing matches, the {@code unknown} row: a plain {@link LogAnalyticsException} with every detail kept.
 * Codes compare without regard to case.
 */
public final class ErrorCatalog {

    /** What makes a row apply. */
    public enum Trigger {
        /** An HTTP response, matched on status, code, inner code or token endpoint error. */
        RESPONSE,
        /** An HTTP 200 with an empty body. */
        EMPTY_BODY,
        /** An HTTP 200 carrying an {@code error} beside its {@code tables}. */
        PARTIAL_RESULT,
        /** A body that is not of the documented shape (truncated, not JSON, wrong types). */
        MALFORMED_BODY,
        /** A body larger than the client's {@code maxResponseSize}, decoded. */
        RESPONSE_TOO_LARGE,
        /** No complete answer within the client's responseTimeout, request sent to last byte read. */
        RESPONSE_TIMEOUT,
        /** No connection to the service, or the connection broke before the answer was read. */
        CONNECTION_FAILED,
        /** The component was stopped: no connections to send on. */
        COMPONENT_STOPPED,
        /** The configured credential gave no token. */
        TOKEN_UNAVAILABLE,
        /** No connection to the Entra ID authority (or managed-identity endpoint) could be made. */
        AUTHORITY_UNREACHABLE,
        /** Anything no other row matches. */
        UNMATCHED
    }

    /** Builds the exception of one row; a constructor reference such as {@code QuerySyntaxException::new}. */
    @FunctionalInterface
    public interface Factory {
        /**
         * Creates the exception.
         *
         * @param details what the service said
         * @param entry   the row that matched
         * @param cause   the underlying cause, or null
         * @return the exception, not thrown
         */
        LogAnalyticsException create(ErrorDetails details, Entry entry, Throwable cause);
    }

    /**
     * One row of the catalog.
     *
     * @param id             stable kebab-case identifier, such as {@code query-syntax-error}
     * @param trigger        what makes the row apply
     * @param status         the HTTP status to match, or 0 for any status (or none)
     * @param code           the {@code error.code} to match, or null for any
     * @param innerCode      the first-level {@code innererror.code} to match, or null for any
     * @param oauthError     the token endpoint's {@code error} to match (such as {@code invalid_grant}), or null
     * @param exceptionClass the class of exception raised
     * @param factory        builds that exception
     * @param title          a short title, the start of the message ("Query syntax error")
     * @param cause          the likely cause, in the words of Microsoft's documentation where it has them
     * @param fix            what to do about it
     * @param retryable      whether the same request may succeed when tried again
     */
    public record Entry(String id, Trigger trigger, int status, String code, String innerCode, String oauthError,
                        Class<? extends LogAnalyticsException> exceptionClass, Factory factory, String title,
                        String cause, String fix, boolean retryable) {

        /**
         * Checks that the row is complete.
         *
         * @param cause the underlying cause, or null @return the exception, not thrown
         * @param code the {@code error.code} to match, or null for any
         * @param exceptionClass the class of exception raised
         * @param factory builds that exception
         * @param fix what to do about it
         * @param id stable kebab-case identifier, such as {@code query-syntax-error}
         * @param innerCode the first-level {@code innererror.code} to match, or null for any
         * @param oauthError the token endpoint's {@code error} to match (such as {@code invalid_grant}), or null
         * @param retryable whether the same request may succeed when tried again
         * @param status the HTTP status to match, or 0 for any status (or none)
         * @param title a short title, the start of the message ("Query syntax error")
         * @param trigger what makes the row apply
         */
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(exceptionClass, "exceptionClass");
            Objects.requireNonNull(factory, "factory");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(fix, "fix");
        }

        /**
         * Builds this row's exception.
         *
         * @param details what the service said
         * @param cause   the underlying cause, or null
         * @return the exception, of {@link #exceptionClass()}
         */
        public LogAnalyticsException create(ErrorDetails details, Throwable cause) {
            return factory.create(details, this, cause);
        }
    }

    private static final String BAD_ARGUMENT = "BadArgumentError";
    private static final String INSUFFICIENT_ACCESS = "InsufficientAccessError";
    private static final String RETRY_FIX = "Try again after a pause (for a 503, as Retry-After asks, when given); if "
            + "it persists, quote the correlation id (and the request id and time) to Azure support.";

    private static final List<Entry> ENTRIES = List.of(
            row("query-syntax-error", 400, BAD_ARGUMENT, "SyntaxError", null,
                    QuerySyntaxException.class, QuerySyntaxException::new, "Query syntax error",
                    "The query string is malformed.",
                    "Check for extra spaces, punctuation, or spelling errors.", false),
            row("query-semantic-error", 400, BAD_ARGUMENT, "SemanticError", null,
                    QuerySemanticException.class, QuerySemanticException::new, "Query semantic error",
                    "The query parses, but names a table, column or function that cannot be resolved, or combines "
                            + "values of the wrong type.",
                    "Check the names and types the query uses against the workspace's schema; the service message "
                            + "names what could not be resolved.", false),
            row("invalid-query", 400, BAD_ARGUMENT, null, null,
                    InvalidQueryException.class, InvalidQueryException::new, "Invalid request",
                    "The request had some invalid properties (the query, the timespan or the workspaces).",
                    "Correct the request as the service message says; sent again unchanged, it fails the same way.",
                    false),
            row("missing-authentication", 401, "AuthenticationFailed", null, null,
                    MissingAuthenticationException.class, MissingAuthenticationException::new,
                    "No authentication provided",
                    "The request carried no credentials: the 'Authorization' header is missing.",
                    "Include a form of authentication with your request, such as the header \"Authorization: Bearer "
                            + "<token>\"; with this component, configure a credential (credentialType and its "
                            + "options).", false),
            row("authentication-failed", 401, null, null, null,
                    AuthenticationException.class, AuthenticationException::new, "Authentication failed",
                    "The service could not authenticate the request with the credentials it carried.",
                    "Check the credential options (tenant, client id, secret or certificate, scope) and that the "
                            + "token was issued for the endpoint called.", false),
            row("invalid-token", 403, "InvalidAuthenticationToken", null, null,
                    InvalidTokenException.class, InvalidTokenException::new, "Invalid authentication token",
                    "The token is malformed or otherwise invalid. This can occur if you manually copy-paste the token "
                            + "and add or cut characters to the payload.",
                    "Verify that the token is exactly as received from Azure AD.", false),
            row("invalid-token-audience", 403, "InvalidAuthenticationTokenAudience", null, null,
                    InvalidTokenAudienceException.class, InvalidTokenAudienceException::new,
                    "Invalid token audience",
                    "This occurs if you try to use the client credentials OAuth2 flow to obtain a token for the API "
                            + "and then use that token via the ARM endpoint.",
                    "Use one of the indicated URLs as the resource in your token request if you want to use the ARM "
                            + "endpoint. Alternatively, you can use the direct API endpoint with a different OAuth2 "
                            + "flow for authorization. With this component, leave scope unset so the audience "
                            + "follows apiType and cloud.", false),
            row("unauthorized-client", 403, INSUFFICIENT_ACCESS, "UnauthorizedClient", null,
                    UnauthorizedClientException.class, UnauthorizedClientException::new,
                    "Client credentials to direct API",
                    "This error can occur if you try to use client credentials via the direct API endpoint.",
                    "If you are using the direct API endpoint, use a different OAuth2 flow for authorization. If you "
                            + "must use client credentials, use the ARM API endpoint (apiType=ARM).", false),
            row("insufficient-access", 403, INSUFFICIENT_ACCESS, null, null,
                    AccessDeniedException.class, AccessDeniedException::new, "Insufficient permissions",
                    "The token you have presented for authorization belongs to a user who does not have sufficient "
                            + "access to this privilege.",
                    "Verify your workspace GUID and your token request are correct, and if necessary grant IAM "
                            + "privileges in your workspace to the Azure AD Application you created as Contributor. "
                            + "New permissions can take up to 60 minutes to be recognized.", false),
            row("access-denied", 403, null, null, null,
                    AccessDeniedException.class, AccessDeniedException::new, "Access denied",
                    "The service refused the request for the identity behind the token.",
                    "Check the identity's role assignments on the workspace, and the workspace id.", false),
            row("token-invalid-grant", 0, null, null, "invalid_grant",
                    InvalidGrantException.class, InvalidGrantException::new, "Bad authorization code",
                    "The authorization code submitted in the token request was either stale or previously used.",
                    "Reauthorize via the Azure AD authorize endpoint to get a new code.", false),
            row("token-invalid-client", 0, null, null, "invalid_client",
                    AuthenticationException.class, AuthenticationException::new, "Client authentication failed",
                    "The token endpoint could not authenticate the client: an unknown client id, a wrong or expired "
                            + "secret or certificate, or no client credential at all.",
                    "Check tenantId, clientId and the secret or certificate; an expired client secret must be "
                            + "renewed in the app registration.", false),
            row("token-unauthorized-client", 0, null, null, "unauthorized_client",
                    AuthenticationException.class, AuthenticationException::new,
                    "Client not authorized for this grant",
                    "The client is not allowed to use this grant type, or is not registered in the tenant.",
                    "Check the app registration in the tenant (tenantId) and that it allows the flow the "
                            + "credentialType uses.", false),
            row("token-invalid-request", 0, null, null, "invalid_request",
                    AuthenticationException.class, AuthenticationException::new, "Invalid token request",
                    "The token request is missing a required parameter or has an invalid one.",
                    "Check tenantId, clientId, authorityHost and scope; the error description names the "
                            + "parameter.", false),
            row("token-unknown-tenant", 0, "invalid_request", "AADSTS90002", "invalid_request",
                    AuthenticationException.class, AuthenticationException::new, "Tenant not found",
                    "The tenant (tenantId) does not exist in the cloud asked, or has no active subscription "
                            + "(AADSTS90002).",
                    "Check tenantId (the directory id, or a verified domain) and that cloud or authorityHost "
                            + "points at the cloud the tenant lives in.", false),
            row("token-invalid-scope", 0, null, null, "invalid_scope",
                    AuthenticationException.class, AuthenticationException::new, "Invalid scope",
                    "The scope asked for in the token request is not valid.",
                    "Ask for the scope of the endpoint called (https://api.loganalytics.io/.default for the direct "
                            + "API, https://management.azure.com/.default for ARM), or leave scope unset so it "
                            + "follows apiType and cloud.", false),
            row("path-not-found", 404, "PathNotFoundError", null, null,
                    PathNotFoundException.class, PathNotFoundException::new, "Path not found",
                    "The requested query path does not exist.",
                    "Verify the URL spelling of the endpoint you are hitting, and that you are using a supported "
                            + "HTTP verb.", false),
            row("not-found", 404, null, null, null,
                    PathNotFoundException.class, PathNotFoundException::new, "Not found",
                    "The requested path does not exist (the answer named no error code, as a gateway's or "
                            + "proxy's does).",
                    "Verify the URL of the endpoint (the host option) and that you are using a supported HTTP "
                            + "verb.", false),
            row("workspace-not-found", 0, "WorkspaceNotFoundError", null, null,
                    WorkspaceNotFoundException.class, WorkspaceNotFoundException::new, "Workspace not found",
                    "The workspace in the request does not exist, or the identity used cannot see it.",
                    "Verify the workspace GUID (the workspace's Workspace ID, not its name) and any additional "
                            + "workspaces.", false),
            row("throttled", 429, null, null, null,
                    ThrottledException.class, ThrottledException::new, "Too many requests",
                    "The service allows 200 requests per 30 seconds per user or client IP and runs 5 queries per "
                            + "user at once; a query queued over 3 minutes, or behind a full queue, is refused.",
                    "Wait as Retry-After asks, then try again; send fewer queries at once.", true),
            row("internal-server-error", 500, null, null, null,
                    ServiceUnavailableException.class, ServiceUnavailableException::new, "Internal server error",
                    "The service failed while handling the request.", RETRY_FIX, true),
            row("bad-gateway", 502, null, null, null,
                    ServiceUnavailableException.class, ServiceUnavailableException::new, "Bad gateway",
                    "A gateway in front of the service got no valid answer from it.", RETRY_FIX, true),
            row("service-unavailable", 503, null, null, null,
                    ServiceUnavailableException.class, ServiceUnavailableException::new, "Service unavailable",
                    "The service is temporarily unable to handle the request.", RETRY_FIX, true),
            row("gateway-timeout", 504, null, null, null,
                    QueryTimeoutException.class, QueryTimeoutException::new, "Query timed out",
                    "The query did not finish within the server timeout (Prefer: wait, 180 seconds unless set, at "
                            + "most 600).",
                    "Narrow the timespan or filter earlier in the query, or raise serverTimeout (and "
                            + "responseTimeout with it).", true),
            row("gateway-timeout-code", 0, "GatewayTimeout", null, null,
                    QueryTimeoutException.class, QueryTimeoutException::new, "Query timed out",
                    "The service reported a gateway timeout: the query did not finish in time.",
                    "Narrow the timespan or filter earlier in the query, or raise serverTimeout (and "
                            + "responseTimeout with it).", true),
            special("response-timeout", Trigger.RESPONSE_TIMEOUT, 0,
                    QueryTimeoutException.class, QueryTimeoutException::new, "No response in time",
                    "The whole answer, from sending the request to its last byte, did not arrive within the "
                            + "client's responseTimeout.",
                    "Raise responseTimeout above serverTimeout, or make the query cheaper (a narrower timespan, "
                            + "earlier filters).", true),
            special("connection-failed", Trigger.CONNECTION_FAILED, 0,
                    ServiceUnavailableException.class, ServiceUnavailableException::new, "Service unreachable",
                    "No connection to the service could be made, or it broke before the answer was read (refused, "
                            + "reset, DNS or TLS failure).",
                    "Check host, the network path and any proxy; a broken connection can be tried again.", true),
            special("component-stopped", Trigger.COMPONENT_STOPPED, 0,
                    ComponentStoppedException.class, ComponentStoppedException::new, "Component stopped",
                    "The loganalytics component, or its CamelContext, is stopped (or stopped while the query ran), "
                            + "so it has no connections to send the query on.",
                    "Start the CamelContext or the component again: endpoints, producers and templates kept from "
                            + "before work again once it is. An endpoint of a replaced CamelContext belongs to the "
                            + "old one: look it up again in the running context.", false),
            special("token-unavailable", Trigger.TOKEN_UNAVAILABLE, 0,
                    AuthenticationException.class, AuthenticationException::new, "No token",
                    "The configured credential did not produce a token.",
                    "Check the credential options (credentialType and its options, or the tokenProvider bean); "
                            + "the cause says what failed.", false),
            special("authority-unreachable", Trigger.AUTHORITY_UNREACHABLE, 0,
                    AuthenticationException.class, AuthenticationException::new, "Authority unreachable",
                    "No connection to the Entra ID authority (or the host's managed-identity endpoint) could be "
                            + "made: refused, DNS, proxy or TLS failure.",
                    "Check authorityHost (or cloud), the network path and proxy to it, and that "
                            + "sslContextParameters trusts its certificate; for a managed identity, that the host "
                            + "has one.", false),
            special("empty-response", Trigger.EMPTY_BODY, 200,
                    EmptyResponseException.class, EmptyResponseException::new, "Empty response",
                    "If you send a POST request that is missing either JSON body or the \"Content-Type: "
                            + "application/json\" header, the service returns an empty 200 response.",
                    "Send the query as a JSON body with the header \"Content-Type: application/json\"; check that "
                            + "no proxy strips either.", false),
            row("no-data", 204, null, null, null,
                    NoDataException.class, NoDataException::new, "No data in workspace",
                    "If a workspace has no data in it, the service returns a 204 No Content.",
                    "Check that the workspace id is the one receiving the data, or set failOnNoData=false to get "
                            + "an empty result instead.", false),
            special("partial-result", Trigger.PARTIAL_RESULT, 200,
                    PartialResultException.class, PartialResultException::new, "Partial result",
                    "The query ran but its result is incomplete; most often it exceeded the service's limits "
                            + "(500,000 rows or about 64 MB) and was cut (E_QUERY_RESULT_SET_TOO_LARGE).",
                    "Narrow the query or split the time range; or set allowPartialErrors=true to take the partial "
                            + "data, with the error in header CamelLogAnalyticsPartialError.", false),
            special("malformed-response", Trigger.MALFORMED_BODY, 0,
                    MalformedResponseException.class, MalformedResponseException::new, "Malformed response",
                    "The response body is not of the documented shape: truncated, not JSON, or values of the "
                            + "wrong type.",
                    "Check that host points at the Log Analytics query API and not at a proxy or portal page; a "
                            + "body cut short means the connection broke, and the request can be sent again.",
                    false),
            special("response-too-large", Trigger.RESPONSE_TOO_LARGE, 200,
                    ResponseTooLargeException.class, ResponseTooLargeException::new, "Response too large",
                    "The response body, decoded, is larger than the option maxResponseSize. The service cuts its "
                            + "results at 500,000 records or about 64 MB with a partial error, so a larger body "
                            + "comes from a proxy, a wrong host or a broken server.",
                    "Check host and any proxy; for a larger result on purpose, raise maxResponseSize (and the heap), "
                            + "or narrow the query or its timespan.", false),
            special("unknown", Trigger.UNMATCHED, 0,
                    LogAnalyticsException.class, LogAnalyticsException::new, "Log Analytics request failed",
                    "The service answered with a status or error code this catalog does not list.",
                    "Read the service message and the response body; quote the correlation id (and the request "
                            + "id and time) in a support case.",
                    false));

    private static final Entry UNKNOWN = entry("unknown").orElseThrow();

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final int MAX_CAUSE_MESSAGE = 300;

    private static final Pattern AADSTS = Pattern.compile("AADSTS\\d{1,9}");

    private ErrorCatalog() {
    }

    private static Entry row(String id, int status, String code, String innerCode, String oauthError,
                             Class<? extends LogAnalyticsException> type, Factory factory, String title,
                             String cause, String fix, boolean retryable) {
        return new Entry(id, Trigger.RESPONSE, status, code, innerCode, oauthError, type, factory, title, cause, fix,
                retryable);
    }

    private static Entry special(String id, Trigger trigger, int status, Class<? extends LogAnalyticsException> type,
                                 Factory factory, String title, String cause, String fix, boolean retryable) {
        return new Entry(id, trigger, status, null, null, null, type, factory, title, cause, fix, retryable);
    }

    /**
     * Every row, in the order of the documentation.
     *
     * @return every row, in the order of the documentation
     */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /**
     * The row with this id.
     *
     * @param id a row id, such as {@code query-syntax-error}
     * @return the row, or empty when there is none
     */
    public static Optional<Entry> entry(String id) {
        return ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * The row a response matches, by the rules in the class description.
     *
     * @param status     the HTTP status
     * @param code       {@code error.code}, or null
     * @param innerCode  the first-level {@code innererror.code}, or null
     * @param oauthError the token endpoint's {@code error}, or null
     * @return the most specific matching row, else the {@code unknown} row
     */
    public static Entry match(int status, String code, String innerCode, String oauthError) {
        List<Predicate<Entry>> tiers = List.of(
                e -> status != 0 && e.status() == status && code != null && same(e.code(), code)
                        && innerCode != null && same(e.innerCode(), innerCode),
                e -> status != 0 && e.status() == status && code != null && same(e.code(), code)
                        && e.innerCode() == null,
                e -> code != null && same(e.code(), code) && innerCode != null && same(e.innerCode(), innerCode),
                e -> code != null && same(e.code(), code) && e.innerCode() == null,
                e -> oauthError != null && same(e.oauthError(), oauthError),
                e -> status != 0 && e.status() == status && e.code() == null && e.innerCode() == null
                        && e.oauthError() == null);
        for (Predicate<Entry> tier : tiers) {
            for (Entry e : ENTRIES) {
                if (e.trigger() == Trigger.RESPONSE && tier.test(e)) {
                    return e;
                }
            }
        }
        return UNKNOWN;
    }

    private static boolean same(String rowValue, String value) {
        return rowValue != null && rowValue.equalsIgnoreCase(value);
    }

    /**
     * The exception for a failed HTTP response of the query API or of the token endpoint, measuring
     * {@code Retry-After} dates against the system UTC clock.
     *
     * @param status           the HTTP status
     * @param body             the response body, or null
     * @param requestId        the service's request id (such as the {@code x-ms-request-id} header), or null
     * @param retryAfterHeader the {@code Retry-After} header, or null
     * @return the exception, not thrown
     * @see #fromResponse(int, String, String, String, Clock)
     */
    public static LogAnalyticsException fromResponse(int status, String body, String requestId,
                                                     String retryAfterHeader) {
        return fromResponse(status, body, requestId, retryAfterHeader, Clock.systemUTC());
    }

    /**
     * The exception for a failed HTTP response of the query API or of the token endpoint.
     * <p>
     * The body is read as JSON: {@code {"error":{"code","message","innererror":{...}}}} (inner errors nested to any
     * depth) or the token endpoint's {@code {"error":"...","error_description":"...","error_codes":[...]}}. A body
     * that is not JSON (an HTML page from a gateway, say) is kept as it is and the row is chosen by status alone. A
     * 204 means no data; a 2xx with an empty body is the empty response; a 2xx whose body holds no {@code error}
     * object is a malformed response.
     *
     * @param status           the HTTP status
     * @param body             the response body, or null
     * @param requestId        the service's request id, or null
     * @param retryAfterHeader the {@code Retry-After} header (seconds or an HTTP date), or null; read only for a 429
     *                         or a 503, the statuses on which it asks for a wait
     * @param clock            what "now" is, for a {@code Retry-After} date
     * @return the exception, not thrown
     */
    public static LogAnalyticsException fromResponse(int status, String body, String requestId,
                                                     String retryAfterHeader, Clock clock) {
        // the live service sends "retry-after: 0" on every response, successes and timeouts included: only on a 429
        // or a 503 does the header ask for a wait (RFC 6585, RFC 9110), so only there is it read
        Duration retryAfter = status == 429 || status == 503 ? RetryAfter.parse(retryAfterHeader, clock) : null;
        ErrorDetails.Builder details = ErrorDetails.builder().status(status).responseBody(body).requestId(requestId)
                .retryAfter(retryAfter);
        boolean success = status >= 200 && status < 300;
        if (status == 204) {
            return match(status, null, null, null).create(details.build(), null);
        }
        if (body == null || body.isBlank()) {
            Entry entry = success ? entryFor(Trigger.EMPTY_BODY) : match(status, null, null, null);
            return entry.create(details.build(), null);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            if (success) {
                return entryFor(Trigger.MALFORMED_BODY).create(
                        details.serviceMessage(firstLine(e.getOriginalMessage())).build(), e);
            }
            return match(status, null, null, null).create(details.build(), null);
        }
        if (root == null || !root.isObject()) {
            Entry entry = success ? entryFor(Trigger.MALFORMED_BODY) : match(status, null, null, null);
            return entry.create(details.build(), null);
        }
        JsonNode error = root.get("error");
        String oauthError = null;
        if (error != null && error.isTextual()) {
            oauthError = error.asText();
            details.code(oauthError).serviceMessage(text(root, "error_description"));
            List<Integer> codes = new ArrayList<>();
            JsonNode errorCodes = root.get("error_codes");
            if (errorCodes != null && errorCodes.isArray()) {
                for (JsonNode c : errorCodes) {
                    if (c.canConvertToInt()) {
                        codes.add(c.asInt());
                    }
                }
            }
            details.errorCodes(codes);
        } else if (error != null && error.isObject()) {
            details.code(text(error, "code")).correlationId(text(error, "correlationId"));
            readChain(error, details);
        } else if (success) {
            return entryFor(Trigger.MALFORMED_BODY).create(
                    details.serviceMessage("The body holds no error object").build(), null);
        } else {
            details.code(text(root, "code")).serviceMessage(text(root, "message"));
        }
        ErrorDetails built = details.build();
        String innerCode = built.getInnerCode() == null && oauthError != null
                ? firstAadsts(built.getServiceMessage()) : built.getInnerCode();
        return match(status, built.getCode(), innerCode, oauthError).create(built, null);
    }

    /**
     * The exception for a token endpoint error known only by its parts, as an OAuth library reports it (for MSAL4J,
     * {@code MsalServiceException.statusCode()}, {@code errorCode()}, {@code getMessage()} and
     * {@code correlationId()}). Matched like {@link #fromResponse(int, String, String, String)} matches
     * {@code {"error":"...","error_description":"..."}}: {@code invalid_grant} gives an
     * {@link InvalidGrantException} whose AADSTS codes are read from the description.
     *
     * @param status      the HTTP status of the token endpoint's answer, or 0 when unknown
     * @param oauthError  the OAuth {@code error} ({@code invalid_grant}, {@code invalid_client}, ...)
     * @param description the {@code error_description}, or null
     * @param requestId   the correlation id of the token request, or null
     * @param cause       the library's exception, or null
     * @return the exception, not thrown
     */
    public static LogAnalyticsException tokenError(int status, String oauthError, String description,
                                                   String requestId, Throwable cause) {
        ErrorDetails details = ErrorDetails.builder().status(status).code(oauthError).serviceMessage(description)
                .requestId(requestId).build();
        return match(status, oauthError, firstAadsts(description), oauthError).create(details, cause);
    }

    /**
     * The first {@code AADSTSnnnn} code of a token endpoint's description: rows such as the unknown tenant's match
     * on it within an OAuth {@code error}.
     */
    private static String firstAadsts(String description) {
        if (description == null) {
            return null;
        }
        Matcher m = AADSTS.matcher(description);
        return m.find() ? m.group() : null;
    }

    /**
     * The exception for an Entra ID authority (or managed-identity endpoint) that could not be reached.
     *
     * @param authority the authority URL or identity endpoint asked
     * @param cause     the I/O failure underneath
     * @return the exception (status 0, retryable), not thrown
     */
    public static AuthenticationException authorityUnreachable(String authority, Throwable cause) {
        String message = authority + ": " + (cause == null ? "no connection" : cause.getClass().getSimpleName()
                + (cause.getMessage() != null ? " " + firstLine(cause.getMessage()) : ""));
        return (AuthenticationException) entryFor(Trigger.AUTHORITY_UNREACHABLE)
                .create(ErrorDetails.withoutResponse(null, message), cause);
    }

    /** Fills the inner codes and the deepest message from {@code error} and its nested {@code innererror}s. */
    private static void readChain(JsonNode error, ErrorDetails.Builder details) {
        String message = text(error, "message");
        List<String> codes = new ArrayList<>();
        JsonNode inner = error.get("innererror");
        while (inner != null && inner.isObject()) {
            String code = text(inner, "code");
            if (code != null) {
                codes.add(code);
            }
            String innerMessage = text(inner, "message");
            if (innerMessage != null) {
                message = innerMessage;
            }
            inner = inner.get("innererror");
        }
        details.innerCodes(codes).serviceMessage(message);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    private static Entry entryFor(Trigger trigger) {
        for (Entry e : ENTRIES) {
            if (e.trigger() == trigger) {
                return e;
            }
        }
        return UNKNOWN;
    }

    /**
     * The exception for a request that got no response within the client's response timeout.
     *
     * @param requestId the request id the client sent, or null
     * @param timeout   the timeout that passed, or null
     * @param cause     the client's timeout exception, or null
     * @return the exception (status 0, retryable), not thrown
     */
    public static QueryTimeoutException responseTimeout(String requestId, Duration timeout, Throwable cause) {
        String message = timeout == null ? "No response arrived"
                : "No complete answer within " + describe(timeout) + " (responseTimeout)";
        return (QueryTimeoutException) entryFor(Trigger.RESPONSE_TIMEOUT)
                .create(ErrorDetails.withoutResponse(requestId, message), cause);
    }

    /**
     * The exception for a request that reached no answer: the connection was refused or broke, or TLS failed.
     *
     * @param host      the base URL the request went to
     * @param requestId the request id the client sent, or null
     * @param cause     the client's I/O exception
     * @return the exception (status 0, retryable), not thrown
     */
    public static ServiceUnavailableException connectionFailed(String host, String requestId, Throwable cause) {
        String message = host + ": " + (cause == null ? "no connection" : cause.getClass().getSimpleName()
                                                                           + (cause.getMessage() != null ? " " + firstLine(cause.getMessage()) : ""));
        return (ServiceUnavailableException) entryFor(Trigger.CONNECTION_FAILED)
                .create(ErrorDetails.withoutResponse(requestId, message), cause);
    }

    /**
     * The exception for a credential that produced no token. The cause's message is not copied into this one,
     * since a credential library may quote what it was given.
     *
     * @param scope the scope the token was asked for
     * @param cause what the credential threw
     * @return the exception (status 0, not retryable), not thrown
     */
    public static AuthenticationException tokenUnavailable(String scope, Throwable cause) {
        String message = "No token for scope " + scope + " (" + cause.getClass().getSimpleName() + ")";
        return (AuthenticationException) entryFor(Trigger.TOKEN_UNAVAILABLE)
                .create(ErrorDetails.withoutResponse(null, message), cause);
    }

    private static String describe(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    /**
     * The exception for a response whose body is not of the documented shape.
     *
     * @param status    the HTTP status of the response
     * @param requestId the service's request id, or null
     * @param bodyStart the start of the body as read (kept as the response body), or null
     * @param cause     the parsing failure, or null; its message becomes the service message
     * @return the exception, not thrown
     */
    public static MalformedResponseException malformed(int status, String requestId, String bodyStart,
                                                       Throwable cause) {
        String message = cause == null ? null : firstLine(cause.getMessage());
        ErrorDetails details = ErrorDetails.builder().status(status).requestId(requestId).responseBody(bodyStart)
                .serviceMessage(message).build();
        return (MalformedResponseException) entryFor(Trigger.MALFORMED_BODY).create(details, cause);
    }

    /**
     * The exception for a response body that grew past the client's limit.
     *
     * @param requestId the service's request id, or null
     * @param limit     the limit, in bytes of the decoded body
     * @param cause     the failure of the read past the limit, or null
     * @return the exception, not thrown
     */
    public static ResponseTooLargeException responseTooLarge(String requestId, long limit, Throwable cause) {
        ErrorDetails details = ErrorDetails.builder().status(200).requestId(requestId)
                .serviceMessage("The response body is larger than maxResponseSize=" + limit + " bytes ("
                                + describeSize(limit) + ", decoded); reading stopped there")
                .build();
        return (ResponseTooLargeException) entryFor(Trigger.RESPONSE_TOO_LARGE).create(details, cause);
    }

    /**
     * The exception for a query on a component that is stopped.
     *
     * @param component what was stopped, for the message
     * @param cause     the HTTP library's failure on the closed pool, or null
     * @return the exception (status 0, not retryable), not thrown
     */
    public static ComponentStoppedException componentStopped(String component, Throwable cause) {
        return (ComponentStoppedException) entryFor(Trigger.COMPONENT_STOPPED)
                .create(ErrorDetails.withoutResponse(null, component + " is stopped"), cause);
    }

    private static String describeSize(long bytes) {
        return bytes >= 1 << 20 && bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB"
                : bytes >= 1 << 10 && bytes % (1 << 10) == 0 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return null;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > MAX_CAUSE_MESSAGE ? line.substring(0, MAX_CAUSE_MESSAGE) + "..." : line;
    }

    /**
     * The exception for an HTTP 200 with an empty body (a POST without JSON body or Content-Type).
     *
     * @param requestId the service's request id, or null
     * @return the exception, not thrown
     */
    public static EmptyResponseException emptyResponse(String requestId) {
        ErrorDetails details = ErrorDetails.builder().status(200).requestId(requestId).build();
        return (EmptyResponseException) entryFor(Trigger.EMPTY_BODY).create(details, null);
    }

    /**
     * The exception for an HTTP 204 No Content (a workspace without data), used with {@code failOnNoData=true}.
     *
     * @param requestId the service's request id, or null
     * @return the exception, not thrown
     */
    public static NoDataException noData(String requestId) {
        ErrorDetails details = ErrorDetails.builder().status(204).requestId(requestId).build();
        return (NoDataException) match(204, null, null, null).create(details, null);
    }

    /**
     * The exception for an HTTP 200 whose result carries an {@code error} beside its tables. The code is the
     * error's {@code code} ({@code PartialError}); the inner codes follow the error's {@code innererror} chain, or
     * else the first of its {@code details} and that detail's {@code innererror} chain; the service message is the
     * deepest message of each detail (joined with "; "), else the error's {@code message}.
     *
     * @param result    the result as read, with {@link QueryResult#getError()} set; may be null
     * @param requestId the service's request id, or null
     * @return the exception, carrying the result, not thrown
     */
    public static PartialResultException partialResult(QueryResult result, String requestId) {
        Map<String, Object> error = result == null ? null : result.getError();
        ErrorDetails.Builder details = ErrorDetails.builder().status(200).requestId(requestId);
        if (error != null) {
            details.code(string(error.get("code"))).correlationId(string(error.get("correlationId")));
            List<String> codes = new ArrayList<>();
            Object first = error.get("innererror");
            List<?> detailList = error.get("details") instanceof List ? (List<?>) error.get("details") : List.of();
            if (!(first instanceof Map) && !detailList.isEmpty() && detailList.get(0) instanceof Map) {
                Map<?, ?> detail = (Map<?, ?>) detailList.get(0);
                addIfPresent(codes, detail.get("code"));
                first = detail.get("innererror");
            }
            for (Object inner = first; inner instanceof Map; inner = ((Map<?, ?>) inner).get("innererror")) {
                addIfPresent(codes, ((Map<?, ?>) inner).get("code"));
            }
            details.innerCodes(codes);
            Set<String> messages = new LinkedHashSet<>();
            for (Object detail : detailList) {
                String deepest = deepestMessage(detail);
                if (deepest != null) {
                    messages.add(deepest);
                }
            }
            if (messages.isEmpty()) {
                String deepest = deepestMessage(error);
                if (deepest != null) {
                    messages.add(deepest);
                }
            }
            details.serviceMessage(messages.isEmpty() ? null : String.join("; ", messages));
        }
        Entry entry = entryFor(Trigger.PARTIAL_RESULT);
        return new PartialResultException(details.build(), entry, result, null);
    }

    private static String deepestMessage(Object node) {
        String message = null;
        for (Object n = node; n instanceof Map; n = ((Map<?, ?>) n).get("innererror")) {
            String m = string(((Map<?, ?>) n).get("message"));
            if (m != null) {
                message = m;
            }
        }
        return message;
    }

    private static void addIfPresent(List<String> codes, Object code) {
        String s = string(code);
        if (s != null) {
            codes.add(s);
        }
    }

    private static String string(Object value) {
        if (value == null || value instanceof Map || value instanceof List) {
            return null;
        }
        String s = value.toString();
        return s.isBlank() ? null : s;
    }
}
