package io.github.camelloganalytics.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A {@link RowHandler} that keeps the rows of the first table (the query's own output, {@code PrimaryResult}) and
 * skips every other table unread. It is the body of {@code outputFormat=ROWS}: each row is a map from column name to
 * typed value, in column order.
 * <p>
 * Use one collector per read; it is not thread-safe.
 */
public final class RowCollector implements RowHandler {

    private List<Object[]> rows;
    private ResultTable table;

    /** An empty collector, to pass to {@link ResultReader#read(java.io.InputStream, RowHandler)}. */
    public RowCollector() {
    }

    /**
     * Takes the first table and declines the others.
     *
     * @return true only for the first table
     */
    @Override
    public boolean startTable(int tableIndex, String name, List<Column> columns) {
        if (tableIndex != 0) {
            return false;
        }
        rows = new ArrayList<>();
        table = new ResultTable(name, columns, rows);
        return true;
    }

    /** Keeps the row. */
    @Override
    public void row(Object[] values) {
        rows.add(values);
    }

    /**
     * The first table with its rows, or null when the response had no table.
     *
     * @return the collected table
     */
    public ResultTable getTable() {
        return table;
    }

    /**
     * The first table's rows, each an unmodifiable map from column name to value in column order; an empty list when
     * the response had no table.
     *
     * @return the rows
     */
    public List<Map<String, Object>> getRows() {
        return table == null ? Collections.emptyList() : table.toMaps();
    }
}
