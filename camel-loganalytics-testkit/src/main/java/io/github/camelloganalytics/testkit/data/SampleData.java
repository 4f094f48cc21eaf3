package io.github.camelloganalytics.testkit.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bundled sample records: Heartbeat, AzureActivity and AppRequests-like tables, a few hundred rows spread over
 * the last 24 hours, together covering every KQL column type.
 *
 * <p>
 * The resource's datetimes are relative to its {@code anchor}; they are shifted so the anchor becomes the load time,
 * so that {@code ago(1h)} finds records whenever the emulator runs.
 */
public final class SampleData {

    /** Class-path location of the sample records. */
    public static final String RESOURCE = "/io/github/camelloganalytics/testkit/sample-workspace.json";

    /** The bundled tables' names. */
    public static final List<String> TABLES = List.of("Heartbeat", "AzureActivity", "AppRequests");

    private SampleData() {
    }

    /** The parsed resource, read once per class loader on first use. */
    private static final class Holder {
        static final JsonNode ROOT = read();
    }

    private static JsonNode read() {
        try (InputStream in = SampleData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled records of one table, shifted like {@link #load}, laid out for another table's columns.
     *
     * @param  table   one of {@link #TABLES}
     * @param  columns the columns to lay the values out for (matched by name; a column the records lack is null, a
     *                 value is read as the target column's type)
     * @param  now     the instant the anchor maps to
     * @return         the records and when each was ingested
     */
    public static Records records(String table, List<Column> columns, Instant now) {
        JsonNode root = Holder.ROOT;
        Duration shift = Duration.between(ColumnType.parseDatetime(root.get("anchor").asText()),
                now.truncatedTo(ChronoUnit.SECONDS));
        for (JsonNode t : root.get("tables")) {
            if (!t.get("name").asText().equals(table)) {
                continue;
            }
            List<String> names = new ArrayList<>();
            List<ColumnType> types = new ArrayList<>();
            for (JsonNode c : t.get("columns")) {
                names.add(c.get("name").asText());
                types.add(ColumnType.ofKqlName(c.get("type").asText()));
            }
            int[] from = new int[columns.size()];
            for (int i = 0; i < from.length; i++) {
                from[i] = names.indexOf(columns.get(i).name());
            }
            int tg = names.indexOf(Table.TIME_GENERATED);
            JsonNode delays = t.get("ingestionDelaySeconds");
            List<Object[]> rows = new ArrayList<>();
            List<Instant> ingestion = new ArrayList<>();
            int r = 0;
            for (JsonNode row : t.get("rows")) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    if (from[i] >= 0) {
                        Object held = value(row.get(from[i]), types.get(from[i]), shift);
                        values[i] = held == null ? null : columns.get(i).type().coerce(
                                columns.get(i).type() == ColumnType.STRING ? types.get(from[i]).text(held) : held);
                    }
                }
                rows.add(values);
                Instant tgValue = ColumnType.parseDatetime(row.get(tg).asText()).plus(shift);
                ingestion.add(delays == null ? tgValue : tgValue.plusSeconds(delays.get(r).asLong()));
                r++;
            }
            return new Records(rows, ingestion);
        }
        throw new IllegalArgumentException("No bundled records for table " + table + "; there are " + TABLES);
    }

    private static Object value(JsonNode v, ColumnType type, Duration shift) {
        if (v.isNull()) {
            return null;
        }
        if (type == ColumnType.DATETIME) {
            return ColumnType.parseDatetime(v.asText()).plus(shift);
        }
        if (type == ColumnType.DYNAMIC) {
            return v;
        }
        if (type == ColumnType.BOOL) {
            return v.asBoolean();
        }
        return type.coerce(v.isNumber() ? v.numberValue() : v.asText());
    }

    /**
     * Bundled records laid out for a table.
     *
     * @param rows      the values of each record, in the table's column order
     * @param ingestion when each record was ingested
     */
    public record Records(List<Object[]> rows, List<Instant> ingestion) {
    }

    /**
     * The columns the bundled records of a table have.
     *
     * @param  table one of {@link #TABLES}
     * @return       its columns
     */
    public static List<Column> columns(String table) {
        for (JsonNode t : Holder.ROOT.get("tables")) {
            if (t.get("name").asText().equals(table)) {
                List<Column> columns = new ArrayList<>();
                for (JsonNode c : t.get("columns")) {
                    columns.add(Column.of(c.get("name").asText(), ColumnType.ofKqlName(c.get("type").asText())));
                }
                return columns;
            }
        }
        throw new IllegalArgumentException("No bundled records for table " + table + "; there are " + TABLES);
    }

    /**
     * Loads fresh copies of the sample tables.
     *
     * @param  now the instant the anchor maps to (usually now)
     * @return     the tables, each with its records
     */
    public static List<Table> load(Instant now) {
        JsonNode root;
        try (InputStream in = SampleData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant anchor = ColumnType.parseDatetime(root.get("anchor").asText());
        // whole seconds keep the records' own sub-second digits intact
        Duration shift = Duration.between(anchor, now.truncatedTo(ChronoUnit.SECONDS));
        List<Table> tables = new ArrayList<>();
        for (JsonNode t : root.get("tables")) {
            List<Column> columns = new ArrayList<>();
            for (JsonNode c : t.get("columns")) {
                columns.add(Column.of(c.get("name").asText(), ColumnType.ofKqlName(c.get("type").asText())));
            }
            Table table = new Table(t.get("name").asText(), columns);
            JsonNode delays = t.get("ingestionDelaySeconds");
            int r = 0;
            for (JsonNode row : t.get("rows")) {
                Object[] values = new Object[columns.size()];
                for (int i = 0; i < values.length; i++) {
                    JsonNode v = row.get(i);
                    ColumnType type = columns.get(i).type();
                    if (v.isNull()) {
                        values[i] = null;
                    } else if (type == ColumnType.DATETIME) {
                        values[i] = ColumnType.parseDatetime(v.asText()).plus(shift);
                    } else if (type == ColumnType.DYNAMIC) {
                        values[i] = v;
                    } else if (type == ColumnType.BOOL) {
                        values[i] = v.asBoolean();
                    } else {
                        values[i] = v.isNumber() ? v.numberValue() : v.asText();
                    }
                }
                TableRecord rec = table.addRow(values);
                if (delays != null && table.timeGeneratedIndex() >= 0) {
                    Instant tg = (Instant) rec.value(table.timeGeneratedIndex());
                    rec.ingestedAt(tg.plusSeconds(delays.get(r).asLong()));
                }
                r++;
            }
            tables.add(table);
        }
        return tables;
    }
}
