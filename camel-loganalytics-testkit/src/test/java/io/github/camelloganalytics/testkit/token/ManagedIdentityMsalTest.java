package io.github.camelloganalytics.testkit.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import com.microsoft.aad.msal4j.ManagedIdentityId;
import com.microsoft.aad.msal4j.ManagedIdentityParameters;
import com.microsoft.aad.msal4j.ManagedIdentitySourceType;
import com.microsoft.aad.msal4j.MsalServiceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the managed-identity endpoint with MSAL4J 1.26.1's {@link ManagedIdentityApplication} as on App Service.
 * <p>
 * MSAL4J picks the App Service source when {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER} are set, and reads
 * them through a package-private static hook, {@code ManagedIdentityApplication.setEnvironmentVariables(
 * IEnvironmentVariables)} (its own tests use it), because a running JVM cannot change its environment. This test
 * sets that hook by reflection with a proxy of the package-private interface, and puts it back afterwards.
 */
class ManagedIdentityMsalTest {

    static final String TENANT = "mi-tenant";
    static final String SYSTEM_CLIENT = "00000000-0000-0000-0000-00000000a001";
    static final String USER_CLIENT = "00000000-0000-0000-0000-00000000b002";

    static TokenEndpoint endpoint;
    static ManagedIdentity system;
    static ManagedIdentity user;

    @BeforeAll
    static void start() throws Exception {
        endpoint = new TokenEndpoint().start();
        system = endpoint.registerSystemAssignedIdentity(TENANT, SYSTEM_CLIENT);
        user = endpoint.registerUserAssignedIdentity(TENANT, USER_CLIENT);
        MsalEnvironment.set(Map.of("IDENTITY_ENDPOINT", endpoint.managedIdentityUrl(),
                "IDENTITY_HEADER", endpoint.managedIdentitySecret()));
    }

    @AfterAll
    static void stop() throws Exception {
        MsalEnvironment.clear();
        endpoint.close();
    }

    static IAuthenticationResult acquire(ManagedIdentityId id, String resource) throws Exception {
        return ManagedIdentityApplication.builder(id).build()
                .acquireTokenForManagedIdentity(ManagedIdentityParameters.builder(resource).forceRefresh(true).build())
                .get();
    }

    @Test
    void msalSeesAppService() {
        assertEquals(ManagedIdentitySourceType.APP_SERVICE, ManagedIdentityApplication.getManagedIdentitySource());
    }

    @Test
    void systemAssigned() throws Exception {
        IAuthenticationResult result = acquire(ManagedIdentityId.systemAssigned(), "https://api.loganalytics.io");

        VerifiedToken token = endpoint.issuer().verify(result.accessToken()).orElseThrow();
        assertEquals("https://api.loganalytics.io", token.audience());
        assertEquals(SYSTEM_CLIENT, token.clientId());
        assertEquals(system.objectId(), token.subject());
        assertEquals(TENANT, token.tenantId());
        assertTrue(token.appOnly());
        RecordedTokenRequest recorded = last();
        assertEquals("managed_identity", recorded.grantType());
        assertEquals("identity_header", recorded.clientAuthentication());
        assertEquals(TokenEndpoint.MANAGED_IDENTITY_API_VERSION, recorded.parameters().get("api-version"));
    }

    @Test
    void userAssignedByClientId() throws Exception {
        IAuthenticationResult result = acquire(ManagedIdentityId.userAssignedClientId(USER_CLIENT),
                "https://management.azure.com/");

        VerifiedToken token = endpoint.issuer().verify(result.accessToken()).orElseThrow();
        assertEquals("https://management.azure.com/", token.audience());
        assertEquals(USER_CLIENT, token.clientId());
        assertEquals(user.objectId(), token.subject());
        assertEquals(USER_CLIENT, last().parameters().get("client_id"));
    }

    @Test
    void userAssignedByObjectIdAndResourceId() throws Exception {
        assertEquals(USER_CLIENT, endpoint.issuer().verify(acquire(ManagedIdentityId.userAssignedObjectId(
                user.objectId()), "https://api.loganalytics.io").accessToken()).orElseThrow().clientId());
        assertEquals(USER_CLIENT, endpoint.issuer().verify(acquire(ManagedIdentityId.userAssignedResourceId(
                user.resourceId()), "https://api.loganalytics.io").accessToken()).orElseThrow().clientId());
    }

    @Test
    void msalCachesManagedIdentityTokens() throws Exception {
        // unlike confidential clients against a port-bearing authority, the managed-identity cache does hit: its
        // key holds no authority host; the cache is static (shared by every application in the JVM)
        String resource = "https://cache-probe.example.com";
        ManagedIdentityApplication app = ManagedIdentityApplication.builder(ManagedIdentityId.systemAssigned()).build();
        int before = endpoint.tokenRequestCount();
        String first = app.acquireTokenForManagedIdentity(ManagedIdentityParameters.builder(resource).build()).get()
                .accessToken();
        String second = app.acquireTokenForManagedIdentity(ManagedIdentityParameters.builder(resource).build()).get()
                .accessToken();
        assertEquals(1, endpoint.tokenRequestCount() - before);
        assertEquals(first, second);
    }

    @Test
    void unknownUserAssignedIdentityFails() {
        ExecutionException wrapped = assertThrows(ExecutionException.class,
                () -> acquire(ManagedIdentityId.userAssignedClientId("not-registered"), "https://api.loganalytics.io"));
        MsalServiceException error = assertInstanceOf(MsalServiceException.class, wrapped.getCause());
        assertTrue(error.getMessage().contains("No managed identity found"), error.getMessage());
        assertEquals(400, last().status());
    }

    @Test
    void wrongIdentityHeaderIsRefusedOverPlainHttp() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(endpoint.managedIdentityUrl() + "?api-version=2019-08-01&resource="
                + "https%3A%2F%2Fapi.loganalytics.io");

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(uri).header("X-IDENTITY-HEADER", "wrong")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, refused.statusCode());

        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(uri)
                .header("X-IDENTITY-HEADER", endpoint.managedIdentitySecret()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, accepted.statusCode());
        Map<?, ?> body = new com.fasterxml.jackson.databind.ObjectMapper().readValue(accepted.body(), Map.class);
        assertInstanceOf(String.class, body.get("expires_on"), "App Service sends expires_on as a string");
        assertEquals(SYSTEM_CLIENT, body.get("client_id"));
    }

    static RecordedTokenRequest last() {
        var all = endpoint.tokenRequests();
        return all.get(all.size() - 1);
    }
}
