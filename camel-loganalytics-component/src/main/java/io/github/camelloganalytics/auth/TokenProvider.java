package io.github.camelloganalytics.auth;

/**
 * Where the bearer tokens for the query API come from. The component asks for a token before every request, so an
 * implementation must cache its tokens and renew them before they expire.
 * <p>
 * Bind an implementation in the registry and refer to it with {@code credentialType=TOKEN_PROVIDER} and
 * {@code tokenProvider=#bean}.
 */
@FunctionalInterface
public interface TokenProvider {

    /**
     * @param  scope     the OAuth 2.0 scope the token must be valid for, e.g.
     *                   {@code https://api.loganalytics.io/.default}: its resource is the token's audience
     * @return           the access token, without the {@code Bearer } prefix
     * @throws Exception when no token can be had; the query fails with this as its cause
     */
    String token(String scope) throws Exception;

    /**
     * Forgets the cached token for a scope, because the service refused it as invalid or expired (a 401, or a 403
     * {@code InvalidAuthenticationToken}). The component then asks {@link #token(String)} once more and retries the
     * request once. The default does nothing: a provider without a cache has nothing to forget.
     *
     * @param scope the scope whose token was refused
     */
    default void invalidate(String scope) {
    }

    /**
     * Forgets the cached token for a scope if it is still the one the service refused. Under load, many queries
     * sent with one token are refused together; the first refusal brings a new token, and the later ones, naming
     * the old token, must not throw the new one away. The default forgets whatever is cached, as
     * {@link #invalidate(String)}.
     *
     * @param scope        the scope whose token was refused
     * @param refusedToken the token the service refused
     */
    default void invalidate(String scope, String refusedToken) {
        invalidate(scope);
    }
}
