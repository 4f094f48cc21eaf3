package io.github.camelloganalytics.testkit.token;

import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.net.ssl.SSLHandshakeException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoint over plain {@code java.net.http} with {@link TokenEndpoint#sslContext()}: wire shapes and metadata. */
class TokenEndpointHttpTest {

    static final String TENANT = "contoso.onmicrosoft.com";
    static final String CLIENT = "http-client";
    static final String SECRET = "p@ss w&rd=+";
    static final ObjectMapper JSON = new ObjectMapper();

    static TokenEndpoint endpoint;
    static HttpClient http;

    @BeforeAll
    static void start() {
        endpoint = new TokenEndpoint().start();
        endpoint.registerClient(TENANT, CLIENT, SECRET);
        http = HttpClient.newBuilder().sslContext(endpoint.sslContext()).build();
    }

    @AfterAll
    static void stop() {
        endpoint.close();
    }

    static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String url, Map<String, String> form, String... headers) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(response.body());
    }

    @Test
    void clientCredentialsAnswerHasEntrasShape() throws Exception {
        HttpResponse<String> response = post(endpoint.tokenUrl(TENANT), form("grant_type", "client_credentials",
                "client_id", CLIENT, "client_secret", SECRET, "scope", "https://api.loganalytics.io/.default"));

        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals("Bearer", body.get("token_type").asText());
        assertEquals(3600, body.get("expires_in").asInt());
        assertEquals(3600, body.get("ext_expires_in").asInt());
        assertFalse(body.has("refresh_token"), "client credentials never get a refresh token");
        assertEquals("https://api.loganalytics.io",
                endpoint.issuer().verify(body.get("access_token").asText()).orElseThrow().audience());
        assertEquals("no-store, no-cache", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void clientSecretBasicIsAccepted() throws Exception {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(CLIENT, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = post(endpoint.tokenUrl(TENANT), form("grant_type", "client_credentials",
                "scope", "https://api.loganalytics.io/.default"), "Authorization", "Basic " + basic);

        assertEquals(200, response.statusCode(), response.body());
        RecordedTokenRequest recorded = last();
        assertEquals("client_secret_basic", recorded.clientAuthentication());
        assertEquals(CLIENT, recorded.clientId());
    }

    @Test
    void wrongSecretBodyAndCorrelation() throws Exception {
        HttpResponse<String> response = post(endpoint.tokenUrl(TENANT), form("grant_type", "client_credentials",
                "client_id", CLIENT, "client_secret", "wrong", "scope", "https://api.loganalytics.io/.default"),
                "client-request-id", "c0ffee00-0000-0000-0000-000000000001");

        assertEquals(401, response.statusCode());
        JsonNode body = json(response);
        assertEquals("invalid_client", body.get("error").asText());
        assertTrue(body.get("error_description").asText().startsWith("AADSTS7000215: Invalid client secret provided."));
        assertEquals(List.of(7000215), JSON.convertValue(body.get("error_codes"), List.class));
        assertEquals("c0ffee00-0000-0000-0000-000000000001", body.get("correlation_id").asText());
        assertTrue(body.has("trace_id") && body.has("timestamp"));
        assertFalse(last().parameters().containsValue("wrong"), "even a wrong secret is redacted");
    }

    @Test
    void expiredRefreshTokenBodyIsTheDocumentedOne() throws Exception {
        String refreshToken = endpoint.issueRefreshToken(TENANT, CLIENT, "user-1");
        endpoint.expireRefreshToken(refreshToken);

        HttpResponse<String> response = post(endpoint.tokenUrl(TENANT), form("grant_type", "refresh_token",
                "client_id", CLIENT, "client_secret", SECRET, "refresh_token", refreshToken,
                "scope", "https://api.loganalytics.io/.default offline_access"));

        assertEquals(400, response.statusCode());
        JsonNode body = json(response);
        assertEquals("invalid_grant", body.get("error").asText());
        assertEquals("AADSTS70002: Error validating credentials. AADSTS70008: The provided authorization code or "
                + "refresh token is expired. Send a new interactive authorization request for this user and resource.",
                body.get("error_description").asText());
        assertEquals(List.of(70002, 70008), JSON.convertValue(body.get("error_codes"), List.class));
    }

    @Test
    void unknownTenantBody() throws Exception {
        HttpResponse<String> response = post(endpoint.tokenUrl("nowhere.example"), form("grant_type",
                "client_credentials", "client_id", CLIENT, "client_secret", SECRET, "scope",
                "https://api.loganalytics.io/.default"));

        assertEquals(400, response.statusCode());
        JsonNode body = json(response);
        assertEquals("invalid_request", body.get("error").asText());
        assertTrue(body.get("error_description").asText().startsWith("AADSTS90002: Tenant 'nowhere.example' not found."));
        assertEquals(List.of(90002), JSON.convertValue(body.get("error_codes"), List.class));
        assertEquals(400, get(endpoint.authorityUrl() + "/nowhere.example/v2.0/.well-known/openid-configuration")
                .statusCode(), "metadata of an unknown tenant is refused too");
    }

    @Test
    void clientCredentialsNeedADotDefaultScope() throws Exception {
        HttpResponse<String> response = post(endpoint.tokenUrl(TENANT), form("grant_type", "client_credentials",
                "client_id", CLIENT, "client_secret", SECRET, "scope", "https://api.loganalytics.io/Data.Read"));
        assertEquals(400, response.statusCode());
        assertEquals("invalid_scope", json(response).get("error").asText());
    }

    @Test
    void confidentialClientMustAuthenticateButPublicClientNeedNot() throws Exception {
        String refreshToken = endpoint.issueRefreshToken(TENANT, CLIENT, "user-2");
        HttpResponse<String> refused = post(endpoint.tokenUrl(TENANT), form("grant_type", "refresh_token",
                "client_id", CLIENT, "refresh_token", refreshToken));
        assertEquals(401, refused.statusCode());
        assertTrue(json(refused).get("error_description").asText().startsWith("AADSTS7000218"));

        endpoint.registerPublicClient(TENANT, "public-client");
        String publicToken = endpoint.issueRefreshToken(TENANT, "public-client", "user-2");
        HttpResponse<String> accepted = post(endpoint.authorityUrl() + "/organizations/oauth2/v2.0/token",
                form("grant_type", "refresh_token", "client_id", "public-client", "refresh_token", publicToken,
                        "scope", "https://api.loganalytics.io/.default openid profile offline_access"));
        assertEquals(200, accepted.statusCode(), accepted.body());
        JsonNode body = json(accepted);
        assertTrue(body.has("refresh_token") && body.has("id_token") && body.has("client_info"));
        assertEquals("https://api.loganalytics.io/user_impersonation openid profile offline_access",
                body.get("scope").asText());
        assertEquals(TENANT, last().tenant(), "a grant sent to /organizations runs in its own tenant");
        VerifiedToken token = endpoint.issuer().verify(body.get("access_token").asText()).orElseThrow();
        assertEquals("user-2", token.subject());
        assertEquals(TENANT, token.tenantId());
    }

    @Test
    void garbageRefreshTokenAndUnsupportedGrant() throws Exception {
        HttpResponse<String> garbage = post(endpoint.tokenUrl(TENANT), form("grant_type", "refresh_token",
                "client_id", CLIENT, "client_secret", SECRET, "refresh_token", "not-a-token"));
        assertEquals(400, garbage.statusCode());
        assertEquals("invalid_grant", json(garbage).get("error").asText());

        HttpResponse<String> password = post(endpoint.tokenUrl(TENANT), form("grant_type", "password",
                "client_id", CLIENT, "client_secret", SECRET, "username", "u", "password", "p"));
        assertEquals(400, password.statusCode());
        assertEquals("unsupported_grant_type", json(password).get("error").asText());
        assertTrue(last().parameters().get("password").startsWith("[redacted"));
    }

    @Test
    void tokenEndpointOnlyAcceptsPost() throws Exception {
        HttpResponse<String> response = get(endpoint.tokenUrl(TENANT));
        assertEquals(400, response.statusCode());
        assertTrue(json(response).get("error_description").asText().startsWith("AADSTS900561"));
    }

    @Test
    void openIdConfigurationPointsAtTheEndpoint() throws Exception {
        HttpResponse<String> response = get(endpoint.authorityUrl() + "/" + TENANT
                + "/v2.0/.well-known/openid-configuration");

        assertEquals(200, response.statusCode());
        JsonNode body = json(response);
        assertEquals(endpoint.tokenUrl(TENANT), body.get("token_endpoint").asText());
        assertEquals(endpoint.issuer().issuer(TENANT), body.get("issuer").asText());
        assertEquals(endpoint.authorityUrl() + "/" + TENANT + "/oauth2/v2.0/authorize",
                body.get("authorization_endpoint").asText());
        assertEquals(endpoint.authorityUrl() + "/" + TENANT + "/discovery/v2.0/keys", body.get("jwks_uri").asText());

        HttpResponse<String> discovery = get(endpoint.authorityUrl() + "/common/discovery/instance?api-version=1.1"
                + "&authorization_endpoint=" + URLEncoder.encode(endpoint.authorityUrl() + "/" + TENANT
                        + "/oauth2/v2.0/authorize", StandardCharsets.UTF_8));
        assertEquals(200, discovery.statusCode());
        assertTrue(json(discovery).get("tenant_discovery_endpoint").asText().startsWith(endpoint.authorityUrl()));
    }

    @Test
    void jwksVerifiesIssuedTokens() throws Exception {
        JsonNode configuration = json(get(endpoint.authorityUrl() + "/" + TENANT
                + "/v2.0/.well-known/openid-configuration"));
        JsonNode key = json(get(configuration.get("jwks_uri").asText())).get("keys").get(0);
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(key.get("e").asText()))));

        String token = json(post(endpoint.tokenUrl(TENANT), form("grant_type", "client_credentials", "client_id",
                CLIENT, "client_secret", SECRET, "scope", "https://api.loganalytics.io/.default")))
                .get("access_token").asText();
        String[] parts = token.split("\\.");
        assertEquals(key.get("kid").asText(), JSON.readTree(Base64.getUrlDecoder().decode(parts[0]))
                .get("kid").asText());
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(verifier.verify(Base64.getUrlDecoder().decode(parts[2])));
    }

    @Test
    void managedIdentityIsAlsoServedOverHttps() throws Exception {
        endpoint.registerSystemAssignedIdentity(TENANT, "https-mi");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint.authorityUrl()
                + TokenEndpoint.MANAGED_IDENTITY_PATH + "?api-version=2019-08-01&resource=https://api.loganalytics.io"))
                .header("X-IDENTITY-HEADER", endpoint.managedIdentitySecret()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("https-mi", endpoint.issuer().verify(json(response).get("access_token").asText())
                .orElseThrow().clientId());
    }

    @Test
    void defaultTrustDoesNotAcceptTheEmulatorCertificate() {
        HttpClient untrusting = HttpClient.newHttpClient();
        assertThrows(SSLHandshakeException.class, () -> untrusting.send(HttpRequest.newBuilder(URI.create(
                endpoint.authorityUrl() + "/common/discovery/instance")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void requestsAreCountedAndCanBeCleared() throws Exception {
        try (TokenEndpoint own = new TokenEndpoint().start()) {
            own.registerClient("t", "c", "s");
            HttpClient client = HttpClient.newBuilder().sslContext(own.sslContext()).build();
            client.send(HttpRequest.newBuilder(URI.create(own.authorityUrl() + "/t/v2.0/.well-known/openid-configuration"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(0, own.tokenRequestCount(), "metadata requests are not token requests");
            client.send(HttpRequest.newBuilder(URI.create(own.tokenUrl("t"))).POST(HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id=c&client_secret=s&scope=https%3A%2F%2Fapi.loganalytics.io%2F.default"))
                    .header("Content-Type", "application/x-www-form-urlencoded").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(1, own.tokenRequestCount());
            assertEquals(200, own.tokenRequests().get(0).status());
            own.clearTokenRequests();
            assertEquals(0, own.tokenRequestCount());
            assertTrue(own.tokenRequests().isEmpty());
        }
    }

    @Test
    void issuerIsUnavailableBeforeStartAndPortIsConfigurable() throws Exception {
        TokenEndpoint notStarted = new TokenEndpoint();
        assertThrows(IllegalStateException.class, notStarted::issuer);
        assertThrows(IllegalStateException.class, notStarted::authorityUrl);
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (TokenEndpoint fixed = new TokenEndpoint(port).start()) {
            assertEquals(port, fixed.port());
            assertEquals("https://localhost:" + port, fixed.authorityUrl());
            assertEquals("https://localhost:" + port + "/t/v2.0", fixed.issuer().issuer("t"));
        }
    }

    static RecordedTokenRequest last() {
        List<RecordedTokenRequest> all = endpoint.tokenRequests();
        return all.get(all.size() - 1);
    }
}
