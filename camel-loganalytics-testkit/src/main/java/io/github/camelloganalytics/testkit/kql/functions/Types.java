package io.github.camelloganalytics.testkit.kql.functions;

import java.util.List;

import io.github.camelloganalytics.testkit.data.ColumnType;

/** Type rules shared by the catalogue: numeric promotion and the common type of branches. */
public final class Types {

    private Types() {
    }

    /**
     * @param  a a numeric type
     * @param  b a numeric type
     * @return   the wider of the two (int &lt; long &lt; real; decimal wins)
     */
    public static ColumnType widest(ColumnType a, ColumnType b) {
        if (a == ColumnType.DECIMAL || b == ColumnType.DECIMAL) {
            return ColumnType.DECIMAL;
        }
        if (a == ColumnType.REAL || b == ColumnType.REAL) {
            return ColumnType.REAL;
        }
        if (a == ColumnType.LONG || b == ColumnType.LONG) {
            return ColumnType.LONG;
        }
        return ColumnType.INT;
    }

    /**
     * The type of an expression that yields one of several values (iff, case, coalesce, max_of): numbers widen,
     * otherwise all must agree.
     *
     * @param  types the value types
     * @param  from  the first index to consider
     * @return       the common type
     * @throws IllegalArgumentException when they differ
     */
    public static ColumnType common(List<ColumnType> types, int from) {
        ColumnType t = null;
        for (int i = from; i < types.size(); i++) {
            ColumnType u = types.get(i);
            if (t == null || t == u) {
                t = u;
            } else if (t.isNumeric() && u.isNumeric()) {
                t = widest(t, u);
            } else if (t == ColumnType.DYNAMIC || u == ColumnType.DYNAMIC) {
                t = ColumnType.DYNAMIC;
            } else {
                throw new IllegalArgumentException("arguments must be of the same type, got " + t.kqlName()
                        + " and " + u.kqlName());
            }
        }
        return t;
    }
}
