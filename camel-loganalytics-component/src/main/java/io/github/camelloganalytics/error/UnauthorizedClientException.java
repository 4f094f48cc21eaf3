package io.github.camelloganalytics.error;

/**
 * A service principal was refused on the direct endpoint: HTTP 403 {@code InsufficientAccessError} with inner
 * code {@code UnauthorizedClient}, "The service principal does not have sufficient permissions to access this
 * resource".
 * <p>
 * What to do: this can occur when client credentials are used against the direct API endpoint. Either use
 * another OAuth2 flow with the direct endpoint, or use client credentials with the ARM endpoint
 * ({@code apiType=ARM}).
 */
public class UnauthorizedClientException extends AccessDeniedException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public UnauthorizedClientException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
