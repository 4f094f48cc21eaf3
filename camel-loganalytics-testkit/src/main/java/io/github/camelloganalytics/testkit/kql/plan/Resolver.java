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

import org.antlr.v4.runtime.ParserRuleContext;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.Row;
import io.github.camelloganalytics.testkit.kql.SourceTable;
import io.github.camelloganalytics.testkit.kql.TableResolver;
import io.github.camelloganalytics.testkit.kql.expr.Expr;
import io.github.camelloganalytics.testkit.kql.expr.Frame;
import io.github.camelloganalytics.testkit.kql.grammar.KqlParser;
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
     * @param  query the parse tree
     * @return       the primary result's plan and render
     */
    public Resolved resolve(KqlParser.QueryContext query) {
        root = new Scope(null);
        Plan primary = null;
        for (KqlParser.StatementContext s : query.statement()) {
            if (s instanceof KqlParser.LetStatementContext let) {
                let(let, root);
            } else if (s instanceof KqlParser.QueryStatementContext q) {
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
            } else if (s instanceof KqlParser.SetStatementContext) {
                // request options (set truncationmaxrecords=...) change nothing the emulator models
                continue;
            } else {
                throw ExpressionResolver.notSupported("the statement '" + s.getStart().getText() + "'", s);
            }
        }
        if (primary == null) {
            throw new KqlSemanticException("SEM0001", "The query has no tabular expression statement");
        }
        return new Resolved(primary, visualization, renderProperties);
    }

    void let(KqlParser.LetStatementContext let, Scope scope) {
        String name = Names.text(let.name());
        KqlParser.LetValueContext v = let.letValue();
        if (v instanceof KqlParser.LetFunctionContext f) {
            scope.bind(name, new Scope.Function(f.parameter(), f.functionBody(), scope));
            return;
        }
        KqlParser.PipelineContext p = ((KqlParser.LetExpressionContext) v).pipeline();
        KqlParser.ExpressionContext single = singleExpression(p);
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

    /** @return the argument's expression when it is a plain scalar-looking expression, else null */
    static KqlParser.ExpressionContext scalarExpression(KqlParser.ArgumentContext a) {
        if (a.STAR() != null || a.pipeline() == null) {
            return null;
        }
        return singleExpression(a.pipeline());
    }

    /** @return the pipeline's expression when it is one expression without operators, else null */
    static KqlParser.ExpressionContext singleExpression(KqlParser.PipelineContext p) {
        if (p == null || !p.tabularOperator().isEmpty()
                || !(p.source() instanceof KqlParser.ExpressionSourceContext s)) {
            return null;
        }
        return s.expression();
    }

    /** @return the argument as a table when it is one (a pipeline, a table, a tabular let), else null */
    Plan tabularArgument(KqlParser.ArgumentContext a, Scope scope) {
        if (a.pipeline() == null) {
            return null;
        }
        KqlParser.ExpressionContext e = singleExpression(a.pipeline());
        if (e == null) {
            return pipeline(a.pipeline(), scope, false);
        }
        return tabularArgumentOrNull(e, scope);
    }

    /** @return the expression as a table when it denotes one, else null (it is then a scalar) */
    Plan tabularArgumentOrNull(KqlParser.ExpressionContext e, Scope scope) {
        if (!(e instanceof KqlParser.PrimaryExpressionContext pe)) {
            return null;
        }
        KqlParser.PrimaryContext p = pe.primary();
        if (p instanceof KqlParser.NamePrimaryContext n) {
            String name = Names.text(n.name());
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
        if (p instanceof KqlParser.ParenPrimaryContext paren) {
            KqlParser.ExpressionContext inner = singleExpression(paren.pipeline());
            if (inner == null) {
                return pipeline(paren.pipeline(), scope, false);
            }
            return tabularArgumentOrNull(inner, scope);
        }
        if (p instanceof KqlParser.CallPrimaryContext c) {
            String fn = Names.text(c.name());
            Scope.Binding b = scope.lookup(fn);
            List<KqlParser.ArgumentContext> args = c.arguments() == null ? List.of() : c.arguments().argument();
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
    Plan tabular(KqlParser.ExpressionContext e, Scope scope, String keyword) {
        Plan p = tabularArgumentOrNull(e, scope);
        if (p != null) {
            return p;
        }
        String text = e.getText();
        if (e instanceof KqlParser.MemberExpressionContext || e instanceof KqlParser.MemberCallExpressionContext) {
            // cluster('c').database('d').T, workspace('w').T, app('a').T: other resources the emulator has not
            throw ExpressionResolver.notSupported("the entity reference '" + text + "'", e);
        }
        if (e instanceof KqlParser.PrimaryExpressionContext pe && pe.primary() instanceof KqlParser.NamePrimaryContext n) {
            text = Names.text(n.name());
        }
        if (e instanceof KqlParser.PrimaryExpressionContext pe && pe.primary() instanceof KqlParser.CallPrimaryContext c
                && scope.lookup(Names.text(c.name())) == null) {
            String fn = Names.text(c.name());
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
    Object invoke(Scope.Function f, List<KqlParser.ArgumentContext> args, ParserRuleContext at,
            ExpressionResolver caller) {
        return invoke(f, args, at, caller, root);
    }

    /** Invokes a user-defined function whose arguments are written in {@code callScope}. */
    Object invoke(Scope.Function f, List<KqlParser.ArgumentContext> args, ParserRuleContext at,
            ExpressionResolver caller, Scope callScope) {
        Scope s = new Scope(f.closure());
        List<KqlParser.ParameterContext> params = f.parameters();
        Map<String, KqlParser.ArgumentContext> named = new LinkedHashMap<>();
        List<KqlParser.ArgumentContext> positional = new ArrayList<>();
        for (KqlParser.ArgumentContext a : args) {
            if (a.name() != null) {
                named.put(Names.text(a.name()), a);
            } else {
                positional.add(a);
            }
        }
        if (positional.size() > params.size()) {
            throw new KqlSemanticException("SEM0219", "function '" + at.getStart().getText() + "': expected "
                    + params.size() + " argument(s), got " + args.size());
        }
        ExpressionResolver argResolver = caller != null ? caller
                : new ExpressionResolver(this, callScope, List.of(), null);
        for (int i = 0; i < params.size(); i++) {
            KqlParser.ParameterContext p = params.get(i);
            String pname = Names.text(p.name());
            KqlParser.ArgumentContext a = i < positional.size() ? positional.get(i) : named.get(pname);
            boolean tabularParam = p.parameterType().LPAREN() != null;
            if (tabularParam) {
                if (a == null) {
                    throw new KqlSemanticException("SEM0219", "function parameter '" + pname + "' needs a table");
                }
                Plan t = tabularArgument(a, caller != null ? caller.scope() : callScope);
                if (t == null) {
                    throw new KqlSemanticException("SEM0219", "function parameter '" + pname
                            + "' expects a tabular argument, got '" + a.getText() + "'");
                }
                s.bind(pname, new Scope.Tabular(t));
                continue;
            }
            ColumnType type = ExpressionResolver.typeOfName(Names.text(p.parameterType().typeName().name()), p);
            Expr value;
            if (a != null) {
                value = argResolver.argument(a);
            } else if (p.expression() != null) {
                value = new ExpressionResolver(this, f.closure(), List.of(), null).resolve(p.expression());
            } else {
                throw new KqlSemanticException("SEM0219", "function '" + at.getStart().getText()
                        + "': no value for parameter '" + pname + "'");
            }
            Expr v = value;
            Expr converted = v.type() == type ? v
                    : new Expr.Computed(type, fr -> ExpressionResolver.coerce(v.eval(fr), type));
            s.bind(pname, new Scope.Scalar(converted));
        }
        KqlParser.FunctionBodyContext body = f.body();
        List<KqlParser.StatementContext> statements = body.statement();
        for (int i = 0; i < statements.size() - 1; i++) {
            if (statements.get(i) instanceof KqlParser.LetStatementContext let) {
                let(let, s);
            }
        }
        KqlParser.StatementContext last = statements.get(statements.size() - 1);
        if (!(last instanceof KqlParser.QueryStatementContext q)) {
            throw new KqlSemanticException("SEM0001", "A function body must end with an expression");
        }
        KqlParser.ExpressionContext single = singleExpression(q.pipeline());
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

    // ------------------------------------------------------------------------------------------------ pipelines

    /**
     * @param  p        the pipeline
     * @param  scope    the names in scope
     * @param  topLevel true for a query statement, whose render counts
     * @return          its plan
     */
    Plan pipeline(KqlParser.PipelineContext p, Scope scope, boolean topLevel) {
        List<KqlParser.TabularOperatorContext> ops = p.tabularOperator();
        String first = ops.isEmpty() ? null : keyword(ops.get(0));
        Plan plan = source(p.source(), scope, first);
        for (int i = 0; i < ops.size(); i++) {
            KqlParser.TabularOperatorContext op = ops.get(i);
            if (op instanceof KqlParser.RenderOperatorContext r) {
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
    Plan operators(List<KqlParser.TabularOperatorContext> ops, Plan input, Scope scope) {
        Plan plan = input;
        for (KqlParser.TabularOperatorContext op : ops) {
            plan = operator(op, plan, scope);
        }
        return plan;
    }

    static String keyword(KqlParser.TabularOperatorContext op) {
        String k = op.getStart().getText();
        return k.equals("filter") ? "where" : k.equals("order") ? "sort" : k;
    }

    private Plan source(KqlParser.SourceContext s, Scope scope, String firstKeyword) {
        if (s instanceof KqlParser.ExpressionSourceContext e) {
            return tabular(e.expression(), scope, firstKeyword);
        }
        if (s instanceof KqlParser.PrintSourceContext p) {
            return Sources.print(this, p, scope);
        }
        if (s instanceof KqlParser.RangeSourceContext r) {
            return Sources.range(this, r, scope);
        }
        if (s instanceof KqlParser.DatatableSourceContext d) {
            return Sources.datatable(this, d, scope);
        }
        if (s instanceof KqlParser.UnionSourceContext u) {
            return Combine.union(this, null, u.operatorParameter(), u.unionItem(), scope, u);
        }
        if (s instanceof KqlParser.SearchSourceContext se) {
            return Sources.search(this, se, scope);
        }
        throw ExpressionResolver.notSupported("the source '" + s.getStart().getText() + "'", s);
    }

    private Plan operator(KqlParser.TabularOperatorContext op, Plan in, Scope scope) {
        String kw = keyword(op);
        if (op instanceof KqlParser.WhereOperatorContext w) {
            return where(in, w.expression(), scope, kw);
        }
        if (op instanceof KqlParser.ProjectOperatorContext p) {
            return Shape.project(this, in, p.namedExpressions(), scope, kw);
        }
        if (op instanceof KqlParser.ExtendOperatorContext e) {
            return Shape.extend(this, in, e.namedExpressions(), scope, kw, in.serialized());
        }
        if (op instanceof KqlParser.ProjectAwayOperatorContext a) {
            return Shape.projectAway(in, a.columnPattern(), kw);
        }
        if (op instanceof KqlParser.ProjectKeepOperatorContext k) {
            return Shape.projectKeep(in, k.columnPattern(), kw);
        }
        if (op instanceof KqlParser.ProjectRenameOperatorContext r) {
            return Shape.projectRename(in, r, kw);
        }
        if (op instanceof KqlParser.ProjectReorderOperatorContext r) {
            return Shape.projectReorder(in, r, kw);
        }
        if (op instanceof KqlParser.SummarizeOperatorContext su) {
            return Aggregate.summarize(this, in, su, scope);
        }
        if (op instanceof KqlParser.SortOperatorContext so) {
            return sort(in, so.sortKey(), scope, kw, -1);
        }
        if (op instanceof KqlParser.TopOperatorContext t) {
            long n = constantCount(t.expression(), scope, kw);
            return sort(in, List.of(t.sortKey()), scope, kw, n);
        }
        if (op instanceof KqlParser.TakeOperatorContext t) {
            long n = constantCount(t.expression(), scope, kw);
            return new Plan(in.schema(), () -> {
                List<Row> rows = in.rows();
                return n >= rows.size() ? rows : rows.subList(0, (int) Math.max(0, n));
            }, in.serialized());
        }
        if (op instanceof KqlParser.CountOperatorContext) {
            return new Plan(List.of(Column.of("Count", ColumnType.LONG)),
                    () -> List.of(new Row(new Object[] { (long) in.rows().size() }, null)), false);
        }
        if (op instanceof KqlParser.DistinctOperatorContext d) {
            return Aggregate.distinct(this, in, d, scope);
        }
        if (op instanceof KqlParser.JoinOperatorContext j) {
            return Combine.join(this, in, j, scope);
        }
        if (op instanceof KqlParser.LookupOperatorContext l) {
            return Combine.lookup(this, in, l, scope);
        }
        if (op instanceof KqlParser.UnionOperatorContext u) {
            return Combine.union(this, in, u.operatorParameter(), u.unionItem(), scope, u);
        }
        if (op instanceof KqlParser.MvExpandOperatorContext m) {
            return Expand.mvExpand(this, in, m.operatorParameter(), m.mvExpandItem(), m.expression(), scope, kw);
        }
        if (op instanceof KqlParser.MvApplyOperatorContext m) {
            return Expand.mvApply(this, in, m, scope);
        }
        if (op instanceof KqlParser.ParseOperatorContext p) {
            return Expand.parse(this, in, p, scope);
        }
        if (op instanceof KqlParser.MakeSeriesOperatorContext m) {
            return Aggregate.makeSeries(this, in, m, scope);
        }
        if (op instanceof KqlParser.SerializeOperatorContext s) {
            Plan serialized = new Plan(in.schema(), in::rows, true);
            return s.namedExpressions() == null ? serialized
                    : Shape.extend(this, serialized, s.namedExpressions(), scope, kw, true);
        }
        if (op instanceof KqlParser.AsOperatorContext a) {
            root.bind(Names.text(a.name()), new Scope.Tabular(in));
            return in;
        }
        if (op instanceof KqlParser.SearchOperatorContext s) {
            return Sources.searchRows(this, in, s.expression(), scope);
        }
        if (op instanceof KqlParser.SampleOperatorContext s) {
            long n = constantCount(s.expression(), scope, kw);
            return new Plan(in.schema(), () -> {
                List<Row> rows = new ArrayList<>(in.rows());
                java.util.Collections.shuffle(rows, new Random());
                return rows.subList(0, (int) Math.min(n, rows.size()));
            }, false);
        }
        if (op instanceof KqlParser.SampleDistinctOperatorContext s) {
            long n = constantCount(s.expression(0), scope, kw);
            Expr col = new ExpressionResolver(this, scope, in.schema(), kw).resolve(s.expression(1));
            String name = Optional.ofNullable(Names.derived(s.expression(1), false)).orElse("Column1");
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
        if (op instanceof KqlParser.GetschemaOperatorContext) {
            return Sources.getschema(in);
        }
        if (op instanceof KqlParser.EvaluateOperatorContext e) {
            return Aggregate.evaluate(this, in, e, scope);
        }
        if (op instanceof KqlParser.TopNestedOperatorContext t) {
            return Aggregate.topNested(this, in, t, scope);
        }
        if (op instanceof KqlParser.InvokeOperatorContext inv) {
            Scope.Binding b = scope.lookup(Names.text(inv.name()));
            if (!(b instanceof Scope.Function f) || f.parameters().isEmpty()) {
                throw new KqlSemanticException("SEM0260", "'invoke' operator: Unknown function: '"
                        + Names.text(inv.name()) + "'");
            }
            Scope withInput = new Scope(scope);
            withInput.bind("$invoke_input", new Scope.Tabular(in));
            Scope inner = new Scope(f.closure());
            inner.bind(Names.text(f.parameters().get(0).name()), new Scope.Tabular(in));
            Scope.Function shifted = new Scope.Function(f.parameters().subList(1, f.parameters().size()), f.body(),
                    inner);
            Object r = invoke(shifted, inv.arguments() == null ? List.of() : inv.arguments().argument(), inv, null,
                    scope);
            if (r instanceof Plan plan) {
                return plan;
            }
            throw new KqlSemanticException("SEM0001", "'invoke' operator: the function does not return a table");
        }
        throw ExpressionResolver.notSupported("the operator '" + op.getStart().getText() + "'", op);
    }

    Plan where(Plan in, KqlParser.ExpressionContext predicate, Scope scope, String kw) {
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

    long constantCount(KqlParser.ExpressionContext e, Scope scope, String kw) {
        Expr c = new ExpressionResolver(this, scope, List.of(), kw).resolve(e);
        if (c.type() != ColumnType.LONG && c.type() != ColumnType.INT) {
            throw new KqlSemanticException("SEM0001", prefix(kw)
                    + "The number of records must be a constant of type long, got " + c.type().kqlName());
        }
        Object v = c.eval(Frame.empty(now));
        return v == null ? 0 : ((Number) v).longValue();
    }

    /** sort (limit -1) and top (limit n): default descending; nulls first ascending, last descending. */
    Plan sort(Plan in, List<KqlParser.SortKeyContext> keys, Scope scope, String kw, long limit) {
        ExpressionResolver er = new ExpressionResolver(this, scope, in.schema(), kw);
        List<Expr> exprs = new ArrayList<>();
        List<Boolean> ascending = new ArrayList<>();
        List<Boolean> nullsFirst = new ArrayList<>();
        for (KqlParser.SortKeyContext k : keys) {
            exprs.add(er.resolve(k.expression()));
            boolean asc = k.ASC() != null;
            ascending.add(asc);
            nullsFirst.add(k.NULLS() != null ? k.FIRST() != null : asc);
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

    private void render(KqlParser.RenderOperatorContext r, Scope scope) {
        String kind = Names.text(r.name());
        Set<String> kinds = Set.of("anomalychart", "areachart", "barchart", "card", "columnchart", "ladderchart",
                "linechart", "piechart", "pivotchart", "scatterchart", "stackedareachart", "table", "timechart",
                "timepivot", "treemap", "sankey", "graph", "plotly", "3Dchart");
        if (!kinds.contains(kind)) {
            throw new KqlSemanticException("SEM0001", "'render' operator: Unknown visualization '" + kind + "'");
        }
        visualization = kind;
        Map<String, Object> props = new LinkedHashMap<>();
        for (KqlParser.RenderPropertyContext p : r.renderProperty()) {
            String key = Names.text(p.name(0));
            Object value;
            if (p.expression() != null) {
                KqlParser.ExpressionContext e = p.expression();
                if (e instanceof KqlParser.PrimaryExpressionContext pe
                        && pe.primary() instanceof KqlParser.NamePrimaryContext n) {
                    value = Names.text(n.name());
                } else {
                    value = new ExpressionResolver(this, scope, List.of(), "render").resolve(e)
                            .eval(Frame.empty(now));
                }
            } else {
                List<String> names = new ArrayList<>();
                for (int i = 1; i < p.name().size(); i++) {
                    names.add(Names.text(p.name(i)));
                }
                value = names;
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
