package io.github.camelloganalytics.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark is only worth its figures if every contender really reads the whole result, from the same bytes,
 * compressed when gzip is on: each one here reads 2,000 rows, the typed contenders agree value for value, and the
 * server saw the gzip each asked for.
 */
class ContendersTest {

    private static final int ROWS = 2_000;

    /** Collects what a contender read, to compare contenders. */
    private static final class Recording implements Sink {
        final List<Object> values = new ArrayList<>();

        @Override
        public void consume(Object value) {
            values.add(value);
        }

        @Override
        public void consume(long value) {
            values.add(value);
        }

        @Override
        public void consume(double value) {
            values.add(value);
        }

        @Override
        public void consume(boolean value) {
            values.add(value);
        }
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = { false, true })
    void everyContenderReadsEveryRowOfTheSameBytes(boolean gzip) throws Exception {
        Tls tls = new Tls();
        try (FixedBodyServer server = FixedBodyServer.prebuilt(tls, ROWS, gzip, 0);
             Contenders contenders = new Contenders(server, tls, gzip)) {
            Recording rows = new Recording();
            Recording tables = new Recording();
            Recording split = new Recording();
            Recording sdk = new Recording();
            Recording http = new Recording();
            Recording floor = new Recording();

            assertEquals(ROWS, readCompressedIfOn(server, gzip, c -> contenders.producerRows(rows)), "ROWS");
            assertEquals(ROWS, readCompressedIfOn(server, gzip, c -> contenders.producerTables(tables)), "TABLES");
            assertEquals(ROWS, readCompressedIfOn(server, gzip, c -> contenders.consumerSplitRows(split)), "splitRows");
            assertEquals(ROWS, readCompressedIfOn(server, gzip, c -> contenders.sdk(sdk)), "SDK");
            assertEquals(ROWS, readCompressedIfOn(server, gzip, c -> contenders.camelHttp(http)), "camel-http");
            byte[] body = gzip ? server.gzippedBody() : server.plainBody();
            assertEquals(ROWS, Contenders.floor(body, gzip, floor), "floor");

            assertEquals(ROWS * WideTable.COLUMNS.size(), rows.values.size());
            assertEquals(rows.values, tables.values);
            assertEquals(rows.values, split.values);
            // the SDK's typed values are the component's: same types, same values, cell by cell
            assertEquals(rows.values, sdk.values);
            assertEquals(ROWS * WideTable.COLUMNS.size(), http.values.size());
            // the floor also reads the 24 strings of the column declarations
            assertEquals(ROWS * WideTable.COLUMNS.size() + 2 * WideTable.COLUMNS.size() + 1, floor.values.size());
        }
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = { false, true })
    void everyHttpContenderKeepsItsConnection(boolean gzip) throws Exception {
        Tls tls = new Tls();
        try (FixedBodyServer server = FixedBodyServer.prebuilt(tls, 10, gzip, 0);
             Contenders contenders = new Contenders(server, tls, gzip)) {
            Sink sink = new Sink.Folding();
            List<ToIntFunction<Sink>> all = List.of(contenders::producerRows, contenders::producerTables,
                    contenders::consumerSplitRows, contenders::sdk, contenders::camelHttp);
            for (ToIntFunction<Sink> contender : all) {
                int before = server.connections();
                for (int i = 0; i < 5; i++) {
                    contender.applyAsInt(sink);
                }
                // a handshake per query would make the small queries measure TLS, not reading; the component's
                // endpoints share one pool, so a later one may need no new connection at all
                assertTrue(server.connections() - before <= 1, "five queries, at most one new connection, got "
                                                                + (server.connections() - before));
            }
        }
    }

    private static int readCompressedIfOn(FixedBodyServer server, boolean gzip, ToIntFunction<Void> read) {
        long gzippedBefore = server.gzippedResponses();
        long requestsBefore = server.requests();
        int n = read.applyAsInt(null);
        assertEquals(requestsBefore + 1, server.requests(), "one request");
        assertEquals(gzippedBefore + (gzip ? 1 : 0), server.gzippedResponses(), "gzip as configured");
        return n;
    }
}
