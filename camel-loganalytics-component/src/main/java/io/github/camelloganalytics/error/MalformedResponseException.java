package io.github.camelloganalytics.error;

/**
 * The response was not of the documented shape: truncated, not JSON, or JSON with values of the wrong type
 * where a result was expected. The start of the body is kept.
 * <p>
 * What to do: check that the {@code host} option points at the Log Analytics query API and not at a proxy's or
 * portal's page; if the body was cut short, the connection broke, and the request can be sent again.
 */
public class MalformedResponseException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public MalformedResponseException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
