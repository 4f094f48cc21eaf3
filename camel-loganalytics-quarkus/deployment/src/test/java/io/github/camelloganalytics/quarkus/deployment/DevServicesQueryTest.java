package io.github.camelloganalytics.quarkus.deployment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogRecord;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.error.QuerySyntaxException;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application with no Log Analytics configuration at all, in test mode: Dev Services start the emulator, and a
 * query goes through the component, MSAL4J (a client-secret token from the emulator's HTTPS token endpoint, trusted
 * through the bean Dev Services register) and the emulator's query API, which lets in only tokens its endpoint
 * signed.
 */
class DevServicesQueryTest {

    /** The emulator's sample client secret: {@code LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET}, never to be logged. */
    private static final String SAMPLE_SECRET = "emulator-sample-client-secret";
    /**
     * The last day of heartbeats in the sample workspace: the bundled day of the testkit's sample-workspace.json (the
     * six generated days before it lie outside {@code P1D}; the emulator runs in Dev Services' class loader, out of
     * this test's reach, so the figures are the bundled file's).
     */
    private static final List<Map<String, Object>> HEARTBEATS_BY_COMPUTER = List.of(
            Map.of("Computer", "vm-batch-01", "count_", 84L),
            Map.of("Computer", "vm-sql-01", "count_", 96L),
            Map.of("Computer", "vm-web-01", "count_", 96L),
            Map.of("Computer", "vm-web-02", "count_", 96L));

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(HeartbeatPoller.class))
            .setLogRecordPredicate(r -> true)
            .assertLogRecords(DevServicesQueryTest::startedAndNoSecret);

    @Inject
    ProducerTemplate producer;
    @Inject
    HeartbeatPoller poller;
    @Inject
    CamelContext context;
    @ConfigProperty(name = "loganalytics.workspace-id")
    String workspaceId;
    @ConfigProperty(name = "camel.component.loganalytics.host")
    String host;
    @ConfigProperty(name = "camel.component.loganalytics.authority-host")
    String authorityHost;

    @Test
    void aQueryGetsTheSampleWorkspacesRowsThroughTheEmulator() {
        List<?> rows = producer.requestBody("loganalytics:" + workspaceId
                + "?query=Heartbeat | summarize count() by Computer | order by Computer asc&timespan=P1D", null,
                List.class);
        assertEquals(HEARTBEATS_BY_COMPUTER, rows);
    }

    @Test
    void aPollingConsumerRouteGetsTheSameRows() throws InterruptedException {
        // generous: the first poll waits for the route to start and for a token, on a loaded machine
        assertEquals(HEARTBEATS_BY_COMPUTER, poller.polls().poll(60, TimeUnit.SECONDS));
    }

    @Test
    void theComponentPointsAtTheEmulatorWithItsSampleClientOverTls() {
        LogAnalyticsComponent component = context.getComponent("loganalytics", LogAnalyticsComponent.class);
        assertTrue(host.matches("http://(127\\.0\\.0\\.1|localhost):\\d+/?"), host);
        assertTrue(authorityHost.startsWith("https://"), authorityHost);
        assertEquals(host, component.getConfiguration().getHost());
        assertEquals(authorityHost, component.getConfiguration().getAuthorityHost());
        assertEquals("3f5a7c9e-1b2d-4e6f-8a0b-2c4d6e8f0a1b", component.getConfiguration().getClientId());
        assertNotNull(component.getConfiguration().getSslContextParameters(), "no trust for the token endpoint");
        assertEquals("b9e3c1a4-2f6d-4c8e-9a7b-5d1e3f2a4c6b", workspaceId);
    }

    @Test
    void aBadQueryReachesTheCallerAsItsOwnExceptionClass() {
        CamelExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(CamelExecutionException.class,
                () -> producer.requestBody("loganalytics:" + workspaceId + "?query=Heartbeat | wher Computer == 'x'",
                        null, List.class));
        assertInstanceOf(QuerySyntaxException.class, e.getCause());
    }

    @Test
    void msal4jIsTheVersionTheCamelQuarkusBomForces() {
        String jar = com.microsoft.aad.msal4j.ConfidentialClientApplication.class.getProtectionDomain().getCodeSource()
                .getLocation().toString();
        assertTrue(jar.contains("msal4j-1.23.1"), jar);
    }

    private static void startedAndNoSecret(List<LogRecord> records) {
        List<String> messages = records.stream().map(DevServicesQueryTest::formatted).toList();
        assertTrue(messages.stream().anyMatch(m -> m.startsWith(
                "Dev Services for Log Analytics started the testkit's emulator: query API at http://")
                && m.contains("quarkus.camel.loganalytics.devservices.enabled=false turns it off")), messages.toString());
        assertFalse(messages.stream().anyMatch(m -> m.contains(SAMPLE_SECRET)), "a log line shows the client secret");
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        String message = record.getMessage();
        return parameters == null || parameters.length == 0 ? message
                : String.format(message.replaceAll("\\{(\\d+)\\}", "%s"), parameters);
    }
}
