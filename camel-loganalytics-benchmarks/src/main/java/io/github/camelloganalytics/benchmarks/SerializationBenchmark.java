package io.github.camelloganalytics.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultReader;
import io.github.camelloganalytics.result.RowCollector;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * What keeping a body costs: Java serialization of an {@code outputFormat=ROWS} body ({@code List<Map>}) and of a
 * {@code TABLES} body ({@code QueryResult}) of the benchmark's 12-column table, as JMS object messages, the JDBC,
 * Hazelcast and LevelDB aggregation repositories and the claim check do it; and reading them back. The serialized
 * size per row is printed when a trial starts ({@code serialized ... bytes per row}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms4g", "-Xmx4g", "-Xmn2g", "-XX:+AlwaysPreTouch" })
public class SerializationBenchmark {

    private static final ResultReader READER = new ResultReader();

    /** Rows in the body. */
    @Param({ "10000", "100000" })
    public int rows;

    private List<Map<String, Object>> rowsBody;
    private QueryResult tablesBody;
    private byte[] rowsBytes;
    private byte[] tablesBytes;

    /**
     * Reads the bodies once and serializes them once, to report their size.
     *
     * @throws IOException when reading fails
     */
    @Setup(Level.Trial)
    public void read() throws IOException {
        byte[] response = WideTable.response(rows);
        RowCollector collector = new RowCollector();
        try (InputStream in = new ByteArrayInputStream(response)) {
            READER.stream(in, collector);
        }
        rowsBody = collector.getRows();
        try (InputStream in = new ByteArrayInputStream(response)) {
            tablesBody = READER.read(in);
        }
        rowsBytes = serialize(rowsBody);
        tablesBytes = serialize(tablesBody);
        System.out.printf("%nserialized ROWS: %,d bytes, %,d bytes per row (response JSON: %,d bytes per row)%n",
                rowsBytes.length, rowsBytes.length / rows, response.length / rows);
        System.out.printf("serialized TABLES: %,d bytes, %,d bytes per row%n", tablesBytes.length,
                tablesBytes.length / rows);
    }

    static byte[] serialize(Object body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Object deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the serialized ROWS body */
    @Benchmark
    public byte[] serializeRows() {
        return serialize(rowsBody);
    }

    /** @return the ROWS body read back */
    @Benchmark
    public Object deserializeRows() {
        return deserialize(rowsBytes);
    }

    /** @return the serialized TABLES body */
    @Benchmark
    public byte[] serializeTables() {
        return serialize(tablesBody);
    }

    /** @return the TABLES body read back */
    @Benchmark
    public Object deserializeTables() {
        return deserialize(tablesBytes);
    }
}
