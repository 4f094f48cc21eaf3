package io.github.camelloganalytics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import io.github.camelloganalytics.testkit.LoggedRequest;
import io.github.camelloganalytics.testkit.Workspace;
import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.engine.PooledExchangeFactory;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One plain test per defect of issue 14 (lost first windows, the stall after a failed watermark write, unchecked
 * durations, unpaced catch-up) and of issue 22 items 1, 2 and 5; each was written before its fix and seen failing.
 */
class ConsumerRegressionTest extends ConsumerTestSupport {

    private static final String QUERY = TABLE + " | project Seq";

    private static List<Long> range(long from, long to) {
        return LongStream.range(from, to).boxed().toList();
    }

    /** 30 events, one a minute from 59 minutes before T0, each ingested at once. */
    private void addLastHourEvents() {
        for (int seq = 0; seq < 30; seq++) {
            addEvent(seq, T0.minus(Duration.ofMinutes(59)).plus(Duration.ofMinutes(seq)), Duration.ZERO);
        }
    }

    /** Issue 14.1: a relative startFrom, the first window answered 503 once: the next poll starts where it did. */
    @Test
    void aFirstWindowThatFailedIsAskedAgainFromTheSameStartWithARelativeStartFrom() throws Exception {
        addLastHourEvents();
        CamelContext context = start(uri(QUERY, "&incremental=true&startFrom=PT1H&maxWindow=PT2H"
                                                + "&startScheduler=false&minQueryInterval=0s"));
        emulator.faults().next(1).status(503);
        assertThrows(Exception.class, consumer(context)::poll);

        clock.advance(Duration.ofMinutes(10));
        consumer(context).poll();

        assertEquals(range(0, 30), receivedSeqs().stream().sorted().toList());
        assertTrue(emulator.requestLog().last().body().contains("let _windowStart = datetime("
                                                               + T0.minus(Duration.ofHours(1)) + ");"));
    }

    /** Issue 14.1: a relative startFrom, one row failing in the route once: it is delivered again, not lost. */
    @Test
    void aRowThatFailedInTheFirstWindowIsDeliveredAgainWithARelativeStartFrom() throws Exception {
        addLastHourEvents();
        List<Long> completed = new CopyOnWriteArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        String uri = uri(QUERY, "&incremental=true&splitRows=true&startFrom=PT1H&maxWindow=PT2H"
                                + "&startScheduler=false&minQueryInterval=0s");
        CamelContext context = start(uri, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").process(e -> {
                    long seq = (Long) e.getMessage().getBody(Map.class).get("Seq");
                    if (seq == 3 && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("downstream refused row 3");
                    }
                    completed.add(seq);
                });
            }
        });
        consumer(context).poll();
        clock.advance(Duration.ofMinutes(10));
        consumer(context).poll();

        assertEquals(new HashSet<>(range(0, 30)), new HashSet<>(completed));
    }

    /** Issue 14.2: one failed watermark write must not stop the consumer for good. */
    @Test
    void oneFailedWatermarkWriteDoesNotStallTheConsumer() throws Exception {
        for (int seq = 0; seq < 40; seq++) {
            addEvent(seq, T0.plus(Duration.ofMinutes(seq)), Duration.ZERO);
        }
        FlakyStateRepository repository = new FlakyStateRepository();
        repository.failWritesOf = T0.plus(Duration.ofMinutes(10)).toString();   // the first window's commit
        repository.failWrites.set(1);
        CamelContext context = startWith(repository, incremental(QUERY, "&maxWindow=PT10M&stateRepository=#flaky"));
        clock.set(T0.plus(Duration.ofMinutes(15)));
        try {
            consumer(context).poll();                    // [T0, T0+10m) delivered, its commit fails
        } catch (Exception expected) {
            // a failed commit may surface as the poll's failure; what matters is what follows
        }
        int asked = emulator.requestLog().size();

        clock.set(T0.plus(Duration.ofMinutes(45)));
        consumer(context).poll();
        consumer(context).poll();

        assertTrue(emulator.requestLog().size() > asked, "the consumer queries again after a failed write");
        assertEquals(new HashSet<>(range(0, 40)), new HashSet<>(receivedSeqs()));
        assertEquals(T0.plus(Duration.ofMinutes(40)).toString(),
                repository.getState("export|loganalytics://" + workspace.id()));
    }

    /** Issue 14.3: durations java.time or the service cannot represent are refused at endpoint creation. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "maxWindow=P99999999999D|maxWindow|PT2399999999976H",
            "ingestionDelay=P99999999D|ingestionDelay|PT2399999976H",
            "lookback=P99999999D|lookback|PT2399999976H",
            "startFrom=P99999999D|startFrom|P99999999D",
            "startFrom=P3650000D|startFrom|P3650000D",
            "timespan=P99999999999D|timespan|P99999999999D" })
    void durationsBeyondWhatTheServiceOrJavaTimeCanRepresentAreRefused(String options, String option,
                                                                      String value) {
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        contexts.add(context);
        context.start();
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("loganalytics:ws?accessToken=t&query=T&incremental=true&" + options));
        assertTrue(e.getMessage().contains("option " + option), e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    /** Issue 14.3: a ten-year backlog is caught up window by window at the documented pace, never as a burst. */
    @Test
    void aLongBacklogIsCaughtUpAtThePacedRate() throws Exception {
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        contexts.add(context);
        String uri = uri(QUERY, "&incremental=true&startFrom=P3650D&delay=10");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").process(received::add);
            }
        });
        context.start();
        Thread.sleep(3_000);
        context.stop();

        int asked = emulator.requestLog().size();
        // the default pace is one query a second: in 3 s at most 4 (the first at once), whatever the machine's load
        assertTrue(asked >= 1 && asked <= 4, "queries in 3 s: " + asked);
    }

    /** Issue 22.1: allowPartialErrors must not make the consumer commit a window the service cut short. */
    @Test
    void aTruncatedWindowIsSplitEvenWithAllowPartialErrors() throws Exception {
        for (int seq = 0; seq < 120; seq++) {
            addEvent(seq, T0.plusSeconds(30L * seq), Duration.ZERO);
        }
        emulator.limits().rowLimit(50);
        CamelContext context = start(incremental(QUERY, "&maxWindow=PT1H&allowPartialErrors=true"));
        clock.set(T0.plus(Duration.ofMinutes(65)));

        consumer(context).poll();

        assertEquals(range(0, 120), receivedSeqs().stream().sorted().toList());
        for (Exchange exchange : received) {
            assertNull(exchange.getMessage().getHeader(LogAnalyticsConstants.PARTIAL_ERROR));
        }
    }

    /** Issue 22.2: what a consumer read must not steer the producer of the next endpoint. */
    @Test
    void theConsumersHeadersDoNotSteerTheNextEndpoint() throws Exception {
        for (int seq = 0; seq < 5; seq++) {
            addEvent(seq, T0.plusSeconds(60L * seq), Duration.ZERO);
        }
        Workspace other = emulator.workspace(java.util.UUID.randomUUID().toString());
        other.createTable("Other_CL", Column.of("TimeGenerated", ColumnType.DATETIME), Column.of("Name",
                ColumnType.STRING)).addRow(java.time.Instant.now().minus(Duration.ofHours(1)), "b");
        String from = incremental(QUERY, "&maxWindow=PT1H");
        String to = "loganalytics:" + other.id() + "?host=" + emulator.queryUrl() + "&accessToken=RAW("
                    + emulator.token() + ")&query=RAW(Other_CL | project Name)&timespan=P1D";
        List<Object> bodies = new CopyOnWriteArrayList<>();
        CamelContext context = start(from, new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("export").process(received::add).to(to).process(e -> bodies.add(
                        e.getMessage().getBody()));
            }
        });
        clock.set(T0.plus(Duration.ofMinutes(15)));

        consumer(context).poll();

        LoggedRequest second = emulator.requestLog().last();
        assertTrue(second.path().contains(other.id()), second.path());
        assertTrue(second.body().contains("Other_CL | project Name"), second.body());
        assertFalse(second.body().contains("_windowStart"), second.body());
        assertTrue(second.body().contains("\"timespan\":\"P1D\""), second.body());
        assertEquals(List.of(List.of(Map.of("Name", "b"))), bodies);
        // what the consumer read is still told, under its own names
        Exchange first = received.get(0);
        assertNull(first.getMessage().getHeader(LogAnalyticsConstants.QUERY));
        assertNull(first.getMessage().getHeader(LogAnalyticsConstants.TIMESPAN));
        assertTrue(first.getMessage().getHeader(LogAnalyticsConstants.SENT_QUERY, String.class)
                .endsWith(QUERY));
        assertEquals(T0 + "/" + T0.plus(Duration.ofMinutes(10)),
                first.getMessage().getHeader(LogAnalyticsConstants.SENT_TIMESPAN));
    }

    /** Issue 22.5: operation=BATCH is a producer's; a consumer is refused when its route is created. */
    @Test
    void aConsumerWithProducerOnlyOptionsIsRefusedNamingThem() {
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        contexts.add(context);
        Exception e = assertThrows(Exception.class, () -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("loganalytics:ws?accessToken=t&query=T&operation=BATCH&batchParallelism=3")
                            .routeId("batch").to("mock:out");
                }
            });
            context.start();
        });
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("operation") && root.getMessage().contains("batchParallelism"),
                root.getMessage());
    }

    /** Issue 22.5: a failure the route did not handle reaches the consumer's ExceptionHandler. */
    @Test
    void aRouteFailureReachesTheConsumersExceptionHandler() throws Exception {
        addEvent(0, T0, Duration.ZERO);
        List<Throwable> handled = new CopyOnWriteArrayList<>();
        ExceptionHandler handler = new ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handled.add(exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                handled.add(exception);
            }
        };
        String uri = incremental(QUERY, "&exceptionHandler=#handler");
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        contexts.add(context);
        context.getRegistry().bind("handler", handler);
        context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(clock);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").throwException(new IllegalStateException("refused"));
            }
        });
        context.start();
        clock.set(T0.plus(Duration.ofMinutes(15)));

        consumer(context).poll();

        assertEquals(1, handled.size(), handled.toString());
        assertEquals("refused", handled.get(0).getMessage());
    }

    /** Issue 22.5: every exchange the consumer creates is released to Camel's exchange factory. */
    @Test
    void everyExchangeIsReleased() throws Exception {
        for (int seq = 0; seq < 5; seq++) {
            addEvent(seq, T0.plusSeconds(60L * seq), Duration.ZERO);
        }
        String uri = incremental(QUERY, "&splitRows=true");
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        contexts.add(context);
        PooledExchangeFactory exchangeFactory = new PooledExchangeFactory();
        exchangeFactory.setStatisticsEnabled(true);
        context.getCamelContextExtension().setExchangeFactory(exchangeFactory);
        context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(clock);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").process(e -> received.add(e.copy()));
            }
        });
        context.start();
        clock.set(T0.plus(Duration.ofMinutes(15)));

        consumer(context).poll();

        assertEquals(range(0, 5), receivedSeqs());
        assertEquals(5, context.getCamelContextExtension().getExchangeFactoryManager().getStatistics()
                .getReleasedCounter());
    }

    /** Issue 22.5: a consumer being shut down stops handing rows to the route and commits nothing. */
    @Test
    void aConsumerBeingShutDownStopsDeliveringRows() throws Exception {
        for (int seq = 0; seq < 120; seq++) {
            addEvent(seq, T0.plusSeconds(30L * seq), Duration.ZERO);
        }
        MemoryStateRepository repository = new MemoryStateRepository();
        AtomicInteger rows = new AtomicInteger();
        String uri = incremental(QUERY, "&splitRows=true&maxWindow=PT1H&stateRepository=#flaky");
        CamelContext context = startWith(repository, uri, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").process(e -> {
                    if (rows.incrementAndGet() == 10) {
                        // what Camel's graceful shutdown tells a batch consumer before it stops it
                        ((LogAnalyticsConsumer) e.getContext().getRoute("export").getConsumer())
                                .deferShutdown(ShutdownRunningTask.CompleteCurrentTaskOnly);
                    }
                });
            }
        });
        clock.set(T0.plus(Duration.ofMinutes(65)));

        try {
            consumer(context).poll();
        } catch (Exception stopped) {
            // a poll cut short by shutdown may end either way
        }

        assertEquals(10, rows.get());
        assertEquals(T0.toString(), repository.getState("export|loganalytics://" + workspace.id()),
                "the watermark is still the first window's start: nothing committed");
        consumer(context).prepareShutdown(false, false);
    }

    /**
     * Issue 14, leader change: a node that lost the lead while its window was in the route (another node took over
     * and committed further) must not write its older window end over the newer watermark.
     */
    @Test
    void aNodeThatLostTheLeadMidWindowDoesNotMoveTheWatermarkBack() throws Exception {
        for (int seq = 0; seq < 40; seq++) {
            addEvent(seq, T0.plus(Duration.ofMinutes(seq)), Duration.ZERO);
        }
        FlakyStateRepository shared = new FlakyStateRepository();
        String uri = incremental(QUERY, "&maxWindow=PT10M&stateRepository=#flaky");
        CamelContext newLeader = startWith(shared, uri);
        AtomicBoolean takeOver = new AtomicBoolean(true);
        CamelContext oldLeader = startWith(shared, uri, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").process(e -> {
                    if (takeOver.getAndSet(false)) {
                        // while this window is in the route, the other node takes the lead and catches up
                        consumer(newLeader).poll();
                    }
                });
            }
        });
        clock.set(T0.plus(Duration.ofMinutes(45)));

        try {
            consumer(oldLeader).poll();
        } catch (Exception refused) {
            // how the old node's poll ends is its own business; the stored watermark is what matters
        }

        String key = "export|loganalytics://" + workspace.id();
        assertEquals(T0.plus(Duration.ofMinutes(40)).toString(), shared.getState(key));
        List<String> writes = shared.writes;
        for (int i = 1; i < writes.size(); i++) {
            assertTrue(writes.get(i).compareTo(writes.get(i - 1)) >= 0, "the watermark moved back: " + writes);
        }
        assertEquals(new HashSet<>(range(0, 40)), new HashSet<>(receivedSeqs()));
    }

    private CamelContext startWith(MemoryStateRepository repository, String uri) throws Exception {
        return startWith(repository, uri, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").process(received::add);
            }
        });
    }

    private CamelContext startWith(MemoryStateRepository repository, String uri, RouteBuilder routes)
            throws Exception {
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        contexts.add(context);
        context.getRegistry().bind("flaky", repository);
        context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(clock);
        context.addRoutes(routes);
        context.start();
        return context;
    }

    /** A memory repository whose next writes (or reads) fail, as a database blip would. */
    static final class FlakyStateRepository extends MemoryStateRepository {

        final AtomicInteger failWrites = new AtomicInteger();
        final AtomicInteger failReads = new AtomicInteger();
        final List<String> writes = new ArrayList<>();
        /** Only writes of this value fail, when set. */
        volatile String failWritesOf;

        @Override
        public void setState(String key, String value) {
            if ((failWritesOf == null || failWritesOf.equals(value))
                && failWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the database is unreachable");
            }
            writes.add(value);
            super.setState(key, value);
        }

        @Override
        public String getState(String key) {
            if (failReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new IllegalStateException("the database is unreachable");
            }
            return super.getState(key);
        }
    }
}
