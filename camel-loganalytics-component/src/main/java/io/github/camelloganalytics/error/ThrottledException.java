package io.github.camelloganalytics.error;

/**
 * The service throttled the request: HTTP 429. It allows about 200 requests per 30 seconds per user or client
 * IP and runs 5 queries per user at once, queueing the rest; a query queued for over 3 minutes is answered 429.
 * {@link #getRetryAfter()} holds the wait the service asked for ({@code Retry-After}), when it gave one.
 * <p>
 * What to do: retryable. Wait as asked, then try again (the component sets header {@code CamelRedeliveryDelay}
 * from {@code Retry-After} so Camel's redelivery waits as asked); send fewer queries at once.
 */
public class ThrottledException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public ThrottledException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
