package io.github.camelloganalytics.result;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;

/**
 * Column name to position, built once per table and shared by all its {@link RowMap}s (also when serialized: one
 * stream holds it once, every row refers to it).
 */
final class ColumnIndex implements Serializable {

    private static final long serialVersionUID = 1L;

    final String[] names;
    private final HashMap<String, Integer> positions;

    ColumnIndex(List<Column> columns) {
        names = new String[columns.size()];
        positions = new HashMap<>(columns.size() * 2);
        for (int i = 0; i < names.length; i++) {
            names[i] = columns.get(i).getName();
            positions.putIfAbsent(names[i], i);
        }
    }

    /** The position of a column, or -1. */
    int positionOf(Object name) {
        Integer p = positions.get(name);
        return p == null ? -1 : p;
    }
}
