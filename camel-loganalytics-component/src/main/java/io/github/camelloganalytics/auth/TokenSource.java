package io.github.camelloganalytics.auth;

/**
 * Obtains a fresh token from the identity platform, every time it is asked: {@link CachingTokenProvider} decides
 * when to ask.
 */
interface TokenSource {

    /**
     * @param  scope     the scope, e.g. {@code https://api.loganalytics.io/.default}
     * @return           a new token for it
     * @throws Exception the typed {@code AuthenticationException} when the identity platform refuses
     */
    AccessToken fetch(String scope) throws Exception;
}
