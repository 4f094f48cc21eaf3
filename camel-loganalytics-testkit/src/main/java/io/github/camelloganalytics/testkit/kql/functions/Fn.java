package io.github.camelloganalytics.testkit.kql.functions;

import java.util.List;
import java.util.function.Function;

import io.github.camelloganalytics.testkit.data.ColumnType;

/** Shorthands the function families declare their catalogue entries with. */
final class Fn {

    private Fn() {
    }

    /** A function whose null argument gives null. */
    static ScalarFunction of(String name, int min, int max, ScalarFunction.ResultType type,
            Function<Object[], Object> body) {
        return new ScalarFunction(name, min, max, type, (a, t, f) -> body.apply(a), true);
    }

    /** A function that sees null arguments itself. */
    static ScalarFunction nullable(String name, int min, int max, ScalarFunction.ResultType type,
            Function<Object[], Object> body) {
        return new ScalarFunction(name, min, max, type, (a, t, f) -> body.apply(a), false);
    }

    /** A function that needs the argument types or the frame. */
    static ScalarFunction full(String name, int min, int max, ScalarFunction.ResultType type,
            ScalarFunction.Body body, boolean nullInNullOut) {
        return new ScalarFunction(name, min, max, type, body, nullInNullOut);
    }

    /** A fixed result type, checking that argument {@code i} is of one of the given kinds. */
    static ScalarFunction.ResultType fixedChecked(ColumnType result, int i, String what, ColumnType... allowed) {
        return args -> {
            if (i < args.size()) {
                check(args, i, what, allowed);
            }
            return result;
        };
    }

    static void check(List<ColumnType> args, int i, String what, ColumnType... allowed) {
        ColumnType t = args.get(i);
        if (t == ColumnType.DYNAMIC) {
            return;
        }
        for (ColumnType a : allowed) {
            if (a == t) {
                return;
            }
        }
        throw new IllegalArgumentException("argument #" + (i + 1) + " expected to be " + what + ", got "
                + t.kqlName());
    }

    static final ColumnType[] NUMERIC = { ColumnType.INT, ColumnType.LONG, ColumnType.REAL, ColumnType.DECIMAL };

    static String str(Object o) {
        return io.github.camelloganalytics.testkit.kql.value.Values.text(o);
    }

    static long lng(Object o) {
        if (o instanceof com.fasterxml.jackson.databind.JsonNode n) {
            return n.asLong();
        }
        return ((Number) o).longValue();
    }

    static double dbl(Object o) {
        return io.github.camelloganalytics.testkit.kql.value.Values.toDouble(o);
    }
}
