package io.github.camelloganalytics.testkit.kql.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.Row;
import io.github.camelloganalytics.testkit.kql.SourceTable;
import io.github.camelloganalytics.testkit.kql.TableResolver;
import io.github.camelloganalytics.testkit.kql.ast.Clause;
import io.github.camelloganalytics.testkit.kql.ast.Expression;
import io.github.camelloganalytics.testkit.kql.ast.Expression.Argument;
import io.github.camelloganalytics.testkit.kql.ast.Node;
import io.github.camelloganalytics.testkit.kql.ast.Pipeline;
import io.github.camelloganalytics.testkit.kql.ast.Query;
import io.github.camelloganalytics.testkit.kql.ast.Source;
import io.github.camelloganalytics.testkit.kql.ast.Statement;
import io.github.camelloganalytics.testkit.kql.ast.TabularOperator;
import io.github.camelloganalytics.testkit.kql.expr.Expr;
import io.github.camelloganalytics.testkit.kql.expr.Frame;
import io.github.camelloganalytics.testkit.kql.value.Values;

/**
 * The resolver: turns a parsed query into plans, checking every table, column, function and type before any row
 * is read (as the service does: a semantic error however few rows there are), then runs the plan of the query's
 * first tabular statement.
 */
public final class Resolver {

    /**
     * What a query gives: the primary result's plan and the render operator's visualization and properties.
     *
     * @param plan             the primary result
     * @param visualization    the render kind, or null
     * @param renderProperties the render {@code with (...)} properties (title, xcolumn, ycolumns, series, ...)
     */
    public record Resolved(Plan plan, String visualization, Map<String, Object> renderProperties) {
    }

    private final TableResolver tables;
    private final Instant now;
    private Scope root;
    private String visualization;
    private Map<String, Object> renderProperties = Map.of();

    /**
     * @param tables finds the tables a query names
     * @param now    the query's fixed now
     */
    public Resolver(TableResolver tables, Instant now) {
        this.tables = tables;
        this.now = now;
    }

    Instant now() {
        return now;
    }

    TableResolver tables() {
        return tables;
    }

    /**
     * Resolves a whole query.
     *
     * @param  query the syntax tree
     * @return       the primary result's plan and render
     */
    public Resolved resolve(Query query) {
        root = new Scope(null);
        Plan primary = null;
        for (Statement s : query.statements()) {
            if (s instanceof Statement.Let let) {
                let(let, root);
            } else if (s instanceof Statement.Tabular q) {
                boolean first = primary == null;
                String vis = visualization;
                Map<String, Object> props = renderProperties;
                Plan p = pipeline(q.pipeline(), root, true);
                if (first) {
                    primary = p;
                } else {
                    visualization = vis;
                    renderProperties = props;
                }
            } else if (s instanceof Statement.Set) {
                // request options (set truncationmaxrecords=...) change nothing the emulator models
                continue;
            } else {
                throw ExpressionResolver.notSupported("the statement '" + ((Statement.Other) s).keyword() + "'", s);
            }
        }
        if (primary == null) {
            throw new KqlSemanticException("SEM0001", "The query has no tabular expression statement");
        }
        return new Resolved(primary, visualization, renderProperties);
    }

    void let(Statement.Let let, Scope scope) {
        String name = let.name();
        if (let.value() instanceof Statement.Lambda f) {
            scope.bind(name, new Scope.Function(f.parameters(), f.body(), scope));
            return;
        }
        Pipeline p = (Pipeline) let.value();
        Expression single = p.singleExpression();
        if (single != null) {
            Plan t = tabularArgumentOrNull(single, scope);
            if (t != null) {
                scope.bind(name, new Scope.Tabular(t));
            } else {
                Expr e = new ExpressionResolver(this, scope, List.of(), "let").resolve(single);
                scope.bind(name, new Scope.Scalar(e));
            }
            return;
        }
        scope.bind(name, new Scope.Tabular(pipeline(p, scope, false)));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** @return the argument as a table when it is one (a pipeline, a table, a tabular let), else null */
    Plan tabularArgument(Argument a, Scope scope) {
        if (a.value() == null) {
            return null;
        }
        Expression e = a.expression();
        if (e == null) {
            return pipeline(a.value(), scope, false);
        }
        return tabularArgumentOrNull(e, scope);
    }

    /** @return the expression as a table when it denotes one, else null (it is then a scalar) */
    Plan tabularArgumentOrNull(Expression e, Scope scope) {
        if (e instanceof Expression.Name n) {
            String name = n.name();
            Scope.Binding b = scope.lookup(name);
            if (b instanceof Scope.Tabular t) {
                return t.plan();
            }
            if (b instanceof Scope.Function f && f.parameters().isEmpty()) {
                Object r = invoke(f, List.of(), n, null, scope);
                return r instanceof Plan plan ? plan : null;
            }
            if (b != null) {
                return null;
            }
            return table(name).orElse(null);
        }
        if (e instanceof Expression.Parenthesized paren) {
            Expression inner = paren.pipeline().singleExpression();
            if (inner == null) {
                return pipeline(paren.pipeline(), scope, false);
            }
            return tabularArgumentOrNull(inner, scope);
        }
        if (e instanceof Expression.Call c) {
            String fn = c.function();
            Scope.Binding b = scope.lookup(fn);
            List<Argument> args = c.arguments();
            if (b instanceof Scope.Function f) {
                Object r = invoke(f, args, c, null, scope);
                return r instanceof Plan plan ? plan : null;
            }
            if ((fn.equals("materialize") || fn.equals("view")) && args.size() == 1) {
                return tabularArgument(args.get(0), scope);
            }
            if (fn.equals("table") && !args.isEmpty()) {
                String name = String.valueOf(new ExpressionResolver(this, scope, List.of(), null)
                        .argument(args.get(0)).eval(Frame.empty(now)));
                return table(name).orElseThrow(() -> new KqlSemanticException("SEM0100",
                        "'table' operator: Failed to resolve table expression named '" + name + "'"));
            }
        }
        return null;
    }

    Optional<Plan> table(String name) {
        Optional<SourceTable> t = tables.resolve(name);
        return t.map(st -> new Plan(st.columns(), st::rows, false));
    }

    /** Resolves the expression that starts a pipeline as a table. */
    Plan tabular(Expression e, Scope scope, String keyword) {
        Plan p = tabularArgumentOrNull(e, scope);
        if (p != null) {
            return p;
        }
        String text = e.span().text();
        if (e instanceof Expression.Member || e instanceof Expression.MemberCall) {
            // cluster('c').database('d').T, workspace('w').T, app('a').T: other resources the emulator has not
            throw ExpressionResolver.notSupported("the entity reference '" + text + "'", e);
        }
        if (e instanceof Expression.Name n) {
            text = n.name();
        }
        if (e instanceof Expression.Call c && scope.lookup(c.function()) == null) {
            String fn = c.function();
            if (ReferenceNames.isReferenceFunction(fn) || fn.equals("materialize")) {
                throw ExpressionResolver.notSupported("the tabular function '" + fn + "'", c);
            }
            throw new KqlSemanticException("SEM0260", prefix(keyword) + "Unknown function: '" + fn + "'");
        }
        throw new KqlSemanticException("SEM0100", prefix(keyword) + "Failed to resolve table or column expression "
                + "named '" + text + "'");
    }

    static String prefix(String keyword) {
        return keyword == null ? "" : "'" + keyword + "' operator: ";
    }

    /**
     * Invokes a user-defined function.
     *
     * @return a {@link Plan} for a tabular body, an {@link Expr} for a scalar one
     */
    Object invoke(Scope.Function f, List<Argument> args, Node at, ExpressionResolver caller) {
        return invoke(f, args, at, caller, root);
    }

    /** Invokes a user-defined function whose arguments are written in {@code callScope}. */
    Object invoke(Scope.Function f, List<Argument> args, Node at, ExpressionResolver caller, Scope callScope) {
        Scope s = new Scope(f.closure());
        List<Statement.Parameter> params = f.parameters();
        Map<String, Argument> named = new LinkedHashMap<>();
        List<Argument> positional = new ArrayList<>();
        for (Argument a : args) {
            if (a.name() != null) {
                named.put(a.name(), a);
            } else {
                positional.add(a);
            }
        }
        if (positional.size() > params.size()) {
            throw new KqlSemanticException("SEM0219", "function '" + callee(at) + "': expected "
                    + params.size() + " argument(s), got " + args.size());
        }
        ExpressionResolver argResolver = caller != null ? caller
                : new ExpressionResolver(this, callScope, List.of(), null);
        for (int i = 0; i < params.size(); i++) {
            Statement.Parameter p = params.get(i);
            String pname = p.name();
            Argument a = i < positional.size() ? positional.get(i) : named.get(pname);
            if (p.tabular()) {
                if (a == null) {
                    throw new KqlSemanticException("SEM0219", "function parameter '" + pname + "' needs a table");
                }
                Plan t = tabularArgument(a, caller != null ? caller.scope() : callScope);
                if (t == null) {
                    throw new KqlSemanticException("SEM0219", "function parameter '" + pname
                            + "' expects a tabular argument, got '" + a.span().text() + "'");
                }
                s.bind(pname, new Scope.Tabular(t));
                continue;
            }
            ColumnType type = ExpressionResolver.typeOfName(p.scalarType());
            Expr value;
            if (a != null) {
                value = argResolver.argument(a);
            } else if (p.defaultValue() != null) {
                value = new ExpressionResolver(this, f.closure(), List.of(), null).resolve(p.defaultValue());
            } else {
                throw new KqlSemanticException("SEM0219", "function '" + callee(at)
                        + "': no value for parameter '" + pname + "'");
            }
            Expr v = value;
            Expr converted = v.type() == type ? v
                    : new Expr.Computed(type, fr -> ExpressionResolver.coerce(v.eval(fr), type));
            s.bind(pname, new Scope.Scalar(converted));
        }
        List<Statement> statements = f.body();
        for (int i = 0; i < statements.size() - 1; i++) {
            if (statements.get(i) instanceof Statement.Let let) {
                let(let, s);
            }
        }
        Statement last = statements.get(statements.size() - 1);
        if (!(last instanceof Statement.Tabular q)) {
            throw new KqlSemanticException("SEM0001", "A function body must end with an expression");
        }
        Expression single = q.pipeline().singleExpression();
        if (single != null) {
            Plan t = tabularArgumentOrNull(single, s);
            if (t != null) {
                return t;
            }
            List<Column> schema = caller != null ? caller.schema() : List.of();
            return new ExpressionResolver(this, s, schema, null).resolve(single);
        }
        return pipeline(q.pipeline(), s, false);
    }

    /** @return the name of the function a call site invokes, as error messages name it */
    private static String callee(Node at) {
        if (at instanceof Expression.Call c) {
            return c.function();
        }
        if (at instanceof Expression.Name n) {
            return n.name();
        }
        if (at instanceof TabularOperator op) {
            return op.keyword();
        }
        return at.span().text();
    }

    // ------------------------------------------------------------------------------------------------ pipelines

    /**
     * @param  p        the pipeline
     * @param  scope    the names in scope
     * @param  topLevel true for a query statement, whose render counts
     * @return          its plan
     */
    Plan pipeline(Pipeline p, Scope scope, boolean topLevel) {
        List<TabularOperator> ops = p.operators();
        String first = ops.isEmpty() ? null : ops.get(0).keyword();
        Plan plan = source(p.source(), scope, first);
        for (int i = 0; i < ops.size(); i++) {
            TabularOperator op = ops.get(i);
            if (op instanceof TabularOperator.Render r) {
                if (i != ops.size() - 1) {
                    throw new KqlSemanticException("SEM0001", "'render' operator: render must be the last operator "
                            + "of the query");
                }
                if (topLevel) {
                    render(r, scope);
                }
                continue;
            }
            plan = operator(op, plan, scope);
        }
        return plan;
    }

    /** Applies operators to an input (mv-apply's subquery, with its implicit source). */
    Plan operators(List<TabularOperator> ops, Plan input, Scope scope) {
        Plan plan = input;
        for (TabularOperator op : ops) {
            plan = operator(op, plan, scope);
        }
        return plan;
    }

    private Plan source(Source s, Scope scope, String firstKeyword) {
        if (s instanceof Source.Of e) {
            return tabular(e.expression(), scope, firstKeyword);
        }
        if (s instanceof Source.Print p) {
            return Sources.print(this, p, scope);
        }
        if (s instanceof Source.Range r) {
            return Sources.range(this, r, scope);
        }
        if (s instanceof Source.Datatable d) {
            return Sources.datatable(this, d, scope);
        }
        if (s instanceof Source.Union u) {
            return Combine.union(this, null, u.parameters(), u.items(), scope, u);
        }
        if (s instanceof Source.Search se) {
            return Sources.search(this, se, scope);
        }
        throw ExpressionResolver.notSupported("the source '" + ((Source.Other) s).keyword() + "'", s);
    }

    private Plan operator(TabularOperator op, Plan in, Scope scope) {
        String kw = op.keyword();
        if (op instanceof TabularOperator.Where w) {
            return where(in, w.predicate(), scope, kw);
        }
        if (op instanceof TabularOperator.Project p) {
            return Shape.project(this, in, p.items(), scope, kw);
        }
        if (op instanceof TabularOperator.Extend e) {
            return Shape.extend(this, in, e.items(), scope, kw, in.serialized());
        }
        if (op instanceof TabularOperator.ProjectAway a) {
            return Shape.projectAway(in, a.patterns(), kw);
        }
        if (op instanceof TabularOperator.ProjectKeep k) {
            return Shape.projectKeep(in, k.patterns(), kw);
        }
        if (op instanceof TabularOperator.ProjectRename r) {
            return Shape.projectRename(in, r, kw);
        }
        if (op instanceof TabularOperator.ProjectReorder r) {
            return Shape.projectReorder(in, r, kw);
        }
        if (op instanceof TabularOperator.Summarize su) {
            return Aggregate.summarize(this, in, su, scope);
        }
        if (op instanceof TabularOperator.Sort so) {
            return sort(in, so.keys(), scope, kw, -1);
        }
        if (op instanceof TabularOperator.Top t) {
            long n = constantCount(t.count(), scope, kw);
            return sort(in, List.of(t.key()), scope, kw, n);
        }
        if (op instanceof TabularOperator.Take t) {
            long n = constantCount(t.count(), scope, kw);
            return new Plan(in.schema(), () -> {
                List<Row> rows = in.rows();
                return n >= rows.size() ? rows : rows.subList(0, (int) Math.max(0, n));
            }, in.serialized());
        }
        if (op instanceof TabularOperator.Count) {
            return new Plan(List.of(Column.of("Count", ColumnType.LONG)),
                    () -> List.of(new Row(new Object[] { (long) in.rows().size() }, null)), false);
        }
        if (op instanceof TabularOperator.Distinct d) {
            return Aggregate.distinct(this, in, d, scope);
        }
        if (op instanceof TabularOperator.Join j) {
            return Combine.join(this, in, j, scope);
        }
        if (op instanceof TabularOperator.Lookup l) {
            return Combine.lookup(this, in, l, scope);
        }
        if (op instanceof TabularOperator.Union u) {
            return Combine.union(this, in, u.parameters(), u.items(), scope, u);
        }
        if (op instanceof TabularOperator.MvExpand m) {
            return Expand.mvExpand(this, in, m.parameters(), m.items(), m.limit(), scope, kw);
        }
        if (op instanceof TabularOperator.MvApply m) {
            return Expand.mvApply(this, in, m, scope);
        }
        if (op instanceof TabularOperator.Parse p) {
            return Expand.parse(this, in, p, scope);
        }
        if (op instanceof TabularOperator.MakeSeries m) {
            return Aggregate.makeSeries(this, in, m, scope);
        }
        if (op instanceof TabularOperator.Serialize s) {
            Plan serialized = new Plan(in.schema(), in::rows, true);
            return s.items().isEmpty() ? serialized : Shape.extend(this, serialized, s.items(), scope, kw, true);
        }
        if (op instanceof TabularOperator.As a) {
            root.bind(a.name(), new Scope.Tabular(in));
            return in;
        }
        if (op instanceof TabularOperator.Search s) {
            return Sources.searchRows(this, in, s.predicate(), scope);
        }
        if (op instanceof TabularOperator.Sample s) {
            long n = constantCount(s.count(), scope, kw);
            return new Plan(in.schema(), () -> {
                List<Row> rows = new ArrayList<>(in.rows());
                java.util.Collections.shuffle(rows, new Random());
                return rows.subList(0, (int) Math.min(n, rows.size()));
            }, false);
        }
        if (op instanceof TabularOperator.SampleDistinct s) {
            long n = constantCount(s.count(), scope, kw);
            Expr col = new ExpressionResolver(this, scope, in.schema(), kw).resolve(s.column());
            String name = Optional.ofNullable(Names.derived(s.column(), false)).orElse("Column1");
            return new Plan(List.of(Column.of(name, col.type())), () -> {
                Set<Object> seen = new LinkedHashSet<>();
                List<Row> out = new ArrayList<>();
                Frame f = new Frame(now);
                for (Row r : in.rows()) {
                    Object v = col.eval(f.at(r));
                    if (out.size() < n && seen.add(Values.key(v))) {
                        out.add(new Row(new Object[] { v }, null));
                    }
                }
                return out;
            }, false);
        }
        if (op instanceof TabularOperator.Getschema) {
            return Sources.getschema(in);
        }
        if (op instanceof TabularOperator.Evaluate e) {
            return Aggregate.evaluate(this, in, e, scope);
        }
        if (op instanceof TabularOperator.TopNested t) {
            return Aggregate.topNested(this, in, t, scope);
        }
        if (op instanceof TabularOperator.Invoke inv) {
            Scope.Binding b = scope.lookup(inv.function());
            if (!(b instanceof Scope.Function f) || f.parameters().isEmpty()) {
                throw new KqlSemanticException("SEM0260", "'invoke' operator: Unknown function: '"
                        + inv.function() + "'");
            }
            Scope withInput = new Scope(scope);
            withInput.bind("$invoke_input", new Scope.Tabular(in));
            Scope inner = new Scope(f.closure());
            inner.bind(f.parameters().get(0).name(), new Scope.Tabular(in));
            Scope.Function shifted = new Scope.Function(f.parameters().subList(1, f.parameters().size()), f.body(),
                    inner);
            Object r = invoke(shifted, inv.arguments(), inv, null, scope);
            if (r instanceof Plan plan) {
                return plan;
            }
            throw new KqlSemanticException("SEM0001", "'invoke' operator: the function does not return a table");
        }
        throw ExpressionResolver.notSupported("the operator '" + kw + "'", op);
    }

    Plan where(Plan in, Expression predicate, Scope scope, String kw) {
        Expr pred = new ExpressionResolver(this, scope, in.schema(), kw).resolve(predicate);
        if (pred.type() != ColumnType.BOOL && pred.type() != ColumnType.DYNAMIC) {
            throw new KqlSemanticException("SEM0025", prefix(kw)
                    + "Expected a predicate of type bool, got an expression of type " + pred.type().kqlName());
        }
        return new Plan(in.schema(), () -> {
            List<Row> kept = new ArrayList<>();
            Frame f = new Frame(now);
            List<Row> rows = in.rows();
            for (int i = 0; i < rows.size(); i++) {
                Object v = pred.eval(f.at(rows, i));
                if (Boolean.TRUE.equals(v instanceof Boolean ? v : Values.convert(v, ColumnType.BOOL))) {
                    kept.add(rows.get(i));
                }
            }
            return kept;
        }, in.serialized());
    }

    long constantCount(Expression e, Scope scope, String kw) {
        Expr c = new ExpressionResolver(this, scope, List.of(), kw).resolve(e);
        if (c.type() != ColumnType.LONG && c.type() != ColumnType.INT) {
            throw new KqlSemanticException("SEM0001", prefix(kw)
                    + "The number of records must be a constant of type long, got " + c.type().kqlName());
        }
        Object v = c.eval(Frame.empty(now));
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** sort (limit -1) and top (limit n): default descending; nulls first ascending, last descending. */
    Plan sort(Plan in, List<Clause.SortKey> keys, Scope scope, String kw, long limit) {
        ExpressionResolver er = new ExpressionResolver(this, scope, in.schema(), kw);
        List<Expr> exprs = new ArrayList<>();
        List<Boolean> ascending = new ArrayList<>();
        List<Boolean> nullsFirst = new ArrayList<>();
        for (Clause.SortKey k : keys) {
            exprs.add(er.resolve(k.expression()));
            boolean asc = k.ascending();
            ascending.add(asc);
            nullsFirst.add(k.nullsFirst() != null ? k.nullsFirst() : asc);
        }
        return new Plan(in.schema(), () -> {
            List<Row> rows = in.rows();
            Frame f = new Frame(now);
            List<Object[]> keyed = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Object[] k = new Object[exprs.size() + 1];
                f.at(rows, i);
                for (int j = 0; j < exprs.size(); j++) {
                    k[j] = exprs.get(j).eval(f);
                }
                k[exprs.size()] = rows.get(i);
                keyed.add(k);
            }
            Comparator<Object[]> cmp = (a, b) -> {
                for (int j = 0; j < exprs.size(); j++) {
                    int c = compareForSort(a[j], b[j], ascending.get(j), nullsFirst.get(j));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            };
            keyed.sort(cmp);
            List<Row> out = new ArrayList<>();
            for (Object[] k : keyed) {
                if (limit >= 0 && out.size() >= limit) {
                    break;
                }
                out.add((Row) k[exprs.size()]);
            }
            return out;
        }, true);
    }

    static int compareForSort(Object x, Object y, boolean ascending, boolean nullsFirst) {
        boolean xn = x == null || x instanceof com.fasterxml.jackson.databind.JsonNode n && n.isNull();
        boolean yn = y == null || y instanceof com.fasterxml.jackson.databind.JsonNode n && n.isNull();
        if (xn || yn) {
            if (xn && yn) {
                return 0;
            }
            return xn == nullsFirst ? -1 : 1;
        }
        int c = Values.compare(x, y);
        return ascending ? c : -c;
    }

    private void render(TabularOperator.Render r, Scope scope) {
        String kind = r.kind();
        Set<String> kinds = Set.of("anomalychart", "areachart", "barchart", "card", "columnchart", "ladderchart",
                "linechart", "piechart", "pivotchart", "scatterchart", "stackedareachart", "table", "timechart",
                "timepivot", "treemap", "sankey", "graph", "plotly", "3Dchart");
        if (!kinds.contains(kind)) {
            throw new KqlSemanticException("SEM0001", "'render' operator: Unknown visualization '" + kind + "'");
        }
        visualization = kind;
        Map<String, Object> props = new LinkedHashMap<>();
        for (Clause.RenderProperty p : r.properties()) {
            String key = p.name();
            Object value;
            if (p.value() != null) {
                Expression e = p.value();
                if (e instanceof Expression.Name n) {
                    value = n.name();
                } else {
                    value = new ExpressionResolver(this, scope, List.of(), "render").resolve(e)
                            .eval(Frame.empty(now));
                }
            } else {
                value = p.names();
            }
            if ((key.equals("ycolumns") || key.equals("series") || key.equals("anomalycolumns"))
                    && value instanceof String s) {
                value = List.of(s);
            }
            props.put(key, value);
        }
        renderProperties = java.util.Collections.unmodifiableMap(props);
    }

}
