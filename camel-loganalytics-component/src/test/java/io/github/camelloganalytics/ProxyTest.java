package io.github.camelloganalytics;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.net.ssl.TrustManagerFactory;

import io.github.camelloganalytics.error.ServiceUnavailableException;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.token.SelfSignedCertificate;
import org.apache.camel.Endpoint;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query API and the Entra ID token endpoint are reached through a forward proxy on loopback: the query (plain
 * HTTP, forwarded by absolute URI) and MSAL4J's token request (HTTPS, tunnelled with {@code CONNECT}) both pass
 * through it, whether the proxy comes from the options, the JVM's proxy properties or the environment; hosts in
 * {@code nonProxyHosts} go direct; a proxy asking for Basic credentials gets them, and they show nowhere.
 */
class ProxyTest extends EmulatorAuthSupport {

    private static final String LOGIN_HOST = "login.microsoftonline.com";
    private static final String PROXY_PASSWORD = "proxy-pa55word-never-shown";

    private ForwardProxy proxy;

    @BeforeEach
    void registerEveryEndpointInJmx() {
        // endpoints a template creates after the start are registered too, not only the routes' own
        context.getManagementStrategy().getManagementAgent().setRegisterAlways(true);
    }

    @AfterEach
    void closeProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    private boolean queryPassed() {
        return proxy.passed.stream().anyMatch(p -> p.requestLine().startsWith("POST " + emulator.queryUrl()));
    }

    private boolean tokenRequestPassed() {
        String authority = emulator.authorityUrl().replace("https://", "");
        return proxy.passed.stream().anyMatch(p -> p.requestLine().equals("CONNECT " + authority + " HTTP/1.1"));
    }

    @Test
    void theProxyOptionsCarryTheQueryAndTheTokenRequest() throws Exception {
        proxy = new ForwardProxy(null, null);
        int tokenRequests = emulator.tokenEndpoint().tokenRequests().size();
        List<?> rows = rows(uri(sampleClient() + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port()));
        assertEquals(3, rows.size());
        assertTrue(queryPassed(), "the query went through the proxy: " + proxy.passed);
        assertTrue(tokenRequestPassed(), "the token request was tunnelled through the proxy: " + proxy.passed);
        assertTrue(emulator.tokenEndpoint().tokenRequests().size() > tokenRequests);
    }

    @Test
    void nonProxyHostsGoDirect() throws Exception {
        proxy = new ForwardProxy(null, null);
        List<?> rows = rows(uri(sampleClient() + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                                + "&nonProxyHosts=localhost|127.*"));
        assertEquals(3, rows.size());
        assertTrue(proxy.passed.isEmpty(), "nothing through the proxy: " + proxy.passed);
    }

    @Test
    void aProxyAskingForCredentialsGetsThemAndTheyShowNowhere() throws Exception {
        proxy = new ForwardProxy("proxy-user", PROXY_PASSWORD);
        String uri = uri("accessToken=RAW(" + emulator.token() + ")&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                         + "&proxyAuthUsername=proxy-user&proxyAuthPassword=RAW(" + PROXY_PASSWORD + ")");
        String wrong = uri("accessToken=RAW(" + emulator.token() + ")&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                           + "&proxyAuthUsername=proxy-user&proxyAuthPassword=RAW(not-" + PROXY_PASSWORD + ")");
        StringBuilder shown = new StringBuilder();
        String logs = captureStandardError(() -> {
            assertEquals(3, rows(uri).size());
            Exception refused = failure(wrong);
            shown.append(refused).append(' ');
            for (Throwable t = refused; t != null; t = t.getCause()) {
                shown.append(t.getMessage()).append(' ');
            }
            for (String u : List.of(uri, wrong)) {
                Endpoint endpoint = context.getEndpoint(u);
                shown.append(endpoint).append(' ').append(((LogAnalyticsEndpoint) endpoint).getOptions());
            }
        });
        assertTrue(queryPassed(), "the query went through the proxy: " + proxy.passed);
        assertTrue(proxy.passed.stream().allMatch(ForwardProxy.Passed::authenticated));
        assertFalse(proxy.refused.isEmpty(), "the proxy asked for credentials first (407)");
        assertFalse(logs.contains(PROXY_PASSWORD), logs);
        assertFalse(shown.toString().contains(PROXY_PASSWORD), shown.toString());
    }

    @Test
    void anAuthenticatingProxyCarriesTheTokenRequestAndTheQueryAndItsPasswordShowsNowhere() throws Exception {
        proxy = new ForwardProxy("proxy-user", PROXY_PASSWORD);
        int tokenRequests = tokenRequests();
        String uri = uri(sampleClient() + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                         + "&proxyAuthUsername=proxy-user&proxyAuthPassword=RAW(" + PROXY_PASSWORD + ")");
        String wrong = uri(sampleClient() + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                           + "&proxyAuthUsername=proxy-user&proxyAuthPassword=RAW(not-" + PROXY_PASSWORD + ")");
        StringBuilder shown = new StringBuilder();
        String logs = captureStandardError(() -> {
            assertEquals(3, rows(uri).size());
            Exception refused = failure(wrong);
            assertInstanceOf(io.github.camelloganalytics.error.AuthenticationException.class, refused);
            assertTrue(refused.getMessage().contains("407") && refused.getMessage().contains("proxyAuthPassword"),
                    refused.getMessage());
            for (Throwable t = refused; t != null; t = t.getCause()) {
                shown.append(t).append(' ').append(t.getMessage()).append(' ');
            }
        });
        for (Endpoint endpoint : context.getEndpoints()) {
            shown.append(endpoint).append(' ').append(URISupport.sanitizeUri(endpoint.getEndpointUri())).append(' ')
                    .append(endpoint.getEndpointBaseUri()).append(' ');
            if (endpoint instanceof LogAnalyticsEndpoint la) {
                shown.append(la.getOptions()).append(' ').append(la.getConfiguration()).append(' ');
            }
        }
        shown.append(jmx());
        assertTrue(proxy.refused.stream().anyMatch(line -> line.startsWith("CONNECT ")),
                "the proxy asked the token request's tunnel for credentials (407): " + proxy.refused);
        assertTrue(tokenRequestPassed(), "the token request was tunnelled with the credentials: " + proxy.passed);
        assertTrue(queryPassed(), "the query went through the proxy with the credentials: " + proxy.passed);
        assertTrue(proxy.passed.stream().allMatch(ForwardProxy.Passed::authenticated), proxy.passed.toString());
        assertTrue(tokenRequests() > tokenRequests, "a token was requested from the token endpoint");
        assertTrue(shown.toString().contains("type=endpoints") && shown.toString().contains("proxyAuthPassword=xxxxxx"),
                "the endpoints' options and JMX were read: " + shown);
        assertFalse(logs.contains(PROXY_PASSWORD), logs);
        assertFalse(shown.toString().contains(PROXY_PASSWORD), shown.toString());
    }

    @Test
    void instanceDiscoveryOfACloudAuthorityGoesThroughTheProxyToo() throws Exception {
        // the public cloud's authority, reached only through a TLS-inspecting proxy that hands it to the testkit
        SelfSignedCertificate inspecting = SelfSignedCertificate.generate(LOGIN_HOST, List.of(LOGIN_HOST), List.of(),
                Duration.ofDays(1));
        proxy = new ForwardProxy("proxy-user", PROXY_PASSWORD);
        proxy.inspect(LOGIN_HOST, inspecting.serverSslContext(), emulator.tokenEndpoint().port(),
                emulator.tokenEndpoint().sslContext());
        context.getRegistry().bind("corporateTls", trusting(inspecting.certificate(),
                emulator.tokenEndpoint().certificate()));
        String uri = "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "?host=" + emulator.queryUrl()
                     + "&sslContextParameters=#corporateTls&" + sampleClient() + "&proxyHost=127.0.0.1&proxyPort="
                     + proxy.port() + "&proxyAuthUsername=proxy-user&proxyAuthPassword=RAW(" + PROXY_PASSWORD + ")";
        assertEquals(3, rows(uri).size());
        assertTrue(proxy.passed.contains(new ForwardProxy.Passed("CONNECT " + LOGIN_HOST + ":443 HTTP/1.1", true)),
                "MSAL4J's requests to the authority were tunnelled with the credentials: " + proxy.passed);
        assertTrue(proxy.inspectedRequests.stream().anyMatch(line -> line.startsWith(
                "GET https://" + LOGIN_HOST + "/common/discovery/instance?")),
                "instance discovery went through the proxy: " + proxy.inspectedRequests);
        assertTrue(proxy.passed.stream().allMatch(ForwardProxy.Passed::authenticated), proxy.passed.toString());
    }

    @Test
    void aProxyThatNeverAnswersTheTokenRequestFailsItWithinResponseTimeout() throws Exception {
        proxy = new ForwardProxy(null, null);
        proxy.silent = true;
        Exception e = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> failure(uri(sampleClient()
                + "&responseTimeout=2s&proxyHost=127.0.0.1&proxyPort=" + proxy.port())));
        assertInstanceOf(io.github.camelloganalytics.error.AuthenticationException.class, e);
        assertTrue(e.getMessage().contains("responseTimeout"), e.getMessage());
        assertTrue(proxy.unanswered.stream().anyMatch(line -> line.startsWith("CONNECT ")), proxy.unanswered.toString());
    }

    @Test
    void aProxyRefusingTheRequestFailsWithItsStatus407() throws Exception {
        proxy = new ForwardProxy("proxy-user", PROXY_PASSWORD);
        Exception e = failure(uri("accessToken=RAW(" + emulator.token() + ")&proxyHost=127.0.0.1&proxyPort="
                                  + proxy.port()));
        assertTrue(e instanceof io.github.camelloganalytics.error.LogAnalyticsException, String.valueOf(e));
        assertEquals(407, ((io.github.camelloganalytics.error.LogAnalyticsException) e).getStatusCode(), e.getMessage());
    }

    @Test
    void theJvmProxyPropertiesApplyWhenNoOptionIsSet() throws Exception {
        proxy = new ForwardProxy(null, null);
        Map<String, String> properties = Map.of("http.proxyHost", "127.0.0.1", "http.proxyPort",
                String.valueOf(proxy.port()), "https.proxyHost", "127.0.0.1", "https.proxyPort",
                String.valueOf(proxy.port()), "http.nonProxyHosts", "example.invalid");
        properties.forEach(System::setProperty);
        try {
            assertEquals(3, rows(uri(sampleClient())).size());
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
        assertTrue(queryPassed(), "the query went through the proxy: " + proxy.passed);
        assertTrue(tokenRequestPassed(), "the token request was tunnelled through the proxy: " + proxy.passed);
    }

    @Test
    void theEnvironmentsHttpsProxyAndHttpProxyApplyOtherwise() throws Exception {
        proxy = new ForwardProxy("env-user", PROXY_PASSWORD);
        String proxyUrl = "http://env-user:" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port();
        environment(Map.of("HTTP_PROXY", proxyUrl, "HTTPS_PROXY", proxyUrl));
        String logs = captureStandardError(() -> assertEquals(3, rows(uri("accessToken=RAW(" + emulator.token()
                                                                          + ")")).size()));
        assertTrue(queryPassed(), "the query went through the proxy: " + proxy.passed);
        assertFalse(logs.contains(PROXY_PASSWORD), logs);
    }

    @Test
    void noProxyInTheEnvironmentGoesDirect() throws Exception {
        proxy = new ForwardProxy(null, null);
        String proxyUrl = "http://127.0.0.1:" + proxy.port();
        environment(Map.of("HTTP_PROXY", proxyUrl, "HTTPS_PROXY", proxyUrl, "NO_PROXY", "localhost,127.0.0.1"));
        assertEquals(3, rows(uri("accessToken=RAW(" + emulator.token() + ")")).size());
        assertTrue(proxy.passed.isEmpty(), "nothing through the proxy: " + proxy.passed);
    }

    /** Trust in the given certificates only, as a user configures a corporate CA. */
    private static SSLContextParameters trusting(X509Certificate... certificates) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            store.setCertificateEntry("trusted-" + i, certificates[i]);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(factory.getTrustManagers()[0]);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** Every attribute of every MBean of the context, as text. */
    private String jmx() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        StringBuilder text = new StringBuilder();
        Set<ObjectName> beans = server.queryNames(
                new ObjectName("org.apache.camel:context=" + context.getManagementName() + ",*"), null);
        assertFalse(beans.isEmpty(), "JMX is on");
        for (ObjectName bean : beans) {
            text.append(bean).append(' ');
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(bean).getAttributes()) {
                try {
                    text.append(server.getAttribute(bean, attribute.getName())).append(' ');
                } catch (Exception | LinkageError e) {
                    text.append(e).append(' ');
                }
            }
        }
        return text.toString();
    }

    private interface Action {
        void run() throws Exception;
    }

    /** What slf4j-simple (the test binding, writing to {@code System.err}) printed meanwhile. */
    private static String captureStandardError(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                captured.write(b);
            }
        }, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
