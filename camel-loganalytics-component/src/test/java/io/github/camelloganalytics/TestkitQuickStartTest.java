package io.github.camelloganalytics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.TrustManagerFactory;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JUnit quick start of docs/testkit.md works, and the page shows these methods as they are here. */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class TestkitQuickStartTest extends CamelTestSupport {

    static LogAnalyticsEmulator emulator;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(emulator.tokenEndpoint().trustStore());
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setTrustManager(trust.getTrustManagers()[0]);
        SSLContextParameters tls = new SSLContextParameters();
        tls.setTrustManagers(trustManagers);
        context.getRegistry().bind("emulatorTls", tls);
        return context;
    }

    @Test
    void readsHeartbeats() {
        String uri = "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID
                + "?host=" + emulator.queryUrl()                   // plain HTTP on 127.0.0.1
                + "&accessToken=RAW(" + emulator.token() + ")"     // a sample-client token for the direct API
                + "&query=Heartbeat | take 10";
        assertEquals(10, template.requestBody(uri, null, List.class).size());
    }

    @Test
    void readsHeartbeatsWithAClientSecret() {
        String uri = "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID
                + "?host=" + emulator.queryUrl()
                + "&authorityHost=" + emulator.authorityUrl()      // the emulated Entra ID
                + "&sslContextParameters=#emulatorTls"             // applies to the authority too
                + "&tenantId=" + LogAnalyticsEmulator.SAMPLE_TENANT_ID
                + "&clientId=" + LogAnalyticsEmulator.SAMPLE_CLIENT_ID
                + "&clientSecret=RAW(" + LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET + ")"
                + "&query=Heartbeat | take 10";
        assertEquals(10, template.requestBody(uri, null, List.class).size());
    }

    @Test
    void tokenRequestsWentToTheEmulatedEntraIdOnlyForTheClientSecret() {
        readsHeartbeats();
        assertEquals(0, emulator.tokenEndpoint().tokenRequestCount());
        readsHeartbeatsWithAClientSecret();
        assertEquals("client_credentials", emulator.tokenEndpoint().tokenRequests().get(0).grantType());
    }

    @Test
    void thePageShowsTheseMethodsAsTheyAre() throws Exception {
        String page = Files.readString(Path.of("../docs/testkit.md"), StandardCharsets.UTF_8);
        String source = Files.readString(
                Path.of("src/test/java/io/github/camelloganalytics/TestkitQuickStartTest.java"), StandardCharsets.UTF_8);
        for (String method : List.of("void readsHeartbeats()", "void readsHeartbeatsWithAClientSecret()",
                "protected CamelContext createCamelContext()")) {
            int start = source.lastIndexOf("\n", source.lastIndexOf("\n", source.indexOf(method)) - 1) + 1;
            String text = source.substring(start, source.indexOf("\n    }\n", start) + 6);
            assertTrue(page.contains(text), "docs/testkit.md must show, as it is:\n" + text);
        }
    }
}
