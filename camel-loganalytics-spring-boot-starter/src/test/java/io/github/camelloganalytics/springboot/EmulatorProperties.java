package io.github.camelloganalytics.springboot;

import java.util.Map;

import javax.net.ssl.TrustManagerFactory;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * One emulator for the test JVM, and the settings an operator would give an application on it: the endpoints'
 * hosts as properties and, with {@link SecretInEnvironment}, the client secret as an environment variable (bound by
 * Spring's own system-environment source, as on a real host, since a running JVM cannot change its own
 * environment).
 */
final class EmulatorProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final LogAnalyticsEmulator EMULATOR = new LogAnalyticsEmulator().start();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource("emulator", Map.of(
                "emulator.query-url", EMULATOR.queryUrl(),
                "emulator.authority-url", EMULATOR.authorityUrl(),
                "emulator.tenant-id", LogAnalyticsEmulator.SAMPLE_TENANT_ID,
                "emulator.client-id", LogAnalyticsEmulator.SAMPLE_CLIENT_ID,
                "emulator.workspace-id", LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID)));
    }

    /**
     * The client secret as the environment variable {@code CAMEL_COMPONENT_LOGANALYTICS_CLIENT_SECRET}, in a source
     * of Spring's own system-environment kind, placed where the real environment is.
     */
    static final class SecretInEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addAfter(
                    StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource("emulator-environment", Map.of(
                            "CAMEL_COMPONENT_LOGANALYTICS_CLIENT_SECRET", LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET)));
        }
    }

    /** Trust for the emulator's self-signed token endpoint, as an application would trust a private CA. */
    static SSLContextParameters emulatorTrust() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(EMULATOR.tokenEndpoint().trustStore());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(factory.getTrustManagers()[0]);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }
}
