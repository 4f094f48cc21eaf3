package io.github.camelloganalytics.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token and when it stops being valid.
 *
 * @param token     the token, without the {@code Bearer } prefix
 * @param expiresAt when the token expires
 */
public record AccessToken(String token, Instant expiresAt) {

    /**
     * Checks that both parts are there.
     *
     * @param expiresAt when the token expires
     * @param token the token, without the {@code Bearer } prefix
     */
    public AccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        // never the token itself: records print their fields, and this one may be logged
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
