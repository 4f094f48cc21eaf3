package io.github.camelloganalytics.result;

import java.io.Serializable;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * One row as a {@code Map} from column name to value, in column order. Until it is changed it is a view over the
 * row's value array and its table's shared {@link ColumnIndex}: a row costs one small object, not a hash map.
 * <p>
 * It can be changed like any map, because users edit the rows they are given: setting the value of one of its
 * columns writes into the row's array; adding or removing a key first copies the row into a {@link LinkedHashMap}
 * (in column order) that the map then works on, so nothing else sees the change of shape.
 * <p>
 * It is {@link Serializable}: a list of rows written to one stream writes the shared column index once; a
 * deserialized row equals the original (by {@link Map#equals}) and stays changeable.
 */
final class RowMap extends AbstractMap<String, Object> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ColumnIndex index;
    private final Object[] values;
    /** The row as its own map, once a key was added or removed; null while the map is a view. */
    private LinkedHashMap<String, Object> copy;

    RowMap(ColumnIndex index, Object[] values) {
        this.index = index;
        this.values = values;
    }

    /** The row's value array, as read (a value set through the map is in it; a key added or removed is not). */
    Object[] array() {
        return values;
    }

    /** The map that holds the row once its shape changes; made on first need. */
    private LinkedHashMap<String, Object> copy() {
        if (copy == null) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>(values.length * 2);
            for (int i = 0; i < values.length; i++) {
                m.putIfAbsent(index.names[i], values[i]);
            }
            copy = m;
        }
        return copy;
    }

    @Override
    public Object get(Object key) {
        if (copy != null) {
            return copy.get(key);
        }
        int p = index.positionOf(key);
        return p < 0 ? null : values[p];
    }

    @Override
    public boolean containsKey(Object key) {
        return copy != null ? copy.containsKey(key) : index.positionOf(key) >= 0;
    }

    @Override
    public int size() {
        return copy != null ? copy.size() : values.length;
    }

    @Override
    public Object put(String key, Object value) {
        if (copy == null) {
            int p = index.positionOf(key);
            if (p >= 0) {
                Object old = values[p];
                values[p] = value;
                return old;
            }
        }
        return copy().put(key, value);
    }

    @Override
    public Object remove(Object key) {
        if (copy == null && index.positionOf(key) < 0) {
            return null;
        }
        return copy().remove(key);
    }

    @Override
    public void clear() {
        copy().clear();
    }

    /** The values in column order, straight from the row: no entry per value, as the inherited view makes. */
    @Override
    public Collection<Object> values() {
        return copy != null ? copy.values() : Collections.unmodifiableList(Arrays.asList(values));
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        if (copy != null) {
            return copy.entrySet();
        }
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private int last = -1;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        last = next++;
                        return new ColumnEntry(last);
                    }

                    @Override
                    public void remove() {
                        if (last < 0) {
                            throw new IllegalStateException();
                        }
                        // the iteration goes on over the array; the copy no longer holds the key
                        copy().remove(index.names[last]);
                        last = -1;
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    /** One column of the row, whose value can be set through the map. */
    private final class ColumnEntry implements Entry<String, Object> {
        private final int position;

        ColumnEntry(int position) {
            this.position = position;
        }

        @Override
        public String getKey() {
            return index.names[position];
        }

        @Override
        public Object getValue() {
            return copy != null ? copy.get(getKey()) : values[position];
        }

        @Override
        public Object setValue(Object value) {
            return put(getKey(), value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry<?, ?> e && getKey().equals(e.getKey())
                   && Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            Object v = getValue();
            return getKey().hashCode() ^ (v == null ? 0 : v.hashCode());
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }
}
