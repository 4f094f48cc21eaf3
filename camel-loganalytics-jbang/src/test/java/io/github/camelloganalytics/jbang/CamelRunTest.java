package io.github.camelloganalytics.jbang;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.Workspace;
import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.KameletMain;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code camel run route.yaml --dep=io.github.camelloganalytics:camel-loganalytics:VERSION}, minus the JBang
 * launcher: KameletMain, the engine {@code camel run} starts, runs the documented route.yaml as it is, with the
 * component and what its Kamelet names in its dependencies on the classpath (what {@code --dep} and the Kamelet's
 * {@code dependencies:} download), and the properties a user passes with {@code --property}. The one difference:
 * no download here ({@code download=false}), since this build's artifact is not in any repository yet.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class CamelRunTest {

    static LogAnalyticsEmulator emulator;

    private static final ObjectMapper JSON = new ObjectMapper();
    private KameletMain main;

    @AfterEach
    void stop() throws Exception {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void theDocumentedRouteSendsEveryHeartbeatOnce() throws Exception {
        Workspace workspace = emulator.workspace(UUID.randomUUID().toString());
        Table heartbeats = workspace.createTable("Heartbeat", Column.of("TimeGenerated", ColumnType.DATETIME),
                Column.of("Computer", ColumnType.STRING), Column.of("OSType", ColumnType.STRING));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 6; i++) {
            heartbeats.addRow(now.minus(Duration.ofMinutes(50 - i * 5)), "vm-" + i, i % 2 == 0 ? "Linux" : "Windows");
        }
        List<String> bodies = new CopyOnWriteArrayList<>();

        main = new KameletMain("camel.jbang"); // the instance type camel run uses
        main.setDownload(false);
        main.addInitialProperty("camel.main.routesIncludePattern", "file:" + System.getProperty("route.yaml"));
        // what a user passes with --property (or application.properties)
        main.addInitialProperty("loganalytics.workspaceId", workspace.id());
        main.addInitialProperty("camel.component.loganalytics.host", emulator.queryUrl());
        main.addInitialProperty("camel.component.loganalytics.accessToken", emulator.token());
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport support) {
                // what the route's log step is given, seen as the exchanges complete
                support.getCamelContext().getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
                    @Override
                    public void notify(CamelEvent event) {
                        if (event instanceof CamelEvent.ExchangeCompletedEvent done
                            && "heartbeats".equals(done.getExchange().getFromRouteId())) {
                            bodies.add(done.getExchange().getMessage().getBody(String.class));
                        }
                    }
                });
            }
        });
        main.start();

        await().atMost(Duration.ofSeconds(90)).until(() -> bodies.size() >= 6);
        assertEquals(6, bodies.size());
        for (int i = 0; i < 6; i++) {
            JsonNode row = JSON.readTree(bodies.get(i));
            assertEquals("vm-" + i, row.get("Computer").asText(), bodies.toString());
            assertEquals(i % 2 == 0 ? "Linux" : "Windows", row.get("OSType").asText());
        }

        // the dev console `camel get` and the developer console show
        CamelContext context = main.getCamelContext();
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("loganalytics");
        assertNotNull(console);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        String text = json.toString();
        assertTrue(text.contains("rows=6") || text.contains("\"rows\":6"), text);
        assertTrue(text.contains("watermark"), text);
    }
}
