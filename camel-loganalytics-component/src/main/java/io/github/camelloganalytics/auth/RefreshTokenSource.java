package io.github.camelloganalytics.auth;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.PublicClientApplication;
import com.microsoft.aad.msal4j.RefreshTokenParameters;

/**
 * Delegated tokens for a user, redeeming a refresh token: through a confidential application when a client secret
 * is configured, else a public one.
 * <p>
 * Entra ID answers each redemption with a new refresh token. MSAL4J keeps it only in its token cache, which it
 * cannot look up against an authority with a port (SERVICE-FACTS), so the newest one is read from the cache's
 * serialized form, the public way to reach it, and redeemed next time. The configured one thus does not age out
 * while the route runs; once Entra refuses the one in hand (expired, revoked, password changed) every renewal fails
 * with {@code InvalidGrantException} (AADSTS70008) until a new refresh token is configured.
 */
final class RefreshTokenSource implements TokenSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AbstractClientApplicationBase application;
    private final String authority;
    private volatile String refreshToken;

    RefreshTokenSource(CredentialOptions options, AuthorityConnection connection) throws Exception {
        if (options.clientSecret() != null) {
            this.application = connection.configure(AuthorityConnection.authority(ConfidentialClientApplication
                    .builder(options.clientId(), ClientCredentialFactory.createFromSecret(options.clientSecret())),
                    options.authorityHost(), options.tenantId())).build();
        } else {
            this.application = connection.configure(AuthorityConnection.authority(PublicClientApplication
                    .builder(options.clientId()), options.authorityHost(), options.tenantId())).build();
        }
        this.authority = application.authority();
        this.refreshToken = options.refreshToken();
    }

    @Override
    public synchronized AccessToken fetch(String scope) throws Exception {
        IAuthenticationResult result;
        try {
            result = application.acquireToken(RefreshTokenParameters.builder(Set.of(scope), refreshToken).build())
                    .get();
        } catch (Exception e) {
            throw MsalErrors.translate(e, authority, scope);
        }
        String rotated = newestRefreshToken();
        if (rotated != null) {
            refreshToken = rotated;
        }
        return new AccessToken(result.accessToken(), result.expiresOnDate().toInstant());
    }

    /** The refresh token the last answer brought, from this application's own cache, which holds one user only. */
    private String newestRefreshToken() {
        try {
            JsonNode entries = JSON.readTree(application.tokenCache().serialize()).path("RefreshToken");
            String newest = null;
            for (JsonNode entry : entries) {
                newest = entry.path("secret").asText(null);
            }
            return newest;
        } catch (Exception e) {
            // the configured token stays in use; it is valid until Entra expires it
            return null;
        }
    }
}
