package io.github.camelloganalytics.quarkus.deployment;

import java.util.List;
import java.util.logging.LogRecord;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.auth.CredentialType;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application that names its credential ({@code credentialType}, in Camel's camel case) gets no emulator: the
 * component keeps what application.properties says, and Dev Services set nothing.
 */
class DevServicesStayOutWhenConfiguredTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            .overrideConfigKey("camel.component.loganalytics.credentialType", "MANAGED_IDENTITY")
            .overrideConfigKey("camel.component.loganalytics.client-id", "11111111-2222-3333-4444-555555555555")
            .setLogRecordPredicate(r -> true)
            .assertLogRecords(DevServicesStayOutWhenConfiguredTest::noEmulatorStarted);

    @Inject
    CamelContext context;

    @Test
    void theComponentKeepsTheConfiguredCredentialAndNoHostIsSet() {
        LogAnalyticsComponent component = context.getComponent("loganalytics", LogAnalyticsComponent.class);
        assertEquals(CredentialType.MANAGED_IDENTITY, component.getConfiguration().getCredentialType());
        assertEquals("11111111-2222-3333-4444-555555555555", component.getConfiguration().getClientId());
        assertNull(component.getConfiguration().getHost());
        assertNull(component.getConfiguration().getClientSecret());
        assertTrue(ConfigProvider.getConfig().getOptionalValue("loganalytics.workspace-id", String.class).isEmpty());
    }

    static void noEmulatorStarted(List<LogRecord> records) {
        assertFalse(records.stream().anyMatch(r -> r.getMessage() != null
                && r.getMessage().startsWith("Dev Services for Log Analytics started")), "the emulator was started");
    }
}
