package io.github.camelloganalytics.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.net.ssl.TrustManagerFactory;

import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.LogAnalyticsEndpoint;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.token.SelfSignedCertificate;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_CLIENT_ID;
import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET;
import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_TENANT_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A full run with every credential type, succeeding and failing, against the emulator, in a context with JMX on:
 * every log line, every exception, the {@code toString()} of endpoints, component, configurations and token
 * providers, every attribute of every Camel MBean (and what their list and dump operations return) and the endpoint
 * registry as Camel shows it are searched for each secret, token and assertion, and for anything shaped like a JWT.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class SecretsEverywhereTest {

    static LogAnalyticsEmulator emulator;

    private static final String QUERY = "Heartbeat | take 3";
    private static final String WRONG_SECRET = "wrong-secret-7d1c4e";
    private static final String CERTIFICATE_PASSWORD = "pfx-password-3a9b2c";
    private static final String WRONG_CERTIFICATE_PASSWORD = "pfx-wrong-6e0f1d";
    private static final String ASSERTION = "federated-assertion-58c2e7a1";
    private static final String CERT_CLIENT = "secrets-cert-client";
    private static final String FEDERATED_CLIENT = "secrets-federated-client";
    private static final String IDENTITY_CLIENT = "00000000-0000-0000-0000-0000000000c3";
    /** A signed JWT: access tokens and the assertions MSAL4J signs with a certificate all look like this. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");

    @TempDir
    Path dir;

    @Test
    void noSecretTokenOrAssertionAnywhereCamelOrTheComponentShowsThem() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.forCommonName(CERT_CLIENT);
        emulator.tokenEndpoint().registerCertificateClient(SAMPLE_TENANT_ID, CERT_CLIENT, certificate.certificate());
        emulator.tokenEndpoint().registerFederatedClient(SAMPLE_TENANT_ID, FEDERATED_CLIENT, ASSERTION);
        // user-assigned, by an id no other test uses: MSAL4J's managed-identity token cache is static (per JVM)
        emulator.tokenEndpoint().registerUserAssignedIdentity(SAMPLE_TENANT_ID, IDENTITY_CLIENT);
        emulator.sampleWorkspace().grant(CERT_CLIENT).grant(FEDERATED_CLIENT).grant(IDENTITY_CLIENT);
        Path pfx = pkcs12(certificate, CERTIFICATE_PASSWORD);
        Path assertionFile = Files.writeString(dir.resolve("azure-identity-token"), ASSERTION);
        String refreshToken = emulator.tokenEndpoint().issueRefreshToken(SAMPLE_TENANT_ID, SAMPLE_CLIENT_ID,
                "6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d");
        String expiredRefreshToken = emulator.tokenEndpoint().issueRefreshToken(SAMPLE_TENANT_ID, SAMPLE_CLIENT_ID,
                "7b8c9d0e-1f2a-4b3c-9d4e-5f6a7b8c9d0e");
        emulator.tokenEndpoint().expireRefreshToken(expiredRefreshToken);
        String accessToken = emulator.token();
        String providedToken = emulator.clients().appToken(SAMPLE_CLIENT_ID, "https://api.loganalytics.io/.default");
        String identitySecret = emulator.tokenEndpoint().managedIdentitySecret();

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("client secret", SAMPLE_CLIENT_SECRET);
        secrets.put("wrong client secret", WRONG_SECRET);
        secrets.put("certificate password", CERTIFICATE_PASSWORD);
        secrets.put("wrong certificate password", WRONG_CERTIFICATE_PASSWORD);
        secrets.put("federated assertion", ASSERTION);
        secrets.put("refresh token", refreshToken);
        secrets.put("expired refresh token", expiredRefreshToken);
        secrets.put("access token", accessToken);
        secrets.put("token provider's token", providedToken);
        secrets.put("managed identity header", identitySecret);

        String client = "tenantId=" + SAMPLE_TENANT_ID + "&clientId=" + SAMPLE_CLIENT_ID;
        // each credential type, succeeding, and the ways each fails; secrets written in the URI, as users do
        List<String> uris = List.of(
                uri("credentialType=CLIENT_SECRET&" + client + "&clientSecret=RAW(" + SAMPLE_CLIENT_SECRET + ")"),
                uri(client + "&clientSecret=RAW(" + WRONG_SECRET + ")"),
                uri("credentialType=CLIENT_CERTIFICATE&tenantId=" + SAMPLE_TENANT_ID + "&clientId=" + CERT_CLIENT
                    + "&certificatePath=" + pfx + "&certificatePassword=RAW(" + CERTIFICATE_PASSWORD + ")"),
                uri("credentialType=CLIENT_CERTIFICATE&tenantId=" + SAMPLE_TENANT_ID + "&clientId=" + CERT_CLIENT
                    + "&certificatePath=" + pfx + "&certificatePassword=RAW(" + WRONG_CERTIFICATE_PASSWORD + ")"),
                uri("credentialType=CLIENT_ASSERTION&tenantId=" + SAMPLE_TENANT_ID + "&clientId=" + FEDERATED_CLIENT
                    + "&federatedTokenFile=" + assertionFile),
                uri("credentialType=CLIENT_ASSERTION&tenantId=" + SAMPLE_TENANT_ID + "&clientId=" + CERT_CLIENT
                    + "&federatedTokenFile=" + assertionFile),
                uri("credentialType=MANAGED_IDENTITY&clientId=" + IDENTITY_CLIENT),
                uri("credentialType=REFRESH_TOKEN&" + client + "&clientSecret=RAW(" + SAMPLE_CLIENT_SECRET
                    + ")&refreshToken=RAW(" + refreshToken + ")"),
                uri("credentialType=REFRESH_TOKEN&" + client + "&clientSecret=RAW(" + SAMPLE_CLIENT_SECRET
                    + ")&refreshToken=RAW(" + expiredRefreshToken + ")"),
                uri("credentialType=ACCESS_TOKEN&accessToken=RAW(" + accessToken + ")"),
                uri("accessToken=RAW(" + accessToken + ")&includeStatistics=true"),
                uri("credentialType=TOKEN_PROVIDER&tokenProvider=#tokens"));

        List<String> shown = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        int succeeded = 0;
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new TeeStream(originalErr, captured), true, StandardCharsets.UTF_8);
        System.setErr(tee);
        System.setOut(new PrintStream(new TeeStream(originalOut, captured), true, StandardCharsets.UTF_8));
        managedIdentityEnvironment(Map.of("IDENTITY_ENDPOINT", emulator.tokenEndpoint().managedIdentityUrl(),
                "IDENTITY_HEADER", identitySecret));
        CamelContext context = new DefaultCamelContext();
        try {
            context.getRegistry().bind("emulatorTls", emulatorTls());
            context.getRegistry().bind("tokens", (TokenProvider) scope -> providedToken);
            // endpoints a template creates after the start are registered too, not only the routes' own
            context.getManagementStrategy().getManagementAgent().setRegisterAlways(true);
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            for (String uri : uris) {
                Exchange out;
                try {
                    out = template.request(uri, e -> e.getMessage().setBody(QUERY));
                } catch (RuntimeException e) {
                    // a credential refused at endpoint creation, such as a certificate the password cannot open
                    failures.add(e);
                    continue;
                }
                if (out.getException() != null) {
                    failures.add(out.getException());
                } else {
                    succeeded++;
                }
            }
            LogAnalyticsComponent component = context.getComponent("loganalytics", LogAnalyticsComponent.class);
            shown.add(component.toString());
            shown.add(String.valueOf(component.getConfiguration()));
            for (Object provider : tokenProviders(component)) {
                shown.add(provider.toString());
            }
            for (Endpoint endpoint : context.getEndpoints()) {
                shown.add(endpoint.toString());
                shown.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
                shown.add(endpoint.getEndpointBaseUri());
                if (endpoint instanceof LogAnalyticsEndpoint la) {
                    shown.add(la.getConfiguration().toString());
                    shown.add(la.getOptions());
                }
            }
            int attributes = collectJmx(context, shown);
            assertTrue(attributes > 100, "JMX is on and read: " + attributes + " attributes");
            long endpointBeans = shown.stream()
                    .filter(t -> t.startsWith("org.apache.camel:") && t.contains("type=endpoints")
                                 && t.contains("loganalytics")).count();
            // endpoints whose URIs differ only in a secret share a masked name, hence one MBean
            long distinctNames = context.getEndpoints().stream().filter(e -> e instanceof LogAnalyticsEndpoint)
                    .map(e -> URISupport.sanitizeUri(e.getEndpointUri())).distinct().count();
            assertTrue(distinctNames >= 9, "endpoints: " + context.getEndpoints());
            assertEquals(distinctNames, endpointBeans, "every endpoint's MBean was read");
        } finally {
            context.stop();
            managedIdentityEnvironment(null);
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                shown.add(t.toString());
                for (Throwable suppressed : t.getSuppressed()) {
                    shown.add(suppressed.toString());
                }
            }
        }
        shown.add(logs);

        // the run is the one intended: the eight good endpoints worked, the four bad credentials failed (wrong
        // secret, a password that cannot open the certificate, an assertion for another client, an expired grant)
        assertEquals(8, succeeded, "successes; failures: " + failures);
        assertEquals(4, failures.size(), failures.toString());
        assertTrue(logs.contains("AADSTS7000215"), "Camel logged the refused client secret: the capture works");
        System.out.println("SecretsEverywhereTest: " + shown.size() + " texts, " + logs.length() + " characters of log,"
                           + " searched for " + secrets.size() + " secrets and JWTs");
        List<String> leaks = new ArrayList<>();
        for (String text : shown) {
            secrets.forEach((name, secret) -> {
                if (text.contains(secret)) {
                    leaks.add(name + " in: " + excerpt(text, secret));
                }
            });
            Matcher jwt = JWT.matcher(text);
            if (jwt.find()) {
                leaks.add("a JWT in: " + excerpt(text, jwt.group()));
            }
        }
        if (!leaks.isEmpty()) {
            fail(String.join("\n", leaks));
        }
    }

    /** Every attribute of every Camel MBean, and the result of every list and dump operation that takes nothing. */
    private static int collectJmx(CamelContext context, List<String> shown) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        int attributes = 0;
        String name = context.getManagementName();
        for (ObjectName bean : server.queryNames(new ObjectName("org.apache.camel:context=" + name + ",*"), null)) {
            shown.add(bean.toString());
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(bean).getAttributes()) {
                try {
                    shown.add(String.valueOf(server.getAttribute(bean, attribute.getName())));
                    attributes++;
                } catch (Exception e) {
                    shown.add(e.toString());
                }
            }
            for (MBeanOperationInfo operation : server.getMBeanInfo(bean).getOperations()) {
                String op = operation.getName();
                if (operation.getSignature().length == 0 && (op.startsWith("list") || op.startsWith("dump"))) {
                    try {
                        shown.add(String.valueOf(server.invoke(bean, op, null, null)));
                    } catch (Exception e) {
                        shown.add(e.toString());
                    }
                }
            }
        }
        return attributes;
    }

    /** The token providers the component built for the endpoints, which no public API hands out. */
    private static List<Object> tokenProviders(LogAnalyticsComponent component) throws Exception {
        Field field = LogAnalyticsComponent.class.getDeclaredField("tokenProviders");
        field.setAccessible(true);
        List<Object> providers = new ArrayList<>(((Map<?, ?>) field.get(component)).values());
        assertTrue(providers.size() >= 4, "the credentials' providers: " + providers);
        return providers;
    }

    private static String uri(String options) {
        return "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "?host=" + emulator.queryUrl()
               + "&authorityHost=" + emulator.authorityUrl() + "&sslContextParameters=#emulatorTls&" + options;
    }

    private Path pkcs12(SelfSignedCertificate certificate, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", certificate.privateKey(), password.toCharArray(),
                new X509Certificate[] {certificate.certificate()});
        Path file = dir.resolve("client.pfx");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }

    private static SSLContextParameters emulatorTls() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(emulator.tokenEndpoint().trustStore());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(factory.getTrustManagers()[0]);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /**
     * A running JVM cannot change its environment, so App Service's variables reach MSAL4J through its
     * package-private hook, as in ManagedIdentityTest; null puts the real environment back.
     */
    private static void managedIdentityEnvironment(Map<String, String> variables) throws Exception {
        Class<?> hook = Class.forName("com.microsoft.aad.msal4j.IEnvironmentVariables");
        Object environment = variables == null ? null
                : Proxy.newProxyInstance(hook.getClassLoader(), new Class<?>[] {hook}, (proxy, method, args) ->
                        switch (method.getName()) {
                            case "getEnvironmentVariable" -> variables.get((String) args[0]);
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "emulator environment";
                        });
        Method setter = ManagedIdentityApplication.class.getDeclaredMethod("setEnvironmentVariables", hook);
        setter.setAccessible(true);
        setter.invoke(null, environment);
    }

    private static String excerpt(String text, String found) {
        int at = text.indexOf(found);
        return text.substring(Math.max(0, at - 200), Math.min(text.length(), at + found.length() + 50));
    }

    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
