package io.github.camelloganalytics.testkit.kql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.Row;
import io.github.camelloganalytics.testkit.kql.expr.Expr;
import io.github.camelloganalytics.testkit.kql.expr.Frame;
import io.github.camelloganalytics.testkit.kql.grammar.KqlParser;

/** The operators that shape columns: project, extend, project-away, project-keep, project-rename, project-reorder. */
final class Shape {

    private Shape() {
    }

    static Plan project(Resolver r, Plan in, KqlParser.NamedExpressionsContext items, Scope scope, String kw) {
        ExpressionResolver er = new ExpressionResolver(r, scope, in.schema(), kw);
        List<Column> out = new ArrayList<>();
        List<Expr> exprs = new ArrayList<>();
        for (KqlParser.NamedExpressionContext item : items.namedExpression()) {
            if (item instanceof KqlParser.MultiNamedContext m) {
                throw ExpressionResolver.notSupported("a multi-column name '(a, b) =' in '" + kw + "'", m);
            }
            KqlParser.ExpressionContext e = expression(item);
            Expr c = er.resolve(e);
            String name = item instanceof KqlParser.SingleNamedContext s ? Names.text(s.name())
                    : Names.derived(e, false);
            if (name == null) {
                name = Names.nextColumn(out);
            }
            if (Plan.indexOf(out, name) >= 0 && item instanceof KqlParser.SingleNamedContext) {
                throw new KqlSemanticException("SEM0001", Resolver.prefix(kw) + "A column named '" + name
                        + "' is projected twice");
            }
            out.add(Column.of(Names.unique(out, name), c.type()));
            exprs.add(c);
        }
        return map(r, in, out, exprs, in.serialized());
    }

    static KqlParser.ExpressionContext expression(KqlParser.NamedExpressionContext item) {
        if (item instanceof KqlParser.SingleNamedContext s) {
            return s.expression();
        }
        if (item instanceof KqlParser.MultiNamedContext m) {
            return m.expression();
        }
        return ((KqlParser.UnnamedContext) item).expression();
    }

    /** extend: one item at a time, so a later item can use a column an earlier one made, as KQL allows. */
    static Plan extend(Resolver r, Plan in, KqlParser.NamedExpressionsContext items, Scope scope, String kw,
            boolean serialized) {
        List<Column> schema = new ArrayList<>(in.schema());
        List<Expr> exprs = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            exprs.add(new Expr.ColumnRef(schema.get(i).type(), i, schema.get(i).name()));
        }
        // later items see earlier ones: resolve against the growing schema, evaluate into a growing row
        List<Expr> added = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (KqlParser.NamedExpressionContext item : items.namedExpression()) {
            if (item instanceof KqlParser.MultiNamedContext m) {
                throw ExpressionResolver.notSupported("a multi-column name '(a, b) =' in '" + kw + "'", m);
            }
            KqlParser.ExpressionContext e = expression(item);
            Expr c = new ExpressionResolver(r, scope, List.copyOf(schema), kw).resolve(e);
            String name = item instanceof KqlParser.SingleNamedContext s ? Names.text(s.name())
                    : Names.derived(e, false);
            if (name == null) {
                name = Names.nextColumn(schema);
            }
            int existing = Plan.indexOf(schema, name);
            if (existing >= 0) {
                schema.set(existing, Column.of(name, c.type()));
                targets.add(existing);
            } else {
                schema.add(Column.of(name, c.type()));
                targets.add(schema.size() - 1);
            }
            added.add(c);
        }
        int width = schema.size();
        int inWidth = in.schema().size();
        return new Plan(schema, () -> {
            List<Row> rows = in.rows();
            List<Row> out = new ArrayList<>(rows.size());
            // window functions (prev, row_number...) see the rows being extended, as written so far
            List<Row> working = new ArrayList<>(rows.size());
            for (Row row : rows) {
                Object[] v = new Object[width];
                System.arraycopy(row.values(), 0, v, 0, inWidth);
                working.add(new Row(v, row.ingestionTime()));
            }
            Frame f = new Frame(r.now());
            for (int i = 0; i < working.size(); i++) {
                f.at(working, i);
                Object[] v = working.get(i).values();
                for (int k = 0; k < added.size(); k++) {
                    v[targets.get(k)] = added.get(k).eval(f);
                }
                out.add(working.get(i));
            }
            return out;
        }, serialized);
    }

    static Plan map(Resolver r, Plan in, List<Column> out, List<Expr> exprs, boolean serialized) {
        return new Plan(out, () -> {
            List<Row> rows = in.rows();
            List<Row> result = new ArrayList<>(rows.size());
            Frame f = new Frame(r == null ? java.time.Instant.EPOCH : r.now());
            for (int i = 0; i < rows.size(); i++) {
                f.at(rows, i);
                Object[] v = new Object[exprs.size()];
                for (int k = 0; k < v.length; k++) {
                    v[k] = exprs.get(k).eval(f);
                }
                result.add(new Row(v, rows.get(i).ingestionTime()));
            }
            return result;
        }, serialized);
    }

    static Pattern wildcard(KqlParser.ColumnPatternContext p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.getChildCount(); i++) {
            String t = p.getChild(i).getText();
            sb.append(t.equals("*") ? ".*" : Pattern.quote(Names.text(t)));
        }
        return Pattern.compile(sb.toString());
    }

    private static Pattern wildcardPrefix(KqlParser.ColumnPatternContext p, int end) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            String t = p.getChild(i).getText();
            sb.append(t.equals("*") ? ".*" : Pattern.quote(Names.text(t)));
        }
        return Pattern.compile(sb.toString());
    }

    static List<Integer> matching(Plan in, List<KqlParser.ColumnPatternContext> patterns, String kw,
            boolean mustMatch) {
        List<Integer> idx = new ArrayList<>();
        for (KqlParser.ColumnPatternContext p : patterns) {
            Pattern w = wildcard(p);
            boolean any = false;
            for (int i = 0; i < in.schema().size(); i++) {
                if (w.matcher(in.schema().get(i).name()).matches()) {
                    any = true;
                    if (!idx.contains(i)) {
                        idx.add(i);
                    }
                }
            }
            if (!any && mustMatch && !p.getText().contains("*")) {
                throw new KqlSemanticException("SEM0100", Resolver.prefix(kw) + "Failed to resolve column or scalar "
                        + "expression named '" + Names.text(p.getText()) + "'");
            }
        }
        return idx;
    }

    private static Plan select(Resolver r, Plan in, List<Integer> keep) {
        List<Column> out = new ArrayList<>();
        List<Expr> exprs = new ArrayList<>();
        for (int i : keep) {
            Column c = in.schema().get(i);
            out.add(c);
            exprs.add(new Expr.ColumnRef(c.type(), i, c.name()));
        }
        return map(r, in, out, exprs, in.serialized());
    }

    static Plan projectAway(Plan in, List<KqlParser.ColumnPatternContext> patterns, String kw) {
        List<Integer> away = matching(in, patterns, kw, true);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < in.schema().size(); i++) {
            if (!away.contains(i)) {
                keep.add(i);
            }
        }
        return select(null, in, keep);
    }

    static Plan projectKeep(Plan in, List<KqlParser.ColumnPatternContext> patterns, String kw) {
        List<Integer> kept = matching(in, patterns, kw, true);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < in.schema().size(); i++) {
            if (kept.contains(i)) {
                keep.add(i);
            }
        }
        return select(null, in, keep);
    }

    static Plan projectRename(Plan in, KqlParser.ProjectRenameOperatorContext r, String kw) {
        List<Column> out = new ArrayList<>(in.schema());
        for (int i = 0; i < r.name().size(); i += 2) {
            String to = Names.text(r.name(i));
            String from = Names.text(r.name(i + 1));
            int idx = Plan.indexOf(in.schema(), from);
            if (idx < 0) {
                throw new KqlSemanticException("SEM0100", Resolver.prefix(kw)
                        + "Failed to resolve column or scalar expression named '" + from + "'");
            }
            out.set(idx, Column.of(to, in.schema().get(idx).type()));
        }
        return new Plan(out, in::rows, in.serialized());
    }

    static Plan projectReorder(Plan in, KqlParser.ProjectReorderOperatorContext r, String kw) {
        List<Integer> order = new ArrayList<>();
        for (KqlParser.ReorderItemContext item : r.reorderItem()) {
            KqlParser.ColumnPatternContext pattern = item.columnPattern();
            String dir = item.ASC() != null ? "asc" : item.DESC() != null ? "desc" : item.name() != null
                    ? Names.text(item.name()) : null;
            List<Integer> m;
            int last = pattern.getChildCount() - 1;
            String tail = pattern.getChild(last).getText();
            if (last > 0 && pattern.getChild(last - 1).getText().equals("*") && dir == null
                    && Set.of("asc", "desc", "granny-asc", "granny-desc").contains(tail)) {
                // "* asc": the direction, not a column named "*asc"
                dir = tail;
                m = matching(in, List.of(pattern), kw, false);
                m.clear();
                for (int i = 0; i < in.schema().size(); i++) {
                    if (wildcardPrefix(pattern, last).matcher(in.schema().get(i).name()).matches()) {
                        m.add(i);
                    }
                }
            } else {
                m = matching(in, List.of(pattern), kw, true);
            }
            String direction = dir;
            if (direction != null) {
                m.sort((a, b) -> {
                    int c = in.schema().get(a).name().compareTo(in.schema().get(b).name());
                    return direction.endsWith("desc") ? -c : c;
                });
            }
            for (int i : m) {
                if (!order.contains(i)) {
                    order.add(i);
                }
            }
        }
        for (int i = 0; i < in.schema().size(); i++) {
            if (!order.contains(i)) {
                order.add(i);
            }
        }
        return select(null, in, order);
    }
}
