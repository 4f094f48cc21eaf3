package io.github.camelloganalytics.testkit.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.Table;

/**
 * The name and typed columns of a table, without records. Immutable.
 */
public final class TableSchema {

    private final String name;
    private final List<Column> columns;
    private final Map<String, Integer> index = new HashMap<>();

    /**
     * @param name    the table name, e.g. {@code Perf} or {@code Orders_CL}; not blank
     * @param columns its columns, in order; at least one, names unique
     */
    public TableSchema(String name, List<Column> columns) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A table needs a name");
        }
        this.name = name;
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("Table " + name + " needs at least one column");
        }
        for (int i = 0; i < this.columns.size(); i++) {
            if (index.put(this.columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException("Table " + name + " names column " + this.columns.get(i).name() + " twice");
            }
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

    /**
     * @param  column a column name
     * @return        its index, or -1
     */
    public int indexOf(String column) {
        Integer i = index.get(column);
        return i == null ? -1 : i;
    }

    /** @return a new, empty table of this schema */
    public Table newTable() {
        return new Table(name, columns);
    }

    /**
     * @param  extra columns to append when this schema has none of their name
     * @return       this schema with those columns added at the end
     */
    public TableSchema plus(List<Column> extra) {
        List<Column> all = new ArrayList<>(columns);
        for (Column c : extra) {
            if (indexOf(c.name()) < 0) {
                all.add(c);
            }
        }
        return new TableSchema(name, all);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableSchema other && name.equals(other.name) && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, columns);
    }

    @Override
    public String toString() {
        return "TableSchema[" + name + ", " + columns + "]";
    }
}
