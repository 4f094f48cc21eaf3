package io.github.camelloganalytics.auth;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;

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

    @Override
    public AccessToken fetch(String scope) throws Exception {
        // managed-identity endpoints take a resource, not a scope
        String resource = scope.endsWith(DEFAULT_SUFFIX)
                ? scope.substring(0, scope.length() - DEFAULT_SUFFIX.length()) : scope;
        try {
            IAuthenticationResult result = application.acquireTokenForManagedIdentity(
                    ManagedIdentityParameters.builder(resource).build()).get();
            return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
        } catch (Exception e) {
            throw MsalErrors.translate(e, description, scope);
        }
    }
}
