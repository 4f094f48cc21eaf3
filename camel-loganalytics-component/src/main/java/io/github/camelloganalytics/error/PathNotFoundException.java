package io.github.camelloganalytics.error;

/**
 * The URL called does not exist: HTTP 404 {@code PathNotFoundError}, "The requested path does not exist".
 * <p>
 * What to do: verify the URL of the endpoint (the {@code host} option, the workspace id, the ARM names or the
 * resource id) and that the HTTP verb is a supported one.
 */
public class PathNotFoundException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public PathNotFoundException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
