package io.github.camelloganalytics.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.error.ErrorCatalog;
import io.github.camelloganalytics.error.MalformedResponseException;
import io.github.camelloganalytics.error.QueryTimeoutException;
import io.github.camelloganalytics.error.ResponseTooLargeException;
import io.github.camelloganalytics.result.QueryResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.github.camelloganalytics.reliability.RawHttpServer.RESULT_START;
import static io.github.camelloganalytics.reliability.RawHttpServer.okHead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query path against hostile servers written on raw loopback sockets: a body trickled a byte at a time, silence
 * after the headers or before them, a body without end (plain and gzip), a gzip bomb, a single cell of gigabytes, a
 * body broken after its first kilobyte of 50 MiB, and a kept-alive connection the server closed. Each ends in the
 * exception class a route's {@code onException} catches, within the deadline, with no connection leased, no thread
 * left reading and the connection dropped; the next query on the same component works.
 * <p>
 * The times printed ({@code figure:} lines) are the figures of docs/reliability.md.
 */
class HostileServerTest extends HostileServerSupport {

    private static final byte[] ROW = ",[1,\"0123456789012345678901234567890123456789\"]".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void loadClasses() {
        // the figures below are the deadline's, not the first loading of the catalog and its exception classes
        ErrorCatalog.entries();
    }

    private LogAnalyticsComponent component() {
        return context.getComponent("loganalytics", LogAnalyticsComponent.class);
    }

    /** Sends and returns the exchange's exception, failing the test when none came within two minutes. */
    private Exception failure(String uri) throws Exception {
        Exchange exchange = template.asyncSend(uri, e -> { }).get(2, TimeUnit.MINUTES);
        assertTrue(exchange.getException() != null, "the exchange failed");
        return exchange.getException();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within 30 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static boolean someThreadReadsAhead() {
        return Thread.getAllStackTraces().entrySet().stream().anyMatch(e -> e.getKey().getName()
                .contains("LogAnalyticsReadAhead")
                && Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().endsWith("ReadAheadInputStream")));
    }

    /** Nothing leaked, and the connection was dropped: the server noticed the client gone. */
    private void assertCleanAfterFailure() throws InterruptedException {
        // the abort comes from the deadline's timer thread: the lease is given back as that abort completes
        await("no connection leased", () -> component().leasedConnections() == 0);
        await("no thread left reading a body ahead", () -> !someThreadReadsAhead());
        await("the server saw the connection dropped", () -> server.droppedByClient() > 0);
    }

    /** Writes until the client goes away, bounded so that a broken test ends too. */
    private static void keepWriting(RawHttpServer.Connection c, byte[] piece, long maxBytes, long pauseMillis)
            throws IOException, InterruptedException {
        for (long sent = 0; sent < maxBytes; sent += piece.length) {
            c.write(piece);
            if (pauseMillis > 0) {
                Thread.sleep(pauseMillis);
            }
        }
    }

    @Test
    void aBodyTrickledAByteAtATimeEndsAtTheDeadline() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.write(okHead(10_000_000));
            c.write(RESULT_START + "[1,\"");
            keepWriting(c, new byte[] {'x'}, 1_000_000, 100);
        });
        long started = System.nanoTime();
        Exception e = failure(uri("responseTimeout=PT2S"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("figure: trickle, responseTimeout 2 s: QueryTimeoutException after " + millis + " ms");
        assertInstanceOf(QueryTimeoutException.class, e);
        assertTrue(e.getMessage().contains("No complete answer within 2 s (responseTimeout)"), e.getMessage());
        assertTrue(millis < 20_000, "ended by the deadline, not by the server: " + millis + " ms");
        assertCleanAfterFailure();
    }

    @Test
    void aLargeBodyReadAheadThenTrickledEndsAtTheDeadlineWithNoReadingThreadLeft() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.write(okHead(-1));
            c.chunk((RESULT_START + "[0,\"first\"]").getBytes(StandardCharsets.UTF_8));
            byte[] block = repeat(ROW, 20_000);
            c.chunk(block);
            for (int i = 0; i < 10_000; i++) {
                c.chunk(ROW);
                Thread.sleep(200);
            }
        });
        long started = System.nanoTime();
        Exception e = failure(uri("responseTimeout=PT3S"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("figure: 1 MB then trickle, read ahead, responseTimeout 3 s: QueryTimeoutException after "
                           + millis + " ms");
        assertInstanceOf(QueryTimeoutException.class, e);
        assertCleanAfterFailure();
    }

    @Test
    void silenceAfterTheHeadersEndsAtTheDeadline() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.write(okHead(100_000));
            c.write(RESULT_START);
            // silent until the client goes away
            if (c.in.read() < 0) {
                throw new java.net.SocketException("closed by the client");
            }
        });
        long started = System.nanoTime();
        Exception e = failure(uri("responseTimeout=PT2S"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("figure: silence after the headers, responseTimeout 2 s: QueryTimeoutException after "
                           + millis + " ms");
        assertInstanceOf(QueryTimeoutException.class, e);
        assertCleanAfterFailure();
    }

    @Test
    void silenceBeforeAnyAnswerEndsAtTheDeadline() throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            if (c.in.read() < 0) {
                throw new java.net.SocketException("closed by the client");
            }
        });
        Exception e = failure(uri("responseTimeout=PT2S"));
        assertInstanceOf(QueryTimeoutException.class, e);
        assertCleanAfterFailure();
    }

    @ParameterizedTest(name = "{0}, gzip {1}")
    @CsvSource({"ROWS,false", "TABLES,false", "JSON,false", "ROWS,true", "TABLES,true", "JSON,true"})
    void anEndlessBodyEndsAtMaxResponseSize(String outputFormat, boolean gzip) throws Exception {
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.write(okHead(-1, gzip ? "Content-Encoding: gzip" : "X-Plain: yes"));
            OutputStream chunks = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    c.chunk(Arrays.copyOfRange(b, off, off + len));
                }
            };
            OutputStream body = gzip ? new GZIPOutputStream(chunks, 64 * 1024, true) : chunks;
            body.write((RESULT_START + "[0,\"first\"]").getBytes(StandardCharsets.UTF_8));
            byte[] block = repeat(ROW, 1_000);
            for (int i = 0; i < 50_000; i++) {
                body.write(block);
                body.flush();
            }
        });
        // the limit written as text, as CONTRACT allows: 4MB is 4194304 bytes
        Exception e = failure(uri("outputFormat=" + outputFormat + "&maxResponseSize=4MB"));
        ResponseTooLargeException tooLarge = assertInstanceOf(ResponseTooLargeException.class, e);
        assertInstanceOf(MalformedResponseException.class, tooLarge, "caught by onException(Malformed...) too");
        assertTrue(e.getMessage().contains("maxResponseSize=4194304 bytes (4 MiB"), e.getMessage());
        assertTrue(server.bytesSent.get() < 64L * 1024 * 1024, "stopped reading near the limit: "
                                                            + server.bytesSent.get() + " bytes sent");
        assertCleanAfterFailure();
        assertNextQueryWorks();
    }

    @Test
    void aGzipBombStopsAtTheDecodedLimit() throws Exception {
        // 512 MiB of one cell, decoded; about half a megabyte on the wire
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024)) {
            gzip.write((RESULT_START + "[0,\"").getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 512; i++) {
                gzip.write(block);
            }
            gzip.write("\"]]}]}".getBytes(StandardCharsets.UTF_8));
        }
        byte[] bomb = compressed.toByteArray();
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.write(okHead(bomb.length, "Content-Encoding: gzip"));
            c.write(bomb);
            c.in.read();
        });
        for (String format : List.of("ROWS", "TABLES", "JSON")) {
            Exception e = failure(uri("outputFormat=" + format + "&maxResponseSize=8388608"));
            assertInstanceOf(ResponseTooLargeException.class, e, format);
            assertTrue(e.getMessage().contains("maxResponseSize=8388608"), e.getMessage());
            assertEquals(0, component().leasedConnections());
        }
        System.out.println("figure: gzip bomb of " + bomb.length + " bytes decoding to 512 MiB");
    }

    @Test
    void aCellOfGigabytesStopsAtTheLimit() throws Exception {
        server = oneCell(3L * 1024 * 1024 * 1024);
        for (String format : List.of("ROWS", "TABLES", "JSON")) {
            Exception e = failure(uri("outputFormat=" + format + "&maxResponseSize=16777216"));
            assertInstanceOf(ResponseTooLargeException.class, e, format);
        }
        assertCleanAfterFailure();
    }

    @Test
    void aBodyBrokenAfterItsFirstKilobyteFailsWithoutWaitingForTheRest() throws Exception {
        long length = 50L * 1024 * 1024;
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.write(okHead(length));
            String broken = RESULT_START + "[1,\"ok\"],[\"not a long\",\"x\"]";
            c.write(broken);
            byte[] filler = new byte[64 * 1024];
            Arrays.fill(filler, (byte) ' ');
            // the rest arrives slowly: some 80 s for all of it
            keepWriting(c, filler, length - broken.length(), 100);
        });
        long started = System.nanoTime();
        Exception e = failure(uri("responseTimeout=PT5M"));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        System.out.println("figure: 50 MiB body broken after 1 KiB: MalformedResponseException after " + millis + " ms");
        assertInstanceOf(MalformedResponseException.class, e);
        assertTrue(server.bytesSent.get() < length / 2, "the rest of the body was not awaited: "
                                                        + server.bytesSent.get() + " bytes sent");
        assertCleanAfterFailure();
    }

    @Test
    void aKeptAliveConnectionClosedByTheServerIsReplacedOnce() throws Exception {
        String result = RESULT_START + "[7,\"seven\"]]}]}";
        server = new RawHttpServer(c -> {
            do {
                if (c.readRequest() == null) {
                    return;
                }
                c.write(okHead(result.getBytes(StandardCharsets.UTF_8).length) + result);
                // the first connection is closed by the server after its first answer, as an idle timeout would
            } while (c.number > 0);
        });
        String uri = uri("");
        List<?> first = template.requestBody(uri, null, List.class);
        assertEquals(1, first.size());
        await("the server closed the first connection", () -> server.connections() == 1 && server.requests.size() == 1);
        Thread.sleep(300);
        List<?> second = template.requestBody(uri, null, List.class);
        assertEquals(Map.of("Seq", 7L, "Payload", "seven"), second.get(0));
        assertEquals(2, server.connections(), "one fresh connection for the retry");
        assertEquals(2, server.requests.size(), "the query reached the server twice in all, once per query");
        assertEquals(0, component().leasedConnections());
    }

    /** The same component answers the next query of a well-behaved server. */
    private void assertNextQueryWorks() throws IOException {
        server.close();
        String result = RESULT_START + "[7,\"seven\"]]}]}";
        server = new RawHttpServer(c -> {
            while (c.readRequest() != null) {
                c.write(okHead(result.getBytes(StandardCharsets.UTF_8).length) + result);
            }
        });
        QueryResult tables = template.requestBody(uri("outputFormat=TABLES"), null, QueryResult.class);
        assertEquals(1, tables.getPrimaryTable().getRowCount());
        assertEquals(0, component().leasedConnections());
    }

    private static byte[] repeat(byte[] piece, int times) {
        byte[] all = new byte[piece.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(piece, 0, all, i * piece.length, piece.length);
        }
        return all;
    }
}
