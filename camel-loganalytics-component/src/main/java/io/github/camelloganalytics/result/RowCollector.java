package io.github.camelloganalytics.result;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link RowHandler} that keeps the rows of the first table (the query's own output, {@code PrimaryResult}) and
 * skips every other table unread. It is the body of {@code outputFormat=ROWS}: each row is a map from column name to
 * typed value, in column order. The list and its maps are the user's to keep and change: an {@link ArrayList} of
 * serializable maps that take {@code put} and {@code remove}.
 * <p>
 * Use one collector per read; it is not thread-safe.
 */
public final class RowCollector implements RowHandler {

    private List<Map<String, Object>> rows = new ArrayList<>();
    private ResultTable shape;
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
        // the rows are kept once, as the maps the user gets; the table reads their arrays
        shape = new ResultTable(name, columns, List.of());
        table = new ResultTable(name, columns, new AbstractList<>() {
            @Override
            public Object[] get(int i) {
                return ((RowMap) rows.get(i)).array();
            }

            @Override
            public int size() {
                return rows.size();
            }
        });
        return true;
    }

    /** Keeps the row. */
    @Override
    public void row(Object[] values) {
        rows.add(shape.rowAsMap(values));
    }

    /**
     * The first table with its rows as read, or null when the response had no table.
     *
     * @return the collected table
     */
    public ResultTable getTable() {
        return table;
    }

    /**
     * The first table's rows, each a map from column name to value in column order; an empty list when the response
     * had no table. The list (an {@link ArrayList}) and its maps are serializable and can be changed.
     *
     * @return the rows
     */
    public List<Map<String, Object>> getRows() {
        return rows;
    }
}
