package io.github.camelloganalytics.error;

/**
 * The service, or a gateway in front of it, failed: HTTP 500, 502 or 503, whatever the body (JSON, HTML or
 * none; the raw body is kept).
 * <p>
 * What to do: retryable. Try again after a pause (a 503 may say how long in {@code Retry-After}, see
 * {@link #getRetryAfter()}); if it persists, quote {@link #getCorrelationId()} (with {@link #getRequestId()}) to
 * Azure support.
 */
public class ServiceUnavailableException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public ServiceUnavailableException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
