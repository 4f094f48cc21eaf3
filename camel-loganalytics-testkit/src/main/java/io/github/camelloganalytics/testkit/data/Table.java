package io.github.camelloganalytics.testkit.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A table of a workspace: a fixed list of typed columns and the records added to it.
 *
 * <p>
 * Thread-safe: a test may add records while queries read the table; a query sees a consistent snapshot.
 */
public final class Table {

    /** The column the request's {@code timespan} filters on. */
    public static final String TIME_GENERATED = "TimeGenerated";

    private final String name;
    private final List<Column> columns;
    private final List<TableRecord> records = new CopyOnWriteArrayList<>();
    private final int timeGeneratedIndex;

    /**
     * @param name    the table name, e.g. {@code Heartbeat}
     * @param columns its columns, in order; names must be unique
     */
    public Table(String name, List<Column> columns) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A table needs a name");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Table " + name + " needs at least one column");
        }
        this.name = name;
        this.columns = List.copyOf(columns);
        int tg = -1;
        for (int i = 0; i < this.columns.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (this.columns.get(j).name().equals(this.columns.get(i).name())) {
                    throw new IllegalArgumentException("Duplicate column " + this.columns.get(i).name());
                }
            }
            if (this.columns.get(i).name().equals(TIME_GENERATED)
                    && this.columns.get(i).type() == ColumnType.DATETIME) {
                tg = i;
            }
        }
        this.timeGeneratedIndex = tg;
    }

    /** @return the table name */
    public String name() {
        return name;
    }

    /** @return the columns, in order */
    public List<Column> columns() {
        return columns;
    }

    /** @return the index of a datetime {@code TimeGenerated} column, or -1 */
    public int timeGeneratedIndex() {
        return timeGeneratedIndex;
    }

    /** @return a snapshot of the records */
    public List<TableRecord> records() {
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    /** @return the number of records */
    public int size() {
        return records.size();
    }

    /**
     * Adds a record; its ingestion time is its {@code TimeGenerated} (or now when the table has none).
     *
     * @param  values one value per column, in column order, in any form {@link ColumnType#coerce} accepts
     * @return        the record, whose ingestion time a test may move later
     */
    public TableRecord addRow(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    "Table " + name + " has " + columns.size() + " columns, got " + values.length + " values");
        }
        Object[] held = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            held[i] = columns.get(i).type().coerce(values[i]);
        }
        Instant ingestion = timeGeneratedIndex >= 0 && held[timeGeneratedIndex] != null
                ? (Instant) held[timeGeneratedIndex] : Instant.now();
        TableRecord r = new TableRecord(held, ingestion);
        records.add(r);
        return r;
    }

    /**
     * Adds a record from named values; columns not named are null.
     *
     * @param  values column name to value
     * @return        the record
     */
    public TableRecord addRow(Map<String, ?> values) {
        Object[] ordered = new Object[columns.size()];
        for (String key : values.keySet()) {
            if (columnIndex(key) < 0) {
                throw new IllegalArgumentException("Table " + name + " has no column " + key);
            }
        }
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = values.get(columns.get(i).name());
        }
        return addRow(ordered);
    }

    /**
     * @param  column a column name
     * @return        its index, or -1
     */
    public int columnIndex(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** Removes every record. */
    public void clear() {
        records.clear();
    }
}
