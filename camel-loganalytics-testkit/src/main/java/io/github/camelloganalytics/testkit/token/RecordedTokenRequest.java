package io.github.camelloganalytics.testkit.token;

import java.time.Instant;
import java.util.Map;

/**
 * One request the token endpoint (or its managed-identity endpoint) answered, for tests to assert on. Secrets never
 * appear in it: client secrets, client assertions, refresh tokens and authorization codes are replaced by
 * {@code [redacted sha256:xxxxxxxx]}, a short fingerprint that tells two values apart without revealing either.
 *
 * @param time                 when the request arrived
 * @param method               the HTTP method
 * @param path                 the request path
 * @param tenant               the tenant segment of the path (for managed identity: the identity's tenant, if found)
 * @param grantType            {@code grant_type} ({@code managed_identity} for the managed-identity endpoint)
 * @param clientId             {@code client_id} (for managed identity: the identity's client id, if found)
 * @param scope                {@code scope}, or {@code resource} for managed identity and v1 requests
 * @param clientAuthentication how the client authenticated: {@code client_secret_post}, {@code client_secret_basic},
 *                             {@code private_key_jwt}, {@code client_assertion}, {@code identity_header} or
 *                             {@code none}
 * @param parameters           every form (or query) parameter, secrets redacted
 * @param status               the HTTP status answered
 * @param error                the OAuth {@code error} answered, or null on success
 */
public record RecordedTokenRequest(Instant time, String method, String path, String tenant, String grantType,
                                   String clientId, String scope, String clientAuthentication,
                                   Map<String, String> parameters, int status, String error) {
}
