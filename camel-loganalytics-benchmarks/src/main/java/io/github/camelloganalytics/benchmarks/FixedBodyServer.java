package io.github.camelloganalytics.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * An HTTPS server on loopback answering every request with the same {@link WideTable} response, so every contender
 * reads identical bytes and the server does no per-request work beyond writing them. The body is either built once
 * and held (for throughput runs: the server's own cost stays out of the measurement) or generated while it is
 * written (for heap runs, where a held body would fill the very heap being measured).
 * <p>
 * A response is gzipped only when gzip is on <em>and</em> the request accepts it, as a real server does; {@link
 * #gzippedResponses()} lets a caller check that a contender really received the compressed form.
 */
public final class FixedBodyServer implements AutoCloseable {

    static {
        // the JDK server leaves Nagle's algorithm on, and with the client's delayed ACK every small response would
        // wait some 40 ms for its last segment: no real server does that, and it would swamp a 1-row query
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fixed-body-server");
        t.setDaemon(true);
        return t;
    });
    private final int rows;
    private final boolean gzip;
    private final byte[] plain;
    private final byte[] gzipped;
    private final long delayMillis;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong gzippedResponses = new AtomicLong();
    private final Set<InetSocketAddress> clients = ConcurrentHashMap.newKeySet();

    private FixedBodyServer(Tls tls, int rows, boolean gzip, boolean prebuilt, long delayMillis) throws IOException {
        this.rows = rows;
        this.gzip = gzip;
        this.delayMillis = delayMillis;
        this.plain = prebuilt ? WideTable.response(rows) : null;
        this.gzipped = prebuilt && gzip ? WideTable.gzip(plain) : null;
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * A server holding the body it sends.
     *
     * @param  tls         the server's identity
     * @param  rows        rows in the response
     * @param  gzip        whether to gzip for clients accepting it
     * @param  delayMillis how long each response waits before its first byte (a query's time in the service)
     * @return             the started server
     * @throws IOException when no port can be bound
     */
    public static FixedBodyServer prebuilt(Tls tls, int rows, boolean gzip, long delayMillis) throws IOException {
        return new FixedBodyServer(tls, rows, gzip, true, delayMillis);
    }

    /**
     * A server generating the body as it writes it, holding no more than its buffers.
     *
     * @param  tls  the server's identity
     * @param  rows rows in the response
     * @param  gzip whether to gzip for clients accepting it
     * @return      the started server
     * @throws IOException when no port can be bound
     */
    public static FixedBodyServer streaming(Tls tls, int rows, boolean gzip) throws IOException {
        return new FixedBodyServer(tls, rows, gzip, false, 0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            clients.add(exchange.getRemoteAddress());
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            boolean compress = gzip && accept != null && accept.contains("gzip");
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().add("x-ms-request-id", "00000000-0000-0000-0000-000000000000");
            if (compress) {
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                gzippedResponses.incrementAndGet();
            }
            if (plain != null) {
                byte[] body = compress ? gzipped : plain;
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(200, 0);
                OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024);
                if (compress) {
                    out = new GZIPOutputStream(out, 64 * 1024);
                }
                try (OutputStream body = out) {
                    WideTable.writeResponse(body, rows);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the base URL, {@code https://127.0.0.1:PORT} */
    public String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return the plain body held, or null for a streaming server */
    public byte[] plainBody() {
        return plain;
    }

    /** @return the gzipped body held, or null */
    public byte[] gzippedBody() {
        return gzipped;
    }

    /** @return requests answered so far */
    public long requests() {
        return requests.get();
    }

    /** @return the connections requests came on so far (by client address and port) */
    public int connections() {
        return clients.size();
    }

    /** @return responses sent gzipped so far */
    public long gzippedResponses() {
        return gzippedResponses.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
