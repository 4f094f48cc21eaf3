package io.github.camelloganalytics;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.net.ssl.TrustManagerFactory;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.token.RecordedTokenRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Routes under test get their tokens with the real MSAL4J from the testkit's HTTPS token endpoint, trusted through
 * {@code sslContextParameters}, and query the emulator's query API over loopback HTTP.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
abstract class EmulatorAuthSupport {

    static final String QUERY = "Heartbeat | take 3";

    static LogAnalyticsEmulator emulator;

    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        context = new DefaultCamelContext();
        context.getRegistry().bind("emulatorTls", emulatorTls());
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    /** Trust for the token endpoint's self-signed certificate, as a user would configure a private CA. */
    static SSLContextParameters emulatorTls() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(emulator.tokenEndpoint().trustStore());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(factory.getTrustManagers()[0]);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** An endpoint on the sample workspace, against the emulator's query API and authority. */
    static String uri(String options) {
        return "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "?host=" + emulator.queryUrl()
               + "&authorityHost=" + emulator.authorityUrl() + "&sslContextParameters=#emulatorTls"
               + (options.isEmpty() ? "" : "&" + options);
    }

    /** The sample client's credential options. */
    static String sampleClient() {
        return "tenantId=" + LogAnalyticsEmulator.SAMPLE_TENANT_ID + "&clientId=" + LogAnalyticsEmulator.SAMPLE_CLIENT_ID
               + "&clientSecret=RAW(" + LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET + ")";
    }

    void environment(Map<String, String> variables) {
        UnaryOperator<String> environment = variables::get;
        context.getComponent("loganalytics", LogAnalyticsComponent.class).environment(environment);
    }

    /** Runs the query; the rows, or the exchange's exception rethrown as the test's failure. */
    List<?> rows(String uri) {
        Exchange out = template.request(uri, e -> e.getMessage().setBody(QUERY));
        if (out.getException() != null) {
            throw new AssertionError("query failed: " + out.getException(), out.getException());
        }
        return out.getMessage().getBody(List.class);
    }

    Exception failure(String uri) {
        return template.request(uri, e -> e.getMessage().setBody(QUERY)).getException();
    }

    static RecordedTokenRequest lastTokenRequest() {
        List<RecordedTokenRequest> all = emulator.tokenEndpoint().tokenRequests();
        return all.get(all.size() - 1);
    }

    static int tokenRequests() {
        return emulator.tokenEndpoint().tokenRequestCount();
    }
}
