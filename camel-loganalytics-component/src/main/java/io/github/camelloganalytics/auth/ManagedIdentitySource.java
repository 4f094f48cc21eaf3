package io.github.camelloganalytics.auth;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import io.github.camelloganalytics.client.Cloud;

/**
 * Tokens of the host's managed identity through MSAL4J's {@link ManagedIdentityApplication}, which finds the
 * identity endpoint itself (App Service and Functions, Azure Arc, Cloud Shell, Service Fabric, else the VM's IMDS).
 */
final class ManagedIdentitySource implements TokenSource {

    private static final String DEFAULT_SUFFIX = "/.default";

    private final ManagedIdentityApplication application;
    private final String description;

    ManagedIdentitySource(String clientId, AuthorityConnection connection) {
        ManagedIdentityId id = clientId == null ? ManagedIdentityId.systemAssigned()
                : ManagedIdentityId.userAssignedClientId(clientId);
        this.application = connection.configure(ManagedIdentityApplication.builder(id)).build();
        this.description = clientId == null ? "system-assigned managed identity"
                : "user-assigned managed identity " + clientId;
    }

    /**
     * Managed-identity endpoints take a v1 resource, not a scope, and the token's audience is the resource as
     * written. The query API expects its audience without a trailing slash; Azure Resource Manager expects
     * {@code https://management.azure.com/} with it ("It should exactly match (including forward slash)").
     */
    static String resource(String scope) {
        String resource = scope.endsWith(DEFAULT_SUFFIX)
                ? scope.substring(0, scope.length() - DEFAULT_SUFFIX.length()) : scope;
        for (Cloud cloud : Cloud.values()) {
            if (cloud.armHost().equalsIgnoreCase(resource)) {
                return resource + "/";
            }
        }
        return resource;
    }

    @Override
    public AccessToken fetch(String scope) throws Exception {
        String resource = resource(scope);
        try {
            IAuthenticationResult result = application.acquireTokenForManagedIdentity(
                    ManagedIdentityParameters.builder(resource).build()).get();
            return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
        } catch (Exception e) {
            throw MsalErrors.translate(e, description, scope);
        }
    }
}
