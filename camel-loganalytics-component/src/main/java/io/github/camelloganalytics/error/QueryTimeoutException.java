package io.github.camelloganalytics.error;

/**
 * The query ran out of time: HTTP 504 or error code {@code GatewayTimeout} (the server-side limit, by default
 * 3 minutes, settable up to 10 minutes with {@code serverTimeout}), or no response arrived within the client's
 * {@code responseTimeout} (status 0).
 * <p>
 * What to do: retryable, but a query that times out once often times out again. Narrow the timespan, filter
 * earlier in the query, or raise {@code serverTimeout} and {@code responseTimeout}.
 */
public class QueryTimeoutException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public QueryTimeoutException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
