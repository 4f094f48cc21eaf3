package io.github.camelloganalytics.testkit.generate;

import java.util.ArrayList;
import java.util.List;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.data.TableRecord;
import io.github.camelloganalytics.testkit.schema.ClassicAppInsightsTables.ClassicTable;

/**
 * Fills a classic Application Insights table ({@code requests}, {@code dependencies} ...) with the records of its
 * workspace-based table, column by column as Microsoft's migration guide maps them, so that both views of the
 * telemetry agree: the same times, operation ids, durations and results. A bool becomes the classic {@code "True"} or
 * {@code "False"} where the classic column is a string; {@code itemType} is the telemetry type ({@code request}...);
 * {@code itemId} is a seeded GUID and {@code appName} the sample Application Insights resource's name.
 */
public final class ClassicTables {

    /** The sample Application Insights resource the App tables' records come from. */
    public static final String APP_NAME = "appi-shop";

    private ClassicTables() {
    }

    /**
     * Adds the records of the workspace-based table to the classic table, with the same ingestion times.
     *
     * @param table   the classic table to fill
     * @param classic its definition
     * @param source  the workspace-based table (read, so filled, here)
     * @param seed    the seed of the {@code itemId}s
     */
    public static void fill(Table table, ClassicTable classic, Table source, long seed) {
        Rand rand = new Rand(seed, classic.schema().name());
        List<Column> columns = classic.schema().columns();
        int[] from = new int[columns.size()];
        for (int i = 0; i < from.length; i++) {
            String s = classic.sources().get(i);
            from[i] = s == null ? -1 : source.columnIndex(s);
        }
        List<TableRecord> records = source.records();
        List<Object[]> rows = new ArrayList<>(records.size());
        for (TableRecord r : records) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                Column c = columns.get(i);
                values[i] = switch (c.name()) {
                    case "itemType" -> classic.itemType();
                    case "itemId" -> rand.uuid().toString();
                    case "appName" -> APP_NAME;
                    default -> from[i] < 0 ? (c.type() == ColumnType.STRING ? "" : null)
                            : convert(r.value(from[i]), source.columns().get(from[i]).type(), c.type());
                };
            }
            rows.add(values);
        }
        List<TableRecord> added = table.addRows(rows);
        for (int i = 0; i < added.size(); i++) {
            added.get(i).ingestedAt(records.get(i).ingestionTime());
        }
    }

    private static Object convert(Object value, ColumnType from, ColumnType to) {
        if (value == null) {
            return to == ColumnType.STRING ? "" : null;
        }
        if (to == ColumnType.STRING && value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (to == ColumnType.STRING) {
            return from.text(value);
        }
        return to.coerce(value);
    }
}
