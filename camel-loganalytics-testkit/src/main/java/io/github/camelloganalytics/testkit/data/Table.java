package io.github.camelloganalytics.testkit.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A table of a workspace: a fixed list of typed columns and the records added to it.
 *
 * <p>
 * Thread-safe: a test may add records while queries read the table; a query sees a consistent snapshot.
 *
 * <p>
 * A table made with {@link #lazy} holds no record until first read: its filler then adds them, once. The emulator's
 * standard tables are made so, so that an emulator starts fast and a test pays only for the tables it queries.
 */
public final class Table {

    /** The column the request's {@code timespan} filters on. */
    public static final String TIME_GENERATED = "TimeGenerated";

    private final String name;
    private final List<Column> columns;
    private final List<TableRecord> records = new CopyOnWriteArrayList<>();
    private final int timeGeneratedIndex;
    /** Adds the table's first records on first read; null once done. Guarded by this. */
    private Consumer<Table> filler;
    private boolean filling;
    private volatile boolean filled = true;

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

    /**
     * A table whose first records are added only when it is first read (queried, counted, listed or added to).
     *
     * @param  name    the table name
     * @param  columns its columns
     * @param  filler  adds the first records (with {@link #addRows}); it runs once, on the thread that first reads
     *                 the table, while other readers wait
     * @return         the table
     */
    public static Table lazy(String name, List<Column> columns, Consumer<Table> filler) {
        Table t = new Table(name, columns);
        t.filler = Objects.requireNonNull(filler, "filler");
        t.filled = false;
        return t;
    }

    private void ensureFilled() {
        if (!filled) {
            fill();
        }
    }

    private synchronized void fill() {
        if (filled || filling) {
            return; // done, or this very thread is filling and adds its rows
        }
        filling = true;
        try {
            filler.accept(this);
        } finally {
            filling = false;
            filler = null;
            filled = true;
        }
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
        ensureFilled();
        return Collections.unmodifiableList(new ArrayList<>(records));
    }

    /** @return the number of records */
    public int size() {
        ensureFilled();
        return records.size();
    }

    /**
     * Adds a record; its ingestion time is its {@code TimeGenerated} (or now when the table has none).
     *
     * @param  values one value per column, in column order, in any form {@link ColumnType#coerce} accepts
     * @return        the record, whose ingestion time a test may move later
     */
    public TableRecord addRow(Object... values) {
        ensureFilled();
        TableRecord r = record(values);
        records.add(r);
        return r;
    }

    /**
     * Adds many records at once (one copy of the record list instead of one per record).
     *
     * @param  rows each row's values in column order, in any form {@link ColumnType#coerce} accepts
     * @return      the records, in order, whose ingestion times a caller may move later
     * @throws IllegalArgumentException naming the row (counted from 1) and the column whose value does not fit
     */
    public List<TableRecord> addRows(Collection<Object[]> rows) {
        ensureFilled();
        List<TableRecord> added = new ArrayList<>(rows.size());
        int n = 0;
        for (Object[] values : rows) {
            n++;
            try {
                added.add(record(values));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Table " + name + ", row " + n + ": " + e.getMessage(), e);
            }
        }
        records.addAll(added);
        return added;
    }

    private TableRecord record(Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    "Table " + name + " has " + columns.size() + " columns, got " + values.length + " values");
        }
        Object[] held = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            try {
                held[i] = columns.get(i).type().coerce(values[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column " + columns.get(i).name() + ": " + e.getMessage(), e);
            }
        }
        Instant ingestion = timeGeneratedIndex >= 0 && held[timeGeneratedIndex] != null
                ? (Instant) held[timeGeneratedIndex] : Instant.now();
        return new TableRecord(held, ingestion);
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
        synchronized (this) {
            if (!filled && !filling) {
                filler = null; // nothing to generate for a table about to be emptied
                filled = true;
            }
        }
        records.clear();
    }
}
