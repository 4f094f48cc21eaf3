package io.github.camelloganalytics.testkit.token;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenIssuerTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final TokenIssuer ISSUER = new TokenIssuer("https://localhost:8443/");
    static final String TENANT = "tenant-1";
    static final String CLIENT = "client-1";

    static Map<?, ?> part(String token, int index) throws Exception {
        return JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[index]), Map.class);
    }

    static String encode(Map<String, Object> json) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
    }

    @Test
    void appTokenCarriesEntraClaims() throws Exception {
        Instant before = Instant.now();
        String token = ISSUER.issue(TokenRequest.forApplication(TENANT, CLIENT,
                "https://api.loganalytics.io/.default"));

        Map<?, ?> header = part(token, 0);
        assertEquals("RS256", header.get("alg"));
        assertEquals(ISSUER.keyId(), header.get("kid"));
        Map<?, ?> claims = part(token, 1);
        assertEquals("https://api.loganalytics.io", claims.get("aud"));
        assertEquals("https://localhost:8443/tenant-1/v2.0", claims.get("iss"));
        assertEquals(TENANT, claims.get("tid"));
        assertEquals(CLIENT, claims.get("appid"));
        assertEquals(CLIENT, claims.get("azp"));
        assertEquals("app", claims.get("idtyp"));
        assertEquals(TokenRequest.servicePrincipalObjectId(TENANT, CLIENT), claims.get("oid"));
        assertEquals(claims.get("oid"), claims.get("sub"));
        assertNotNull(claims.get("uti"));
        long iat = ((Number) claims.get("iat")).longValue();
        assertTrue(Math.abs(iat - before.getEpochSecond()) <= 2);
        assertEquals(iat, ((Number) claims.get("nbf")).longValue());
        assertEquals(iat + 3600, ((Number) claims.get("exp")).longValue());

        VerifiedToken verified = ISSUER.verify(token).orElseThrow();
        assertEquals(new VerifiedToken("https://api.loganalytics.io", TENANT, CLIENT,
                TokenRequest.servicePrincipalObjectId(TENANT, CLIENT), true, Instant.ofEpochSecond(iat + 3600)),
                verified);
    }

    @Test
    void userTokenHasScpAndUserType() throws Exception {
        String token = ISSUER.issue(TokenRequest.forUser(TENANT, CLIENT, "user-oid",
                "https://management.azure.com/.default offline_access openid profile"));

        Map<?, ?> claims = part(token, 1);
        assertEquals("user", claims.get("idtyp"));
        assertEquals("user_impersonation", claims.get("scp"));
        assertFalse(claims.containsKey("roles"));
        VerifiedToken verified = ISSUER.verify(token).orElseThrow();
        assertEquals("https://management.azure.com/", verified.audience());
        assertEquals("user-oid", verified.subject());
        assertFalse(verified.appOnly());
    }

    @Test
    void appRolesGoToRoles() throws Exception {
        String token = ISSUER.issue(new TokenRequest(TENANT, CLIENT, "sp", true, "https://api.loganalytics.io",
                List.of("Data.Read")));
        assertEquals(List.of("Data.Read"), part(token, 1).get("roles"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://api.loganalytics.io/.default|https://api.loganalytics.io",
            "https://api.loganalytics.io/.default openid profile offline_access|https://api.loganalytics.io",
            "openid profile offline_access https://api.loganalytics.io/.default|https://api.loganalytics.io",
            "https://api.loganalytics.io/Data.Read|https://api.loganalytics.io",
            "https://api.loganalytics.io|https://api.loganalytics.io",
            "https://management.azure.com/.default|https://management.azure.com/",
            "https://management.azure.com//.default|https://management.azure.com/",
            "https://management.azure.com|https://management.azure.com/",
            "https://management.core.windows.net/.default|https://management.core.windows.net/",
            "https://api.loganalytics.azure.cn/.default|https://api.loganalytics.azure.cn",
            "api://11111111-2222-3333-4444-555555555555/.default|api://11111111-2222-3333-4444-555555555555",
            "11111111-2222-3333-4444-555555555555/.default|11111111-2222-3333-4444-555555555555",
            "openid profile offline_access|https://graph.microsoft.com" })
    void audienceFollowsTheScope(String scope, String audience) {
        assertEquals(audience, TokenIssuer.audienceForScope(scope));
    }

    @Test
    void tamperedPayloadIsRejected() throws Exception {
        String token = ISSUER.issue(TokenRequest.forApplication(TENANT, CLIENT,
                "https://management.azure.com/.default"));
        String[] parts = token.split("\\.");
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) part(token, 1);
        claims.put("aud", "https://api.loganalytics.io");
        assertFalse(ISSUER.verify(parts[0] + "." + encode(claims) + "." + parts[2]).isPresent());
    }

    @Test
    void tamperedSignatureIsRejected() {
        String token = ISSUER.issue(TokenRequest.forApplication(TENANT, CLIENT,
                "https://api.loganalytics.io/.default"));
        int last = token.length() - 10;
        char flipped = token.charAt(last) == 'A' ? 'B' : 'A';
        assertFalse(ISSUER.verify(token.substring(0, last) + flipped + token.substring(last + 1)).isPresent());
    }

    @Test
    void tokenOfAnotherIssuerIsRejected() {
        TokenIssuer other = new TokenIssuer("https://localhost:8443");
        String token = other.issue(TokenRequest.forApplication(TENANT, CLIENT, "https://api.loganalytics.io/.default"));
        assertTrue(other.verify(token).isPresent());
        assertFalse(ISSUER.verify(token).isPresent());
    }

    @Test
    void algorithmNoneIsRejected() throws Exception {
        String token = ISSUER.issue(TokenRequest.forApplication(TENANT, CLIENT, "https://api.loganalytics.io/.default"));
        String[] parts = token.split("\\.");
        String none = encode(Map.of("alg", "none", "kid", ISSUER.keyId()));
        assertFalse(ISSUER.verify(none + "." + parts[1] + ".").isPresent());
        assertFalse(ISSUER.verify(none + "." + parts[1] + "." + parts[2]).isPresent());
    }

    @Test
    void expiredAndNotYetValidTokensAreRejected() {
        TokenRequest request = TokenRequest.forApplication(TENANT, CLIENT, "https://api.loganalytics.io/.default");
        Instant now = Instant.now();
        assertFalse(ISSUER.verify(ISSUER.issue(request, now.minus(Duration.ofHours(2)), Duration.ofHours(1)))
                .isPresent(), "expired an hour ago");
        assertFalse(ISSUER.verify(ISSUER.issue(request, now.minus(Duration.ofMinutes(61)), Duration.ofHours(1)))
                .isPresent(), "expired a minute ago, beyond the skew");
        assertTrue(ISSUER.verify(ISSUER.issue(request, now.minus(Duration.ofMinutes(60)).plusSeconds(10),
                Duration.ofHours(1))).isPresent(), "still valid for ten seconds");
        assertFalse(ISSUER.verify(ISSUER.issue(request, now.plus(Duration.ofMinutes(5)), Duration.ofHours(1)))
                .isPresent(), "not valid before five minutes from now");
    }

    @Test
    void garbageIsRejected() {
        for (String garbage : new String[] { null, "", " ", "abc", "a.b.c", "a.b", "..", "a.b.c.d",
                "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "e30.e30.e30", "bnVsbA.bnVsbA.c2ln", "%%%.%%%.%%%" }) {
            assertFalse(ISSUER.verify(garbage).isPresent(), String.valueOf(garbage));
        }
    }

    @Test
    void jwksPublishesTheSigningKey() throws Exception {
        Map<?, ?> jwks = JSON.readValue(ISSUER.jwks(TENANT), Map.class);
        Map<?, ?> key = (Map<?, ?>) ((List<?>) jwks.get("keys")).get(0);
        assertEquals("RSA", key.get("kty"));
        assertEquals("sig", key.get("use"));
        assertEquals(ISSUER.keyId(), key.get("kid"));
        assertEquals(ISSUER.keyId(), key.get("x5t"));
        assertEquals("AQAB", key.get("e"));
        assertEquals(256, Base64.getUrlDecoder().decode((String) key.get("n")).length, "2048-bit modulus, no sign byte");
        assertEquals("https://localhost:8443/tenant-1/v2.0", key.get("issuer"));
        assertTrue(new String(Base64.getDecoder().decode((String) ((List<?>) key.get("x5c")).get(0)),
                StandardCharsets.ISO_8859_1).length() > 500);
    }

    @Test
    void lifetimeIsConfigurable() throws Exception {
        TokenIssuer issuer = new TokenIssuer("https://localhost:1");
        issuer.setTokenLifetime(Duration.ofMinutes(7));
        Map<?, ?> claims = part(issuer.issue(TokenRequest.forApplication(TENANT, CLIENT,
                "https://api.loganalytics.io/.default")), 1);
        assertEquals(420, ((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue());
    }
}
