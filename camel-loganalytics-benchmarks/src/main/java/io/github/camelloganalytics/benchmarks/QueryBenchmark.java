package io.github.camelloganalytics.benchmarks;

import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One query's time, per contender, per result size, gzip on and off: every contender reads the same bytes from the
 * same loopback HTTPS server (the floor reads them from memory). Rows per second is {@code rows / time}; with
 * {@code -prof gc}, {@code gc.alloc.rate.norm / rows} is the allocation per row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
// a heap far above what any contender needs for 500,000 rows, so GC pressure is measured as allocation, not as OOM;
// touched before the run and with a fixed young generation, because page faults on a fresh heap and G1's resizing
// of the young generation made iterations of one case differ fourfold (113 to 1,686 ms for ROWS at 100,000 rows)
@Fork(value = 1, jvmArgsAppend = { "-Xms4g", "-Xmx4g", "-Xmn2g", "-XX:+AlwaysPreTouch" })
public class QueryBenchmark {

    /** Rows in the response: one, typical, large, and the service's cap. */
    @Param({ "1", "10000", "100000", "500000" })
    public int rows;

    /** Whether the server gzips (for clients asking) and the floor gunzips. */
    @Param({ "false", "true" })
    public boolean gzip;

    private FixedBodyServer server;
    private Contenders contenders;
    private byte[] body;

    /**
     * Builds the body once per trial and starts everything.
     *
     * @throws Exception when a server or Camel does not start
     */
    @Setup(Level.Trial)
    public void start() throws Exception {
        Tls tls = new Tls();
        server = FixedBodyServer.prebuilt(tls, rows, gzip, 0);
        contenders = new Contenders(server, tls, gzip);
        body = gzip ? server.gzippedBody() : server.plainBody();
    }

    /**
     * Stops everything.
     *
     * @throws Exception when Camel does not stop
     */
    @TearDown(Level.Trial)
    public void stop() throws Exception {
        contenders.close();
        server.close();
    }

    private int checked(int read) {
        if (read != rows) {
            throw new IllegalStateException("read " + read + " rows of " + rows);
        }
        return read;
    }

    /** @param bh JMH's blackhole @return rows read */
    @Benchmark
    public int producerRows(Blackhole bh) {
        return checked(contenders.producerRows(new BlackholeSink(bh)));
    }

    /** @param bh JMH's blackhole @return rows read */
    @Benchmark
    public int producerTables(Blackhole bh) {
        return checked(contenders.producerTables(new BlackholeSink(bh)));
    }

    /** @param bh JMH's blackhole @return rows read */
    @Benchmark
    public int consumerSplitRows(Blackhole bh) {
        return checked(contenders.consumerSplitRows(new BlackholeSink(bh)));
    }

    /** @param bh JMH's blackhole @return rows read */
    @Benchmark
    public int azureSdk(Blackhole bh) {
        return checked(contenders.sdk(new BlackholeSink(bh)));
    }

    /** @param bh JMH's blackhole @return rows read */
    @Benchmark
    public int camelHttpJackson(Blackhole bh) {
        return checked(contenders.camelHttp(new BlackholeSink(bh)));
    }

    /**
     * Not a contender: the body over HTTPS, read and dropped, for how much of a contender's time is transport.
     *
     * @param  bh JMH's blackhole
     * @return    bytes read
     */
    @Benchmark
    public long transportOnly(Blackhole bh) {
        long bytes = contenders.transportOnly(new BlackholeSink(bh));
        if (bytes != server.plainBody().length) {
            throw new IllegalStateException("read " + bytes + " bytes of " + server.plainBody().length);
        }
        return bytes;
    }

    /**
     * Not a contender: the component's reader over the body from memory, as the floor reads it.
     *
     * @param  bh JMH's blackhole
     * @return    rows read
     */
    @Benchmark
    public int readerFromMemory(Blackhole bh) {
        return checked(Contenders.readerFromMemory(body, gzip, new BlackholeSink(bh)));
    }

    /** @param bh JMH's blackhole @return rows read */
    @Benchmark
    public int floorJacksonStreaming(Blackhole bh) {
        return checked(Contenders.floor(body, gzip, new BlackholeSink(bh)));
    }
}
