package io.github.camelloganalytics.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            Recording reader = new Recording();

            assertEquals(ROWS, readCompressedIfOn(server, gzip, c -> contenders.producerRows(rows)), "ROWS");
            assertEquals(ROWS, readCompressedIfOn(server, gzip, c -> contenders.producerTables(tables)), "TABLES");
            assertEquals(ROWS, readCompressedIfOn(server, gzip, c -> contenders.consumerSplitRows(split)), "splitRows");
            assertEquals(ROWS, readCompressedIfOn(server, gzip, c -> contenders.sdk(sdk)), "SDK");
            assertEquals(ROWS, readCompressedIfOn(server, gzip, c -> contenders.camelHttp(http)), "camel-http");
            assertEquals(server.plainBody().length,
                    readCompressedIfOn(server, gzip, c -> (int) contenders.transportOnly(new Sink.Folding())),
                    "transport only");
            byte[] body = gzip ? server.gzippedBody() : server.plainBody();
            assertEquals(ROWS, Contenders.floor(body, gzip, floor), "floor");
            assertEquals(ROWS, Contenders.readerFromMemory(body, gzip, reader), "reader from memory");

            assertEquals(ROWS * WideTable.COLUMNS.size(), rows.values.size());
            assertEquals(rows.values, tables.values);
            assertEquals(rows.values, split.values);
            assertEquals(rows.values, reader.values);
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
            Map<String, ToIntFunction<Sink>> all = new LinkedHashMap<>();
            all.put("ROWS", contenders::producerRows);
            all.put("TABLES", contenders::producerTables);
            all.put("splitRows", contenders::consumerSplitRows);
            all.put("SDK", contenders::sdk);
            all.put("camel-http", contenders::camelHttp);
            for (Map.Entry<String, ToIntFunction<Sink>> entry : all.entrySet()) {
                ToIntFunction<Sink> contender = entry.getValue();
                int before = server.connections();
                for (int i = 0; i < 5; i++) {
                    contender.applyAsInt(sink);
                }
                // a handshake per query would make the small queries measure TLS, not reading. The component's
                // endpoints share one pool, so a later one may need no new connection at all; the SDK's Netty client
                // keeps a pool per event loop (twice the cores by default), so it may open one on each
                int allowed = entry.getKey().equals("SDK") ? 2 * Runtime.getRuntime().availableProcessors() : 1;
                int opened = server.connections() - before;
                assertTrue(opened <= allowed,
                        entry.getKey() + ": five queries, at most " + allowed + " new connections, got " + opened);
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
