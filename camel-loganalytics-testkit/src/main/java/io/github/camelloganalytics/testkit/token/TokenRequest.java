package io.github.camelloganalytics.testkit.token;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an access token is to say: who it is for, on whose behalf, and for which resource.
 *
 * @param tenantId    the {@code tid} claim, also part of {@code iss}
 * @param clientId    the application the token is issued to ({@code appid} and {@code azp})
 * @param objectId    the {@code oid} (and {@code sub}) claim: the user for delegated tokens, the service principal or
 *                    managed identity for app-only ones
 * @param appOnly     true for client credentials and managed identity ({@code idtyp} {@code app}, permissions in
 *                    {@code roles}), false for delegated flows ({@code idtyp} {@code user}, permissions in
 *                    {@code scp})
 * @param audience    the {@code aud} claim, see {@link TokenIssuer#audienceForScope(String)}
 * @param permissions the {@code roles} (app-only) or {@code scp} (delegated) values; may be empty
 */
public record TokenRequest(String tenantId, String clientId, String objectId, boolean appOnly, String audience,
                           List<String> permissions) {

    /**
     * Checks the mandatory parts and copies the permissions.
     *
     * @param tenantId    the tenant
     * @param clientId    the application
     * @param objectId    the principal
     * @param appOnly     whether no user is involved
     * @param audience    the audience
     * @param permissions the roles or scopes
     */
    public TokenRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(audience, "audience");
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }

    /**
     * An app-only token as the client credentials grant issues it; the service principal's object id is derived
     * from tenant and client id, so the same application always gets the same {@code oid}.
     *
     * @param  tenantId the tenant
     * @param  clientId the application
     * @param  scope    the requested scope, e.g. {@code https://api.loganalytics.io/.default}
     * @return          the request
     */
    public static TokenRequest forApplication(String tenantId, String clientId, String scope) {
        return new TokenRequest(tenantId, clientId, servicePrincipalObjectId(tenantId, clientId), true,
                TokenIssuer.audienceForScope(scope), List.of());
    }

    /**
     * A delegated token for a user, as the authorization code and refresh token grants issue it, with the
     * {@code user_impersonation} scope the Log Analytics API and ARM expose.
     *
     * @param  tenantId     the tenant
     * @param  clientId     the application acting for the user
     * @param  userObjectId the user's object id
     * @param  scope        the requested scope, e.g. {@code https://api.loganalytics.io/.default}
     * @return              the request
     */
    public static TokenRequest forUser(String tenantId, String clientId, String userObjectId, String scope) {
        return new TokenRequest(tenantId, clientId, userObjectId, false, TokenIssuer.audienceForScope(scope),
                List.of("user_impersonation"));
    }

    /**
     * The object id the emulator gives an application's service principal in a tenant: stable, so tests and the
     * query API can name it without asking the endpoint.
     *
     * @param  tenantId the tenant
     * @param  clientId the application
     * @return          a name-based UUID string
     */
    public static String servicePrincipalObjectId(String tenantId, String clientId) {
        return UUID.nameUUIDFromBytes(("servicePrincipal:" + tenantId + ":" + clientId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
