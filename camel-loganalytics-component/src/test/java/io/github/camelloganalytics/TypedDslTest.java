package io.github.camelloganalytics;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelloganalytics.dsl.ComponentsBuilderFactory;
import io.github.camelloganalytics.dsl.endpoint.LogAnalyticsEndpointBuilderFactory.LogAnalyticsBuilders;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.Workspace;
import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.camelloganalytics.dsl.StaticEndpointBuilders.loganalytics;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated Endpoint DSL and Component DSL (package {@code io.github.camelloganalytics.dsl}) build working
 * routes and components: the component configured through {@code ComponentsBuilderFactory.loganalytics()}, the
 * endpoints through {@code loganalytics("ws")...}, against the emulator.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class TypedDslTest {

    static LogAnalyticsEmulator emulator;

    private final List<Exchange> received = new CopyOnWriteArrayList<>();
    private CamelContext context;
    private Workspace workspace;
    private Table events;

    @BeforeEach
    void workspace() {
        workspace = emulator.workspace(UUID.randomUUID().toString());
        events = workspace.createTable("Events_CL", Column.of("TimeGenerated", ColumnType.DATETIME),
                Column.of("Seq", ColumnType.LONG));
        context = new DefaultCamelContext();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    /** The component as the Component DSL builds it, pointed at the emulator. */
    private void registerComponent() {
        ComponentsBuilderFactory.loganalytics()
                .host(emulator.queryUrl())
                .accessToken(emulator.token())
                .register(context, "loganalytics");
    }

    @Test
    void theComponentDslConfiguresTheComponent() {
        registerComponent();
        LogAnalyticsComponent component = assertInstanceOf(LogAnalyticsComponent.class,
                context.getComponent("loganalytics"));
        assertEquals(emulator.queryUrl(), component.getConfiguration().getHost());
        assertSame(component, context.getComponent("loganalytics"));
    }

    @Test
    void anIncrementalConsumerAndAProducerInTheEndpointDsl() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (long seq = 0; seq < 5; seq++) {
            events.addRow(now.minus(Duration.ofMinutes(50 - seq)), seq);
        }
        registerComponent();
        context.addRoutes(new EndpointRouteBuilder() {
            @Override
            public void configure() {
                // the issue's own example: from(loganalytics("ws").query("...").incremental(true))
                from(loganalytics(workspace.id()).query("Events_CL | project Seq").incremental(true)
                        .startFrom("PT1H").splitRows(true).delay(100))
                        .routeId("export")
                        .process(received::add);
                from(direct("count"))
                        .to(loganalytics(workspace.id()).query("Events_CL | count").timespan("PT2H"));
            }
        });
        context.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 5);
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), received.stream()
                .map(e -> (Long) e.getMessage().getBody(Map.class).get("Seq")).sorted().toList());
        assertTrue(received.get(0).getMessage().getHeader(LogAnalyticsConstants.WINDOW_END, Instant.class)
                .isAfter(now.minus(Duration.ofMinutes(46))));

        List<?> count = context.createProducerTemplate().requestBody("direct:count", null, List.class);
        assertEquals(5L, ((Map<?, ?>) count.get(0)).get("Count"));
    }

    /** A route builder can take the factory methods as its own, as EndpointRouteBuilder does for Camel's. */
    static class Routes extends EndpointRouteBuilder implements LogAnalyticsBuilders {
        @Override
        public void configure() {
            from(direct("q")).to(loganalytics(LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID)
                    .query("Heartbeat | take 3").advanced().host(emulator.queryUrl())
                    .basic().accessToken(emulator.token()));
        }
    }

    @Test
    void theBuildersMixInToARouteBuilder() throws Exception {
        context.addRoutes(new Routes());
        context.start();
        assertEquals(3, context.createProducerTemplate().requestBody("direct:q", null, List.class).size());
    }
}
