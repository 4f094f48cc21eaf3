package io.github.camelloganalytics.error;

/**
 * The request could not be authenticated. Raised as such for a 401 with a code the catalog does not list and for
 * the token endpoint's {@code invalid_client}, {@code unauthorized_client}, {@code invalid_request} and
 * {@code invalid_scope} answers (the message is the endpoint's {@code error_description}); it is also the parent of
 * {@link MissingAuthenticationException}, {@link InvalidTokenException}, {@link InvalidTokenAudienceException} and
 * {@link InvalidGrantException}, so catching it catches every token problem.
 * <p>
 * What to do: check the credential options (tenant, client id, secret or certificate, scope). Not retryable as
 * is.
 */
public class AuthenticationException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public AuthenticationException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
