package io.github.camelloganalytics.result;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One table of a query result: its name, its columns and its rows of typed values (see {@link ColumnType}).
 * <p>
 * Rows are kept as arrays in column order; {@link #getRows()} and {@link #toMaps()} are views over them, so no
 * value is copied.
 */
public final class ResultTable {

    private final String name;
    private final List<Column> columns;
    private final ColumnIndex index;
    private final List<Object[]> rows;

    /**
     * @param name    the table name the service gave ({@code PrimaryResult} for the query's own output)
     * @param columns the columns, in order
     * @param rows    the rows, each an array of values in column order; the list is taken over, not copied
     */
    public ResultTable(String name, List<Column> columns, List<Object[]> rows) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.index = new ColumnIndex(this.columns);
        this.rows = rows;
    }

    /** The table name. */
    public String getName() {
        return name;
    }

    /** The columns, in order. */
    public List<Column> getColumns() {
        return columns;
    }

    /** How many rows the table holds. */
    public int getRowCount() {
        return rows.size();
    }

    /** The rows, each a list of values in column order. */
    public List<List<Object>> getRows() {
        return new AbstractList<>() {
            @Override
            public List<Object> get(int i) {
                return Arrays.asList(rows.get(i));
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
    }

    /**
     * One row of this table's shape as a map from column name to value, in column order: a view over the array, for
     * rows that are streamed rather than kept in the table.
     *
     * @param values the row's values in column order
     * @return an unmodifiable map over {@code values}
     */
    public Map<String, Object> rowAsMap(Object[] values) {
        return new RowMap(index, values);
    }

    /** The rows as maps from column name to value, in column order. */
    public List<Map<String, Object>> toMaps() {
        return new AbstractList<>() {
            @Override
            public Map<String, Object> get(int i) {
                return new RowMap(index, rows.get(i));
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
    }

    @Override
    public String toString() {
        return "ResultTable[" + name + ", " + columns + ", " + rows.size() + " rows]";
    }
}
