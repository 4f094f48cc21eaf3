package io.github.camelloganalytics.error;

/**
 * The query is not valid KQL: HTTP 400 {@code BadArgumentError} with inner code {@code SyntaxError}. The service
 * often nests a further inner error (such as {@code SYN0002}) naming the line and position; its message is
 * {@link #getServiceMessage()}.
 * <p>
 * What to do: the query string is malformed; check for extra spaces, punctuation, or spelling errors. Sending the
 * same query again fails the same way.
 */
public class QuerySyntaxException extends InvalidQueryException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public QuerySyntaxException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
