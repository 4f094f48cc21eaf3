package io.github.camelloganalytics.examples.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.net.ssl.TrustManagerFactory;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides what the application queries, before any bean exists. A workspace named by {@value #WORKSPACE_ID}
 * (environment variable {@code LOGANALYTICS_WORKSPACE_ID}) is queried with the credential the component's
 * {@code credentialType=AUTO} finds (the Azure SDK's {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID},
 * {@code AZURE_CLIENT_SECRET}, ..., or a managed identity), or with the bearer token in {@value #ACCESS_TOKEN}
 * (environment variable {@code LOGANALYTICS_ACCESS_TOKEN}). Without one, it starts the testkit's emulator and points
 * the component at its query API and its Entra ID token endpoint, with the emulator's sample client: real tokens over
 * TLS, trusted through an {@code SSLContextParameters} bean, which the starter hands to the component.
 * Registered in {@code META-INF/spring.factories}, so that {@code java -jar}, the Maven run and the tests all go
 * through it.
 */
public class EmulatorUnlessConfigured implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The workspace to query; the environment variable {@code LOGANALYTICS_WORKSPACE_ID} sets it. */
    public static final String WORKSPACE_ID = "loganalytics.workspace-id";
    /** A bearer token for that workspace's query API; the environment variable {@code LOGANALYTICS_ACCESS_TOKEN}. */
    public static final String ACCESS_TOKEN = "loganalytics.access-token";
    /** What is queried with which credential, for the summary; never a token or secret. */
    public static final String TARGET = "example.target";
    /** The bean name of the emulator, when one runs. */
    public static final String EMULATOR_BEAN = "logAnalyticsEmulator";

    private static final String COMPONENT = "camel.component.loganalytics.";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String workspaceId = environment.getProperty(WORKSPACE_ID, "").trim();
        Map<String, Object> properties = new LinkedHashMap<>();
        if (!workspaceId.isEmpty()) {
            // a property set to an empty value would still count as a credential, so the token is passed only when given
            String token = environment.getProperty(ACCESS_TOKEN, "").trim();
            if (!token.isEmpty()) {
                properties.put(COMPONENT + "access-token", token);
            }
            properties.put(TARGET, "workspace " + workspaceId + " with "
                    + (token.isEmpty() ? "credentialType AUTO (AZURE_* environment variables, else managed identity)"
                            : "a bearer token"));
        } else {
            LogAnalyticsEmulator emulator = startEmulator(context);
            properties.put(WORKSPACE_ID, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID);
            properties.put(COMPONENT + "host", emulator.queryUrl());
            properties.put(COMPONENT + "authority-host", emulator.authorityUrl());
            properties.put(COMPONENT + "tenant-id", LogAnalyticsEmulator.SAMPLE_TENANT_ID);
            properties.put(COMPONENT + "client-id", LogAnalyticsEmulator.SAMPLE_CLIENT_ID);
            properties.put(COMPONENT + "client-secret", LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET);
            properties.put(TARGET, "the embedded emulator at " + emulator.queryUrl() + ", sample workspace "
                    + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + ", with the client secret of its sample client");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("example-target", properties));
    }

    /** Starts an emulator that lives as long as the context: closed after the beans that use it. */
    private static LogAnalyticsEmulator startEmulator(ConfigurableApplicationContext context) {
        LogAnalyticsEmulator emulator = new LogAnalyticsEmulator().start();
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getBeanFactory();
        beans.registerSingleton(EMULATOR_BEAN, emulator);
        beans.registerDisposableBean(EMULATOR_BEAN, emulator::close);
        beans.registerSingleton("emulatorTrust", trust(emulator));
        return emulator;
    }

    /** Trust for the emulator's self-signed token endpoint, as an application would trust a private CA. */
    private static SSLContextParameters trust(LogAnalyticsEmulator emulator) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(emulator.tokenEndpoint().trustStore());
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setTrustManager(factory.getTrustManagers()[0]);
            SSLContextParameters parameters = new SSLContextParameters();
            parameters.setTrustManagers(trust);
            return parameters;
        } catch (Exception e) {
            throw new IllegalStateException("cannot trust the emulator's token endpoint", e);
        }
    }
}
