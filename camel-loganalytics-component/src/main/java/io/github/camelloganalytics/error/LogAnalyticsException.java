package io.github.camelloganalytics.error;

import java.time.Duration;
import java.util.Objects;

/**
 * The base of every failure of a Log Analytics query, and what is raised when a failure matches no more specific
 * entry of the {@link ErrorCatalog}: an unknown status or error code, with every detail the service sent kept
 * (status, codes, message, raw body, request id).
 * <p>
 * What to do: catch this type to handle every query failure in one place; read {@link #getServiceMessage()} and
 * {@link #getResponseBody()} to see what the service said, and quote {@link #getCorrelationId()} (with
 * {@link #getRequestId()} and the time) in a support case.
 * {@link #isRetryable()} says whether trying the same request again can succeed.
 * <p>
 * The message reads {@code <title>: <service message>. Cause: <cause> Fix: <fix> (HTTP <status>
 * <code>/<innerCode>, correlation id <id>, request id <id>)}, leaving out what is absent. It never holds request
 * headers, so no token or secret.
 */
public class LogAnalyticsException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Everything known about the failure. */
    private final ErrorDetails details;
    /** The id of the catalog entry this failure matched. */
    private final String entryId;
    /** Whether the same request may succeed when tried again. */
    private final boolean retryable;
    private final transient ErrorCatalog.Entry entry;

    /**
     * Creates the exception for one catalog entry.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public LogAnalyticsException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(message(Objects.requireNonNull(details, "details"), Objects.requireNonNull(entry, "entry")), cause);
        this.details = details;
        this.entry = entry;
        this.entryId = entry.id();
        this.retryable = entry.retryable();
    }

    /**
     * The HTTP status of the response, or 0 when there was no HTTP response.
     *
     * @return the HTTP status of the response, or 0 when there was no HTTP response
     */
    public int getStatusCode() {
        return details.getStatus();
    }

    /**
     * The service's {@code error.code} (for the token endpoint, its {@code error}), or null.
     *
     * @return the service's {@code error.code} (for the token endpoint, its {@code error}), or null
     */
    public String getErrorCode() {
        return details.getCode();
    }

    /**
     * The first-level {@code innererror.code}, or null.
     *
     * @return the first-level {@code innererror.code}, or null
     */
    public String getInnerErrorCode() {
        return details.getInnerCode();
    }

    /**
     * The most specific message the service gave (the deepest {@code innererror.message}), or null.
     *
     * @return the most specific message the service gave (the deepest {@code innererror.message}), or null
     */
    public String getServiceMessage() {
        return details.getServiceMessage();
    }

    /**
     * The raw response body (at most 64 KiB), or null when there was none.
     *
     * @return the raw response body (at most 64 KiB), or null when there was none
     */
    public String getResponseBody() {
        return details.getResponseBody();
    }

    /**
     * The request id: the client request id the component sent as {@code x-ms-client-request-id} (a new UUID per
     * request, which the service echoes), or the service's own {@code x-ms-request-id} when it sent one; the same value
     * as header {@code CamelLogAnalyticsRequestId} on success. Null when unknown.
     *
     * @return the request id: the client request id the component sent as {@code x-ms-client-request-id} (a new UUID
     *         per request, which the service echoes), or the service's own {@code x-ms-request-id} when it sent one;
     *         the same value as header {@code CamelLogAnalyticsRequestId} on success
     */
    public String getRequestId() {
        return details.getRequestId();
    }

    /**
     * The service's {@code error.correlationId}: the id Microsoft support asks for in a case about this failure. The
     * query API puts one in every error body; null when the failure had no such body (a proxy's page, a broken
     * connection, a timeout on the client's side, a token endpoint error).
     *
     * @return the service's {@code error.correlationId}: the id Microsoft support asks for in a case about this failure
     */
    public String getCorrelationId() {
        return details.getCorrelationId();
    }

    /**
     * Whether the same request may succeed when tried again (throttling, unavailability, timeouts).
     *
     * @return whether the same request may succeed when tried again (throttling, unavailability, timeouts)
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * How long the service asked to wait before trying again ({@code Retry-After}), or null.
     *
     * @return how long the service asked to wait before trying again ({@code Retry-After}), or null
     */
    public Duration getRetryAfter() {
        return details.getRetryAfter();
    }

    /**
     * Everything known about the failure.
     *
     * @return everything known about the failure
     */
    public ErrorDetails getDetails() {
        return details;
    }

    /**
     * The catalog entry this failure matched: its id, title, cause and fix.
     *
     * @return the catalog entry this failure matched: its id, title, cause and fix
     */
    public ErrorCatalog.Entry getCatalogEntry() {
        return entry != null ? entry : ErrorCatalog.entry(entryId).orElse(null);
    }

    static String message(ErrorDetails details, ErrorCatalog.Entry entry) {
        StringBuilder sb = new StringBuilder(entry.title());
        String serviceMessage = details.getServiceMessage();
        if (serviceMessage != null && !serviceMessage.isBlank()) {
            sb.append(": ").append(serviceMessage.strip().replaceAll("\\s*[\\r\\n]+\\s*", " "));
        }
        if (sb.charAt(sb.length() - 1) != '.') {
            sb.append('.');
        }
        if (entry.cause() != null) {
            sb.append(" Cause: ").append(entry.cause());
        }
        if (entry.fix() != null) {
            sb.append(" Fix: ").append(entry.fix());
        }
        StringBuilder where = new StringBuilder();
        if (details.getStatus() != 0) {
            where.append("HTTP ").append(details.getStatus());
        }
        if (details.getCode() != null) {
            where.append(where.length() > 0 ? " " : "").append(details.getCode());
            if (details.getInnerCode() != null) {
                where.append('/').append(details.getInnerCode());
            }
        }
        if (details.getCorrelationId() != null) {
            where.append(where.length() > 0 ? ", " : "").append("correlation id ").append(details.getCorrelationId());
        }
        if (details.getRequestId() != null) {
            where.append(where.length() > 0 ? ", " : "").append("request id ").append(details.getRequestId());
        }
        if (where.length() > 0) {
            sb.append(" (").append(where).append(')');
        }
        return sb.toString();
    }
}
