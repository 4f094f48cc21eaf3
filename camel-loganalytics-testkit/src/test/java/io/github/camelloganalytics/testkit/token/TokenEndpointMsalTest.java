package io.github.camelloganalytics.testkit.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.microsoft.aad.msal4j.AuthorizationCodeParameters;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.IClientCredential;
import com.microsoft.aad.msal4j.MsalInteractionRequiredException;
import com.microsoft.aad.msal4j.MsalServiceException;
import com.microsoft.aad.msal4j.RefreshTokenParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the endpoint with the real MSAL4J 1.26.1, configured as SERVICE-FACTS says a client must be against a
 * local authority.
 */
class TokenEndpointMsalTest {

    static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    static final String CLIENT = "11111111-2222-3333-4444-555555555555";
    static final String SECRET = "s3cr3t~value";
    static final String LOG_ANALYTICS = "https://api.loganalytics.io/.default";
    static final String ARM = "https://management.azure.com/.default";

    static TokenEndpoint endpoint;

    @BeforeAll
    static void start() {
        endpoint = new TokenEndpoint().start();
        endpoint.registerClient(TENANT, CLIENT, SECRET);
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    static ConfidentialClientApplication app(String tenant, String clientId, IClientCredential credential)
            throws Exception {
        return ConfidentialClientApplication.builder(clientId, credential)
                .authority(endpoint.authorityUrl() + "/" + tenant + "/")
                .validateAuthority(false)
                .instanceDiscovery(false)
                .sslSocketFactory(endpoint.sslContext().getSocketFactory())
                .build();
    }

    static IAuthenticationResult clientCredentials(ConfidentialClientApplication app, String scope)
            throws Exception {
        return app.acquireToken(ClientCredentialParameters.builder(Set.of(scope)).build()).get();
    }

    static Throwable failure(ThrowingCall call) {
        ExecutionException wrapped = assertThrows(ExecutionException.class, call::run);
        Throwable cause = wrapped.getCause();
        return cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void clientSecretGivesAVerifiableLogAnalyticsToken() throws Exception {
        IAuthenticationResult result = clientCredentials(app(TENANT, CLIENT, ClientCredentialFactory
                .createFromSecret(SECRET)), LOG_ANALYTICS);

        VerifiedToken token = endpoint.issuer().verify(result.accessToken()).orElseThrow();
        assertEquals("https://api.loganalytics.io", token.audience());
        assertEquals(TENANT, token.tenantId());
        assertEquals(CLIENT, token.clientId());
        assertEquals(TokenRequest.servicePrincipalObjectId(TENANT, CLIENT), token.subject());
        assertTrue(token.appOnly());
        RecordedTokenRequest recorded = endpoint.tokenRequests().get(endpoint.tokenRequests().size() - 1);
        assertEquals("client_credentials", recorded.grantType());
        assertEquals(CLIENT, recorded.clientId());
        assertTrue(recorded.scope().contains(LOG_ANALYTICS), recorded.scope());
        assertEquals("client_secret_post", recorded.clientAuthentication());
        assertFalse(recorded.parameters().toString().contains(SECRET), "the secret must be redacted");
        assertTrue(recorded.parameters().get("client_secret").startsWith("[redacted"));
    }

    @Test
    void armScopeKeepsTheTrailingSlashInTheAudience() throws Exception {
        IAuthenticationResult result = clientCredentials(app(TENANT, CLIENT, ClientCredentialFactory
                .createFromSecret(SECRET)), ARM);

        assertEquals("https://management.azure.com/",
                endpoint.issuer().verify(result.accessToken()).orElseThrow().audience());
    }

    @Test
    void everyAcquisitionReachesTheEndpoint() throws Exception {
        // SERVICE-FACTS: MSAL's cache never hits against an authority with a port, so each call is a request
        ConfidentialClientApplication app = app(TENANT, CLIENT, ClientCredentialFactory.createFromSecret(SECRET));
        int before = endpoint.tokenRequestCount();
        clientCredentials(app, LOG_ANALYTICS);
        clientCredentials(app, LOG_ANALYTICS);
        assertEquals(before + 2, endpoint.tokenRequestCount());
    }

    @Test
    void clientCertificate() throws Exception {
        String clientId = "cert-client-0001";
        SelfSignedCertificate certificate = SelfSignedCertificate.forCommonName(clientId);
        endpoint.registerCertificateClient(TENANT, clientId, certificate.certificate());

        IAuthenticationResult result = clientCredentials(app(TENANT, clientId, ClientCredentialFactory
                .createFromCertificate(certificate.privateKey(), certificate.certificate())), LOG_ANALYTICS);

        VerifiedToken token = endpoint.issuer().verify(result.accessToken()).orElseThrow();
        assertEquals(clientId, token.clientId());
        assertEquals("private_key_jwt", last().clientAuthentication());
        assertTrue(last().parameters().get("client_assertion").startsWith("[redacted"));
    }

    @Test
    void clientCertificateNotRegisteredIsInvalidClient() throws Exception {
        String clientId = "cert-client-0002";
        endpoint.registerCertificateClient(TENANT, clientId,
                SelfSignedCertificate.forCommonName("registered").certificate());
        SelfSignedCertificate other = SelfSignedCertificate.forCommonName("other");
        ConfidentialClientApplication app = app(TENANT, clientId, ClientCredentialFactory
                .createFromCertificate(other.privateKey(), other.certificate()));

        MsalServiceException error = assertInstanceOf(MsalServiceException.class,
                failure(() -> clientCredentials(app, LOG_ANALYTICS)));
        assertEquals("invalid_client", error.errorCode());
        assertTrue(error.getMessage().contains("AADSTS700027"), error.getMessage());
    }

    @Test
    void federatedClientAssertion() throws Exception {
        String clientId = "workload-identity-0001";
        String assertion = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDp3b3JrbG9hZCJ9.c2ln";
        endpoint.registerFederatedClient(TENANT, clientId, assertion);

        IAuthenticationResult result = clientCredentials(app(TENANT, clientId, ClientCredentialFactory
                .createFromClientAssertion(assertion)), LOG_ANALYTICS);
        assertEquals(clientId, endpoint.issuer().verify(result.accessToken()).orElseThrow().clientId());
        assertEquals("client_assertion", last().clientAuthentication());

        ConfidentialClientApplication wrong = app(TENANT, clientId,
                ClientCredentialFactory.createFromClientAssertion(assertion + "x"));
        MsalServiceException error = assertInstanceOf(MsalServiceException.class,
                failure(() -> clientCredentials(wrong, LOG_ANALYTICS)));
        assertTrue(error.getMessage().contains("AADSTS70021"), error.getMessage());
    }

    @Test
    void refreshTokenWorksAndRotates() throws Exception {
        String user = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
        String refreshToken = endpoint.issueRefreshToken(TENANT, CLIENT, user);
        ConfidentialClientApplication app = app(TENANT, CLIENT, ClientCredentialFactory.createFromSecret(SECRET));

        IAuthenticationResult result = app.acquireToken(RefreshTokenParameters
                .builder(Set.of(LOG_ANALYTICS), refreshToken).build()).get();

        VerifiedToken token = endpoint.issuer().verify(result.accessToken()).orElseThrow();
        assertEquals("https://api.loganalytics.io", token.audience());
        assertEquals(user, token.subject());
        assertFalse(token.appOnly());
        assertNotNull(result.account(), "MSAL builds the account from client_info");
        assertEquals(user + "." + TENANT, result.account().homeAccountId());
        String rotated = refreshTokenInCache(app);
        assertNotEquals(refreshToken, rotated, "a new refresh token comes with each answer");

        IAuthenticationResult again = app.acquireToken(RefreshTokenParameters
                .builder(Set.of(ARM), rotated).build()).get();
        assertEquals("https://management.azure.com/",
                endpoint.issuer().verify(again.accessToken()).orElseThrow().audience());
        assertEquals(fingerprintOf(rotated), last().parameters().get("refresh_token"));
    }

    /** MSAL keeps the refresh token only in its cache; its serialized form is the public way to read it. */
    static String refreshTokenInCache(ConfidentialClientApplication app) throws Exception {
        com.fasterxml.jackson.databind.JsonNode cache = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(app.tokenCache().serialize());
        com.fasterxml.jackson.databind.JsonNode refreshTokens = cache.path("RefreshToken");
        assertEquals(1, refreshTokens.size(), cache.toString());
        return refreshTokens.elements().next().path("secret").asText();
    }

    @Test
    void reusedRefreshTokenIsInvalidGrant() throws Exception {
        String refreshToken = endpoint.issueRefreshToken(TENANT, CLIENT, "aaaaaaaa-0000-0000-0000-000000000002");
        ConfidentialClientApplication first = app(TENANT, CLIENT, ClientCredentialFactory.createFromSecret(SECRET));
        first.acquireToken(RefreshTokenParameters.builder(Set.of(LOG_ANALYTICS), refreshToken).build()).get();

        // a second client replays the refresh token the first one already redeemed
        ConfidentialClientApplication second = app(TENANT, CLIENT, ClientCredentialFactory.createFromSecret(SECRET));
        MsalInteractionRequiredException error = assertInstanceOf(MsalInteractionRequiredException.class,
                failure(() -> second.acquireToken(RefreshTokenParameters.builder(Set.of(LOG_ANALYTICS), refreshToken)
                        .build()).get()));
        assertEquals("invalid_grant", error.errorCode());
        assertTrue(error.getMessage().contains("AADSTS70002") && error.getMessage().contains("AADSTS70008"),
                error.getMessage());
    }

    @Test
    void expiredRefreshTokenIsInvalidGrant() throws Exception {
        String refreshToken = endpoint.issueRefreshToken(TENANT, CLIENT, "aaaaaaaa-0000-0000-0000-000000000001");
        assertTrue(endpoint.expireRefreshToken(refreshToken));
        ConfidentialClientApplication app = app(TENANT, CLIENT, ClientCredentialFactory.createFromSecret(SECRET));

        // MSAL turns invalid_grant into its "sign in again" exception
        MsalInteractionRequiredException error = assertInstanceOf(MsalInteractionRequiredException.class,
                failure(() -> app.acquireToken(RefreshTokenParameters.builder(Set.of(LOG_ANALYTICS), refreshToken)
                        .build()).get()));
        assertEquals("invalid_grant", error.errorCode());
        assertTrue(error.getMessage().contains("AADSTS70008"), error.getMessage());
        assertEquals("invalid_grant", last().error());
    }

    @Test
    void authorizationCodeIsSingleUse() throws Exception {
        String code = endpoint.issueAuthorizationCode(TENANT, CLIENT, "aaaaaaaa-0000-0000-0000-000000000002");
        ConfidentialClientApplication app = app(TENANT, CLIENT, ClientCredentialFactory.createFromSecret(SECRET));
        AuthorizationCodeParameters parameters = AuthorizationCodeParameters
                .builder(code, new java.net.URI("http://localhost/callback")).scopes(Set.of(LOG_ANALYTICS)).build();

        IAuthenticationResult first = app.acquireToken(parameters).get();
        assertTrue(endpoint.issuer().verify(first.accessToken()).isPresent());

        MsalInteractionRequiredException error = assertInstanceOf(MsalInteractionRequiredException.class,
                failure(() -> app.acquireToken(parameters).get()));
        assertEquals("invalid_grant", error.errorCode());
        assertTrue(error.getMessage().contains("AADSTS70002"), error.getMessage());
    }

    @Test
    void wrongSecretIsInvalidClient() throws Exception {
        ConfidentialClientApplication app = app(TENANT, CLIENT, ClientCredentialFactory.createFromSecret("nope"));

        MsalServiceException error = assertInstanceOf(MsalServiceException.class,
                failure(() -> clientCredentials(app, LOG_ANALYTICS)));
        assertEquals("invalid_client", error.errorCode());
        assertEquals(401, error.statusCode());
        assertTrue(error.getMessage().contains("AADSTS7000215"), error.getMessage());
    }

    @Test
    void unknownTenantIsAnError() throws Exception {
        ConfidentialClientApplication app = app("no-such-tenant", CLIENT,
                ClientCredentialFactory.createFromSecret(SECRET));

        MsalServiceException error = assertInstanceOf(MsalServiceException.class,
                failure(() -> clientCredentials(app, LOG_ANALYTICS)));
        assertEquals("invalid_request", error.errorCode());
        assertTrue(error.getMessage().contains("AADSTS90002"), error.getMessage());
    }

    @Test
    void unknownClientIsUnauthorizedClient() throws Exception {
        ConfidentialClientApplication app = app(TENANT, "not-registered",
                ClientCredentialFactory.createFromSecret(SECRET));

        MsalServiceException error = assertInstanceOf(MsalServiceException.class,
                failure(() -> clientCredentials(app, LOG_ANALYTICS)));
        assertEquals("unauthorized_client", error.errorCode());
        assertTrue(error.getMessage().contains("AADSTS700016"), error.getMessage());
    }

    @Test
    void tokenLifetimeIsRespected() throws Exception {
        String tenant = "lifetime-tenant";
        try (TokenEndpoint own = new TokenEndpoint()) {
            own.setTokenLifetime(Duration.ofMinutes(5));
            own.start();
            own.registerClient(tenant, CLIENT, SECRET);
            ConfidentialClientApplication app = ConfidentialClientApplication
                    .builder(CLIENT, ClientCredentialFactory.createFromSecret(SECRET))
                    .authority(own.authorityUrl() + "/" + tenant + "/")
                    .validateAuthority(false)
                    .instanceDiscovery(false)
                    .sslSocketFactory(own.sslContext().getSocketFactory())
                    .build();

            Instant before = Instant.now();
            IAuthenticationResult result = clientCredentials(app, LOG_ANALYTICS);
            Instant expiresAt = own.issuer().verify(result.accessToken()).orElseThrow().expiresAt();
            assertTrue(!expiresAt.isBefore(before.plusSeconds(299)) && !expiresAt.isAfter(before.plusSeconds(302)),
                    expiresAt + " is not five minutes after " + before);
            assertTrue(Math.abs(result.expiresOnDate().toInstant().getEpochSecond() - expiresAt.getEpochSecond()) <= 2,
                    "expires_in agrees with exp");

            own.setTokenLifetime(Duration.ofMinutes(90));
            IAuthenticationResult longer = clientCredentials(app, LOG_ANALYTICS);
            Instant longerExpiry = own.issuer().verify(longer.accessToken()).orElseThrow().expiresAt();
            assertTrue(longerExpiry.isAfter(Instant.now().plus(Duration.ofMinutes(89))), longerExpiry.toString());
        }
    }

    static RecordedTokenRequest last() {
        List<RecordedTokenRequest> all = endpoint.tokenRequests();
        return all.get(all.size() - 1);
    }

    static String fingerprintOf(String value) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "[redacted sha256:" + java.util.HexFormat.of().formatHex(digest, 0, 4) + "]";
    }
}
