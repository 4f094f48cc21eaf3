package io.github.camelloganalytics;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;

import io.github.camelloganalytics.auth.CredentialType;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.testkit.token.SelfSignedCertificate;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Missing or contradictory credential options fail at endpoint creation, naming what is missing or in the way, and
 * never showing a secret; AUTO picks the credential the options and environment call for.
 */
class CredentialOptionsTest {

    private static final String SECRET = "s3cret-value-xyz";

    @TempDir
    static Path dir;

    private CamelContext context;
    private Path file;

    @BeforeEach
    void start() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("myTokens", (TokenProvider) scope -> "t");
        context.start();
        // a clean environment: what the build machine has must not change the outcome
        context.getComponent("loganalytics", LogAnalyticsComponent.class).environment(name -> null);
        file = Files.writeString(dir.resolve("token-file"), "x");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private String failure(String options) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("loganalytics:ws?" + options.replace("FILE", file.toString())));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "credentialType=CLIENT_SECRET|credentialType=CLIENT_SECRET needs the options tenantId, clientId, clientSecret",
            "credentialType=CLIENT_SECRET&tenantId=t&clientId=c|credentialType=CLIENT_SECRET needs the option clientSecret",
            "credentialType=CLIENT_CERTIFICATE&clientId=c&certificatePath=FILE|credentialType=CLIENT_CERTIFICATE needs the option tenantId",
            "credentialType=CLIENT_ASSERTION&tenantId=t&clientId=c|credentialType=CLIENT_ASSERTION needs the option federatedTokenFile",
            "credentialType=REFRESH_TOKEN&tenantId=t&clientSecret=s3cret-value-xyz|credentialType=REFRESH_TOKEN needs the options clientId, refreshToken",
            "credentialType=CLIENT_SECRET&tenantId=t&clientId=c&clientSecret=s3cret-value-xyz&certificatePath=FILE|credentialType=CLIENT_SECRET does not use the option certificatePath",
            "credentialType=MANAGED_IDENTITY&clientSecret=s3cret-value-xyz|credentialType=MANAGED_IDENTITY does not use the option clientSecret",
            "credentialType=CLIENT_ASSERTION&tenantId=t&clientId=c&federatedTokenFile=FILE&refreshToken=s3cret-value-xyz|credentialType=CLIENT_ASSERTION does not use the option refreshToken",
            "clientSecret=s3cret-value-xyz&certificatePath=FILE|Options clientSecret, certificatePath are all set",
            "clientSecret=s3cret-value-xyz&tenantId=t|credentialType=CLIENT_SECRET (chosen by AUTO) needs the option clientId",
            "credentialType=CLIENT_CERTIFICATE&tenantId=t&clientId=c&certificatePath=/no/such.pem|option certificatePath: '/no/such.pem': no readable file there",
            "credentialType=CLIENT_ASSERTION&tenantId=t&clientId=c&federatedTokenFile=/no/such/token|option federatedTokenFile: '/no/such/token': no readable file there",
            "accessToken=s3cret-value-xyz&authorityHost=http://login.example.org|option authorityHost: 'http://login.example.org'" })
    void missingOrContradictoryOptionsAreNamed(String options, String expected) {
        String message = failure(options);
        assertTrue(message.contains(expected), message);
    }

    @Test
    void anUnreadableCertificateFailsAtCreation() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.forCommonName("c");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("c", certificate.privateKey(), "right-password".toCharArray(),
                new X509Certificate[] { certificate.certificate() });
        Path p12 = dir.resolve("c.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "right-password".toCharArray());
        }
        String wrongPassword = failure("tenantId=t&clientId=c&certificatePath=" + p12 + "&certificatePassword="
                                       + SECRET);
        assertTrue(wrongPassword.contains("certificatePath '" + p12 + "' is not a readable PKCS#12 file with the given"
                                          + " certificatePassword"), wrongPassword);

        Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"), certificate.toPem()
                .replace("BEGIN PRIVATE KEY", "BEGIN RSA PRIVATE KEY").replace("END PRIVATE KEY", "END RSA PRIVATE KEY"));
        String pkcs1Message = failure("tenantId=t&clientId=c&certificatePath=" + pkcs1);
        assertTrue(pkcs1Message.contains("holds a PKCS#1 key"), pkcs1Message);

        Path noKey = Files.writeString(dir.resolve("cert-only.pem"), certificate.toPem()
                .substring(0, certificate.toPem().indexOf("-----BEGIN PRIVATE KEY")));
        String noKeyMessage = failure("tenantId=t&clientId=c&certificatePath=" + noKey);
        assertTrue(noKeyMessage.contains("must hold a certificate and its PKCS#8 private key"), noKeyMessage);
    }

    @Test
    void autoResolvesFromOptionsThenEnvironmentThenManagedIdentity() throws Exception {
        LogAnalyticsComponent component = context.getComponent("loganalytics", LogAnalyticsComponent.class);
        assertEquals(CredentialType.REFRESH_TOKEN, resolved("refreshToken=r&clientSecret=s&tenantId=t&clientId=c"));
        assertEquals(CredentialType.CLIENT_ASSERTION, resolved("federatedTokenFile=" + file + "&tenantId=t&clientId=c"));
        assertEquals(CredentialType.MANAGED_IDENTITY, resolved(""));

        component.environment(Map.of("AZURE_TENANT_ID", "t", "AZURE_CLIENT_ID", "c",
                "AZURE_FEDERATED_TOKEN_FILE", file.toString())::get);
        assertEquals(CredentialType.CLIENT_ASSERTION, resolved(""));
        Path pem = Files.writeString(dir.resolve("env-client.pem"), SelfSignedCertificate.forCommonName("c").toPem());
        component.environment(Map.of("AZURE_TENANT_ID", "t", "AZURE_CLIENT_ID", "c",
                "AZURE_CLIENT_CERTIFICATE_PATH", pem.toString())::get);
        assertEquals(CredentialType.CLIENT_CERTIFICATE, resolved(""));
        // a client id alone names a user-assigned managed identity, as for the Azure SDK
        component.environment(Map.of("AZURE_CLIENT_ID", "c")::get);
        assertEquals(CredentialType.MANAGED_IDENTITY, resolved(""));
    }

    private CredentialType resolved(String options) {
        LogAnalyticsEndpoint endpoint = context.getEndpoint("loganalytics:ws" + (options.isEmpty() ? "" : "?" + options),
                LogAnalyticsEndpoint.class);
        return EndpointCredentials.resolve(endpoint.getConfiguration(),
                context.getComponent("loganalytics", LogAnalyticsComponent.class).environment()).type();
    }

    @Test
    void theAuthorityHostFollowsTheCloudUnlessOverridden() {
        LogAnalyticsComponent component = context.getComponent("loganalytics", LogAnalyticsComponent.class);
        assertEquals("https://login.microsoftonline.com", authorityHost("clientSecret=x&tenantId=t&clientId=c"));
        assertEquals("https://login.chinacloudapi.cn",
                authorityHost("clientSecret=x&tenantId=t&clientId=c&cloud=AZURE_CHINA"));
        assertEquals("https://login.microsoftonline.us",
                authorityHost("clientSecret=x&tenantId=t&clientId=c&cloud=AZURE_US_GOVERNMENT"));
        assertEquals("https://login.example.org",
                authorityHost("clientSecret=x&tenantId=t&clientId=c&authorityHost=https://login.example.org"));
        component.environment(Map.of("AZURE_AUTHORITY_HOST", "https://login.workload.example")::get);
        // AUTO reads AZURE_AUTHORITY_HOST, as the workload identity webhook sets it
        assertEquals("https://login.workload.example", authorityHost("clientId=c"));
    }

    private String authorityHost(String options) {
        LogAnalyticsEndpoint endpoint = context.getEndpoint("loganalytics:ws?" + options, LogAnalyticsEndpoint.class);
        return EndpointCredentials.resolve(endpoint.getConfiguration(),
                context.getComponent("loganalytics", LogAnalyticsComponent.class).environment()).authorityHost();
    }

    @Test
    void secretsAreMaskedInTheEndpointUriAndItsToString() {
        LogAnalyticsEndpoint endpoint = context.getEndpoint("loganalytics:ws?credentialType=REFRESH_TOKEN&tenantId=t"
                                                            + "&clientId=c&clientSecret=" + SECRET + "&refreshToken="
                                                            + SECRET + "1",
                LogAnalyticsEndpoint.class);
        assertFalse(endpoint.toString().contains(SECRET), endpoint.toString());
        // what Camel logs and shows through JMX
        String shown = URISupport.sanitizeUri(endpoint.getEndpointUri());
        assertFalse(shown.contains(SECRET), shown);
        String certificate = URISupport.sanitizeUri("loganalytics:ws?certificatePath=/c.pfx&certificatePassword="
                                                    + SECRET);
        assertFalse(certificate.contains(SECRET), certificate);
        assertFalse(endpoint.getConfiguration().toString().contains(SECRET));
    }
}
