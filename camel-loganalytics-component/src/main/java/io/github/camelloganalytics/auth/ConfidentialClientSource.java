package io.github.camelloganalytics.auth;

import java.util.Set;

import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;

/**
 * App-only tokens through the client credentials grant of one MSAL4J {@link ConfidentialClientApplication}: a secret,
 * a certificate or a client assertion authenticates the application.
 */
final class ConfidentialClientSource implements TokenSource {

    private final ConfidentialClientApplication application;
    private final String authority;

    ConfidentialClientSource(CredentialOptions options, IClientCredential credential, AuthorityConnection connection)
            throws Exception {
        this.application = connection.configure(AuthorityConnection.authority(
                ConfidentialClientApplication.builder(options.clientId(), credential), options.authorityHost(),
                options.tenantId())).build();
        this.authority = application.authority();
    }

    @Override
    public AccessToken fetch(String scope) throws Exception {
        try {
            IAuthenticationResult result = application.acquireToken(ClientCredentialParameters
                    .builder(Set.of(scope)).build()).get();
            return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
        } catch (Exception e) {
            throw MsalErrors.translate(e, authority, scope);
        }
    }
}
