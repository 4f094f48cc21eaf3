package io.github.camelloganalytics.error;

/**
 * The service answered HTTP 204 No Content: the workspace has no data in it. Raised only with
 * {@code failOnNoData=true}; otherwise the component returns an empty body and sets header
 * {@code CamelLogAnalyticsNoData}.
 * <p>
 * What to do: check that the workspace id is the one that receives the data, or treat "no data" as an empty
 * result ({@code failOnNoData=false}).
 */
public class NoDataException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public NoDataException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
