package io.github.camelloganalytics.testkit.kql;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;

/**
 * Evaluates the emulator's KQL subset: {@code let name = scalar;} statements, a table name, then {@code where},
 * {@code project}, {@code extend}, {@code take}/{@code limit}, {@code order by}/{@code sort by}, {@code count},
 * {@code summarize count() by ...} and a final {@code render}; or {@code print} of scalars, one row with columns
 * {@code print_0, print_1, ...} unless named. Scalars: literals (long, real, string, bool,
 * timespan such as {@code 5m}, {@code datetime(...)}), columns, let names, {@code == != < <= > >= =~ !~},
 * {@code contains}, {@code has} (and their {@code !} forms), {@code between (a .. b)}, {@code and}, {@code or},
 * {@code not()}, {@code + -}, {@code ago()}, {@code now()}, {@code ingestion_time()}.
 *
 * <p>
 * Every expression is typed against the schema before any row is read, so an unknown name or a type mismatch is a
 * {@link KqlSemanticException} however few rows the table holds, as in the service.
 */
public final class KqlEngine {

    private KqlEngine() {
    }

    /**
     * Parses, checks and runs a query.
     *
     * @param  query    the KQL text
     * @param  resolver finds the tables the query names
     * @param  now      the instant {@code now()} and {@code ago()} refer to, fixed for the whole query
     * @return          the primary result
     * @throws KqlSyntaxException   when the query is malformed or leaves the subset
     * @throws KqlSemanticException when it names an unknown table or column, or mixes types
     */
    public static KqlResult run(String query, TableResolver resolver, Instant now) {
        Ast.Query ast = Parser.parse(query);
        return new Run(resolver, now).run(ast);
    }

    /**
     * Parses a query without running it, e.g. to answer a syntax error before anything else.
     *
     * @param  query the KQL text
     * @throws KqlSyntaxException when the query is malformed or leaves the subset
     */
    public static void checkSyntax(String query) {
        Parser.parse(query);
    }

    /** A typed, compiled scalar expression. */
    private interface Compiled {
        ColumnType type();

        Object eval(Row row);
    }

    private record Const(ColumnType type, Object value) implements Compiled {
        @Override
        public Object eval(Row row) {
            return value;
        }
    }

    private record Fn(ColumnType type, java.util.function.Function<Row, Object> f) implements Compiled {
        @Override
        public Object eval(Row row) {
            return f.apply(row);
        }
    }

    private static final class Run {
        private final TableResolver resolver;
        private final Instant now;
        private final Map<String, Const> lets = new HashMap<>();

        Run(TableResolver resolver, Instant now) {
            this.resolver = resolver;
            this.now = now;
        }

        KqlResult run(Ast.Query q) {
            for (Ast.Let let : q.lets()) {
                Compiled c = compile(let.value(), List.of(), null);
                lets.put(let.name().text(), new Const(c.type(), c.eval(null)));
            }
            String first = q.ops().isEmpty() ? null : q.ops().get(0).keyword();
            Optional<SourceTable> src = q.print() != null ? Optional.of(print(q.print()))
                    : resolver.resolve(q.source().text());
            if (src.isEmpty()) {
                throw new KqlSemanticException("SEM0100", prefix(first)
                        + "Failed to resolve table or column expression named '" + q.source().text() + "'");
            }
            List<Column> schema = new ArrayList<>(src.get().columns());
            List<Row> rows = new ArrayList<>(src.get().rows());
            String visualization = null;
            for (Ast.Op op : q.ops()) {
                String kw = op.keyword();
                if (op instanceof Ast.Where w) {
                    Compiled pred = compile(w.predicate(), schema, kw);
                    if (pred.type() != ColumnType.BOOL) {
                        throw new KqlSemanticException("SEM0025", prefix(kw)
                                + "Expected a predicate of type bool, got an expression of type "
                                + pred.type().kqlName());
                    }
                    List<Row> kept = new ArrayList<>();
                    for (Row r : rows) {
                        if (Boolean.TRUE.equals(pred.eval(r))) {
                            kept.add(r);
                        }
                    }
                    rows = kept;
                } else if (op instanceof Ast.Project pr) {
                    List<Column> out = new ArrayList<>();
                    List<Compiled> exprs = new ArrayList<>();
                    for (Ast.Named item : pr.items()) {
                        Compiled c = compile(item.expr(), schema, kw);
                        exprs.add(c);
                        out.add(Column.of(uniqueName(out, outputName(item, out.size())), c.type()));
                    }
                    rows = map(rows, exprs);
                    schema = out;
                } else if (op instanceof Ast.Extend ex) {
                    // one item at a time, so a later item can use a column an earlier one made, as KQL allows
                    for (Ast.Named item : ex.items()) {
                        Compiled c = compile(item.expr(), schema, kw);
                        List<Column> out = new ArrayList<>(schema);
                        List<Compiled> exprs = new ArrayList<>();
                        for (int i = 0; i < schema.size(); i++) {
                            int idx = i;
                            exprs.add(new Fn(schema.get(i).type(), r -> r.values()[idx]));
                        }
                        String name = outputName(item, out.size());
                        int existing = indexOf(out, name);
                        if (existing >= 0) {
                            out.set(existing, Column.of(name, c.type()));
                            exprs.set(existing, c);
                        } else {
                            out.add(Column.of(name, c.type()));
                            exprs.add(c);
                        }
                        rows = map(rows, exprs);
                        schema = out;
                    }
                } else if (op instanceof Ast.Take tk) {
                    Compiled c = compile(tk.count(), List.of(), kw);
                    if (c.type() != ColumnType.LONG && c.type() != ColumnType.INT) {
                        throw new KqlSemanticException("SEM0001", prefix(kw)
                                + "The number of records to take must be a constant of type long, got "
                                + c.type().kqlName());
                    }
                    long n = ((Number) c.eval(null)).longValue();
                    if (n < rows.size()) {
                        rows = new ArrayList<>(rows.subList(0, (int) Math.max(0, n)));
                    }
                } else if (op instanceof Ast.Sort so) {
                    Comparator<Row> cmp = null;
                    for (Ast.SortKey key : so.keys()) {
                        Compiled c = compile(key.expr(), schema, kw);
                        Comparator<Row> k = (a, b) -> compareForSort(c.type(), c.eval(a), c.eval(b), key.ascending());
                        cmp = cmp == null ? k : cmp.thenComparing(k);
                    }
                    rows = new ArrayList<>(rows);
                    rows.sort(cmp);
                } else if (op instanceof Ast.Count) {
                    schema = List.of(Column.of("Count", ColumnType.LONG));
                    rows = List.of(new Row(new Object[] { (long) rows.size() }, null));
                } else if (op instanceof Ast.Summarize su) {
                    List<Column> out = new ArrayList<>();
                    List<Compiled> keys = new ArrayList<>();
                    for (Ast.Named item : su.by()) {
                        Compiled c = compile(item.expr(), schema, kw);
                        keys.add(c);
                        out.add(Column.of(uniqueName(out, outputName(item, out.size())), c.type()));
                    }
                    out.add(Column.of(uniqueName(out, su.countName()), ColumnType.LONG));
                    Map<List<Object>, long[]> groups = new LinkedHashMap<>();
                    Map<List<Object>, Object[]> firstValues = new HashMap<>();
                    for (Row r : rows) {
                        Object[] kv = new Object[keys.size()];
                        List<Object> groupKey = new ArrayList<>();
                        for (int i = 0; i < kv.length; i++) {
                            kv[i] = keys.get(i).eval(r);
                            groupKey.add(kv[i] instanceof BigDecimal bd ? bd.stripTrailingZeros() : kv[i]);
                        }
                        groups.computeIfAbsent(groupKey, g -> new long[1])[0]++;
                        firstValues.putIfAbsent(groupKey, kv);
                    }
                    List<Row> result = new ArrayList<>();
                    if (keys.isEmpty() && groups.isEmpty()) {
                        // an aggregation without keys yields one row, even over nothing
                        result.add(new Row(new Object[] { 0L }, null));
                    }
                    for (Map.Entry<List<Object>, long[]> g : groups.entrySet()) {
                        Object[] kv = firstValues.get(g.getKey());
                        Object[] v = new Object[kv.length + 1];
                        System.arraycopy(kv, 0, v, 0, kv.length);
                        v[kv.length] = g.getValue()[0];
                        result.add(new Row(v, null));
                    }
                    rows = result;
                    schema = out;
                } else if (op instanceof Ast.Render re) {
                    visualization = re.visualization();
                }
            }
            List<Object[]> values = new ArrayList<>(rows.size());
            for (Row r : rows) {
                values.add(r.values());
            }
            return new KqlResult(List.copyOf(schema), values, visualization);
        }

        private static List<Row> map(List<Row> rows, List<Compiled> exprs) {
            List<Row> out = new ArrayList<>(rows.size());
            for (Row r : rows) {
                Object[] v = new Object[exprs.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = exprs.get(i).eval(r);
                }
                out.add(new Row(v, r.ingestionTime()));
            }
            return out;
        }

        /** {@code print} makes a one-row table of its scalars, named {@code print_N} by position unless named. */
        private SourceTable print(List<Ast.Named> items) {
            List<Column> columns = new ArrayList<>();
            Object[] values = new Object[items.size()];
            for (int i = 0; i < items.size(); i++) {
                Ast.Named item = items.get(i);
                Compiled c = compile(item.expr(), List.of(), "print");
                columns.add(Column.of(uniqueName(columns, item.name() != null ? item.name() : "print_" + i),
                        c.type()));
                values[i] = c.eval(null);
            }
            return new SourceTable(columns, List.of(new Row(values, null)));
        }

        private static String outputName(Ast.Named item, int position) {
            if (item.name() != null) {
                return item.name();
            }
            if (item.expr() instanceof Ast.Name n) {
                return n.at().text();
            }
            return "Column" + (position + 1);
        }

        /** KQL suffixes a repeated output name (Computer, Computer1) rather than failing. */
        private static String uniqueName(List<Column> out, String name) {
            String candidate = name;
            int k = 1;
            while (indexOf(out, candidate) >= 0) {
                candidate = name + k++;
            }
            return candidate;
        }

        private static int indexOf(List<Column> schema, String name) {
            for (int i = 0; i < schema.size(); i++) {
                if (schema.get(i).name().equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private static String prefix(String keyword) {
            return keyword == null ? "" : "'" + keyword + "' operator: ";
        }

        private Compiled compile(Ast.Expr e, List<Column> schema, String kw) {
            if (e instanceof Ast.Literal l) {
                return new Const(l.type(), l.value());
            }
            if (e instanceof Ast.Name n) {
                String name = n.at().text();
                int idx = indexOf(schema, name);
                if (idx >= 0) {
                    return new Fn(schema.get(idx).type(), r -> r.values()[idx]);
                }
                Const c = lets.get(name);
                if (c != null) {
                    return c;
                }
                throw new KqlSemanticException("SEM0100",
                        prefix(kw) + "Failed to resolve scalar expression named '" + name + "'");
            }
            if (e instanceof Ast.Unary u) {
                Compiled o = compile(u.operand(), schema, kw);
                if (!o.type().isNumeric() && o.type() != ColumnType.TIMESPAN) {
                    throw new KqlSemanticException("SEM0001",
                            prefix(kw) + "Unary minus is not defined for type " + o.type().kqlName());
                }
                return new Fn(o.type(), r -> negate(o.eval(r)));
            }
            if (e instanceof Ast.Call c) {
                return call(c, schema, kw);
            }
            if (e instanceof Ast.Between b) {
                Compiled v = compile(b.value(), schema, kw);
                Compiled lo = compile(b.low(), schema, kw);
                Compiled hi = compile(b.high(), schema, kw);
                boolean hiIsSpan = v.type() == ColumnType.DATETIME && hi.type() == ColumnType.TIMESPAN;
                if (!comparable(v.type(), lo.type()) || !(hiIsSpan || comparable(v.type(), hi.type()))
                        || !(v.type().isNumeric() || v.type() == ColumnType.DATETIME
                             || v.type() == ColumnType.TIMESPAN)) {
                    throw new KqlSemanticException("SEM0001", prefix(kw) + "'between' cannot compare values of types "
                            + v.type().kqlName() + " and " + lo.type().kqlName() + ".." + hi.type().kqlName());
                }
                return new Fn(ColumnType.BOOL, r -> {
                    Object x = v.eval(r);
                    Object a = lo.eval(r);
                    Object z = hi.eval(r);
                    if (x == null || a == null || z == null) {
                        return null;
                    }
                    if (hiIsSpan) {
                        z = ((Instant) a).plus((Duration) z);
                    }
                    boolean in = compare(x, a) >= 0 && compare(x, z) <= 0;
                    return b.negated() != in;
                });
            }
            Ast.Binary b = (Ast.Binary) e;
            Compiled l = compile(b.left(), schema, kw);
            Compiled r = compile(b.right(), schema, kw);
            String op = b.operator();
            switch (op) {
                case "and":
                case "or":
                    if (l.type() != ColumnType.BOOL || r.type() != ColumnType.BOOL) {
                        throw new KqlSemanticException("SEM0001", prefix(kw) + "The operands of '" + op
                                + "' must be of type bool, got " + l.type().kqlName() + " and " + r.type().kqlName());
                    }
                    boolean isAnd = op.equals("and");
                    return new Fn(ColumnType.BOOL, row -> {
                        Boolean x = (Boolean) l.eval(row);
                        if (isAnd && Boolean.FALSE.equals(x) || !isAnd && Boolean.TRUE.equals(x)) {
                            return x;
                        }
                        Boolean y = (Boolean) r.eval(row);
                        if (x == null) {
                            return isAnd && Boolean.FALSE.equals(y) || !isAnd && Boolean.TRUE.equals(y) ? y : null;
                        }
                        return y;
                    });
                case "==":
                case "!=":
                case "<":
                case "<=":
                case ">":
                case ">=":
                    if (!comparable(l.type(), r.type())) {
                        throw new KqlSemanticException("SEM0001", prefix(kw) + "Cannot compare values of types "
                                + l.type().kqlName() + " and " + r.type().kqlName() + ". Try adding explicit casts");
                    }
                    return new Fn(ColumnType.BOOL, row -> {
                        Object x = l.eval(row);
                        Object y = r.eval(row);
                        if (x == null || y == null) {
                            return null;
                        }
                        int c = compare(x, y);
                        return switch (op) {
                            case "==" -> c == 0;
                            case "!=" -> c != 0;
                            case "<" -> c < 0;
                            case "<=" -> c <= 0;
                            case ">" -> c > 0;
                            default -> c >= 0;
                        };
                    });
                case "=~":
                case "!~":
                case "contains":
                case "!contains":
                case "has":
                case "!has":
                    return new Fn(ColumnType.BOOL, row -> {
                        Object x = l.eval(row);
                        Object y = r.eval(row);
                        String s = x == null ? "" : l.type().text(x).toLowerCase(Locale.ROOT);
                        String t = y == null ? "" : r.type().text(y).toLowerCase(Locale.ROOT);
                        boolean negated = op.startsWith("!");
                        boolean m = switch (op) {
                            case "=~", "!~" -> s.equals(t);
                            case "contains", "!contains" -> s.contains(t);
                            default -> has(s, t);
                        };
                        return negated != m;
                    });
                case "+":
                case "-":
                    return arithmetic(op, l, r, kw);
                default:
                    throw new IllegalStateException(op);
            }
        }

        private Compiled arithmetic(String op, Compiled l, Compiled r, String kw) {
            ColumnType lt = l.type();
            ColumnType rt = r.type();
            boolean plus = op.equals("+");
            if (lt.isNumeric() && rt.isNumeric()) {
                ColumnType t = widest(lt, rt);
                return new Fn(t, row -> {
                    Object x = l.eval(row);
                    Object y = r.eval(row);
                    if (x == null || y == null) {
                        return null;
                    }
                    return switch (t) {
                        case DECIMAL -> plus ? decimal(x).add(decimal(y)) : decimal(x).subtract(decimal(y));
                        case REAL -> plus ? ((Number) x).doubleValue() + ((Number) y).doubleValue()
                                : ((Number) x).doubleValue() - ((Number) y).doubleValue();
                        case INT -> plus ? ((Number) x).intValue() + ((Number) y).intValue()
                                : ((Number) x).intValue() - ((Number) y).intValue();
                        default -> plus ? ((Number) x).longValue() + ((Number) y).longValue()
                                : ((Number) x).longValue() - ((Number) y).longValue();
                    };
                });
            }
            if (lt == ColumnType.DATETIME && rt == ColumnType.TIMESPAN) {
                return new Fn(ColumnType.DATETIME, row -> nullSafe(l.eval(row), r.eval(row),
                        (x, y) -> plus ? ((Instant) x).plus((Duration) y) : ((Instant) x).minus((Duration) y)));
            }
            if (plus && lt == ColumnType.TIMESPAN && rt == ColumnType.DATETIME) {
                return new Fn(ColumnType.DATETIME, row -> nullSafe(l.eval(row), r.eval(row),
                        (x, y) -> ((Instant) y).plus((Duration) x)));
            }
            if (!plus && lt == ColumnType.DATETIME && rt == ColumnType.DATETIME) {
                return new Fn(ColumnType.TIMESPAN, row -> nullSafe(l.eval(row), r.eval(row),
                        (x, y) -> Duration.between((Instant) y, (Instant) x)));
            }
            if (lt == ColumnType.TIMESPAN && rt == ColumnType.TIMESPAN) {
                return new Fn(ColumnType.TIMESPAN, row -> nullSafe(l.eval(row), r.eval(row),
                        (x, y) -> plus ? ((Duration) x).plus((Duration) y) : ((Duration) x).minus((Duration) y)));
            }
            throw new KqlSemanticException("SEM0001", prefix(kw) + "Operator '" + op + "' is not defined for types "
                    + lt.kqlName() + " and " + rt.kqlName());
        }

        private Compiled call(Ast.Call c, List<Column> schema, String kw) {
            List<Compiled> args = new ArrayList<>();
            for (Ast.Expr a : c.args()) {
                args.add(compile(a, schema, kw));
            }
            String fn = c.function();
            switch (fn) {
                case "ago":
                    expectArgs(fn, args, kw, ColumnType.TIMESPAN);
                    return new Fn(ColumnType.DATETIME, row -> {
                        Object d = args.get(0).eval(row);
                        return d == null ? null : now.minus((Duration) d);
                    });
                case "now":
                    if (args.isEmpty()) {
                        return new Const(ColumnType.DATETIME, now);
                    }
                    expectArgs(fn, args, kw, ColumnType.TIMESPAN);
                    return new Fn(ColumnType.DATETIME, row -> {
                        Object d = args.get(0).eval(row);
                        return d == null ? null : now.plus((Duration) d);
                    });
                case "ingestion_time":
                    expectArgs(fn, args, kw);
                    return new Fn(ColumnType.DATETIME, row -> row == null ? null : row.ingestionTime());
                case "not":
                    expectArgs(fn, args, kw, ColumnType.BOOL);
                    return new Fn(ColumnType.BOOL, row -> {
                        Object v = args.get(0).eval(row);
                        return v == null ? null : !(Boolean) v;
                    });
                default:
                    throw new IllegalStateException(fn);
            }
        }

        private static void expectArgs(String fn, List<Compiled> args, String kw, ColumnType... types) {
            if (args.size() != types.length) {
                throw new KqlSemanticException("SEM0219", prefix(kw) + "function '" + fn + "': expected "
                        + types.length + " argument(s), got " + args.size());
            }
            for (int i = 0; i < types.length; i++) {
                if (args.get(i).type() != types[i]) {
                    throw new KqlSemanticException("SEM0219", prefix(kw) + "function '" + fn + "': argument #"
                            + (i + 1) + " expected to be a " + types[i].kqlName() + " expression, got "
                            + args.get(i).type().kqlName());
                }
            }
        }
    }

    private static Object nullSafe(Object x, Object y, java.util.function.BinaryOperator<Object> f) {
        return x == null || y == null ? null : f.apply(x, y);
    }

    private static Object negate(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Integer i) {
            return -i;
        }
        if (v instanceof Long l) {
            return -l;
        }
        if (v instanceof Double d) {
            return -d;
        }
        if (v instanceof BigDecimal bd) {
            return bd.negate();
        }
        return ((Duration) v).negated();
    }

    private static ColumnType widest(ColumnType a, ColumnType b) {
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

    private static boolean comparable(ColumnType a, ColumnType b) {
        if (a == b) {
            return true;
        }
        if (a.isNumeric() && b.isNumeric()) {
            return true;
        }
        // the service accepts a guid compared with its string form
        return a == ColumnType.GUID && b == ColumnType.STRING || a == ColumnType.STRING && b == ColumnType.GUID;
    }

    private static BigDecimal decimal(Object n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        return BigDecimal.valueOf(((Number) n).longValue());
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static int compare(Object x, Object y) {
        if (x instanceof Number && y instanceof Number) {
            if (x instanceof BigDecimal || y instanceof BigDecimal) {
                return decimal(x).compareTo(decimal(y));
            }
            if (x instanceof Double || y instanceof Double) {
                return Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue());
            }
            return Long.compare(((Number) x).longValue(), ((Number) y).longValue());
        }
        if (x.getClass() != y.getClass()) {
            // guid against string, dynamic against anything: compare their text, case-insensitively for guids
            return x.toString().toLowerCase(Locale.ROOT).compareTo(y.toString().toLowerCase(Locale.ROOT));
        }
        if (x instanceof Comparable) {
            return ((Comparable) x).compareTo(y);
        }
        return x.toString().compareTo(y.toString());
    }

    /** Nulls come first ascending and last descending, as in KQL. */
    private static int compareForSort(ColumnType type, Object x, Object y, boolean ascending) {
        if (x == null || y == null) {
            if (x == y) {
                return 0;
            }
            int c = x == null ? -1 : 1;
            return ascending ? c : -c;
        }
        int c = type == ColumnType.DYNAMIC ? type.text(x).compareTo(type.text(y)) : compare(x, y);
        return ascending ? c : -c;
    }

    /** KQL {@code has}: the term occurs bounded by non-alphanumeric characters (both sides already lower-cased). */
    private static boolean has(String haystack, String term) {
        if (term.isEmpty()) {
            return true;
        }
        int from = 0;
        while (true) {
            int at = haystack.indexOf(term, from);
            if (at < 0) {
                return false;
            }
            int end = at + term.length();
            boolean startOk = at == 0 || !Character.isLetterOrDigit(haystack.charAt(at - 1));
            boolean endOk = end == haystack.length() || !Character.isLetterOrDigit(haystack.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = at + 1;
        }
    }
}
