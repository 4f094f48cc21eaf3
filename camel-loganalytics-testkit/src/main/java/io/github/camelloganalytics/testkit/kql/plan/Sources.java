package io.github.camelloganalytics.testkit.kql.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.Row;
import io.github.camelloganalytics.testkit.kql.ast.Clause.ColumnDeclaration;
import io.github.camelloganalytics.testkit.kql.ast.Clause.NamedExpression;
import io.github.camelloganalytics.testkit.kql.ast.Clause.UnionItem;
import io.github.camelloganalytics.testkit.kql.ast.Expression;
import io.github.camelloganalytics.testkit.kql.ast.Source;
import io.github.camelloganalytics.testkit.kql.expr.Expr;
import io.github.camelloganalytics.testkit.kql.expr.Frame;
import io.github.camelloganalytics.testkit.kql.expr.Operators;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** The sources that are not tables: print, range, datatable, search; and getschema. */
final class Sources {

    /** Past this many rows, range is refused rather than filling the heap. */
    static final long MAX_RANGE_ROWS = 10_000_000L;

    private Sources() {
    }

    /** print: one row, columns {@code print_N} by position unless named. */
    static Plan print(Resolver r, Source.Print p, Scope scope) {
        ExpressionResolver er = new ExpressionResolver(r, scope, List.of(), "print");
        List<Column> columns = new ArrayList<>();
        List<Expr> exprs = new ArrayList<>();
        List<NamedExpression> items = p.items();
        for (int i = 0; i < items.size(); i++) {
            NamedExpression item = items.get(i);
            Expr c = er.resolve(item.expression());
            String name = item.name() != null ? item.name() : "print_" + i;
            columns.add(Column.of(Names.unique(columns, name), c.type()));
            exprs.add(c);
        }
        return new Plan(columns, () -> {
            Object[] v = new Object[exprs.size()];
            Frame f = Frame.empty(r.now());
            for (int i = 0; i < v.length; i++) {
                v[i] = exprs.get(i).eval(f);
            }
            return List.of(new Row(v, null));
        }, true);
    }

    static Plan range(Resolver r, Source.Range ctx, Scope scope) {
        ExpressionResolver er = new ExpressionResolver(r, scope, List.of(), "range");
        Expr from = er.resolve(ctx.from());
        Expr to = er.resolve(ctx.to());
        Expr step = er.resolve(ctx.step());
        ColumnType t = from.type().isNumeric() && to.type().isNumeric()
                ? io.github.camelloganalytics.testkit.kql.functions.Types.widest(from.type(), to.type())
                : from.type();
        if (t == ColumnType.INT) {
            t = ColumnType.LONG;
        }
        if (!(t.isNumeric() || t == ColumnType.DATETIME || t == ColumnType.TIMESPAN)) {
            throw new KqlSemanticException("SEM0001", "'range' operator: cannot range over values of type "
                    + t.kqlName());
        }
        ColumnType type = t;
        String name = ctx.column();
        return new Plan(List.of(Column.of(name, type)), () -> {
            Frame f = Frame.empty(r.now());
            Object a = ExpressionResolver.coerce(from.eval(f), type);
            Object b = ExpressionResolver.coerce(to.eval(f), type);
            Object s = step.eval(f);
            List<Row> rows = new ArrayList<>();
            if (a == null || b == null || s == null) {
                return rows;
            }
            boolean up = Values.compare(s, s instanceof Duration ? Duration.ZERO : (Object) 0L) > 0;
            boolean zero = Values.compare(s, s instanceof Duration ? Duration.ZERO : (Object) 0L) == 0;
            if (zero) {
                return rows;
            }
            ColumnType arithmetic = type == ColumnType.DATETIME || type == ColumnType.TIMESPAN ? type
                    : io.github.camelloganalytics.testkit.kql.functions.Types.widest(type, Values.typeOf(s));
            for (Object v = a; up ? Values.compare(v, b) <= 0 : Values.compare(v, b) >= 0;
                    v = ExpressionResolver.coerce(Operators.arithmetic("+", arithmetic, v, s), type)) {
                rows.add(new Row(new Object[] { v }, null));
                if (rows.size() > MAX_RANGE_ROWS) {
                    throw new KqlSemanticException("SEM0001", "'range' operator: more than " + MAX_RANGE_ROWS
                            + " rows; the emulator keeps results in memory");
                }
            }
            return rows;
        }, true);
    }

    static Plan datatable(Resolver r, Source.Datatable d, Scope scope) {
        List<Column> columns = new ArrayList<>();
        for (ColumnDeclaration c : d.columns()) {
            columns.add(Column.of(c.name(), ExpressionResolver.typeOfName(c.type())));
        }
        ExpressionResolver er = new ExpressionResolver(r, scope, List.of(), "datatable");
        List<Object> values = new ArrayList<>();
        for (Expression e : d.values()) {
            Expr x = er.resolve(e);
            Object v = x.eval(Frame.empty(r.now()));
            ColumnType want = columns.get(values.size() % columns.size()).type();
            if (v != null && x.type() != want && !(x.type().isNumeric() && want.isNumeric())
                    && want != ColumnType.DYNAMIC && !(want == ColumnType.STRING)) {
                throw new KqlSemanticException("SEM0001", "'datatable' operator: the value '" + e.span().text()
                        + "' of type " + x.type().kqlName() + " does not fit column '"
                        + columns.get(values.size() % columns.size()).name() + "' of type " + want.kqlName());
            }
            values.add(ExpressionResolver.coerce(v, want));
        }
        if (values.size() % columns.size() != 0) {
            throw new KqlSemanticException("SEM0001", "'datatable' operator: " + values.size()
                    + " values do not fill rows of " + columns.size() + " columns");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i += columns.size()) {
            rows.add(new Row(values.subList(i, i + columns.size()).toArray(), null));
        }
        return new Plan(columns, () -> rows, true);
    }

    static Plan search(Resolver r, Source.Search s, Scope scope) {
        List<String> names = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        if (s.tables().isEmpty()) {
            names.addAll(TableWildcards.all(r, "'search' without 'in (tables)'", s));
            for (String n : names) {
                plans.add(r.table(n).orElseThrow());
            }
        } else {
            for (UnionItem item : s.tables()) {
                if (item.pattern() != null) {
                    List<String> matched = TableWildcards.matching(r, item.pattern(), "search", item);
                    if (matched.isEmpty()) {
                        throw new KqlSemanticException("SEM0100", "'search' operator: Failed to resolve table or "
                                + "column expression named '" + item.span().text() + "'");
                    }
                    for (String n : matched) {
                        names.add(n);
                        plans.add(r.table(n).orElseThrow());
                    }
                    continue;
                }
                names.add(item.span().text());
                plans.add(r.tabular(item.expression(), scope, "search"));
            }
        }
        List<Column> schema = new ArrayList<>();
        schema.add(Column.of("$table", ColumnType.STRING));
        List<Plan> filtered = new ArrayList<>();
        for (Plan p : plans) {
            filtered.add(searchRows(r, p, s.predicate(), scope));
            for (Column c : p.schema()) {
                if (Plan.indexOf(schema, c.name()) < 0) {
                    schema.add(c);
                }
            }
        }
        return new Plan(schema, () -> {
            List<Row> out = new ArrayList<>();
            for (int t = 0; t < filtered.size(); t++) {
                Plan p = filtered.get(t);
                for (Row row : p.rows()) {
                    Object[] v = new Object[schema.size()];
                    v[0] = names.get(t);
                    for (int i = 0; i < p.schema().size(); i++) {
                        int at = Plan.indexOf(schema, p.schema().get(i).name());
                        if (schema.get(at).type() == p.schema().get(i).type()) {
                            v[at] = row.values()[i];
                        }
                    }
                    out.add(new Row(v, row.ingestionTime()));
                }
            }
            return out;
        }, false);
    }

    /** search's predicate: a string term matches rows where any column has it (with * as a wildcard). */
    static Plan searchRows(Resolver r, Plan in, Expression e, Scope scope) {
        if (e instanceof Expression.Literal l && l.type() == ColumnType.STRING) {
            String term = String.valueOf(l.value()).toLowerCase(Locale.ROOT);
            boolean prefix = term.endsWith("*");
            boolean suffix = term.startsWith("*");
            String t = term.replace("*", "");
            return new Plan(in.schema(), () -> {
                List<Row> out = new ArrayList<>();
                for (Row row : in.rows()) {
                    for (Object v : row.values()) {
                        String s = Values.text(v).toLowerCase(Locale.ROOT);
                        boolean m = prefix && suffix ? s.contains(t) : prefix ? Operators.string("hasprefix", s, t)
                                : suffix ? Operators.string("hassuffix", s, t) : Operators.has(s, t);
                        if (m) {
                            out.add(row);
                            break;
                        }
                    }
                }
                return out;
            }, in.serialized());
        }
        return r.where(in, e, scope, "search");
    }

    static Plan getschema(Plan in) {
        List<Column> schema = List.of(Column.of("ColumnName", ColumnType.STRING),
                Column.of("ColumnOrdinal", ColumnType.INT), Column.of("DataType", ColumnType.STRING),
                Column.of("ColumnType", ColumnType.STRING));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < in.schema().size(); i++) {
            Column c = in.schema().get(i);
            rows.add(new Row(new Object[] { c.name(), i, dotnetType(c.type()), c.type().kqlName() }, null));
        }
        return new Plan(schema, () -> rows, true);
    }

    private static String dotnetType(ColumnType t) {
        return switch (t) {
            case BOOL -> "System.SByte";
            case INT -> "System.Int32";
            case LONG -> "System.Int64";
            case REAL -> "System.Double";
            case DECIMAL -> "System.Data.SqlTypes.SqlDecimal";
            case STRING -> "System.String";
            case DATETIME -> "System.DateTime";
            case TIMESPAN -> "System.TimeSpan";
            case GUID -> "System.Guid";
            default -> "System.Object";
        };
    }

}
