package io.github.camelloganalytics;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.error.ServiceUnavailableException;
import org.apache.camel.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query API and the Entra ID token endpoint are reached through a forward proxy on loopback: the query (plain
 * HTTP, forwarded by absolute URI) and MSAL4J's token request (HTTPS, tunnelled with {@code CONNECT}) both pass
 * through it, whether the proxy comes from the options, the JVM's proxy properties or the environment; hosts in
 * {@code nonProxyHosts} go direct; a proxy asking for Basic credentials gets them, and they show nowhere.
 */
class ProxyTest extends EmulatorAuthSupport {

    private static final String PROXY_PASSWORD = "proxy-pa55word-never-shown";

    private ForwardProxy proxy;

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
