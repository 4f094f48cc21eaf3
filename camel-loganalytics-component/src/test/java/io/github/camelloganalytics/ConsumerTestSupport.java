package io.github.camelloganalytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.Workspace;
import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consumer tests against the emulator: a fresh workspace with one table of numbered events per test, a clock the
 * test moves, and routes whose consumer the test polls by hand ({@code startScheduler=false}).
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
abstract class ConsumerTestSupport {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String TABLE = "Events_CL";

    static LogAnalyticsEmulator emulator;

    final MutableClock clock = new MutableClock(T0);
    final List<Exchange> received = new CopyOnWriteArrayList<>();
    final List<CamelContext> contexts = new ArrayList<>();
    Workspace workspace;
    Table events;

    @BeforeEach
    void createWorkspace() {
        workspace = emulator.workspace(UUID.randomUUID().toString());
        events = workspace.createTable(TABLE, Column.of("TimeGenerated", ColumnType.DATETIME),
                Column.of("Seq", ColumnType.LONG));
        emulator.faults().clear();
        emulator.requestLog().clear();
    }

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
        emulator.faults().clear();
        emulator.limits().rowLimit(500_000);
    }

    /** An endpoint URI on the test's workspace; {@code options} are appended as they are. */
    String uri(String query, String options) {
        return "loganalytics:" + workspace.id() + "?host=" + emulator.queryUrl() + "&accessToken=RAW("
               + emulator.token() + ")&query=RAW(" + query + ")" + options;
    }

    /**
     * An incremental endpoint starting at T0 with 10-minute windows (unless given), the default ingestion delay, and
     * no pacing between queries (unless given), since the tests poll by hand.
     */
    String incremental(String query, String options) {
        String window = options.contains("maxWindow=") ? "" : "&maxWindow=PT10M";
        String pace = options.contains("minQueryInterval=") ? "" : "&minQueryInterval=0s";
        return uri(query, "&incremental=true&startFrom=" + T0 + window + "&startScheduler=false" + pace + options);
    }

    /** Starts a context whose route {@code export} sends every exchange from the URI to {@link #received}. */
    CamelContext start(String uri) throws Exception {
        return start(uri, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").process(received::add);
            }
        });
    }

    /** Starts a context with the given routes, one of them {@code export} from the URI, on the test's clock. */
    CamelContext start(String uri, RouteBuilder routes) throws Exception {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(clock);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    static LogAnalyticsConsumer consumer(CamelContext context) {
        return (LogAnalyticsConsumer) context.getRoute("export").getConsumer();
    }

    /** Adds event {@code seq}, generated at {@code generated} and ingested {@code late} after it. */
    void addEvent(long seq, Instant generated, Duration late) {
        events.addRow(generated, seq).ingestedAt(generated.plus(late));
    }

    /** The Seq of every row received, in order of arrival, whatever the exchange's shape. */
    List<Long> receivedSeqs() {
        List<Long> seqs = new ArrayList<>();
        for (Exchange exchange : received) {
            Object body = exchange.getMessage().getBody();
            if (body instanceof Map<?, ?> row) {
                seqs.add((Long) row.get("Seq"));
            } else {
                for (Object row : (List<?>) body) {
                    seqs.add((Long) ((Map<?, ?>) row).get("Seq"));
                }
            }
        }
        return seqs;
    }
}
