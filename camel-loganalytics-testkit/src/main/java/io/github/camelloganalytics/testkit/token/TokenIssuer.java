package io.github.camelloganalytics.testkit.token;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Signs access tokens the way Entra ID does (RS256 JWTs with a {@code kid} found in a published JWKS) and verifies
 * them for the emulator's query API.
 * <p>
 * The signing key is an RSA 2048 key with a self-signed certificate, so the JWKS can carry {@code x5c} and
 * {@code x5t} like Entra's does, and {@code kid} is the certificate's SHA-1 thumbprint, as in Entra.
 * Thread-safe.
 */
public final class TokenIssuer implements TokenVerifier {

    /** How long a token lives unless {@link #setTokenLifetime(Duration)} says otherwise: Entra's default. */
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

    /**
     * How far {@code exp} and {@code nbf} may be off when verifying. Kept small on purpose: issuer and verifier share
     * one clock, and tests of expiry should not have to wait out the service's usual five minutes.
     */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** Scope values MSAL adds to every request; they never name a resource. */
    static final Set<String> OIDC_SCOPES = Set.of("openid", "profile", "offline_access", "email");

    /**
     * Resources whose registered identifier URI ends with a slash, so the audience keeps it: the service's own
     * error message lists ARM's audiences as {@code https://management.core.windows.net/} and
     * {@code https://management.azure.com/} and demands an exact match "including forward slash".
     */
    private static final Set<String> SLASHED_RESOURCES = Set.of(
            "https://management.azure.com", "https://management.core.windows.net",
            "https://management.chinacloudapi.cn", "https://management.core.chinacloudapi.cn",
            "https://management.usgovcloudapi.net", "https://management.core.usgovcloudapi.net");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String authority;
    private final SelfSignedCertificate signingKey;
    private final String keyId;
    private volatile Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

    /**
     * Creates an issuer with a new signing key.
     *
     * @param authority the authority host tokens name in {@code iss}, e.g. {@code https://localhost:8443} (a trailing
     *                  slash is dropped)
     */
    public TokenIssuer(String authority) {
        Objects.requireNonNull(authority, "authority");
        this.authority = authority.endsWith("/") ? authority.substring(0, authority.length() - 1) : authority;
        this.signingKey = SelfSignedCertificate.forCommonName("camel-loganalytics emulator token signing");
        this.keyId = signingKey.x5t();
    }

    /**
     * Maps a requested scope to the token audience, as Entra does for the resources that matter here: the resource
     * part of the first scope that is not an OpenID Connect one ({@code openid profile offline_access}, which MSAL
     * adds), without {@code /.default} or a named permission, and without a trailing slash unless the resource is
     * registered with one (ARM). {@code https://api.loganalytics.io/.default} gives {@code https://api.loganalytics.io};
     * {@code https://management.azure.com/.default} gives {@code https://management.azure.com/}. A scope without a
     * resource means Microsoft Graph, as in Entra.
     *
     * @param  scope space-separated scopes, or a v1 {@code resource}
     * @return       the audience
     */
    public static String audienceForScope(String scope) {
        String resource = resourceOf(scope);
        if (resource == null) {
            return "https://graph.microsoft.com";
        }
        String trimmed = resource;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return SLASHED_RESOURCES.contains(trimmed.toLowerCase(Locale.ROOT)) ? trimmed + "/" : trimmed;
    }

    /**
     * @param  scope space-separated scopes
     * @return       the first scope naming a resource, minus its {@code /.default} or permission suffix; null if none
     */
    static String resourceOf(String scope) {
        if (scope == null) {
            return null;
        }
        for (String item : scope.trim().split("\\s+")) {
            if (item.isEmpty() || OIDC_SCOPES.contains(item.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int schemeEnd = item.indexOf("://");
            int lastSlash = item.lastIndexOf('/');
            if (lastSlash > 0 && (schemeEnd < 0 || lastSlash > schemeEnd + 2)) {
                // https://host/.default, https://host//.default, https://host/user_impersonation, <app-guid>/.default
                return item.substring(0, lastSlash);
            }
            return item;
        }
        return null;
    }

    /** @return the authority host this issuer names in {@code iss} */
    public String authority() {
        return authority;
    }

    /**
     * @param  tenantId a tenant
     * @return          the {@code iss} of that tenant's tokens: {@code <authority>/<tenant>/v2.0}
     */
    public String issuer(String tenantId) {
        return authority + "/" + tenantId + "/v2.0";
    }

    /** @return the {@code kid} of the signing key (its certificate's {@code x5t}) */
    public String keyId() {
        return keyId;
    }

    /** @return the signing key's certificate, as published in the JWKS */
    public SelfSignedCertificate signingKey() {
        return signingKey;
    }

    /** @return the lifetime of tokens issued from now on */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /**
     * Sets the lifetime of tokens issued from now on; tokens already issued keep theirs.
     *
     * @param lifetime a positive duration
     */
    public void setTokenLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive: " + lifetime);
        }
        this.tokenLifetime = lifetime;
    }

    /**
     * Issues an access token valid from now for {@link #tokenLifetime()}.
     *
     * @param  request what the token says
     * @return         the signed JWT
     */
    public String issue(TokenRequest request) {
        return issue(request, Instant.now(), tokenLifetime);
    }

    /**
     * Issues an access token for any validity window, including one already over: what tests of expired tokens need.
     *
     * @param  request  what the token says
     * @param  issuedAt {@code iat} and {@code nbf}
     * @param  lifetime {@code exp} minus {@code iat}
     * @return          the signed JWT
     */
    public String issue(TokenRequest request, Instant issuedAt, Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", request.audience());
        claims.put("iss", issuer(request.tenantId()));
        claims.put("iat", issuedAt.getEpochSecond());
        claims.put("nbf", issuedAt.getEpochSecond());
        claims.put("exp", issuedAt.plus(lifetime).getEpochSecond());
        claims.put("appid", request.clientId());
        claims.put("azp", request.clientId());
        claims.put("idtyp", request.appOnly() ? "app" : "user");
        claims.put("oid", request.objectId());
        if (!request.permissions().isEmpty()) {
            if (request.appOnly()) {
                claims.put("roles", request.permissions());
            } else {
                claims.put("scp", String.join(" ", request.permissions()));
            }
        }
        claims.put("sub", request.objectId());
        claims.put("tid", request.tenantId());
        claims.put("uti", randomId(16));
        claims.put("ver", "2.0");
        return sign(claims);
    }

    /**
     * Signs arbitrary claims with the issuer's key (used for ID tokens, whose claims differ from access tokens).
     *
     * @param  claims the payload
     * @return        the signed JWT
     */
    String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        header.put("x5t", keyId);
        header.put("kid", keyId);
        return Jwt.sign(header, claims, signingKey.privateKey());
    }

    /**
     * {@inheritDoc}
     * <p>
     * Checks: three base64url parts, RS256 with this issuer's {@code kid} and key, {@code iss} matching the token's
     * {@code tid}, {@code exp} in the future and {@code nbf} in the past (each within {@link #CLOCK_SKEW}), and the
     * claims a {@link VerifiedToken} needs present. Never throws for bad input.
     */
    @Override
    public Optional<VerifiedToken> verify(String bearer) {
        try {
            Jwt.Parsed token = Jwt.parse(bearer);
            if (!keyId.equals(token.header().get("kid")) || !token.signedWith(signingKey.certificate().getPublicKey())) {
                return Optional.empty();
            }
            String tenantId = token.string("tid");
            String audience = token.string("aud");
            String subject = token.string("oid");
            String clientId = token.string("appid") != null ? token.string("appid") : token.string("azp");
            Long exp = token.epochSeconds("exp");
            Long nbf = token.epochSeconds("nbf");
            if (tenantId == null || audience == null || subject == null || clientId == null || exp == null
                    || !issuer(tenantId).equals(token.string("iss"))) {
                return Optional.empty();
            }
            Instant now = Instant.now();
            Instant expiresAt = Instant.ofEpochSecond(exp);
            if (!now.isBefore(expiresAt.plus(CLOCK_SKEW))
                    || nbf != null && now.plus(CLOCK_SKEW).isBefore(Instant.ofEpochSecond(nbf))) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedToken(audience, tenantId, clientId, subject,
                    "app".equals(token.string("idtyp")), expiresAt));
        } catch (RuntimeException e) {
            // malformed base64, JSON or claim types: the service calls all of these an invalid token
            return Optional.empty();
        }
    }

    /**
     * The JSON Web Key Set publishing the signing key, shaped like Entra's {@code discovery/v2.0/keys} answer.
     *
     * @param  tenantId the tenant whose issuer the key is listed for
     * @return          the JWKS as JSON text
     */
    public String jwks(String tenantId) {
        RSAPublicKey key = (RSAPublicKey) signingKey.certificate().getPublicKey();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("kid", keyId);
        jwk.put("x5t", keyId);
        jwk.put("n", Jwt.base64Url(unsigned(key.getModulus())));
        jwk.put("e", Jwt.base64Url(unsigned(key.getPublicExponent())));
        try {
            jwk.put("x5c", List.of(Base64.getEncoder().encodeToString(signingKey.certificate().getEncoded())));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        jwk.put("issuer", issuer(tenantId));
        List<Object> keys = new ArrayList<>();
        keys.add(jwk);
        try {
            return Jwt.JSON.writeValueAsString(Map.of("keys", keys));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JWK integers are unsigned big-endian, without the sign byte {@link BigInteger#toByteArray()} may add. */
    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] trimmed = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, trimmed, 0, trimmed.length);
            return trimmed;
        }
        return bytes;
    }

    static String randomId(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Jwt.base64Url(random);
    }
}
