package io.github.camelloganalytics.auth;

/**
 * Picks the {@link TokenProvider} a {@link CredentialType} and its options call for, and says which option is
 * missing when they do not fit together.
 */
public final class Credentials {

    private Credentials() {
    }

    /**
     * @param  type                     the credential type
     * @param  accessToken              the {@code accessToken} option, or null
     * @param  tokenProvider            the {@code tokenProvider} option, or null
     * @return                          the token provider
     * @throws IllegalArgumentException naming the missing or contradictory options
     */
    public static TokenProvider resolve(CredentialType type, String accessToken, TokenProvider tokenProvider) {
        boolean hasToken = accessToken != null && !accessToken.isBlank();
        switch (type) {
            case ACCESS_TOKEN:
                if (!hasToken) {
                    throw new IllegalArgumentException("credentialType=ACCESS_TOKEN needs the option accessToken");
                }
                return new StaticTokenProvider(accessToken);
            case TOKEN_PROVIDER:
                if (tokenProvider == null) {
                    throw new IllegalArgumentException(
                            "credentialType=TOKEN_PROVIDER needs the option tokenProvider (a TokenProvider bean)");
                }
                return tokenProvider;
            case AUTO:
            default:
                if (tokenProvider != null && hasToken) {
                    throw new IllegalArgumentException("Both accessToken and tokenProvider are set: keep one, or"
                                                       + " choose with credentialType=ACCESS_TOKEN or TOKEN_PROVIDER");
                }
                if (tokenProvider != null) {
                    return tokenProvider;
                }
                if (hasToken) {
                    return new StaticTokenProvider(accessToken);
                }
                throw new IllegalArgumentException("No credential is configured: set the option accessToken or"
                                                   + " tokenProvider");
        }
    }
}
