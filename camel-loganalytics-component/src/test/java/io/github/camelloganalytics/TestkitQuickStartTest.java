package io.github.camelloganalytics;

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

/** The JUnit quick start of docs/testkit.md, as written there, works. */
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
                     + "?host=" + emulator.queryUrl()
                     + "&authorityHost=" + emulator.authorityUrl()
                     + "&sslContextParameters=#emulatorTls"
                     + "&tenantId=" + LogAnalyticsEmulator.SAMPLE_TENANT_ID
                     + "&clientId=" + LogAnalyticsEmulator.SAMPLE_CLIENT_ID
                     + "&clientSecret=RAW(" + LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET + ")"
                     + "&query=Heartbeat | take 10";
        assertEquals(10, template.requestBody(uri, null, List.class).size());
        assertEquals("client_credentials", emulator.tokenEndpoint().tokenRequests().get(0).grantType());
    }
}
