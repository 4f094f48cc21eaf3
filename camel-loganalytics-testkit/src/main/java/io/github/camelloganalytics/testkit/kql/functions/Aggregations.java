package io.github.camelloganalytics.testkit.kql.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.functions.AggregateFunction.Accumulator;
import io.github.camelloganalytics.testkit.kql.value.Values;

/**
 * The aggregation functions of the KQL reference ("Aggregation functions"). {@code arg_max}, {@code arg_min},
 * {@code take_any} and {@code percentiles}, which yield several columns, are planned by the resolver on top of
 * {@link #argExtreme} and {@link #percentileOf}.
 */
public final class Aggregations {

    private Aggregations() {
    }

    /** @return the family's catalogue entries */
    public static List<AggregateFunction> functions() {
        ColumnType L = ColumnType.LONG;
        ColumnType D = ColumnType.DYNAMIC;
        ScalarFunction.ResultType fixedLong = ScalarFunction.fixed(L);
        return List.of(
                new AggregateFunction("count", 0, 1, "count", fixedLong, t -> counter(false)),
                new AggregateFunction("countif", 1, 1, "countif", checkBool(0, fixedLong), t -> counter(true)),
                new AggregateFunction("dcount", 1, 2, "dcount", fixedLong, t -> distinct(false)),
                new AggregateFunction("dcountif", 2, 3, "dcountif", checkBool(1, fixedLong), t -> distinct(true)),
                new AggregateFunction("sum", 1, 1, "sum", Aggregations::sumType, t -> sum(t.get(0), false)),
                new AggregateFunction("sumif", 2, 2, "sumif", checkBool(1, Aggregations::sumType),
                        t -> sum(t.get(0), true)),
                new AggregateFunction("avg", 1, 1, "avg", Aggregations::avgType, t -> avg(t.get(0), false)),
                new AggregateFunction("avgif", 2, 2, "avgif", checkBool(1, Aggregations::avgType),
                        t -> avg(t.get(0), true)),
                new AggregateFunction("min", 1, 1, "min", ScalarFunction.sameAs(0), t -> extreme(-1, false)),
                new AggregateFunction("max", 1, 1, "max", ScalarFunction.sameAs(0), t -> extreme(1, false)),
                new AggregateFunction("minif", 2, 2, "minif", checkBool(1, ScalarFunction.sameAs(0)),
                        t -> extreme(-1, true)),
                new AggregateFunction("maxif", 2, 2, "maxif", checkBool(1, ScalarFunction.sameAs(0)),
                        t -> extreme(1, true)),
                new AggregateFunction("stdev", 1, 1, "stdev", ScalarFunction.fixed(ColumnType.REAL),
                        t -> moments(m -> Math.sqrt(m[2] / (m[0] - 1)), false)),
                new AggregateFunction("stdevif", 2, 2, "stdevif", ScalarFunction.fixed(ColumnType.REAL),
                        t -> moments(m -> Math.sqrt(m[2] / (m[0] - 1)), true)),
                new AggregateFunction("stdevp", 1, 1, "stdevp", ScalarFunction.fixed(ColumnType.REAL),
                        t -> moments(m -> Math.sqrt(m[2] / m[0]), false)),
                new AggregateFunction("variance", 1, 1, "variance", ScalarFunction.fixed(ColumnType.REAL),
                        t -> moments(m -> m[2] / (m[0] - 1), false)),
                new AggregateFunction("varianceif", 2, 2, "varianceif", ScalarFunction.fixed(ColumnType.REAL),
                        t -> moments(m -> m[2] / (m[0] - 1), true)),
                new AggregateFunction("variancep", 1, 1, "variancep", ScalarFunction.fixed(ColumnType.REAL),
                        t -> moments(m -> m[2] / m[0], false)),
                new AggregateFunction("make_list", 1, 2, "list", ScalarFunction.fixed(D), t -> list(false, false)),
                new AggregateFunction("make_list_if", 2, 3, "list", ScalarFunction.fixed(D), t -> list(false, true)),
                new AggregateFunction("make_list_with_nulls", 1, 2, "list", ScalarFunction.fixed(D),
                        t -> listWithNulls()),
                new AggregateFunction("make_set", 1, 2, "set", ScalarFunction.fixed(D), t -> list(true, false)),
                new AggregateFunction("make_set_if", 2, 3, "set", ScalarFunction.fixed(D), t -> list(true, true)),
                new AggregateFunction("make_bag", 1, 2, "bag", ScalarFunction.fixed(D), t -> bag(false)),
                new AggregateFunction("make_bag_if", 2, 3, "bag", ScalarFunction.fixed(D), t -> bag(true)),
                new AggregateFunction("percentile", 2, 2, "percentile", Aggregations::percentileType,
                        t -> percentileOf(t.get(0))),
                new AggregateFunction("binary_all_and", 1, 1, "binary_all_and", fixedLong, t -> bits(0)),
                new AggregateFunction("binary_all_or", 1, 1, "binary_all_or", fixedLong, t -> bits(1)),
                new AggregateFunction("binary_all_xor", 1, 1, "binary_all_xor", fixedLong, t -> bits(2)));
    }

    private static ScalarFunction.ResultType checkBool(int i, ScalarFunction.ResultType then) {
        return args -> {
            Fn.check(args, i, "bool", ColumnType.BOOL);
            return then.of(args);
        };
    }

    private static ColumnType sumType(List<ColumnType> args) {
        Fn.check(args, 0, "numeric", ColumnType.INT, ColumnType.LONG, ColumnType.REAL, ColumnType.DECIMAL,
                ColumnType.TIMESPAN);
        ColumnType t = args.get(0);
        return t == ColumnType.INT ? ColumnType.LONG : t == ColumnType.DYNAMIC ? ColumnType.REAL : t;
    }

    private static ColumnType avgType(List<ColumnType> args) {
        Fn.check(args, 0, "numeric", ColumnType.INT, ColumnType.LONG, ColumnType.REAL, ColumnType.DECIMAL,
                ColumnType.TIMESPAN, ColumnType.DATETIME);
        ColumnType t = args.get(0);
        return t == ColumnType.DECIMAL || t == ColumnType.TIMESPAN || t == ColumnType.DATETIME ? t
                : ColumnType.REAL;
    }

    private static ColumnType percentileType(List<ColumnType> args) {
        ColumnType t = args.get(0);
        return t == ColumnType.INT ? ColumnType.LONG : t == ColumnType.DYNAMIC ? ColumnType.REAL : t;
    }

    private static boolean pass(Object[] a, boolean conditional, int predicate) {
        return !conditional || Boolean.TRUE.equals(a[predicate]);
    }

    private static Accumulator counter(boolean conditional) {
        return new Accumulator() {
            long n;

            @Override
            public void add(Object[] a) {
                if (!conditional || Boolean.TRUE.equals(a[0])) {
                    n++;
                }
            }

            @Override
            public Object result() {
                return n;
            }
        };
    }

    private static Accumulator distinct(boolean conditional) {
        return new Accumulator() {
            final Set<Object> seen = new HashSet<>();

            @Override
            public void add(Object[] a) {
                if (a[0] != null && pass(a, conditional, 1)) {
                    seen.add(Values.key(a[0]));
                }
            }

            @Override
            public Object result() {
                return (long) seen.size();
            }
        };
    }

    private static Accumulator sum(ColumnType type, boolean conditional) {
        return new Accumulator() {
            Object total;

            @Override
            public void add(Object[] a) {
                Object v = a[0];
                if (v == null || !pass(a, conditional, 1)) {
                    return;
                }
                if (v instanceof JsonNode n) {
                    v = n.asDouble();
                }
                if (v instanceof Duration d) {
                    total = total == null ? d : ((Duration) total).plus(d);
                } else if (type == ColumnType.DECIMAL) {
                    total = total == null ? Values.toDecimal(v) : ((BigDecimal) total).add(Values.toDecimal(v));
                } else if (type == ColumnType.REAL || type == ColumnType.DYNAMIC) {
                    total = (total == null ? 0.0 : (Double) total) + Values.toDouble(v);
                } else {
                    total = (total == null ? 0L : (Long) total) + ((Number) v).longValue();
                }
            }

            @Override
            public Object result() {
                return total;
            }
        };
    }

    private static Accumulator avg(ColumnType type, boolean conditional) {
        return new Accumulator() {
            double sum;
            BigDecimal dsum = BigDecimal.ZERO;
            long n;

            @Override
            public void add(Object[] a) {
                Object v = a[0];
                if (v == null || !pass(a, conditional, 1)) {
                    return;
                }
                n++;
                if (v instanceof BigDecimal b) {
                    dsum = dsum.add(b);
                } else if (v instanceof Duration d) {
                    dsum = dsum.add(BigDecimal.valueOf(d.toNanos()));
                } else if (v instanceof java.time.Instant i) {
                    dsum = dsum.add(BigDecimal.valueOf(Values.ticks(i)));
                } else {
                    sum += Values.toDouble(v);
                }
            }

            @Override
            public Object result() {
                if (n == 0) {
                    return type == ColumnType.REAL ? Double.NaN : null;
                }
                return switch (type) {
                    case DECIMAL -> dsum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
                    case TIMESPAN -> Duration.ofNanos(dsum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128)
                            .longValue() / 100 * 100);
                    case DATETIME -> DateTimeFunctions.fromTicks(dsum.divide(BigDecimal.valueOf(n),
                            MathContext.DECIMAL128).longValue());
                    default -> sum / n;
                };
            }
        };
    }

    private static Accumulator extreme(int sign, boolean conditional) {
        return new Accumulator() {
            Object best;

            @Override
            public void add(Object[] a) {
                Object v = a[0];
                if (v != null && pass(a, conditional, 1) && (best == null || sign * Values.compare(v, best) > 0)) {
                    best = v;
                }
            }

            @Override
            public Object result() {
                return best;
            }
        };
    }

    /** Welford's running mean and squared deviations: m = {n, mean, m2}. */
    private static Accumulator moments(Function<double[], Double> finish, boolean conditional) {
        return new Accumulator() {
            final double[] m = new double[3];

            @Override
            public void add(Object[] a) {
                if (a[0] == null || !pass(a, conditional, 1)) {
                    return;
                }
                double x = Values.toDouble(a[0]);
                m[0]++;
                double delta = x - m[1];
                m[1] += delta / m[0];
                m[2] += delta * (x - m[1]);
            }

            @Override
            public Object result() {
                if (m[0] == 0) {
                    return null;
                }
                if (m[0] == 1) {
                    return 0.0;
                }
                return finish.apply(m);
            }
        };
    }

    private static Accumulator list(boolean set, boolean conditional) {
        return new Accumulator() {
            final ArrayNode out = Values.array();
            final Set<String> seen = new HashSet<>();

            @Override
            public void add(Object[] a) {
                Object v = a[0];
                if (v == null || !pass(a, conditional, 1)) {
                    return;
                }
                JsonNode n = Values.toDynamic(v);
                if (n.isNull()) {
                    return;
                }
                if (set) {
                    if (n.isArray()) {
                        for (JsonNode e : n) {
                            if (seen.add(e.toString())) {
                                out.add(e);
                            }
                        }
                    } else if (seen.add(n.toString())) {
                        out.add(n);
                    }
                } else {
                    out.add(n);
                }
            }

            @Override
            public Object result() {
                return out;
            }
        };
    }

    private static Accumulator listWithNulls() {
        return new Accumulator() {
            final ArrayNode out = Values.array();

            @Override
            public void add(Object[] a) {
                out.add(Values.toDynamic(a[0]));
            }

            @Override
            public Object result() {
                return out;
            }
        };
    }

    private static Accumulator bag(boolean conditional) {
        return new Accumulator() {
            final ObjectNode out = Values.bag();

            @Override
            public void add(Object[] a) {
                if (a[0] instanceof JsonNode n && n.isObject() && pass(a, conditional, 1)) {
                    n.fields().forEachRemaining(e -> {
                        if (!out.has(e.getKey())) {
                            out.set(e.getKey(), e.getValue());
                        }
                    });
                }
            }

            @Override
            public Object result() {
                return out;
            }
        };
    }

    private static Accumulator bits(int op) {
        return new Accumulator() {
            Long acc;

            @Override
            public void add(Object[] a) {
                if (a[0] == null) {
                    return;
                }
                long v = ((Number) a[0]).longValue();
                acc = acc == null ? v : op == 0 ? acc & v : op == 1 ? acc | v : acc ^ v;
            }

            @Override
            public Object result() {
                return acc;
            }
        };
    }

    /**
     * {@code percentile(x, p)} and each column of {@code percentiles(x, p1, p2...)}: the nearest-rank value (the
     * smallest value with at least p% of the values at or below it), exact where the service estimates.
     */
    public static Accumulator percentileOf(ColumnType type) {
        return new Accumulator() {
            final List<Object> values = new ArrayList<>();
            double p;

            @Override
            public void add(Object[] a) {
                if (a[0] != null) {
                    values.add(a[0] instanceof Integer i ? (Object) (long) i : a[0]);
                }
                if (a.length > 1 && a[1] != null) {
                    p = Values.toDouble(a[1]);
                }
            }

            @Override
            public Object result() {
                return nearestRank(values, p);
            }
        };
    }

    /**
     * {@code percentiles_array(x, p1, p2...)} and {@code percentiles_array(x, dynamic([p1, p2...]))}: the
     * nearest-rank value of each percentile, as one dynamic array.
     *
     * @return an accumulator whose arguments are the value, then the percentiles (numbers or one array of them)
     */
    public static Accumulator percentilesArray() {
        return new Accumulator() {
            final List<Object> values = new ArrayList<>();
            final List<Double> ps = new ArrayList<>();

            @Override
            public void add(Object[] a) {
                if (a[0] != null) {
                    values.add(a[0] instanceof Integer i ? (Object) (long) i : a[0]);
                }
                if (ps.isEmpty()) {
                    for (int i = 1; i < a.length; i++) {
                        if (a[i] instanceof JsonNode n && n.isArray()) {
                            n.forEach(e -> ps.add(e.asDouble()));
                        } else if (a[i] != null) {
                            ps.add(Values.toDouble(a[i]));
                        }
                    }
                }
            }

            @Override
            public Object result() {
                ArrayNode out = Values.array();
                for (double p : ps) {
                    out.add(Values.toDynamic(nearestRank(values, p)));
                }
                return out;
            }
        };
    }

    /**
     * @param  values the group's values
     * @param  p      the percentile, 0..100
     * @return        the nearest-rank percentile, or null without values
     */
    public static Object nearestRank(List<Object> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Object> sorted = new ArrayList<>(values);
        sorted.sort(Values::compare);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, rank - 1)));
    }

    /**
     * {@code arg_max}/{@code arg_min}: keeps the whole row where the first argument is largest (smallest).
     *
     * @param  sign 1 for max, -1 for min
     * @return      an accumulator whose result is the kept argument values (an Object[])
     */
    public static Accumulator argExtreme(int sign) {
        return new Accumulator() {
            Object best;
            Object[] kept;

            @Override
            public void add(Object[] a) {
                if (a[0] != null && (best == null || sign * Values.compare(a[0], best) > 0)) {
                    best = a[0];
                    kept = a.clone();
                } else if (kept == null) {
                    kept = a.clone();
                }
            }

            @Override
            public Object result() {
                return kept;
            }
        };
    }

    /** @return a take_any accumulator whose result is the first row's argument values (an Object[]) */
    public static Accumulator firstRow() {
        return new Accumulator() {
            Object[] kept;

            @Override
            public void add(Object[] a) {
                if (kept == null || allNull(kept) && !allNull(a)) {
                    kept = a.clone();
                }
            }

            @Override
            public Object result() {
                return kept;
            }
        };
    }

    private static boolean allNull(Object[] a) {
        for (Object o : a) {
            if (o != null) {
                return false;
            }
        }
        return true;
    }

    /** @return the catalogue keyed by name */
    public static Map<String, AggregateFunction> byName() {
        Map<String, AggregateFunction> m = new LinkedHashMap<>();
        for (AggregateFunction f : functions()) {
            m.put(f.name(), f);
        }
        return m;
    }
}
