package io.github.camelloganalytics.quarkus.deployment;

import java.util.List;
import java.util.logging.LogRecord;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code quarkus.camel.loganalytics.devservices.enabled=false}: no emulator, the component left as configured. */
class DevServicesDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.camel.loganalytics.devservices.enabled", "false")
            .setLogRecordPredicate(r -> true)
            .assertLogRecords(DevServicesDisabledTest::noEmulatorStarted);

    @Inject
    CamelContext context;

    @Test
    void theComponentHasNoHostNoCredentialAndNoWorkspaceIsSet() {
        LogAnalyticsComponent component = context.getComponent("loganalytics", LogAnalyticsComponent.class);
        assertNull(component.getConfiguration().getHost());
        assertNull(component.getConfiguration().getClientSecret());
        assertNull(component.getConfiguration().getSslContextParameters());
        assertTrue(ConfigProvider.getConfig().getOptionalValue("loganalytics.workspace-id", String.class).isEmpty());
    }

    static void noEmulatorStarted(List<LogRecord> records) {
        assertFalse(records.stream().anyMatch(r -> r.getMessage() != null
                && r.getMessage().startsWith("Dev Services for Log Analytics started")), "the emulator was started");
    }
}
