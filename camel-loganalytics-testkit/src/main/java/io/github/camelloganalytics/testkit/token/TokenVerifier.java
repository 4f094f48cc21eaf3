package io.github.camelloganalytics.testkit.token;

import java.util.Optional;

/**
 * Checks a bearer token the way the service does before it looks at the query: signature, issuer and lifetime.
 * The audience is returned, not checked, because which audiences are allowed depends on the door (direct or ARM).
 */
public interface TokenVerifier {

    /**
     * @param  bearer the token as sent after {@code Bearer }
     * @return        the verified claims, or empty when the token is malformed, not signed by this emulator, or
     *                expired (the service then answers 403 {@code InvalidAuthenticationToken})
     */
    Optional<VerifiedToken> verify(String bearer);
}
