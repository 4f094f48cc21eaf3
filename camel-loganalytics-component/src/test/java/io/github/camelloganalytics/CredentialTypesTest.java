package io.github.camelloganalytics;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.testkit.Clients;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.token.RecordedTokenRequest;
import io.github.camelloganalytics.testkit.token.SelfSignedCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_TENANT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each credential type gets a token from the testkit's token endpoint through the real MSAL4J, for the direct API's
 * audience, and the query with it succeeds (the emulator checks signature, issuer, expiry and audience).
 */
class CredentialTypesTest extends EmulatorAuthSupport {

    private static final String DIRECT_SCOPE = "https://api.loganalytics.io/.default";

    @TempDir
    Path dir;

    private static void assertAppTokenFor(String clientId, String authentication) {
        assertAppTokenFor(clientId, authentication, DIRECT_SCOPE);
    }

    private static void assertAppTokenFor(String clientId, String authentication, String scope) {
        RecordedTokenRequest request = lastTokenRequest();
        assertEquals(200, request.status(), request.toString());
        assertEquals("client_credentials", request.grantType());
        assertEquals(clientId, request.clientId());
        assertEquals(authentication, request.clientAuthentication());
        assertTrue(request.scope().contains(scope), request.scope());
    }

    @Test
    void clientSecret() {
        assertEquals(3, rows(uri("credentialType=CLIENT_SECRET&" + sampleClient())).size());
        assertAppTokenFor(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, "client_secret_post");
        assertEquals(200, emulator.requestLog().last().status());
    }

    @Test
    void autoPicksTheOneCredentialOptionThatIsSet() {
        assertEquals(3, rows(uri(sampleClient())).size());
        assertAppTokenFor(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, "client_secret_post");
    }

    @Test
    void autoFollowsTheAzureSdkEnvironmentVariables() {
        environment(Map.of("AZURE_TENANT_ID", SAMPLE_TENANT_ID,
                "AZURE_CLIENT_ID", LogAnalyticsEmulator.SAMPLE_CLIENT_ID,
                "AZURE_CLIENT_SECRET", LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET));
        assertEquals(3, rows(uri("")).size());
        assertAppTokenFor(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, "client_secret_post");
    }

    @Test
    void clientCertificateFromPem() throws Exception {
        String clientId = "cert-pem-client";
        SelfSignedCertificate certificate = registerCertificateClient(clientId);
        Path pem = Files.writeString(dir.resolve("client.pem"), certificate.toPem());

        assertEquals(3, rows(uri("credentialType=CLIENT_CERTIFICATE&tenantId=" + SAMPLE_TENANT_ID + "&clientId="
                                 + clientId + "&certificatePath=" + pem)).size());
        assertAppTokenFor(clientId, "private_key_jwt");
    }

    @Test
    void clientCertificateFromPemWithAnEncryptedKey() throws Exception {
        String clientId = "cert-pem-encrypted-client";
        SelfSignedCertificate certificate = registerCertificateClient(clientId);
        String password = "pem-key-password";
        Path pem = Files.writeString(dir.resolve("client-encrypted.pem"), certificatePem(certificate.certificate())
                                                                        + encryptedKeyPem(certificate, password));

        assertEquals(3, rows(uri("tenantId=" + SAMPLE_TENANT_ID + "&clientId=" + clientId + "&certificatePath=" + pem
                                 + "&certificatePassword=RAW(" + password + ")")).size());
        assertAppTokenFor(clientId, "private_key_jwt");
    }

    @Test
    void clientCertificateFromPkcs12WithPassword() throws Exception {
        String clientId = "cert-p12-client";
        SelfSignedCertificate certificate = registerCertificateClient(clientId);
        String password = "p12-password";
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", certificate.privateKey(), password.toCharArray(),
                new X509Certificate[] { certificate.certificate() });
        Path p12 = dir.resolve("client.pfx");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, password.toCharArray());
        }

        assertEquals(3, rows(uri("credentialType=CLIENT_CERTIFICATE&tenantId=" + SAMPLE_TENANT_ID + "&clientId="
                                 + clientId + "&certificatePath=" + p12 + "&certificatePassword=RAW(" + password
                                 + ")")).size());
        assertAppTokenFor(clientId, "private_key_jwt");
    }

    @Test
    void clientAssertionFromAFederatedTokenFileThatIsReadAgainWhenItChanges() throws Exception {
        String clientId = "workload-identity-client";
        AtomicReference<String> current = new AtomicReference<>("assertion-one");
        emulator.tokenEndpoint().registerFederatedClient(SAMPLE_TENANT_ID, clientId, a -> a.equals(current.get()));
        emulator.sampleWorkspace().grant(clientId);
        Path file = Files.writeString(dir.resolve("azure-identity-token"), "assertion-one\n");
        String credential = "credentialType=CLIENT_ASSERTION&tenantId=" + SAMPLE_TENANT_ID + "&clientId=" + clientId
                            + "&federatedTokenFile=" + file;

        assertEquals(3, rows(uri(credential)).size());
        assertAppTokenFor(clientId, "client_assertion");

        // the kubelet rotates the projected token; the identity provider now accepts only the new one
        Files.writeString(file, "assertion-two\n");
        current.set("assertion-two");
        // another audience of the direct API: the shared credential needs a new token, and reads the file for it
        assertEquals(3, rows(uri(credential + "&scope=https://api.loganalytics.azure.com/.default")).size());
        assertAppTokenFor(clientId, "client_assertion", "https://api.loganalytics.azure.com/.default");
        assertEquals(fingerprint("assertion-two"), lastTokenRequest().parameters().get("client_assertion"));
    }

    @Test
    void refreshTokenGivesADelegatedTokenAndRotates() {
        String user = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
        emulator.sampleWorkspace().grant(user);
        String refreshToken = emulator.tokenEndpoint().issueRefreshToken(SAMPLE_TENANT_ID,
                LogAnalyticsEmulator.SAMPLE_CLIENT_ID, user);
        String credential = "credentialType=REFRESH_TOKEN&" + sampleClient() + "&refreshToken=RAW(" + refreshToken
                            + ")";

        assertEquals(3, rows(uri(credential)).size());
        RecordedTokenRequest first = lastTokenRequest();
        assertEquals("refresh_token", first.grantType());
        assertTrue(first.scope().contains(DIRECT_SCOPE), first.scope());
        assertEquals(fingerprint(refreshToken), first.parameters().get("refresh_token"));

        assertEquals(3, rows(uri(credential + "&scope=https://api.loganalytics.azure.com/.default")).size());
        String second = lastTokenRequest().parameters().get("refresh_token");
        assertFalse(second.equals(fingerprint(refreshToken)), "the rotated refresh token is redeemed next");
    }

    @Test
    void accessTokenAndTokenProvider() {
        assertEquals(3, rows(uri("credentialType=ACCESS_TOKEN&accessToken=RAW(" + emulator.token() + ")")).size());

        String token = emulator.clients().appToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, Clients.DIRECT_API_SCOPE);
        context.getRegistry().bind("myTokens", (TokenProvider) scope -> token);
        assertEquals(3, rows(uri("credentialType=TOKEN_PROVIDER&tokenProvider=#myTokens")).size());
    }

    private static SelfSignedCertificate registerCertificateClient(String clientId) {
        SelfSignedCertificate certificate = SelfSignedCertificate.forCommonName(clientId);
        emulator.tokenEndpoint().registerCertificateClient(SAMPLE_TENANT_ID, clientId, certificate.certificate());
        emulator.sampleWorkspace().grant(clientId);
        return certificate;
    }

    private static String certificatePem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + mime(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    /** What {@code openssl pkcs8 -topk8 -v2 aes256} writes: PBES2 with PBKDF2-HMAC-SHA256 and AES-256. */
    private static String encryptedKeyPem(SelfSignedCertificate certificate, String password) throws Exception {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(algorithm)
                .generateSecret(new PBEKeySpec(password.toCharArray())),
                new PBEParameterSpec(salt, 10_000, new IvParameterSpec(iv)));
        // the JDK writes PBES2 parameters only under the PBES2 name, not the cipher's
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("PBES2");
        parameters.init(cipher.getParameters().getEncoded());
        byte[] encrypted = cipher.doFinal(certificate.privateKey().getEncoded());
        return "-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
               + mime(new EncryptedPrivateKeyInfo(parameters, encrypted).getEncoded())
               + "\n-----END ENCRYPTED PRIVATE KEY-----\n";
    }

    private static String mime(byte[] der) {
        return Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    }

    /** How the token endpoint records a secret parameter. */
    static String fingerprint(String value) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8));
            return "[redacted sha256:" + java.util.HexFormat.of().formatHex(digest, 0, 4) + "]";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
