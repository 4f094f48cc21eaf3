package io.github.camelloganalytics.testkit.data;

import java.util.Objects;

/**
 * A typed column of a table, as the service lists it in a result's {@code columns}.
 *
 * @param name the column name, e.g. {@code TimeGenerated}
 * @param type its KQL type
 */
public record Column(String name, ColumnType type) {

    /**
     * @param name the column name, not blank
     * @param type its KQL type, not null
     */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A column needs a name");
        }
    }

    /**
     * @param  name the column name
     * @param  type its KQL type
     * @return      the column
     */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type);
    }
}
