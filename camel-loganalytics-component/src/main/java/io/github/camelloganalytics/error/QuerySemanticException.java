package io.github.camelloganalytics.error;

/**
 * The query parses but cannot be run: HTTP 400 {@code BadArgumentError} with inner code {@code SemanticError},
 * for instance a table, column or function the workspace does not have, or operands of the wrong type. The deepest
 * inner message ({@link #getServiceMessage()}) names what could not be resolved.
 * <p>
 * What to do: check the names and types the query uses against the workspace's schema. Sending the same query again
 * fails the same way.
 */
public class QuerySemanticException extends InvalidQueryException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public QuerySemanticException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
