package io.github.camelloganalytics.error;

/**
 * The caller is authenticated but not allowed: HTTP 403 {@code InsufficientAccessError}, "The provided
 * credentials have insufficient access to perform the requested operation" (also raised for a 403 with a code the
 * catalog does not list). Parent of {@link UnauthorizedClientException}.
 * <p>
 * What to do: the identity behind the token does not have sufficient access to the workspace. Verify the workspace
 * GUID and the token request, and if necessary grant the application a role on the workspace (for instance Log
 * Analytics Reader). New role assignments can take up to 60 minutes to be recognised; meanwhile calls may still
 * fail with 403.
 */
public class AccessDeniedException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public AccessDeniedException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
