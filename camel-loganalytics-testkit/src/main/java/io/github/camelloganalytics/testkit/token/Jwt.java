package io.github.camelloganalytics.testkit.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The compact JWS serialization with RS256, written by hand because the testkit carries no JWT library (and MSAL4J
 * 1.26.1 no longer brings one).
 */
final class Jwt {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /**
     * A token split into its parts; nothing in it is verified yet.
     *
     * @param header       the JOSE header
     * @param claims       the payload claims
     * @param signingInput the bytes the signature covers ({@code header.payload} as sent)
     * @param signature    the decoded signature
     */
    record Parsed(Map<String, Object> header, Map<String, Object> claims, byte[] signingInput, byte[] signature) {

        /**
         * @param  key the key the token should be signed with
         * @return     whether the header says RS256 and the signature verifies with {@code key}
         */
        boolean signedWith(PublicKey key) {
            if (!"RS256".equals(header.get("alg"))) {
                // refuse alg=none and HMAC tricks: only the algorithm we issue with counts
                return false;
            }
            try {
                Signature verifier = Signature.getInstance("SHA256withRSA");
                verifier.initVerify(key);
                verifier.update(signingInput);
                return verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                return false;
            }
        }

        /**
         * @param  name a claim holding a NumericDate
         * @return      its value in epoch seconds, or null when absent or not a number
         */
        Long epochSeconds(String name) {
            Object value = claims.get(name);
            return value instanceof Number n ? n.longValue() : null;
        }

        /**
         * @param  name a claim
         * @return      its value when it is a string, else null
         */
        String string(String name) {
            Object value = claims.get(name);
            return value instanceof String s ? s : null;
        }
    }

    private Jwt() {
    }

    static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        try {
            String signingInput = base64Url(JSON.writeValueAsBytes(header)) + "."
                    + base64Url(JSON.writeValueAsBytes(claims));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signer.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
    }

    /**
     * @param  token a compact JWS
     * @return       its parts
     * @throws IllegalArgumentException when it is not three base64url parts with JSON objects in the first two
     */
    static Parsed parse(String token) {
        if (token == null) {
            throw new IllegalArgumentException("no token");
        }
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new IllegalArgumentException("not a compact JWS");
        }
        try {
            Map<String, Object> header = JSON.readValue(DECODER.decode(parts[0]), MAP);
            Map<String, Object> claims = JSON.readValue(DECODER.decode(parts[1]), MAP);
            if (header == null || claims == null) {
                throw new IllegalArgumentException("not a JSON object");
            }
            byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            return new Parsed(header, claims, signingInput, DECODER.decode(parts[2]));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    static String base64Url(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    static String base64Url(String text) {
        return base64Url(text.getBytes(StandardCharsets.UTF_8));
    }
}
