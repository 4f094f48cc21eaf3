package io.github.camelloganalytics.testkit.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.Table;

/**
 * The name and typed columns of a table, without records.
 *
 * @param name    the table name, e.g. {@code Perf} or {@code Orders_CL}
 * @param columns its columns, in order
 */
public record TableSchema(String name, List<Column> columns) {

    /**
     * @param name    the table name, not blank
     * @param columns its columns, at least one
     */
    public TableSchema {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A table needs a name");
        }
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("Table " + name + " needs at least one column");
        }
    }

    /**
     * @param  column a column name
     * @return        its index, or -1
     */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
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
}
