package io.github.camelloganalytics.error;

/**
 * The service refused the request as invalid: HTTP 400 {@code BadArgumentError} ("The request had some invalid
 * properties") with an inner code other than {@code SyntaxError} or {@code SemanticError}. It is also the parent of
 * {@link QuerySyntaxException} and {@link QuerySemanticException}, so catching it catches every invalid query.
 * <p>
 * What to do: read {@link #getServiceMessage()}, which is the service's most specific explanation, and correct the
 * query, the timespan or the additional workspaces. Sending the same request again fails the same way.
 */
public class InvalidQueryException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public InvalidQueryException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
