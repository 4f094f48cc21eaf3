package io.github.camelloganalytics.auth;

/**
 * How the component obtains its bearer tokens.
 */
public enum CredentialType {
    /**
     * Picks the credential from what is configured: a {@code tokenProvider} bean if one is set, else an
     * {@code accessToken}.
     */
    AUTO,
    /** A bearer token obtained elsewhere, given as the secret option {@code accessToken}; it is not renewed. */
    ACCESS_TOKEN,
    /** A {@link TokenProvider} bean, given as the option {@code tokenProvider}. */
    TOKEN_PROVIDER
}
