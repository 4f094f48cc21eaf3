package io.github.camelloganalytics;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.error.QuerySyntaxException;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.Workspace;
import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets {@code loganalytics-source} and {@code loganalytics-sink}, as the component jar carries them under
 * {@code kamelets/}, run by the Kamelet runtime (camel-kamelet, found at its default location) from routes in the
 * YAML DSL, against the emulator. The component is pointed at the emulator once, as a Camel K or JBang user would
 * through {@code camel.component.loganalytics.*}.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class KameletsTest {

    static LogAnalyticsEmulator emulator;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private CamelContext context;

    @BeforeEach
    void camel() {
        context = new DefaultCamelContext();
        // the marshalled body may be a stream, readable once: kept as the text it carries
        context.getRegistry().bind("received", (org.apache.camel.Processor) exchange -> {
            exchange.getMessage().setBody(exchange.getMessage().getBody(String.class));
            received.add(exchange);
        });
        LogAnalyticsConfiguration component = context.getComponent("loganalytics", LogAnalyticsComponent.class)
                .getConfiguration();
        component.setHost(emulator.queryUrl());
        component.setAccessToken(emulator.token());
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private void routes(String yaml) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("routes.yaml", yaml));
        context.start();
    }

    @Test
    void theSourceSendsEachRowOnceAsJson() throws Exception {
        Workspace workspace = emulator.workspace(UUID.randomUUID().toString());
        Table table = workspace.createTable("Orders_CL", Column.of("TimeGenerated", ColumnType.DATETIME),
                Column.of("Seq", ColumnType.LONG), Column.of("Amount", ColumnType.DECIMAL),
                Column.of("Took", ColumnType.TIMESPAN), Column.of("Id", ColumnType.GUID));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant first = now.minus(Duration.ofMinutes(40)).plusNanos(1_234_500);
        UUID id = UUID.fromString("0c7f1c4a-7d2e-4b8b-9b1e-2f3c4d5e6f70");
        for (long seq = 0; seq < 4; seq++) {
            table.addRow(first.plus(Duration.ofMinutes(seq)), seq, new java.math.BigDecimal("12.50"),
                    Duration.ofSeconds(90), id);
        }
        routes("""
                - route:
                    id: orders
                    from:
                      uri: "kamelet:loganalytics-source"
                      parameters:
                        workspaceId: "%s"
                        query: "Orders_CL | project TimeGenerated, Seq, Amount, Took, Id"
                        period: 200
                        maxWindow: PT15M
                      steps:
                        - process:
                            ref: received
                """.formatted(workspace.id()));

        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 4);
        // one event per row, as a JSON object, each once though the windows go on
        Thread.sleep(600);
        assertEquals(4, received.size());
        JsonNode row = JSON.readTree(received.get(0).getMessage().getBody(String.class));
        assertEquals(0, row.get("Seq").asLong());
        // every fractional digit the service keeps (100 ns), as ISO 8601 text
        assertEquals(first, java.time.OffsetDateTime.parse(row.get("TimeGenerated").asText()).toInstant());
        assertEquals(0, new java.math.BigDecimal("12.5").compareTo(row.get("Amount").decimalValue()));
        assertEquals("PT1M30S", row.get("Took").asText());
        assertEquals(id.toString(), row.get("Id").asText());
        assertEquals("application/json", received.get(0).getMessage().getHeader("Content-Type"));
        List<Long> seqs = received.stream().map(e -> {
            try {
                return JSON.readTree(e.getMessage().getBody(String.class)).get("Seq").asLong();
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        }).sorted().toList();
        assertEquals(List.of(0L, 1L, 2L, 3L), seqs);
        // the windows were the Kamelet's: no longer than its maxWindow
        String body = emulator.requestLog().last().body();
        String timespan = body.replaceAll(".*\"timespan\":\"([^\"]+)\".*", "$1");
        assertTrue(Duration.between(Instant.parse(timespan.substring(0, timespan.indexOf('/'))),
                Instant.parse(timespan.substring(timespan.indexOf('/') + 1))).compareTo(Duration.ofMinutes(15)) <= 0,
                timespan);
    }

    @Test
    void theSinkRunsTheQueryTheMessageCarries() throws Exception {
        routes("""
                - route:
                    from:
                      uri: "direct:ask"
                      steps:
                        - to:
                            uri: "kamelet:loganalytics-sink"
                            parameters:
                              workspaceId: "%s"
                              timespan: P1D
                """.formatted(LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID));

        Exchange out = context.createProducerTemplate().request("direct:ask",
                e -> e.getMessage().setBody("Heartbeat | take 3 | project Computer"));

        assertEquals(null, out.getException());
        JsonNode answer = JSON.readTree(out.getMessage().getBody(String.class));
        assertEquals(3, answer.get("tables").get(0).get("rows").size());
        assertEquals("Computer", answer.get("tables").get(0).get("columns").get(0).get("name").asText());
        String sent = emulator.requestLog().last().body();
        assertTrue(sent.contains("Heartbeat | take 3 | project Computer"), sent);
        assertTrue(sent.contains("\"timespan\":\"P1D\""), sent);

        Exchange failed = context.createProducerTemplate().request("direct:ask",
                e -> e.getMessage().setBody("Heartbeat | wher Computer == 'x'"));
        assertInstanceOf(QuerySyntaxException.class, failed.getException());
    }

    @Test
    void theKameletsNameThisArtifactInTheirDependencies() throws Exception {
        String version = System.getProperty("project.version");
        for (String kamelet : List.of("loganalytics-source", "loganalytics-sink")) {
            try (InputStream in = getClass().getClassLoader()
                    .getResourceAsStream("kamelets/" + kamelet + ".kamelet.yaml")) {
                String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(yaml.contains("- \"mvn:io.github.camelloganalytics:camel-loganalytics:" + version + "\""),
                        kamelet + ":\n" + yaml);
                assertTrue(!yaml.contains("@project.version@") && !yaml.contains("@jackson.version@"), yaml);
            }
        }
    }
}
