package io.github.camelloganalytics.benchmarks;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.camelloganalytics.testkit.SampleWorkspace;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Twenty queries against a server that takes 50 ms per query (the service's own time): {@code operation=BATCH} at
 * {@code batchParallelism} 1, 5 and 10, against the same twenty sent one after another through a QUERY endpoint.
 * Wall time per twenty.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class BatchBenchmark {

    /** Queries in one batch. */
    public static final int QUERIES = 20;
    /** The server's time per query. */
    public static final long SERVER_MILLIS = 50;
    /** Rows each query returns. */
    public static final int ROWS = 10;

    /** {@code batchParallelism}. */
    @Param({ "1", "5", "10" })
    public int parallelism;

    private FixedBodyServer server;
    private CamelContext camel;
    private ProducerTemplate template;
    private final List<String> queries = Collections.nCopies(QUERIES, WideTable.NAME);

    /**
     * Starts the slow server and the two routes.
     *
     * @throws Exception when a server or Camel does not start
     */
    @Setup(Level.Trial)
    public void start() throws Exception {
        Tls tls = new Tls();
        server = FixedBodyServer.prebuilt(tls, ROWS, false, SERVER_MILLIS);
        camel = new DefaultCamelContext();
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(tls.trustManagers().getTrustManagers()[0]);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);
        camel.getRegistry().bind("tls", ssl);
        String common = "loganalytics:" + SampleWorkspace.ID + "?host=" + server.baseUrl()
                        + "&accessToken=RAW(benchmark-token)&sslContextParameters=#tls";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:batch").to(common + "&operation=BATCH&batchParallelism=" + parallelism);
                from("direct:single").to(common + "&query=" + WideTable.NAME);
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    /**
     * Stops everything.
     *
     * @throws Exception when Camel does not stop
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        camel.close();
        server.close();
    }

    /** @return the batch's results, each checked to be rows */
    @Benchmark
    public List<?> batch() {
        List<?> results = template.requestBody("direct:batch", queries, List.class);
        for (Object result : results) {
            if (!(result instanceof List<?> rows) || rows.size() != ROWS) {
                throw new IllegalStateException("a batch item is not " + ROWS + " rows: " + result);
            }
        }
        return results;
    }

    /** @return the rows of the last query */
    @Benchmark
    public List<?> sequential() {
        List<?> rows = null;
        for (int i = 0; i < QUERIES; i++) {
            rows = template.requestBody("direct:single", null, List.class);
            if (rows.size() != ROWS) {
                throw new IllegalStateException("a query returned " + rows.size() + " rows");
            }
        }
        return rows;
    }
}
