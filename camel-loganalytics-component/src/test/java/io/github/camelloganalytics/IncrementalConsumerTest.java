package io.github.camelloganalytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.LongStream;

import io.github.camelloganalytics.testkit.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Windows over time: every record once, late ones included, with the query on {@code TimeGenerated} inside
 * {@code ingestionDelay} and with the query on {@code ingestion_time()} beyond it.
 */
class IncrementalConsumerTest extends ConsumerTestSupport {

    private static final String BY_TIME_GENERATED = TABLE + " | project Seq";
    private static final String BY_INGESTION_TIME = TABLE
            + " | where ingestion_time() >= _windowStart and ingestion_time() < _windowEnd | project Seq";

    /**
     * Simulates four hours: an event every minute, each reaching the workspace {@code lateness(seq)} after it was
     * generated, and a poll every 7 minutes. Events are added to the emulator only once the clock passes their
     * ingestion time, as the service would show them.
     */
    private void run(CamelContext context, int events, java.util.function.LongFunction<Duration> lateness)
            throws Exception {
        TreeMap<Instant, List<Long>> arrivals = new TreeMap<>();
        for (long seq = 0; seq < events; seq++) {
            Instant generated = T0.plus(Duration.ofMinutes(seq)).plusSeconds(seq % 60);
            arrivals.computeIfAbsent(generated.plus(lateness.apply(seq)), k -> new ArrayList<>()).add(seq);
        }
        Instant end = T0.plus(Duration.ofMinutes(events)).plus(Duration.ofHours(1));
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofMinutes(7));
            var due = arrivals.headMap(clock.instant(), true);
            due.values().forEach(seqs -> seqs.forEach(
                    seq -> addEvent(seq, T0.plus(Duration.ofMinutes(seq)).plusSeconds(seq % 60), lateness.apply(seq))));
            due.clear();
            consumer(context).poll();
        }
    }

    @Test
    void everyRecordOnceOverManyWindowsWhenLatenessIsInsideIngestionDelay() throws Exception {
        CamelContext context = start(incremental(BY_TIME_GENERATED, ""));

        run(context, 240, seq -> Duration.ofSeconds(seq * 37 % 290)); // up to 4 min 50 s late, under PT5M

        assertEquals(LongStream.range(0, 240).boxed().toList(), receivedSeqs().stream().sorted().toList());
        assertEquals(240, receivedSeqs().size());
        // consecutive windows: each starts where the previous ended, none longer than maxWindow
        List<LoggedRequest> queries = emulator.requestLog().entries();
        Instant expectedStart = T0;
        for (LoggedRequest query : queries) {
            String body = query.body();
            assertTrue(body.contains("let _windowStart = datetime(" + expectedStart + ");"), body);
            String timespan = body.replaceAll(".*\"timespan\":\"([^\"]+)\".*", "$1");
            Instant start = Instant.parse(timespan.substring(0, timespan.indexOf('/')));
            Instant end = Instant.parse(timespan.substring(timespan.indexOf('/') + 1));
            assertEquals(expectedStart, start);
            assertTrue(Duration.between(start, end).compareTo(Duration.ofMinutes(10)) <= 0, timespan);
            expectedStart = end;
        }
        // the exchanges carry their window
        Exchange first = received.get(0);
        assertEquals(T0, first.getMessage().getHeader(LogAnalyticsConstants.WINDOW_START));
        // the first poll, at T0 + 7 min, could ask only up to now minus the 5-minute ingestion delay
        assertEquals(T0.plus(Duration.ofMinutes(2)), first.getMessage().getHeader(LogAnalyticsConstants.WINDOW_END));
    }

    @Test
    void aQueryOnTimeGeneratedMissesRecordsLaterThanIngestionDelay() throws Exception {
        CamelContext context = start(incremental(BY_TIME_GENERATED, ""));

        // every tenth event arrives 30 minutes late, far past PT5M
        run(context, 120, seq -> seq % 10 == 0 ? Duration.ofMinutes(30) : Duration.ofSeconds(20));

        List<Long> expected = LongStream.range(0, 120).filter(seq -> seq % 10 != 0).boxed().toList();
        assertEquals(expected, receivedSeqs().stream().sorted().toList());
    }

    @Test
    void theIngestionTimeRecipeGetsEveryRecordOnceEvenLaterThanIngestionDelay() throws Exception {
        CamelContext context = start(incremental(BY_INGESTION_TIME, "&lookback=P1D"));

        run(context, 120, seq -> seq % 10 == 0 ? Duration.ofMinutes(30) : Duration.ofSeconds(seq * 37 % 290));

        assertEquals(LongStream.range(0, 120).boxed().toList(), receivedSeqs().stream().sorted().toList());
        assertEquals(120, receivedSeqs().size());
        String timespan = emulator.requestLog().entries().get(0).body().replaceAll(".*\"timespan\":\"([^\"]+)\".*",
                "$1");
        assertEquals(T0.minus(Duration.ofDays(1)) + "/" + T0.plus(Duration.ofMinutes(2)), timespan);
    }

    @Test
    void splitRowsDeliversOneExchangePerRowWithBatchProperties() throws Exception {
        for (long seq = 0; seq < 5; seq++) {
            addEvent(seq, T0.plusSeconds(60 * seq), Duration.ZERO);
        }
        CamelContext context = start(incremental(BY_TIME_GENERATED, "&splitRows=true"));
        clock.set(T0.plus(Duration.ofMinutes(15)));

        consumer(context).poll();

        assertEquals(List.of(0L, 1L, 2L, 3L, 4L), receivedSeqs());
        for (int i = 0; i < 5; i++) {
            Exchange exchange = received.get(i);
            assertEquals(i, exchange.getProperty(Exchange.BATCH_INDEX));
            assertEquals(i == 4, exchange.getProperty(Exchange.BATCH_COMPLETE));
        }
        assertEquals(5, received.get(4).getProperty(Exchange.BATCH_SIZE));
    }
}
