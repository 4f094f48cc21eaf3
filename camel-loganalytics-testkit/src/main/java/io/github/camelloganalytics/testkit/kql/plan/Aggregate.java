package io.github.camelloganalytics.testkit.kql.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.Row;
import io.github.camelloganalytics.testkit.kql.ast.Clause.MakeSeriesItem;
import io.github.camelloganalytics.testkit.kql.ast.Clause.NamedExpression;
import io.github.camelloganalytics.testkit.kql.ast.Clause.TopNestedLevel;
import io.github.camelloganalytics.testkit.kql.ast.Expression;
import io.github.camelloganalytics.testkit.kql.ast.Expression.Argument;
import io.github.camelloganalytics.testkit.kql.ast.TabularOperator;
import io.github.camelloganalytics.testkit.kql.expr.Expr;
import io.github.camelloganalytics.testkit.kql.expr.Frame;
import io.github.camelloganalytics.testkit.kql.expr.Operators;
import io.github.camelloganalytics.testkit.kql.functions.AggregateFunction;
import io.github.camelloganalytics.testkit.kql.functions.AggregateFunction.Accumulator;
import io.github.camelloganalytics.testkit.kql.functions.Aggregations;
import io.github.camelloganalytics.testkit.kql.functions.FunctionCatalog;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** The grouping operators: summarize, distinct, make-series, top-nested, and the pivot and bag_unpack plugins. */
final class Aggregate {

    private Aggregate() {
    }

    /** One output column of a summarize: computed from the group's keys and aggregation results. */
    private record Output(Column column, Function<Object[], Object> value) {
    }

    /** The keys, the aggregations and the outputs a summarize-like operator computes. */
    private static final class Grouping {
        final List<Column> keyColumns = new ArrayList<>();
        final List<Expr> keys = new ArrayList<>();
        final List<ExpressionResolver.AggregateSlot> slots = new ArrayList<>();
        final List<Output> outputs = new ArrayList<>();
    }

    static Plan summarize(Resolver r, Plan in, TabularOperator.Summarize su, Scope scope) {
        String kw = "summarize";
        Grouping g = new Grouping();
        keys(r, in, su.by(), scope, kw, g);
        for (NamedExpression item : su.aggregations()) {
            aggregateItem(r, in, item, scope, kw, g);
        }
        List<Column> schema = new ArrayList<>(g.keyColumns);
        for (Output o : g.outputs) {
            schema.add(Column.of(Names.unique(schema, o.column().name()), o.column().type()));
        }
        return new Plan(schema, () -> run(r, in.rows(), g), false);
    }

    private static void keys(Resolver r, Plan in, List<NamedExpression> by, Scope scope, String kw, Grouping g) {
        ExpressionResolver er = new ExpressionResolver(r, scope, in.schema(), kw);
        for (NamedExpression item : by) {
            Expression e = item.expression();
            Expr k = er.resolve(e);
            String name = item.name() != null ? item.name() : Names.derived(e, true);
            if (name == null) {
                name = Names.nextColumn(g.keyColumns);
            }
            g.keyColumns.add(Column.of(Names.unique(g.keyColumns, name), k.type()));
            g.keys.add(k);
        }
    }

    private static String argumentName(Expression.Call call, int i) {
        if (call.arguments().size() <= i) {
            return "";
        }
        Expression e = call.arguments().get(i).expression();
        String n = e == null ? null : Names.derived(e, false);
        return n == null ? "" : n;
    }

    private static void aggregateItem(Resolver r, Plan in, NamedExpression item, Scope scope, String kw,
            Grouping g) {
        Expression e = item.expression();
        Expression.Call call = e instanceof Expression.Call c ? c : null;
        String fn = call == null ? null : call.function();
        if (fn != null && FunctionCatalog.MULTI_COLUMN_AGGREGATES.contains(fn) && scope.lookup(fn) == null) {
            multiColumn(r, in, item, call, fn, scope, kw, g);
            return;
        }
        int before = g.slots.size();
        ExpressionResolver er = new ExpressionResolver(r, scope, g.keyColumns, kw)
                .aggregating(in.schema(), g.slots, g.keyColumns.size());
        Expr value = er.resolve(e);
        if (g.slots.size() == before) {
            throw new KqlSemanticException("SEM0001", Resolver.prefix(kw) + "the expression '" + e.span().text()
                    + "' is not an aggregation");
        }
        String name;
        if (item.name() != null) {
            name = item.name();
        } else if (item.multiple()) {
            throw ExpressionResolver.notSupported("a multi-column name for '" + e.span().text() + "'", item);
        } else if (fn != null && FunctionCatalog.aggregate(fn) != null) {
            name = FunctionCatalog.aggregate(fn).columnPrefix() + "_" + (fn.equals("percentile")
                    ? argumentName(call, 0) + "_" + call.arguments().get(1).span().text().replace('.', '_')
                    : fn.startsWith("count") && !fn.equals("countif") || fn.equals("countif") ? ""
                    : argumentName(call, 0));
        } else {
            name = Names.nextColumn(outputColumns(g));
        }
        int width = g.keyColumns.size();
        g.outputs.add(new Output(Column.of(name, value.type()), post -> value.eval(new Frame(r.now())
                .at(new Row(post, null)))));
        if (width < 0) {
            throw new IllegalStateException();
        }
    }

    private static List<Column> outputColumns(Grouping g) {
        List<Column> cols = new ArrayList<>(g.keyColumns);
        for (Output o : g.outputs) {
            cols.add(o.column());
        }
        return cols;
    }

    /** arg_max, arg_min, take_any, any, percentiles: one aggregation, several columns. */
    private static void multiColumn(Resolver r, Plan in, NamedExpression item, Expression.Call call, String fn,
            Scope scope, String kw, Grouping g) {
        ExpressionResolver er = new ExpressionResolver(r, scope, in.schema(), kw);
        List<Argument> args = call.arguments();
        if (args.isEmpty()) {
            throw new KqlSemanticException("SEM0219", Resolver.prefix(kw) + "function '" + fn
                    + "' expects arguments");
        }
        List<Expr> exprs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean arg = fn.startsWith("arg_");
        Set<String> keyNames = new LinkedHashSet<>();
        for (Column c : g.keyColumns) {
            keyNames.add(c.name());
        }
        if (fn.equals("percentiles_array")) {
            List<Expr> all = new ArrayList<>();
            for (Argument a : args) {
                all.add(er.argument(a));
            }
            g.slots.add(new ExpressionResolver.AggregateSlot(new AggregateFunction(fn, 2, 64, "percentiles",
                    a -> ColumnType.DYNAMIC, types -> Aggregations.percentilesArray()), all, ColumnType.DYNAMIC));
            int index = g.keyColumns.size() + g.slots.size() - 1;
            String name = "percentiles_" + argumentName(call, 0);
            g.outputs.add(new Output(Column.of(Names.unique(outputColumns(g), name), ColumnType.DYNAMIC),
                    post -> post[index]));
            renameOutputs(item, g, 1);
            return;
        }
        if (fn.equals("percentiles")) {
            Expr x = er.argument(args.get(0));
            String base = argumentName(call, 0);
            for (int i = 1; i < args.size(); i++) {
                Expr p = er.argument(args.get(i));
                ColumnType t = x.type() == ColumnType.INT ? ColumnType.LONG : x.type();
                g.slots.add(new ExpressionResolver.AggregateSlot(new AggregateFunction("percentile", 2, 2,
                        "percentile", a -> t, types -> Aggregations.percentileOf(t)), List.of(x, p), t));
                int index = g.keyColumns.size() + g.slots.size() - 1;
                String name = "percentile_" + base + "_" + args.get(i).span().text().replace('.', '_');
                g.outputs.add(new Output(Column.of(name, t), post -> post[index]));
            }
            renameOutputs(item, g, args.size() - 1);
            return;
        }
        for (int i = 0; i < args.size(); i++) {
            Argument a = args.get(i);
            if (a.star()) {
                for (int c = 0; c < in.schema().size(); c++) {
                    Column col = in.schema().get(c);
                    if (!keyNames.contains(col.name()) && !names.contains(col.name())) {
                        exprs.add(new Expr.ColumnRef(col.type(), c, col.name()));
                        names.add(col.name());
                    }
                }
                continue;
            }
            Expression ex = a.expression();
            String name = a.name() != null ? a.name() : ex == null ? null : Names.derived(ex, false);
            Expr value = a.name() != null ? er.resolve(ex) : er.argument(a);
            if (name == null) {
                name = (arg && i == 0 ? (fn.equals("arg_max") ? "max_" : "min_") : "") + "Column" + (i + 1);
            }
            if (fn.equals("any") && !a.star()) {
                name = "any_" + name;
            }
            exprs.add(value);
            names.add(name);
        }
        AggregateFunction agg = new AggregateFunction(fn, 1, 64, fn, a -> ColumnType.DYNAMIC,
                types -> arg ? Aggregations.argExtreme(fn.equals("arg_max") ? 1 : -1) : Aggregations.firstRow());
        g.slots.add(new ExpressionResolver.AggregateSlot(agg, exprs, ColumnType.DYNAMIC));
        int index = g.keyColumns.size() + g.slots.size() - 1;
        List<Column> current = outputColumns(g);
        for (int i = 0; i < exprs.size(); i++) {
            int element = i;
            String name = names.get(i);
            if (arg && i > 0 && keyNames.contains(name)) {
                continue;
            }
            Column c = Column.of(Names.unique(current, name), exprs.get(i).type());
            current.add(c);
            g.outputs.add(new Output(c, post -> post[index] == null ? null : ((Object[]) post[index])[element]));
        }
        renameOutputs(item, g, exprs.size());
    }

    private static void renameOutputs(NamedExpression item, Grouping g, int count) {
        List<String> names = item.names();
        int first = g.outputs.size() - Math.min(count, g.outputs.size());
        for (int i = 0; i < names.size() && first + i < g.outputs.size(); i++) {
            Output o = g.outputs.get(first + i);
            g.outputs.set(first + i, new Output(Column.of(names.get(i), o.column().type()), o.value()));
        }
    }

    private static List<Row> run(Resolver r, List<Row> rows, Grouping g) {
        Map<List<Object>, Object[]> keyValues = new LinkedHashMap<>();
        Map<List<Object>, Accumulator[]> groups = new LinkedHashMap<>();
        Frame f = new Frame(r.now());
        for (int i = 0; i < rows.size(); i++) {
            f.at(rows, i);
            Object[] kv = new Object[g.keys.size()];
            List<Object> key = new ArrayList<>(kv.length);
            for (int k = 0; k < kv.length; k++) {
                kv[k] = g.keys.get(k).eval(f);
                key.add(Values.key(kv[k]));
            }
            Accumulator[] accs = groups.get(key);
            if (accs == null) {
                accs = accumulators(g);
                groups.put(key, accs);
                keyValues.put(key, kv);
            }
            for (int s = 0; s < accs.length; s++) {
                List<Expr> args = g.slots.get(s).args();
                Object[] a = new Object[args.size()];
                for (int k = 0; k < a.length; k++) {
                    a[k] = args.get(k).eval(f);
                }
                accs[s].add(a);
            }
        }
        if (g.keys.isEmpty() && groups.isEmpty()) {
            groups.put(List.of(), accumulators(g));
            keyValues.put(List.of(), new Object[0]);
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<List<Object>, Accumulator[]> e : groups.entrySet()) {
            Object[] kv = keyValues.get(e.getKey());
            Accumulator[] accs = e.getValue();
            Object[] post = new Object[kv.length + accs.length];
            System.arraycopy(kv, 0, post, 0, kv.length);
            for (int s = 0; s < accs.length; s++) {
                post[kv.length + s] = ExpressionResolver.coerce(accs[s].result() instanceof Object[] arr ? null
                        : accs[s].result(), g.slots.get(s).type());
                if (accs[s].result() instanceof Object[] arr) {
                    post[kv.length + s] = arr;
                }
            }
            Object[] row = new Object[kv.length + g.outputs.size()];
            System.arraycopy(kv, 0, row, 0, kv.length);
            for (int o = 0; o < g.outputs.size(); o++) {
                Output out1 = g.outputs.get(o);
                row[kv.length + o] = ExpressionResolver.coerce(out1.value().apply(post), out1.column().type());
            }
            out.add(new Row(row, null));
        }
        return out;
    }

    private static Accumulator[] accumulators(Grouping g) {
        Accumulator[] accs = new Accumulator[g.slots.size()];
        for (int s = 0; s < accs.length; s++) {
            ExpressionResolver.AggregateSlot slot = g.slots.get(s);
            List<ColumnType> types = new ArrayList<>();
            for (Expr a : slot.args()) {
                types.add(a.type());
            }
            accs[s] = slot.function().accumulator().apply(types.isEmpty() ? List.of(ColumnType.LONG) : types);
        }
        return accs;
    }

    static Plan distinct(Resolver r, Plan in, TabularOperator.Distinct d, Scope scope) {
        Plan projected = d.items().isEmpty() ? in : Shape.project(r, in, d.items(), scope, "distinct");
        return new Plan(projected.schema(), () -> {
            Set<List<Object>> seen = new LinkedHashSet<>();
            List<Row> out = new ArrayList<>();
            for (Row row : projected.rows()) {
                List<Object> key = new ArrayList<>();
                for (Object v : row.values()) {
                    key.add(Values.key(v));
                }
                if (seen.add(key)) {
                    out.add(new Row(row.values(), null));
                }
            }
            return out;
        }, false);
    }

    static Plan makeSeries(Resolver r, Plan in, TabularOperator.MakeSeries m, Scope scope) {
        String kw = "make-series";
        Grouping g = new Grouping();
        keys(r, in, m.by(), scope, kw, g);
        ExpressionResolver plain = new ExpressionResolver(r, scope, in.schema(), kw);
        Expr axis = plain.resolve(m.axis());
        String axisName = Names.derived(m.axis(), false);
        Expr from = m.from() != null ? new ExpressionResolver(r, scope, List.of(), kw).resolve(m.from()) : null;
        Expr to = m.to() != null ? new ExpressionResolver(r, scope, List.of(), kw).resolve(m.to()) : null;
        Expr step = new ExpressionResolver(r, scope, List.of(), kw).resolve(m.step());
        if (!(axis.type().isNumeric() || axis.type() == ColumnType.DATETIME || axis.type() == ColumnType.TIMESPAN)) {
            throw new KqlSemanticException("SEM0001", "'make-series' operator: the axis must be numeric, datetime or "
                    + "timespan, got " + axis.type().kqlName());
        }
        List<Object> defaults = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (MakeSeriesItem item : m.items()) {
            Expression e = item.expression();
            ExpressionResolver er = new ExpressionResolver(r, scope, g.keyColumns, kw)
                    .aggregating(in.schema(), g.slots, g.keyColumns.size());
            Expr v = er.resolve(e);
            values.add(v);
            Object dflt = v.type().isNumeric() ? ExpressionResolver.coerce(0L, v.type()) : null;
            if (item.defaultValue() != null) {
                dflt = ExpressionResolver.coerce(new ExpressionResolver(r, scope, List.of(), kw)
                        .resolve(item.defaultValue()).eval(Frame.empty(r.now())), v.type());
            }
            defaults.add(dflt);
            String name;
            if (item.name() != null) {
                name = item.name();
            } else {
                Expression.Call call = e instanceof Expression.Call c ? c : null;
                String fn = call == null ? null : call.function();
                AggregateFunction agg = fn == null ? null : FunctionCatalog.aggregate(fn);
                name = agg == null ? Names.nextColumn(g.keyColumns) : agg.columnPrefix() + "_"
                        + (fn.startsWith("count") ? "" : argumentName(call, 0));
            }
            names.add(name);
        }
        List<Column> schema = new ArrayList<>(g.keyColumns);
        for (String n : names) {
            schema.add(Column.of(Names.unique(schema, n), ColumnType.DYNAMIC));
        }
        schema.add(Column.of(Names.unique(schema, axisName == null ? "Column1" : axisName), ColumnType.DYNAMIC));
        return new Plan(schema, () -> {
            Frame f = new Frame(r.now());
            List<Row> rows = in.rows();
            Object start = from == null ? null : from.eval(f);
            Object end = to == null ? null : to.eval(f);
            Object s = step.eval(f);
            if (start == null || end == null) {
                for (Row row : rows) {
                    Object v = axis.eval(f.at(row));
                    if (v != null && from == null && (start == null || Values.compare(v, start) < 0)) {
                        start = v;
                    }
                    if (v != null && to == null && (end == null || Values.compare(v, end) > 0)) {
                        end = v;
                    }
                }
                if (to == null && end != null) {
                    end = Operators.arithmetic("+", axis.type(), end, s);
                }
            }
            List<Object> bins = new ArrayList<>();
            if (start != null && end != null) {
                ColumnType at = axis.type() == ColumnType.INT ? ColumnType.LONG : axis.type();
                for (Object b = ExpressionResolver.coerce(start, at); Values.compare(b, end) < 0;
                        b = Operators.arithmetic("+", at.isNumeric() ? io.github.camelloganalytics.testkit.kql
                                .functions.Types.widest(at, Values.typeOf(s)) : at, b, s)) {
                    bins.add(b);
                    if (bins.size() > 100_000) {
                        break;
                    }
                }
            }
            Object first = start;
            Map<List<Object>, Object[]> keyValues = new LinkedHashMap<>();
            Map<List<Object>, Accumulator[][]> groups = new LinkedHashMap<>();
            for (int i = 0; i < rows.size(); i++) {
                f.at(rows, i);
                Object a = axis.eval(f);
                if (a == null || bins.isEmpty()) {
                    continue;
                }
                Object bin = io.github.camelloganalytics.testkit.kql.functions.MathFunctionsAccess.binAt(a, s, first);
                int b = bins.indexOf(bin);
                if (b < 0) {
                    continue;
                }
                Object[] kv = new Object[g.keys.size()];
                List<Object> key = new ArrayList<>();
                for (int k = 0; k < kv.length; k++) {
                    kv[k] = g.keys.get(k).eval(f);
                    key.add(Values.key(kv[k]));
                }
                Accumulator[][] accs = groups.get(key);
                if (accs == null) {
                    accs = new Accumulator[bins.size()][];
                    groups.put(key, accs);
                    keyValues.put(key, kv);
                }
                if (accs[b] == null) {
                    accs[b] = accumulators(g);
                }
                for (int sl = 0; sl < accs[b].length; sl++) {
                    List<Expr> args = g.slots.get(sl).args();
                    Object[] av = new Object[args.size()];
                    for (int k = 0; k < av.length; k++) {
                        av[k] = args.get(k).eval(f);
                    }
                    accs[b][sl].add(av);
                }
            }
            List<Row> out = new ArrayList<>();
            for (Map.Entry<List<Object>, Accumulator[][]> e : groups.entrySet()) {
                Object[] kv = keyValues.get(e.getKey());
                Object[] row = new Object[schema.size()];
                System.arraycopy(kv, 0, row, 0, kv.length);
                for (int v = 0; v < values.size(); v++) {
                    ArrayNode arr = Values.array();
                    for (int b = 0; b < bins.size(); b++) {
                        Accumulator[] accs = e.getValue()[b];
                        if (accs == null) {
                            arr.add(Values.toDynamic(defaults.get(v)));
                            continue;
                        }
                        Object[] post = new Object[kv.length + accs.length];
                        System.arraycopy(kv, 0, post, 0, kv.length);
                        for (int sl = 0; sl < accs.length; sl++) {
                            post[kv.length + sl] = ExpressionResolver.coerce(accs[sl].result(), g.slots.get(sl).type());
                        }
                        Object x = values.get(v).eval(new Frame(r.now()).at(new Row(post, null)));
                        arr.add(Values.toDynamic(x == null ? defaults.get(v) : x));
                    }
                    row[kv.length + v] = arr;
                }
                ArrayNode axisArr = Values.array();
                for (Object b : bins) {
                    axisArr.add(Values.toDynamic(b instanceof java.time.Instant || b instanceof java.time.Duration
                            ? Values.text(b) : b));
                }
                row[schema.size() - 1] = axisArr;
                out.add(new Row(row, null));
            }
            return out;
        }, false);
    }

    static Plan evaluate(Resolver r, Plan in, TabularOperator.Evaluate e, Scope scope) {
        String plugin = e.plugin();
        if (e.outputSchema()) {
            throw ExpressionResolver.notSupported("an output schema ': (...)' on 'evaluate " + plugin + "'", e);
        }
        List<Argument> args = e.arguments();
        ExpressionResolver er = new ExpressionResolver(r, scope, in.schema(), "evaluate");
        switch (plugin) {
            case "bag_unpack":
                return bagUnpack(r, in, args, er);
            case "pivot":
                return pivot(r, in, args, scope, er);
            default:
                throw ExpressionResolver.notSupported("the plugin '" + plugin + "' of 'evaluate'", e);
        }
    }

    private static Plan bagUnpack(Resolver r, Plan in, List<Argument> args, ExpressionResolver er) {
        Expr col = er.argument(args.get(0));
        String prefix = "";
        String conflicts = "error";
        Set<String> ignored = new java.util.HashSet<>();
        for (int i = 1; i < args.size(); i++) {
            Argument a = args.get(i);
            String argName = a.name() != null ? a.name() : i == 1 ? "OutputColumnPrefix"
                    : i == 2 ? "columnsConflict" : "ignoredProperties";
            Object value = a.name() != null ? er.resolve(a.expression()).eval(null)
                    : er.argument(a).eval(null);
            switch (argName) {
                case "OutputColumnPrefix" -> prefix = Values.text(value);
                case "columnsConflict" -> conflicts = Values.text(value);
                default -> {
                    if (value instanceof JsonNode n) {
                        n.forEach(x -> ignored.add(x.asText()));
                    }
                }
            }
        }
        int colIndex = col instanceof Expr.ColumnRef ref ? ref.index() : -1;
        // the output's columns depend on the data: the input runs now, at resolution
        List<Row> rows = in.rows();
        Map<String, ColumnType> keys = new LinkedHashMap<>();
        Frame f = new Frame(r.now());
        for (Row row : rows) {
            Object v = col.eval(f.at(row));
            if (v instanceof JsonNode n && n.isObject()) {
                n.fields().forEachRemaining(en -> {
                    ColumnType t = inferred(en.getValue());
                    keys.merge(en.getKey(), t, (a, b) -> a == b ? a : ColumnType.DYNAMIC);
                });
            }
        }
        List<Column> schema = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < in.schema().size(); i++) {
            if (i != colIndex) {
                schema.add(in.schema().get(i));
                kept.add(i);
            }
        }
        List<String> keyNames = new ArrayList<>(new TreeSet<>(keys.keySet()));
        keyNames.removeAll(ignored);
        for (String k : new ArrayList<>(keyNames)) {
            int existing = Plan.indexOf(schema, prefix + k);
            if (existing >= 0) {
                switch (conflicts) {
                    case "replace_source" -> {
                        schema.remove(existing);
                        kept.remove(existing);
                    }
                    case "keep_source" -> {
                        keyNames.remove(k);
                        continue;
                    }
                    default -> throw new KqlSemanticException("SEM0001", "'evaluate' operator: bag_unpack: the "
                            + "property '" + k + "' conflicts with an existing column (columnsConflict='error')");
                }
            }
        }
        for (String k : keyNames) {
            schema.add(Column.of(Names.unique(schema, prefix + k), keys.get(k)));
        }
        return new Plan(schema, () -> {
            List<Row> out = new ArrayList<>();
            Frame fr = new Frame(r.now());
            for (Row row : rows) {
                Object[] v = new Object[schema.size()];
                for (int i = 0; i < kept.size(); i++) {
                    v[i] = row.values()[kept.get(i)];
                }
                Object bag = col.eval(fr.at(row));
                for (int k = 0; k < keyNames.size(); k++) {
                    JsonNode n = bag instanceof JsonNode b ? b.get(keyNames.get(k)) : null;
                    ColumnType t = keys.get(keyNames.get(k));
                    v[kept.size() + k] = n == null || n.isNull() ? null
                            : t == ColumnType.DYNAMIC ? n : Values.convert(n, t);
                }
                out.add(new Row(v, row.ingestionTime()));
            }
            return out;
        }, in.serialized());
    }

    private static ColumnType inferred(JsonNode n) {
        if (n.isIntegralNumber()) {
            return ColumnType.LONG;
        }
        if (n.isNumber()) {
            return ColumnType.REAL;
        }
        if (n.isBoolean()) {
            return ColumnType.BOOL;
        }
        if (n.isTextual()) {
            return ColumnType.STRING;
        }
        return ColumnType.DYNAMIC;
    }

    private static Plan pivot(Resolver r, Plan in, List<Argument> args, Scope scope,
            ExpressionResolver er) {
        Expr pivotCol = er.argument(args.get(0));
        Grouping g = new Grouping();
        List<Integer> groupBy = new ArrayList<>();
        Argument aggArg = args.size() > 1 ? args.get(1) : null;
        Set<String> used = new LinkedHashSet<>();
        used.add(((Expr.ColumnRef) pivotCol).name());
        for (int i = 2; i < args.size(); i++) {
            Expr c = er.argument(args.get(i));
            groupBy.add(((Expr.ColumnRef) c).index());
        }
        ExpressionResolver aggResolver = new ExpressionResolver(r, scope, List.of(), "evaluate")
                .aggregating(in.schema(), g.slots, 1 + groupBy.size());
        Expr agg;
        if (aggArg == null) {
            agg = new Expr.ColumnRef(ColumnType.LONG, 1 + groupBy.size(), "count");
            g.slots.add(new ExpressionResolver.AggregateSlot(FunctionCatalog.aggregate("count"), List.of(),
                    ColumnType.LONG));
        } else {
            agg = aggResolver.argument(aggArg);
            for (ExpressionResolver.AggregateSlot s : g.slots) {
                for (Expr a : s.args()) {
                    if (a instanceof Expr.ColumnRef ref) {
                        used.add(ref.name());
                    }
                }
            }
        }
        if (args.size() <= 2) {
            for (int i = 0; i < in.schema().size(); i++) {
                if (!used.contains(in.schema().get(i).name())) {
                    groupBy.add(i);
                }
            }
        }
        List<Row> rows = in.rows();
        Frame f = new Frame(r.now());
        TreeSet<String> pivotValues = new TreeSet<>();
        for (Row row : rows) {
            pivotValues.add(Values.text(pivotCol.eval(f.at(row))));
        }
        List<Column> schema = new ArrayList<>();
        for (int i : groupBy) {
            schema.add(in.schema().get(i));
        }
        List<String> pv = new ArrayList<>(pivotValues);
        for (String v : pv) {
            schema.add(Column.of(Names.unique(schema, v.isEmpty() ? "Column1" : v), agg.type()));
        }
        return new Plan(schema, () -> {
            Map<List<Object>, Object[]> keyValues = new LinkedHashMap<>();
            Map<List<Object>, Map<String, Accumulator[]>> groups = new LinkedHashMap<>();
            Frame fr = new Frame(r.now());
            for (Row row : rows) {
                fr.at(row);
                List<Object> key = new ArrayList<>();
                Object[] kv = new Object[groupBy.size()];
                for (int k = 0; k < kv.length; k++) {
                    kv[k] = row.values()[groupBy.get(k)];
                    key.add(Values.key(kv[k]));
                }
                keyValues.putIfAbsent(key, kv);
                Accumulator[] accs = groups.computeIfAbsent(key, k -> new LinkedHashMap<>())
                        .computeIfAbsent(Values.text(pivotCol.eval(fr)), k -> accumulators(g));
                for (int sl = 0; sl < accs.length; sl++) {
                    List<Expr> sargs = g.slots.get(sl).args();
                    Object[] av = new Object[sargs.size()];
                    for (int k = 0; k < av.length; k++) {
                        av[k] = sargs.get(k).eval(fr);
                    }
                    accs[sl].add(av);
                }
            }
            List<Row> out = new ArrayList<>();
            for (Map.Entry<List<Object>, Map<String, Accumulator[]>> e : groups.entrySet()) {
                Object[] kv = keyValues.get(e.getKey());
                Object[] v = new Object[schema.size()];
                System.arraycopy(kv, 0, v, 0, kv.length);
                for (int p = 0; p < pv.size(); p++) {
                    Accumulator[] accs = e.getValue().get(pv.get(p));
                    if (accs == null) {
                        v[kv.length + p] = agg.type().isNumeric() ? ExpressionResolver.coerce(0L, agg.type()) : null;
                        continue;
                    }
                    Object[] post = new Object[1 + kv.length + accs.length];
                    for (int sl = 0; sl < accs.length; sl++) {
                        post[1 + kv.length + sl] = ExpressionResolver.coerce(accs[sl].result(),
                                g.slots.get(sl).type());
                    }
                    v[kv.length + p] = agg.eval(new Frame(r.now()).at(new Row(post, null)));
                }
                out.add(new Row(v, null));
            }
            return out;
        }, false);
    }

    static Plan topNested(Resolver r, Plan in, TabularOperator.TopNested t, Scope scope) {
        String kw = "top-nested";
        List<Column> schema = new ArrayList<>();
        List<Long> limits = new ArrayList<>();
        List<Expr> ofs = new ArrayList<>();
        List<Grouping> aggs = new ArrayList<>();
        List<Expr> aggValues = new ArrayList<>();
        List<Boolean> ascending = new ArrayList<>();
        for (TopNestedLevel level : t.levels()) {
            if (level.others() != null) {
                throw ExpressionResolver.notSupported("'with others' in 'top-nested'", level);
            }
            limits.add(level.count() != null ? r.constantCount(level.count(), scope, kw) : Long.MAX_VALUE);
            NamedExpression of = level.of();
            Expr ofExpr = new ExpressionResolver(r, scope, in.schema(), kw).resolve(of.expression());
            String ofName = of.name() != null ? of.name() : Names.derived(of.expression(), true);
            if (ofName == null) {
                ofName = Names.nextColumn(schema);
            }
            schema.add(Column.of(Names.unique(schema, ofName), ofExpr.type()));
            ofs.add(ofExpr);
            Grouping g = new Grouping();
            NamedExpression by = level.by();
            Expr v = new ExpressionResolver(r, scope, List.of(), kw).aggregating(in.schema(), g.slots, 0)
                    .resolve(by.expression());
            String aggName = by.name() != null ? by.name() : "aggregated_" + ofName;
            schema.add(Column.of(Names.unique(schema, aggName), v.type()));
            aggs.add(g);
            aggValues.add(v);
            ascending.add(level.ascending());
        }
        return new Plan(schema, () -> {
            List<Row> out = new ArrayList<>();
            nest(r, in.rows(), 0, new Object[schema.size()], limits, ofs, aggs, aggValues, ascending, out);
            return out;
        }, false);
    }

    private static void nest(Resolver r, List<Row> rows, int level, Object[] prefix, List<Long> limits,
            List<Expr> ofs, List<Grouping> aggs, List<Expr> aggValues, List<Boolean> ascending, List<Row> out) {
        if (level == ofs.size()) {
            out.add(new Row(prefix.clone(), null));
            return;
        }
        Map<Object, List<Row>> byValue = new LinkedHashMap<>();
        Map<Object, Object> originals = new LinkedHashMap<>();
        Frame f = new Frame(r.now());
        for (Row row : rows) {
            Object v = ofs.get(level).eval(f.at(row));
            byValue.computeIfAbsent(Values.key(v), k -> new ArrayList<>()).add(row);
            originals.putIfAbsent(Values.key(v), v);
        }
        List<Object[]> ranked = new ArrayList<>();
        Grouping g = aggs.get(level);
        for (Map.Entry<Object, List<Row>> e : byValue.entrySet()) {
            Accumulator[] accs = accumulators(g);
            for (Row row : e.getValue()) {
                f.at(row);
                for (int sl = 0; sl < accs.length; sl++) {
                    List<Expr> sargs = g.slots.get(sl).args();
                    Object[] av = new Object[sargs.size()];
                    for (int k = 0; k < av.length; k++) {
                        av[k] = sargs.get(k).eval(f);
                    }
                    accs[sl].add(av);
                }
            }
            Object[] post = new Object[accs.length];
            for (int sl = 0; sl < accs.length; sl++) {
                post[sl] = ExpressionResolver.coerce(accs[sl].result(), g.slots.get(sl).type());
            }
            Object value = aggValues.get(level).eval(new Frame(r.now()).at(new Row(post, null)));
            ranked.add(new Object[] { e.getKey(), value });
        }
        boolean asc = ascending.get(level);
        ranked.sort((a, b) -> Resolver.compareForSort(a[1], b[1], asc, asc));
        for (int i = 0; i < ranked.size() && i < limits.get(level); i++) {
            Object[] p = prefix.clone();
            p[2 * level] = originals.get(ranked.get(i)[0]);
            p[2 * level + 1] = ranked.get(i)[1];
            nest(r, byValue.get(ranked.get(i)[0]), level + 1, p, limits, ofs, aggs, aggValues, ascending, out);
        }
    }
}
