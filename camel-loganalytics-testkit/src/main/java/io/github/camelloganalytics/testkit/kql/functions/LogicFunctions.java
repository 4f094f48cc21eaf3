package io.github.camelloganalytics.testkit.kql.functions;

import static io.github.camelloganalytics.testkit.kql.functions.ScalarFunction.fixed;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** Conditional and null-handling functions of the KQL reference ("Conditional functions", "Scalar functions"). */
public final class LogicFunctions {

    private LogicFunctions() {
    }

    /** @return the family's catalogue entries */
    public static List<ScalarFunction> functions() {
        ColumnType B = ColumnType.BOOL;
        return List.of(
                Fn.nullable("iff", 3, 3, LogicFunctions::branches, a -> Boolean.TRUE.equals(a[0]) ? a[1] : a[2]),
                Fn.nullable("iif", 3, 3, LogicFunctions::branches, a -> Boolean.TRUE.equals(a[0]) ? a[1] : a[2]),
                Fn.nullable("case", 3, 255, LogicFunctions::caseType, a -> {
                    for (int i = 0; i + 1 < a.length; i += 2) {
                        if (Boolean.TRUE.equals(a[i])) {
                            return a[i + 1];
                        }
                    }
                    return a[a.length - 1];
                }),
                Fn.nullable("coalesce", 1, 64, args -> Types.common(args, 0), a -> {
                    for (Object o : a) {
                        if (o != null && !(o instanceof JsonNode n && n.isNull())
                               ) {
                            return o;
                        }
                    }
                    return null;
                }),
                Fn.nullable("isnull", 1, 1, fixed(B), a -> isNull(a[0])),
                Fn.nullable("isnotnull", 1, 1, fixed(B), a -> !isNull(a[0])),
                Fn.nullable("notnull", 1, 1, fixed(B), a -> !isNull(a[0])),
                Fn.nullable("isempty", 1, 1, fixed(B), a -> isNull(a[0]) || Values.text(a[0]).isEmpty()),
                Fn.nullable("isnotempty", 1, 1, fixed(B), a -> !(isNull(a[0]) || Values.text(a[0]).isEmpty())),
                Fn.nullable("notempty", 1, 1, fixed(B), a -> !(isNull(a[0]) || Values.text(a[0]).isEmpty())),
                Fn.of("not", 1, 1, Fn.fixedChecked(B, 0, "bool", B), a -> !(Boolean) Values.convert(a[0], B)),
                Fn.nullable("max_of", 1, 64, args -> Types.common(args, 0), a -> extreme(a, 1)),
                Fn.nullable("min_of", 1, 64, args -> Types.common(args, 0), a -> extreme(a, -1)));
    }

    private static Object extreme(Object[] a, int sign) {
        Object best = null;
        for (Object o : a) {
            if (o != null && (best == null || sign * Values.compare(o, best) > 0)) {
                best = o;
            }
        }
        return best;
    }

    static boolean isNull(Object o) {
        return o == null || o instanceof JsonNode n && (n.isNull() || n.isMissingNode());
    }

    private static ColumnType branches(List<ColumnType> args) {
        Fn.check(args, 0, "bool", ColumnType.BOOL);
        return Types.common(args, 1);
    }

    private static ColumnType caseType(List<ColumnType> args) {
        if (args.size() % 2 == 0) {
            throw new IllegalArgumentException("expects an odd number of arguments (predicate, value pairs and an "
                    + "else value), got " + args.size());
        }
        for (int i = 0; i + 1 < args.size(); i += 2) {
            Fn.check(args, i, "bool", ColumnType.BOOL);
        }
        List<ColumnType> values = new java.util.ArrayList<>();
        for (int i = 1; i < args.size(); i += 2) {
            values.add(args.get(i));
        }
        values.add(args.get(args.size() - 1));
        return Types.common(values, 0);
    }
}
