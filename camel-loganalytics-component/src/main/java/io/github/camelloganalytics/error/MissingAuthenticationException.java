package io.github.camelloganalytics.error;

/**
 * The request carried no credentials: HTTP 401 {@code AuthenticationFailed}, "The 'Authorization' header is
 * missing."
 * <p>
 * What to do: include a form of authentication with the request, such as the header
 * {@code Authorization: Bearer <token>}; with this component, configure a credential.
 */
public class MissingAuthenticationException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public MissingAuthenticationException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
