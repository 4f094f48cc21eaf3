package io.github.camelloganalytics.result;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row as an unmodifiable {@code Map} from column name to value, in column order. It is a view over the row's
 * value array and its table's shared {@link ColumnIndex}: a row costs one small object, not a hash map.
 */
final class RowMap extends AbstractMap<String, Object> {

    private final ColumnIndex index;
    private final Object[] values;

    RowMap(ColumnIndex index, Object[] values) {
        this.index = index;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        int p = index.positionOf(key);
        return p < 0 ? null : values[p];
    }

    @Override
    public boolean containsKey(Object key) {
        return index.positionOf(key) >= 0;
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The values in column order, straight from the row: no entry per value, as the inherited view makes. */
    @Override
    public Collection<Object> values() {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(index.names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
