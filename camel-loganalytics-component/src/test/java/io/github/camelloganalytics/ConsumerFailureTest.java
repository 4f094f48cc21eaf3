package io.github.camelloganalytics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.error.PartialResultException;
import io.github.camelloganalytics.error.ServiceUnavailableException;
import io.github.camelloganalytics.error.ThrottledException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What happens when something goes wrong: the window is asked again and no row is lost; restarts resume from the
 * stored watermark; windows over the service's limits are split.
 */
class ConsumerFailureTest extends ConsumerTestSupport {

    private static final String QUERY = TABLE + " | project Seq";

    /** {@code count} events, one every 30 s from T0. */
    private void addEvents(int from, int count) {
        for (int seq = from; seq < from + count; seq++) {
            addEvent(seq, T0.plusSeconds(30L * seq), Duration.ZERO);
        }
    }

    private static List<Long> range(int from, int to) {
        return LongStream.range(from, to).boxed().toList();
    }

    @Test
    void aConnectionDroppedMidBodyRedeliversTheWindowAndLosesNoRow() throws Exception {
        addEvents(0, 400);
        CamelContext context = start(incremental(QUERY, "&splitRows=true&maxWindow=PT1H"));
        LogAnalyticsConsumer consumer = consumer(context);
        clock.set(T0.plus(Duration.ofMinutes(65)));
        consumer.poll();                                    // window [T0, T0+1h): events 0..119
        assertEquals(range(0, 120), receivedSeqs());

        clock.set(T0.plus(Duration.ofMinutes(125)));
        emulator.faults().next(1).dropConnectionMidBody();
        LogAnalyticsException dropped = assertThrows(LogAnalyticsException.class, consumer::poll);
        int deliveredBeforeTheDrop = received.size() - 120;
        assertTrue(deliveredBeforeTheDrop > 0 && deliveredBeforeTheDrop < 120,
                "some rows arrived before the drop: " + deliveredBeforeTheDrop + " (" + dropped + ")");

        consumer.poll();                                    // the same window again, whole

        List<Long> seqs = receivedSeqs();
        assertEquals(new HashSet<>(range(0, 240)), new HashSet<>(seqs));
        assertEquals(240 + deliveredBeforeTheDrop, seqs.size(), "duplicates only from the dropped window");
        Exchange last = received.get(received.size() - 1);
        assertEquals(Boolean.TRUE, last.getProperty(Exchange.BATCH_COMPLETE));
        assertEquals(120, last.getProperty(Exchange.BATCH_SIZE));
        // no exchange of the dropped response claimed to complete its batch
        long completes = received.stream().filter(e -> Boolean.TRUE.equals(e.getProperty(Exchange.BATCH_COMPLETE)))
                .count();
        assertEquals(2, completes);
    }

    @Test
    void a503BetweenWindowsGoesToTheRouteThroughBridgeErrorHandlerAndThatWindowIsAskedAgain() throws Exception {
        addEvents(0, 240);
        // the second window's query, once: the first window is delivered and committed before it
        TimeWindow second = new TimeWindow(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2)));
        emulator.faults().forQuery(second.letStatements() + QUERY).next(1).status(503);
        clock.set(T0.plus(Duration.ofMinutes(125)));
        String uri = uri(QUERY, "&incremental=true&startFrom=" + T0 + "&maxWindow=PT1H&delay=20&bridgeErrorHandler=true");
        // the bridged error goes through the route's own error handler, so its onException applies
        CamelContext context = start(uri, new RouteBuilder() {
            @Override
            public void configure() {
                onException(ServiceUnavailableException.class).handled(true).to("mock:unavailable");
                from(uri).routeId("export").process(received::add).to("mock:rows");
            }
        });
        MockEndpoint unavailable = context.getEndpoint("mock:unavailable", MockEndpoint.class);
        unavailable.expectedMessageCount(1);
        MockEndpoint rows = context.getEndpoint("mock:rows", MockEndpoint.class);
        rows.expectedMessageCount(2);

        MockEndpoint.assertIsSatisfied(context);

        Exception cause = unavailable.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT,
                Exception.class);
        assertInstanceOf(ServiceUnavailableException.class, cause);
        assertEquals(range(0, 240), receivedSeqs());
        List<String> asked = emulator.requestLog().entries().stream()
                .map(r -> r.body().replaceAll(".*\"timespan\":\"([^\"]+)\".*", "$1")).toList();
        assertEquals(List.of(T0 + "/" + second.start(), second.start() + "/" + second.end(),
                second.start() + "/" + second.end()), asked, "the failed window asked again, nothing skipped");
    }

    @Test
    void aFailedExchangeLeavesTheWatermarkSoTheWindowIsDeliveredAgain() throws Exception {
        addEvents(0, 240);
        AtomicBoolean failOnce = new AtomicBoolean(true);
        String uri = incremental(QUERY, "&maxWindow=PT1H");
        CamelContext context = start(uri, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").process(received::add).process(e -> {
                    if (e.getMessage().getHeader(LogAnalyticsConstants.WINDOW_START).toString()
                            .equals(T0.plus(Duration.ofHours(1)).toString()) && failOnce.getAndSet(false)) {
                        throw new IllegalStateException("downstream refused the batch");
                    }
                });
            }
        });
        LogAnalyticsConsumer consumer = consumer(context);
        clock.set(T0.plus(Duration.ofMinutes(125)));

        consumer.poll();                                    // first window committed, second failed in the route
        assertEquals(2, received.size());
        consumer.poll();                                    // second window again

        assertEquals(3, received.size());
        List<Long> seqs = receivedSeqs();
        assertEquals(new HashSet<>(range(0, 240)), new HashSet<>(seqs));
        assertEquals(360, seqs.size(), "the failed window's 120 rows twice, nothing else");
    }

    @Test
    void throttlingWaitsForRetryAfterBeforeAskingAgain() throws Exception {
        addEvents(0, 10);
        emulator.faults().next(1).status(429).retryAfter("60");
        CamelContext context = start(incremental(QUERY, "&maxWindow=PT1H"));
        LogAnalyticsConsumer consumer = consumer(context);
        clock.set(T0.plus(Duration.ofMinutes(15)));

        ThrottledException throttled = assertThrows(ThrottledException.class, consumer::poll);
        assertEquals(Duration.ofSeconds(60), throttled.getRetryAfter());
        assertEquals(1, emulator.requestLog().size());

        clock.advance(Duration.ofSeconds(59));
        assertEquals(0, consumer.poll());
        assertEquals(1, emulator.requestLog().size(), "no query before Retry-After has passed");

        clock.advance(Duration.ofSeconds(1));
        consumer.poll();
        assertEquals(2, emulator.requestLog().size());
        assertEquals(range(0, 10), receivedSeqs());
    }

    @Test
    void aRestartResumesFromTheWatermarkInAFile(@TempDir Path dir) throws Exception {
        addEvents(0, 240);
        String repository = "&stateRepository=#watermarks";
        CamelContext first = startWithFileRepository(dir, repository);
        clock.set(T0.plus(Duration.ofMinutes(65)));
        consumer(first).poll();
        first.stop();
        assertEquals(range(0, 120), receivedSeqs());

        emulator.requestLog().clear();
        clock.set(T0.plus(Duration.ofMinutes(125)));
        CamelContext second = startWithFileRepository(dir, repository);
        consumer(second).poll();

        assertEquals(range(0, 240), receivedSeqs());
        assertTrue(emulator.requestLog().last().body().contains(
                "\"timespan\":\"" + T0.plus(Duration.ofHours(1)) + "/" + T0.plus(Duration.ofHours(2)) + "\""));
    }

    private CamelContext startWithFileRepository(Path dir, String repository) throws Exception {
        FileStateRepository watermarks = FileStateRepository.fileStateRepository(dir.resolve("watermarks").toFile());
        String uri = incremental(QUERY, "&maxWindow=PT1H" + repository);
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        contexts.add(context);
        context.getRegistry().bind("watermarks", watermarks);
        context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(clock);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").process(received::add);
            }
        });
        context.start();
        return context;
    }

    @Test
    void aWindowOverTheRowLimitIsSplitAndEveryRowArrivesOnce() throws Exception {
        addEvents(0, 120);                                  // one hour, 120 rows
        emulator.limits().rowLimit(50);
        CamelContext context = start(incremental(QUERY, "&maxWindow=PT1H"));
        clock.set(T0.plus(Duration.ofMinutes(65)));

        consumer(context).poll();

        assertEquals(range(0, 120), receivedSeqs());
        // 1 h (120 rows) and 30 min (60) are over the limit; the four quarter hours (30 each) are not
        assertEquals(1 + 2 + 4, emulator.requestLog().size());
        assertEquals(4, received.size());
        assertEquals(T0.plus(Duration.ofMinutes(45)), received.get(3).getMessage()
                .getHeader(LogAnalyticsConstants.WINDOW_START));
    }

    @Test
    void withSplitRowsATruncatedWindowIsRedeliveredSplitWithDuplicatesButNoGap() throws Exception {
        addEvents(0, 120);
        emulator.limits().rowLimit(50);
        CamelContext context = start(incremental(QUERY, "&maxWindow=PT1H&splitRows=true"));
        clock.set(T0.plus(Duration.ofMinutes(65)));

        consumer(context).poll();

        List<Long> seqs = receivedSeqs();
        assertEquals(new HashSet<>(range(0, 120)), new HashSet<>(seqs));
        // each truncated response (1 h, then each 30 min half) delivered its first 49 rows, holding back the 50th
        assertEquals(120 + 3 * 49, seqs.size());
        long completes = received.stream().filter(e -> Boolean.TRUE.equals(e.getProperty(Exchange.BATCH_COMPLETE)))
                .count();
        assertEquals(4, completes, "only the four complete quarter hours completed a batch");
    }

    @Test
    void aWindowThatCannotBeSplitFurtherFailsWithTheTypedExceptionAndIsNotCommitted() throws Exception {
        for (int seq = 0; seq < 60; seq++) {
            addEvent(seq, T0, Duration.ZERO);               // 60 records in the same second
        }
        emulator.limits().rowLimit(50);
        CamelContext context = start(incremental(QUERY, "&maxWindow=PT1H"));
        clock.set(T0.plus(Duration.ofMinutes(65)));

        PartialResultException tooLarge = assertThrows(PartialResultException.class, consumer(context)::poll);

        assertTrue(tooLarge.isResultTooLarge());
        assertTrue(received.isEmpty(), "nothing truncated is delivered");
        int asked = emulator.requestLog().size();
        assertThrows(PartialResultException.class, consumer(context)::poll);
        assertTrue(emulator.requestLog().entries().get(asked).body().contains("\"timespan\":\"" + T0 + "/"),
                "the next poll starts from the same watermark");
        assertFalse(received.stream().anyMatch(e -> e.getProperty(Exchange.BATCH_COMPLETE) != null));
    }

    @Test
    void withoutIncrementalEachPollDeliversTheWholeResultAsOneExchange() throws Exception {
        addEvents(0, 10);
        CamelContext context = start(uri(QUERY, "&timespan=" + T0 + "/PT1H&startScheduler=false"));

        consumer(context).poll();
        consumer(context).poll();

        assertEquals(2, received.size());
        assertEquals(range(0, 10), received.get(0).getMessage().getBody(List.class).stream()
                .map(row -> ((java.util.Map<?, ?>) row).get("Seq")).toList());
        assertEquals(10, received.get(1).getMessage().getHeader(LogAnalyticsConstants.ROW_COUNT));
        assertNull(received.get(0).getMessage().getHeader(LogAnalyticsConstants.WINDOW_START));
        Set<String> timespans = new HashSet<>();
        emulator.requestLog().entries().forEach(r -> timespans.add(r.body().replaceAll(".*\"timespan\":\"([^\"]+)\".*",
                "$1")));
        assertEquals(Set.of(T0 + "/PT1H"), timespans);
    }
}
