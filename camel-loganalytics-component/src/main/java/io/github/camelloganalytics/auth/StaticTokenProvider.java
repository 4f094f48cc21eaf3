package io.github.camelloganalytics.auth;

import java.util.Objects;

/**
 * Hands out one access token that was obtained elsewhere ({@code credentialType=ACCESS_TOKEN}). It cannot renew
 * the token: once it expires, queries fail with {@code InvalidTokenException}.
 */
public final class StaticTokenProvider implements TokenProvider {

    private final String accessToken;

    /**
     * Creates a provider that always answers the given token.
     *
     * @param accessToken the bearer token; not null
     */
    public StaticTokenProvider(String accessToken) {
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String token(String scope) {
        return accessToken;
    }

    @Override
    public String toString() {
        // never the token itself: this object may be logged or shown through JMX
        return "StaticTokenProvider[accessToken=xxxxxx]";
    }
}
