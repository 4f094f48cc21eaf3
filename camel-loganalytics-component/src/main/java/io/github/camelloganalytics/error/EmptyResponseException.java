package io.github.camelloganalytics.error;

/**
 * The service answered HTTP 200 with an empty body. The service does this when a POST is missing either its
 * JSON body or the {@code Content-Type: application/json} header.
 * <p>
 * What to do: send the query as a JSON body with {@code Content-Type: application/json}. A proxy or gateway that
 * strips the body or the header causes the same.
 */
public class EmptyResponseException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public EmptyResponseException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
