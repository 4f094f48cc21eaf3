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

    private SampleData() {
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
