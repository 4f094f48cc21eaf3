package io.github.camelloganalytics.testkit;

import java.time.Duration;
import java.time.Instant;

import io.github.camelloganalytics.testkit.token.TokenEndpoint;
import io.github.camelloganalytics.testkit.token.TokenRequest;

/**
 * The applications of an emulator's tenant: register them with the token endpoint, learn their service principal
 * ids, mint their tokens without a round trip. Which workspaces a client may read is the workspace's business
 * ({@link Workspace#grant(String)}).
 */
public final class Clients {

    /** Scope of the direct and resource-centric query API. */
    public static final String DIRECT_API_SCOPE = "https://api.loganalytics.io/.default";
    /** Scope of Azure Resource Manager (the ARM door). */
    public static final String ARM_SCOPE = "https://management.azure.com/.default";

    private final TokenEndpoint endpoint;
    private final String tenantId;

    Clients(TokenEndpoint endpoint, String tenantId) {
        this.endpoint = endpoint;
        this.tenantId = tenantId;
    }

    /**
     * Registers a confidential client with a secret in the emulator's tenant.
     *
     * @param  clientId the application (client) id
     * @param  secret   its secret
     * @return          the object id of its service principal (the {@code oid} of its app-only tokens)
     */
    public String register(String clientId, String secret) {
        endpoint.registerClient(tenantId, clientId, secret);
        return servicePrincipalId(clientId);
    }

    /**
     * @param  clientId an application id
     * @return          the object id of its service principal in the emulator's tenant
     */
    public String servicePrincipalId(String clientId) {
        return TokenRequest.servicePrincipalObjectId(tenantId, clientId);
    }

    /**
     * Mints an app-only (client credentials) access token, as the token endpoint would issue it.
     *
     * @param  clientId the application
     * @param  scope    e.g. {@link #DIRECT_API_SCOPE} or {@link #ARM_SCOPE}
     * @return          the signed JWT
     */
    public String appToken(String clientId, String scope) {
        return endpoint.issuer().issue(TokenRequest.forApplication(tenantId, clientId, scope));
    }

    /**
     * Mints a delegated (user) access token.
     *
     * @param  clientId     the application acting for the user
     * @param  userObjectId the user's object id
     * @param  scope        e.g. {@link #DIRECT_API_SCOPE}
     * @return              the signed JWT
     */
    public String userToken(String clientId, String userObjectId, String scope) {
        return endpoint.issuer().issue(TokenRequest.forUser(tenantId, clientId, userObjectId, scope));
    }

    /**
     * Mints an app-only token that expired an hour ago: the query API answers it 403
     * {@code InvalidAuthenticationToken}.
     *
     * @param  clientId the application
     * @param  scope    the scope
     * @return          the signed, expired JWT
     */
    public String expiredAppToken(String clientId, String scope) {
        return endpoint.issuer().issue(TokenRequest.forApplication(tenantId, clientId, scope),
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
    }

    /** @return the token endpoint, for grants beyond client secrets (certificates, refresh tokens, managed identity) */
    public TokenEndpoint endpoint() {
        return endpoint;
    }

    /** @return the emulator's tenant id */
    public String tenantId() {
        return tenantId;
    }
}
