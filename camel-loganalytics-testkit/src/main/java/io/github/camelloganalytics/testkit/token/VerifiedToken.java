package io.github.camelloganalytics.testkit.token;

import java.time.Instant;

/**
 * What the emulator's query API learns from a bearer token whose signature and lifetime verified.
 *
 * @param audience  the {@code aud} claim, e.g. {@code https://api.loganalytics.io}
 * @param tenantId  the {@code tid} claim
 * @param clientId  the {@code appid}/{@code azp} claim: the application the token was issued to
 * @param subject   the {@code oid} claim: the user for delegated tokens, the service principal for app-only ones
 * @param appOnly   true when issued through a client-credentials grant (no user): the direct API of a workspace
 *                  may refuse such tokens with {@code UnauthorizedClient}
 * @param expiresAt the {@code exp} claim
 */
public record VerifiedToken(String audience, String tenantId, String clientId, String subject, boolean appOnly,
                            Instant expiresAt) {
}
