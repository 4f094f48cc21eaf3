package io.github.camelloganalytics.testkit.kql.functions;

import static io.github.camelloganalytics.testkit.kql.functions.Fn.dbl;
import static io.github.camelloganalytics.testkit.kql.functions.Fn.lng;
import static io.github.camelloganalytics.testkit.kql.functions.ScalarFunction.fixed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** Mathematical functions of the KQL reference ("Math functions"), and {@code bin}/{@code bin_at}. */
public final class MathFunctions {

    private MathFunctions() {
    }

    /** @return the family's catalogue entries */
    public static List<ScalarFunction> functions() {
        ColumnType R = ColumnType.REAL;
        return List.of(
                Fn.of("abs", 1, 1, numericSame(), a -> {
                    Object v = a[0];
                    if (v instanceof Integer i) {
                        return Math.abs(i);
                    }
                    if (v instanceof Long l) {
                        return Math.abs(l);
                    }
                    if (v instanceof BigDecimal b) {
                        return b.abs();
                    }
                    if (v instanceof Duration d) {
                        return d.abs();
                    }
                    return Math.abs(dbl(v));
                }),
                Fn.of("sign", 1, 1, numericSame(), a -> {
                    Object v = a[0];
                    if (v instanceof Integer i) {
                        return Integer.signum(i);
                    }
                    if (v instanceof Long l) {
                        return (long) Long.signum(l);
                    }
                    if (v instanceof BigDecimal b) {
                        return BigDecimal.valueOf(b.signum());
                    }
                    return Math.signum(dbl(v));
                }),
                Fn.of("ceiling", 1, 1, numericSame(), a -> {
                    Object v = a[0];
                    if (v instanceof BigDecimal b) {
                        return b.setScale(0, RoundingMode.CEILING);
                    }
                    if (v instanceof Integer || v instanceof Long) {
                        return v;
                    }
                    return Math.ceil(dbl(v));
                }),
                Fn.of("round", 1, 2, numericSame(), a -> {
                    int digits = a.length > 1 ? (int) lng(a[1]) : 0;
                    Object v = a[0];
                    if (v instanceof BigDecimal b) {
                        return b.setScale(digits, RoundingMode.HALF_UP);
                    }
                    if (v instanceof Long l) {
                        return digits >= 0 ? l : BigDecimal.valueOf(l).setScale(digits, RoundingMode.HALF_UP)
                                .longValue();
                    }
                    if (v instanceof Integer) {
                        return v;
                    }
                    double d = dbl(v);
                    return Double.isNaN(d) || Double.isInfinite(d) ? d
                            : new BigDecimal(Double.toString(d)).setScale(digits, RoundingMode.HALF_UP).doubleValue();
                }),
                real("exp", Math::exp), real("exp2", x -> Math.pow(2, x)), real("exp10", x -> Math.pow(10, x)),
                real("log", Math::log), real("log2", x -> Math.log(x) / Math.log(2)), real("log10", Math::log10),
                real("sqrt", Math::sqrt), real("sin", Math::sin), real("cos", Math::cos), real("tan", Math::tan),
                real("asin", Math::asin), real("acos", Math::acos), real("atan", Math::atan),
                real("cot", x -> 1 / Math.tan(x)), real("degrees", Math::toDegrees), real("radians", Math::toRadians),
                real("gamma", MathFunctions::gamma), real("loggamma", x -> Math.log(Math.abs(gamma(x)))),
                Fn.of("pow", 2, 2, fixed(R), a -> Math.pow(dbl(a[0]), dbl(a[1]))),
                Fn.of("atan2", 2, 2, fixed(R), a -> Math.atan2(dbl(a[0]), dbl(a[1]))),
                Fn.of("pi", 0, 0, fixed(R), a -> Math.PI),
                Fn.nullable("rand", 0, 1, args -> args.isEmpty() ? R : ColumnType.LONG, a -> a.length == 0
                        ? (Object) Math.random() : (Object) (long) (Math.random() * lng(a[0]))),
                Fn.of("isnan", 1, 1, fixed(ColumnType.BOOL), a -> Double.isNaN(dbl(a[0]))),
                Fn.of("isinf", 1, 1, fixed(ColumnType.BOOL), a -> Double.isInfinite(dbl(a[0]))),
                Fn.of("isfinite", 1, 1, fixed(ColumnType.BOOL), a -> Double.isFinite(dbl(a[0]))),
                Fn.of("bin", 2, 2, binType(), a -> bin(a[0], a[1], null)),
                Fn.of("floor", 1, 2, args -> args.size() == 1 ? numericSame().of(args) : binType().of(args),
                        a -> a.length == 1 ? floor(a[0]) : bin(a[0], a[1], null)),
                Fn.of("bin_at", 3, 3, binType(), a -> bin(a[0], a[1], a[2])));
    }

    private static Object floor(Object v) {
        if (v instanceof BigDecimal b) {
            return b.setScale(0, RoundingMode.FLOOR);
        }
        if (v instanceof Integer || v instanceof Long) {
            return v;
        }
        return Math.floor(dbl(v));
    }

    private static ScalarFunction real(String name, DoubleUnaryOperator f) {
        return Fn.of(name, 1, 1, fixed(ColumnType.REAL), a -> f.applyAsDouble(dbl(a[0])));
    }

    private static ScalarFunction.ResultType numericSame() {
        return args -> {
            Fn.check(args, 0, "numeric", ColumnType.INT, ColumnType.LONG, ColumnType.REAL, ColumnType.DECIMAL,
                    ColumnType.TIMESPAN);
            return args.get(0) == ColumnType.DYNAMIC ? ColumnType.REAL : args.get(0);
        };
    }

    private static ScalarFunction.ResultType binType() {
        return args -> {
            ColumnType t = args.get(0);
            Fn.check(args, 0, "a number, datetime or timespan", ColumnType.INT, ColumnType.LONG, ColumnType.REAL,
                    ColumnType.DECIMAL, ColumnType.DATETIME, ColumnType.TIMESPAN);
            return switch (t) {
                case INT -> ColumnType.LONG;
                case DYNAMIC -> ColumnType.REAL;
                default -> t;
            };
        };
    }

    /** {@code bin(value, roundTo)}, or {@code bin_at} with a fixed point. */
    static Object bin(Object value, Object size, Object at) {
        if (value instanceof Instant i) {
            return size instanceof Duration d ? DateTimeFunctions.bin(i, d, (Instant) at) : null;
        }
        if (value instanceof Duration d) {
            long span = ((Duration) size).toNanos();
            if (span <= 0) {
                return null;
            }
            long origin = at == null ? 0 : ((Duration) at).toNanos();
            return Duration.ofNanos(Math.floorDiv(d.toNanos() - origin, span) * span + origin);
        }
        if (value instanceof Double || size instanceof Double || value instanceof com.fasterxml.jackson.databind.JsonNode) {
            double s = dbl(size);
            double o = at == null ? 0 : dbl(at);
            return s <= 0 ? null : Math.floor((dbl(value) - o) / s) * s + o;
        }
        if (value instanceof BigDecimal || size instanceof BigDecimal) {
            BigDecimal s = Values.toDecimal(size);
            BigDecimal o = at == null ? BigDecimal.ZERO : Values.toDecimal(at);
            return Values.toDecimal(value).subtract(o).divide(s, 0, RoundingMode.FLOOR).multiply(s).add(o);
        }
        long s = lng(size);
        long o = at == null ? 0 : lng(at);
        return s <= 0 ? null : Math.floorDiv(lng(value) - o, s) * s + o;
    }

    private static double gamma(double x) {
        if (x < 0.5) {
            return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
        }
        double[] g = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7 };
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) {
            a += g[i] / (x + i);
        }
        return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
    }
}
