package io.github.camelloganalytics;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 200,000 rows of about 1 KB each (a body of some 210 MB) pass through a route in {@code splitRows} mode in a JVM
 * whose heap is capped at 128 MB: the rows cannot have been held. Run by its own surefire execution, with
 * {@code -Xmx128m}.
 * <p>
 * The emulator builds each response in memory before sending it, so it cannot serve a body larger than the heap;
 * this test serves the service's response shape from a JDK HTTP server on loopback that writes the rows as it
 * generates them.
 */
@EnabledIfSystemProperty(named = "heapCapped", matches = "true",
                         disabledReason = "runs only in the component pom's heap-capped surefire execution")
class SplitRowsHeapTest {

    private static final int ROWS = 200_000;
    private static final String PAYLOAD = "x".repeat(1000);
    private static final Instant NOW = Instant.parse("2026-01-01T06:00:00Z");
    private static final long HEAP_CAP = 128L * 1024 * 1024;

    private HttpServer server;
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            requests.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);                 // chunked: the length is never known up front
            try (OutputStream out = new BufferedOutputStream(exchange.getResponseBody(), 64 * 1024)) {
                write(out, "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"Seq\",\"type\":\"long\"},"
                           + "{\"name\":\"Payload\",\"type\":\"string\"}],\"rows\":[");
                for (int i = 0; i < ROWS; i++) {
                    write(out, (i == 0 ? "" : ",") + "[" + i + ",\"" + PAYLOAD + "\"]");
                }
                write(out, "]}]}");
            }
        });
        server.start();
    }

    private void write(OutputStream out, String text) throws java.io.IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        bytesServed.addAndGet(bytes.length);
        out.write(bytes);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void twoHundredThousandRowsPassThroughARouteInA128MbHeap() throws Exception {
        assertTrue(Runtime.getRuntime().maxMemory() <= HEAP_CAP,
                "run with -Xmx128m (the component pom's heap-capped execution); max heap is "
                                                                 + Runtime.getRuntime().maxMemory());
        AtomicLong rows = new AtomicLong();
        AtomicLong outOfOrder = new AtomicLong();
        AtomicLong completes = new AtomicLong();
        String uri = "loganalytics:heap-test?host=http://127.0.0.1:" + server.getAddress().getPort()
                     + "&accessToken=not-checked&query=Big&splitRows=true&incremental=true&startFrom=PT1H"
                     + "&startScheduler=false"
                     // a body of 210 MB, above the default limit of 128 MiB: streamed rows need no heap for it
                     + "&maxResponseSize=1073741824";
        try (CamelContext context = new DefaultCamelContext()) {
            // a clock that stands still: the server answers every query with all its rows, so one window it is
            context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(Clock.fixed(NOW, ZoneOffset.UTC));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId("export").process(exchange -> {
                        long seq = (Long) exchange.getMessage().getBody(java.util.Map.class).get("Seq");
                        if (seq != rows.getAndIncrement()) {
                            outOfOrder.incrementAndGet();
                        }
                        if (Boolean.TRUE.equals(exchange.getProperty(Exchange.BATCH_COMPLETE))) {
                            completes.incrementAndGet();
                            assertEquals(ROWS, exchange.getProperty(Exchange.BATCH_SIZE));
                        }
                    });
                }
            });
            context.start();

            ((LogAnalyticsConsumer) context.getRoute("export").getConsumer()).poll();
        }

        assertEquals(ROWS, rows.get());
        assertEquals(0, outOfOrder.get());
        assertEquals(1, completes.get());
        assertEquals(1, requests.get(), "one window, asked once");
        assertTrue(bytesServed.get() > HEAP_CAP, "the body (" + bytesServed.get() + " bytes) is larger than the heap");
        System.out.printf("splitRows under a %d MB heap: %d rows, %d bytes of body%n",
                Runtime.getRuntime().maxMemory() / (1024 * 1024), rows.get(), bytesServed.get());
    }
}
