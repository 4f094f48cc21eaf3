package io.github.camelloganalytics.springboot.test;

import javax.net.ssl.TrustManagerFactory;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.LogAnalyticsConfiguration;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * What {@link AutoConfigureLogAnalyticsEmulator} imports: the emulator as a bean and a
 * {@link DynamicPropertyRegistrar} that points the component's properties at it. Spring's test context applies the
 * registrar before any other bean is created, so the component is configured with the emulator's addresses, whose
 * ports are known only once it runs. Deliberately not annotated as a configuration: imported only by the
 * annotation, it is never picked up by an application's component scan.
 */
public class LogAnalyticsEmulatorTestConfiguration {

    /** The name of the emulator's bean. */
    public static final String EMULATOR_BEAN = "logAnalyticsEmulator";
    /** The name of the bean that trusts the emulator's token endpoint, named by the sslContextParameters property. */
    public static final String TRUST_BEAN = "logAnalyticsEmulatorTrust";
    /** The property that holds the id of the emulator's sample workspace. */
    public static final String WORKSPACE_ID_PROPERTY = "loganalytics.emulator.workspace-id";

    private static final String COMPONENT = "camel.component.loganalytics.";

    /**
     * @return the running emulator, closed with the application context
     */
    @Bean(name = EMULATOR_BEAN, destroyMethod = "close")
    public LogAnalyticsEmulator logAnalyticsEmulator() {
        return new LogAnalyticsEmulator().start();
    }

    /**
     * Trust for the emulator's self-signed token endpoint only. Not a candidate for autowiring, so that it never
     * becomes the TLS settings of anything but the component, which names it.
     *
     * @param  emulator the emulator whose certificate to trust
     * @return          the TLS settings the component's sslContextParameters property names
     * @throws Exception when the JDK cannot make a trust manager of the emulator's trust store
     */
    @Bean(name = TRUST_BEAN, autowireCandidate = false)
    public SSLContextParameters logAnalyticsEmulatorTrust(LogAnalyticsEmulator emulator) throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(emulator.tokenEndpoint().trustStore());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(factory.getTrustManagers()[0]);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /**
     * The properties that point the component at the emulator, with the emulator's sample client as the credential
     * ({@code credentialType=CLIENT_SECRET}, so that a {@code TokenProvider} bean of the application does not compete
     * with it).
     *
     * @param  emulator the emulator to point at
     * @return          the registrar Spring's test context applies
     */
    @Bean
    public DynamicPropertyRegistrar logAnalyticsEmulatorProperties(LogAnalyticsEmulator emulator) {
        return registry -> {
            registry.add(COMPONENT + "host", emulator::queryUrl);
            // the emulator accepts the public cloud's token audiences, and the token scope follows the cloud
            registry.add(COMPONENT + "cloud", () -> "AZURE_PUBLIC");
            registry.add(COMPONENT + "authority-host", emulator::authorityUrl);
            registry.add(COMPONENT + "ssl-context-parameters", () -> "#" + TRUST_BEAN);
            registry.add(COMPONENT + "credential-type", () -> "CLIENT_SECRET");
            registry.add(COMPONENT + "tenant-id", () -> LogAnalyticsEmulator.SAMPLE_TENANT_ID);
            registry.add(COMPONENT + "client-id", () -> LogAnalyticsEmulator.SAMPLE_CLIENT_ID);
            registry.add(COMPONENT + "client-secret", () -> LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET);
            registry.add(WORKSPACE_ID_PROPERTY, () -> LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID);
        };
    }

    /**
     * Removes the credential options of the application's own configuration (a certificate, a federated token
     * file, a token, a token provider) that the emulator's sample client does not use: the component refuses
     * options that contradict its credential type, and a test must not reach for the production credential.
     * Runs after the starter's customizer has applied the properties.
     *
     * @return the customizer Camel applies when it creates the component
     */
    @Bean
    public ComponentCustomizer logAnalyticsEmulatorCredential() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                LogAnalyticsConfiguration options = ((LogAnalyticsComponent) target).getConfiguration();
                options.setCertificatePath(null);
                options.setCertificatePassword(null);
                options.setFederatedTokenFile(null);
                options.setAccessToken(null);
                options.setRefreshToken(null);
                options.setTokenProvider(null);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof LogAnalyticsComponent;
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST_PRECEDENCE;
            }
        };
    }
}
