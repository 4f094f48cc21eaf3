package io.github.camelloganalytics.error;

/**
 * The service did not accept the bearer token: HTTP 403 {@code InvalidAuthenticationToken}, "The access token is
 * invalid."
 * <p>
 * What to do: the token is malformed or otherwise invalid. This can occur if a token is copied by hand and
 * characters are added or cut; verify that the token is exactly as received from Microsoft Entra ID.
 */
public class InvalidTokenException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public InvalidTokenException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
