package io.github.camelloganalytics.result;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One table of a query result: its name, its columns and its rows of typed values (see {@link ColumnType}).
 * <p>
 * Rows are kept as arrays in column order; {@link #getRows()} is a view over them and {@link #toMaps()} wraps each
 * in a map, so no value is copied, and a value set through either is set in the table.
 * <p>
 * It is {@link Serializable} (for JMS object messages, aggregation repositories, the claim check) when its values
 * are, which every value the reader makes is; a deserialized table {@link #equals equals} the original.
 */
public final class ResultTable implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The table name. */
    private final String name;
    /** The columns, in order. */
    private final List<Column> columns;
    /** Column positions by name. */
    private final ColumnIndex index;
    /** The rows, each an array of values in column order. */
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

    /**
     * The table name.
     *
     * @return the table name
     */
    public String getName() {
        return name;
    }

    /**
     * The columns, in order.
     *
     * @return the columns, in order
     */
    public List<Column> getColumns() {
        return columns;
    }

    /**
     * How many rows the table holds.
     *
     * @return how many rows the table holds
     */
    public int getRowCount() {
        return rows.size();
    }

    /**
     * The rows, each a list of values in column order.
     *
     * @return the rows, each a list of values in column order
     */
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

    /**
     * The rows as maps from column name to value, in column order: a new {@link ArrayList} of serializable maps, each
     * over its row's array, so no value is copied. Setting a column's value through a map sets it in the table;
     * adding or removing a key copies that row into the map first, leaving the table as it was.
     *
     * @return the rows as maps from column name to value, in column order: a new {@link ArrayList} of serializable
     *         maps, each over its row's array, so no value is copied
     */
    public List<Map<String, Object>> toMaps() {
        List<Map<String, Object>> maps = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            maps.add(new RowMap(index, row));
        }
        return maps;
    }

    /** Equal when the name, the columns and every value of every row are equal. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ResultTable other) || !Objects.equals(name, other.name) || !columns.equals(other.columns)
                || rows.size() != other.rows.size()) {
            return false;
        }
        for (int i = 0; i < rows.size(); i++) {
            if (!Arrays.deepEquals(rows.get(i), other.rows.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(name, columns);
        for (Object[] row : rows) {
            h = h * 31 + Arrays.deepHashCode(row);
        }
        return h;
    }

    /**
     * Written as its name, columns and row arrays, whatever list the rows were handed over in.
     *
     * @return the serialized form that stands for this table
     */
    private Object writeReplace() {
        return new SerializedTable(name, columns, rows.toArray(new Object[0][]));
    }

    /**
     * Refuses to read a table but through its serialized form.
     *
     * @param  in                     the stream
     * @throws InvalidObjectException always
     */
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("A ResultTable is read through its serialized form");
    }

    /** The serialized form of a table. */
    private static final class SerializedTable implements Serializable {
        private static final long serialVersionUID = 1L;

        private final String name;
        private final List<Column> columns;
        private final Object[][] rows;

        SerializedTable(String name, List<Column> columns, Object[][] rows) {
            this.name = name;
            this.columns = columns;
            this.rows = rows;
        }

        private Object readResolve() {
            return new ResultTable(name, columns, new ArrayList<>(Arrays.asList(rows)));
        }
    }

    @Override
    public String toString() {
        return "ResultTable[" + name + ", " + columns + ", " + rows.size() + " rows]";
    }
}
