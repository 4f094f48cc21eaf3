package io.github.camelloganalytics.testkit.kql.plan;

import java.util.List;
import java.util.function.Supplier;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.kql.Row;

/**
 * A resolved tabular expression: its schema is known once resolved; its rows are computed when first asked, then
 * kept (a let-bound table or an {@code as} name read twice runs once).
 */
public final class Plan {

    private final List<Column> schema;
    private final Supplier<List<Row>> source;
    private List<Row> rows;
    private final boolean serialized;

    /**
     * @param schema     the columns
     * @param source     computes the rows
     * @param serialized true when the rows have an order window functions may use
     */
    public Plan(List<Column> schema, Supplier<List<Row>> source, boolean serialized) {
        this.schema = List.copyOf(schema);
        this.source = source;
        this.serialized = serialized;
    }

    /** @return the columns */
    public List<Column> schema() {
        return schema;
    }

    /** @return the rows, computed on first call */
    public synchronized List<Row> rows() {
        if (rows == null) {
            rows = source.get();
        }
        return rows;
    }

    /** @return true when the rows are in an order window functions may use */
    public boolean serialized() {
        return serialized;
    }

    /**
     * @param  name a column name
     * @return      its index, or -1
     */
    public int indexOf(String name) {
        return indexOf(schema, name);
    }

    /**
     * @param  schema columns
     * @param  name   a column name
     * @return        its index, or -1
     */
    public static int indexOf(List<Column> schema, String name) {
        for (int i = 0; i < schema.size(); i++) {
            if (schema.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
