package io.github.camelloganalytics.result;

import java.io.Serializable;
import java.util.Objects;

/**
 * One column of a result table: its name and its KQL type, as the service declared them.
 */
public final class Column implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The column name. */
    private final String name;
    /** The KQL type the service declared. */
    private final ColumnType type;

    /**
     * @param name the column name
     * @param type the column's KQL type
     */
    public Column(String name, ColumnType type) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * The column name, as the query projected it.
     *
     * @return the column name, as the query projected it
     */
    public String getName() {
        return name;
    }

    /**
     * The KQL type the service declared for the column.
     *
     * @return the KQL type the service declared for the column
     */
    public ColumnType getType() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Column other && name.equals(other.name) && type == other.type;
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + type.hashCode();
    }

    @Override
    public String toString() {
        return name + ":" + type.kqlName();
    }
}
