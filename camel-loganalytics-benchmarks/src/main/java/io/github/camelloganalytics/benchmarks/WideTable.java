package io.github.camelloganalytics.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;

/**
 * The benchmarks' result: 12 columns covering every KQL scalar type (string and datetime twice, as real tables
 * have several of each), with deterministic values, written exactly as the testkit's emulator writes them (through
 * the testkit's own {@link ColumnType#write}), so every contender reads the service's representation.
 */
public final class WideTable {

    /** The table name the emulator serves it under, and the query that asks for all of it. */
    public static final String NAME = "BenchEvents";
    /** The service's row cap: the largest result a query returns. */
    public static final int SERVICE_ROW_CAP = 500_000;

    /** The 12 columns, in order. */
    public static final List<Column> COLUMNS = List.of(
            Column.of("TimeGenerated", ColumnType.DATETIME),
            Column.of("Computer", ColumnType.STRING),
            Column.of("Seq", ColumnType.LONG),
            Column.of("Level", ColumnType.INT),
            Column.of("Succeeded", ColumnType.BOOL),
            Column.of("LatencyMs", ColumnType.REAL),
            Column.of("Cost", ColumnType.DECIMAL),
            Column.of("Elapsed", ColumnType.TIMESPAN),
            Column.of("CorrelationId", ColumnType.GUID),
            Column.of("Properties", ColumnType.DYNAMIC),
            Column.of("Message", ColumnType.STRING),
            Column.of("ReceivedAt", ColumnType.DATETIME));

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    private WideTable() {
    }

    /**
     * @param  i the row number
     * @return   row {@code i}'s values, in the forms the testkit's tables hold
     */
    public static Object[] row(int i) {
        Instant time = START.plusMillis(i * 37L).plusNanos((i % 10) * 100L);
        return new Object[] {
                time,
                "vm-" + (i % 64) + ".contoso.internal",
                (long) i * 1_000_003L,
                i % 5,
                i % 3 != 0,
                i * 0.25 + 0.125,
                new BigDecimal(i).movePointLeft(2).add(new BigDecimal("1000.0001")),
                Duration.ofMillis(i % 86_400_000L).plusNanos(1_200),
                new UUID(0x5c6e1a2b3d4f4a5bL + i, 0x8c7d9e0f1a2b3c4dL - i),
                JSON.valueToTree(Map.of("region", "westeurope", "attempt", i % 4, "tags", List.of("a", "b"))),
                "request " + i + " completed with status " + (200 + i % 7),
                time.plusSeconds(3) };
    }

    /**
     * Fills an emulator table with the rows.
     *
     * @param table a table with {@link #COLUMNS}
     * @param rows  how many
     */
    public static void fill(Table table, int rows) {
        for (int i = 0; i < rows; i++) {
            table.addRow(row(i));
        }
    }

    /**
     * Writes the service's response to a query returning {@code rows} rows of this table.
     *
     * @param  out  where
     * @param  rows how many
     * @throws IOException when {@code out} fails
     */
    public static void writeResponse(OutputStream out, int rows) throws IOException {
        try (JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            gen.writeStartObject();
            gen.writeArrayFieldStart("tables");
            gen.writeStartObject();
            gen.writeStringField("name", "PrimaryResult");
            gen.writeArrayFieldStart("columns");
            for (Column c : COLUMNS) {
                gen.writeStartObject();
                gen.writeStringField("name", c.name());
                gen.writeStringField("type", c.type().kqlName());
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("rows");
            for (int i = 0; i < rows; i++) {
                Object[] values = row(i);
                gen.writeStartArray();
                for (int c = 0; c < values.length; c++) {
                    COLUMNS.get(c).type().write(gen, values[c]);
                }
                gen.writeEndArray();
            }
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    /**
     * @param  rows how many rows
     * @return      the response body, once, in memory
     */
    public static byte[] response(int rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 420 + 1024);
        try {
            writeResponse(out, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param  body bytes
     * @return      them gzipped
     */
    public static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
