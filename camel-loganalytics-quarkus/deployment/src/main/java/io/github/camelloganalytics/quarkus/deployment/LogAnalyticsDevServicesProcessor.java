package io.github.camelloganalytics.quarkus.deployment;

import java.security.cert.CertificateEncodingException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelloganalytics.quarkus.LogAnalyticsDevServicesRecorder;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.deployment.pkg.builditem.CurateOutcomeBuildItem;
import org.apache.camel.quarkus.core.deployment.spi.CamelBeanBuildItem;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Dev Services for Log Analytics. In dev and test mode, when the application names no host and no credential for the
 * component, the testkit's emulator starts in this JVM (no container, a class loader of its own) and the component is pointed at it: its query
 * API, its Entra ID token endpoint (HTTPS, trusted through an {@code SSLContextParameters} bean) and its sample client,
 * whose tokens are real JWTs that MSAL4J obtains as it would from Entra ID. The emulator outlives live reloads and
 * stops with the dev or test session.
 */
@BuildSteps(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
class LogAnalyticsDevServicesProcessor {

    static final String NAME = "camel-loganalytics";
    /** The bean the component's {@code sslContextParameters} refers to while the emulator runs. */
    static final String TRUST_BEAN = "loganalyticsDevServicesTrust";

    private static final Logger LOG = Logger.getLogger(LogAnalyticsDevServicesProcessor.class);
    private static final String COMPONENT = "camel.component.loganalytics.";

    /**
     * The component options that choose where queries go or who makes them: any of them set means the application
     * chose its target, and Dev Services stay out of the way. Each is also checked in camel case, which Camel accepts.
     */
    static final List<String> TARGET_OPTIONS = List.of("host", "authority-host", "credential-type", "access-token",
            "token-provider", "tenant-id", "client-id", "client-secret", "certificate-path", "federated-token-file",
            "refresh-token");

    /** The emulator that runs, shared by the live reloads of one dev or test session. */
    private static volatile IsolatedEmulator running;

    @BuildStep
    void startEmulator(LogAnalyticsDevServicesConfig devServices, CurateOutcomeBuildItem curateOutcome,
            CuratedApplicationShutdownBuildItem shutdown,
            BuildProducer<DevServicesResultBuildItem> results, BuildProducer<LogAnalyticsEmulatorBuildItem> emulators) {
        Config config = ConfigProvider.getConfig();
        Optional<String> chosen = devServices.enabled() ? configuredTargetOption(config) : Optional.empty();
        if (!devServices.enabled() || chosen.isPresent()) {
            stop();
            if (chosen.isPresent()) {
                LOG.debugf("Dev Services for Log Analytics did not start the emulator: %s is set", chosen.get());
            }
            return;
        }
        IsolatedEmulator emulator = running;
        boolean started = emulator == null;
        if (started) {
            emulator = IsolatedEmulator.start(curateOutcome.getApplicationModel());
            running = emulator;
            shutdown.addCloseTask(LogAnalyticsDevServicesProcessor::stop, true);
        }
        // the SAMPLE_* constants are compile-time constants: using them loads no testkit class into this loader
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(COMPONENT + "host", emulator.queryUrl());
        properties.put(COMPONENT + "authority-host", emulator.authorityUrl());
        properties.put(COMPONENT + "tenant-id", LogAnalyticsEmulator.SAMPLE_TENANT_ID);
        properties.put(COMPONENT + "client-id", LogAnalyticsEmulator.SAMPLE_CLIENT_ID);
        properties.put(COMPONENT + "client-secret", LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET);
        properties.put(COMPONENT + "ssl-context-parameters", "#bean:" + TRUST_BEAN);
        String workspaceProperty = devServices.workspaceIdProperty();
        boolean workspaceGiven = config.getOptionalValue(workspaceProperty, String.class).isPresent();
        if (!workspaceGiven) {
            properties.put(workspaceProperty, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID);
        }
        LOG.infof("Dev Services for Log Analytics %s the testkit's emulator: query API at %s, token endpoint at %s,"
                + " sample workspace %s%s; quarkus.camel.loganalytics.devservices.enabled=false turns it off",
                started ? "started" : "reuses", emulator.queryUrl(), emulator.authorityUrl(), LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID,
                workspaceGiven ? "" : " (" + workspaceProperty + ")");
        results.produce(new DevServicesResultBuildItem(NAME, "Azure Monitor Log Analytics emulator (in this JVM)", null,
                properties));
        emulators.produce(new LogAnalyticsEmulatorBuildItem(encoded(emulator)));
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void trustEmulator(Optional<LogAnalyticsEmulatorBuildItem> emulator, LogAnalyticsDevServicesRecorder recorder,
            BuildProducer<CamelBeanBuildItem> beans) {
        emulator.ifPresent(e -> beans.produce(new CamelBeanBuildItem(TRUST_BEAN, SSLContextParameters.class.getName(),
                recorder.trustOnly(e.tokenEndpointCertificate()))));
    }

    /** @return the first target or credential option the application set, by its property name */
    static Optional<String> configuredTargetOption(Config config) {
        for (String option : TARGET_OPTIONS) {
            for (String name : List.of(COMPONENT + option, COMPONENT + camelCase(option))) {
                Optional<String> value = config.getOptionalValue(name, String.class);
                if (value.isPresent() && !value.get().isBlank()) {
                    return Optional.of(name);
                }
            }
        }
        return Optional.empty();
    }

    static String camelCase(String kebab) {
        StringBuilder name = new StringBuilder(kebab.length());
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static String encoded(IsolatedEmulator emulator) {
        try {
            return Base64.getEncoder().encodeToString(emulator.tokenEndpointCertificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the emulator's token endpoint certificate cannot be encoded", e);
        }
    }

    private static synchronized void stop() {
        IsolatedEmulator emulator = running;
        running = null;
        if (emulator != null) {
            emulator.close();
            LOG.info("Dev Services for Log Analytics stopped the emulator");
        }
    }
}
