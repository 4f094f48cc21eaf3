package io.github.camelloganalytics.testkit.kql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.Row;
import io.github.camelloganalytics.testkit.kql.ast.Clause.ColumnPattern;
import io.github.camelloganalytics.testkit.kql.ast.Clause.NamedExpression;
import io.github.camelloganalytics.testkit.kql.ast.Clause.Part;
import io.github.camelloganalytics.testkit.kql.ast.Clause.ReorderItem;
import io.github.camelloganalytics.testkit.kql.ast.Clause.Rename;
import io.github.camelloganalytics.testkit.kql.ast.Expression;
import io.github.camelloganalytics.testkit.kql.ast.TabularOperator;
import io.github.camelloganalytics.testkit.kql.expr.Expr;
import io.github.camelloganalytics.testkit.kql.expr.Frame;

/** The operators that shape columns: project, extend, project-away, project-keep, project-rename, project-reorder. */
final class Shape {

    private Shape() {
    }

    static Plan project(Resolver r, Plan in, List<NamedExpression> items, Scope scope, String kw) {
        ExpressionResolver er = new ExpressionResolver(r, scope, in.schema(), kw);
        List<Column> out = new ArrayList<>();
        List<Expr> exprs = new ArrayList<>();
        for (NamedExpression item : items) {
            if (item.multiple()) {
                throw ExpressionResolver.notSupported("a multi-column name '(a, b) =' in '" + kw + "'", item);
            }
            Expression e = item.expression();
            Expr c = er.resolve(e);
            String name = item.name() != null ? item.name()
                    : Names.derived(e, false);
            if (name == null) {
                name = Names.nextColumn(out);
            }
            if (Plan.indexOf(out, name) >= 0 && item.name() != null) {
                throw new KqlSemanticException("SEM0001", Resolver.prefix(kw) + "A column named '" + name
                        + "' is projected twice");
            }
            out.add(Column.of(Names.unique(out, name), c.type()));
            exprs.add(c);
        }
        return map(r, in, out, exprs, in.serialized());
    }

    /** extend: one item at a time, so a later item can use a column an earlier one made, as KQL allows. */
    static Plan extend(Resolver r, Plan in, List<NamedExpression> items, Scope scope, String kw,
            boolean serialized) {
        List<Column> schema = new ArrayList<>(in.schema());
        List<Expr> exprs = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            exprs.add(new Expr.ColumnRef(schema.get(i).type(), i, schema.get(i).name()));
        }
        // later items see earlier ones: resolve against the growing schema, evaluate into a growing row
        List<Expr> added = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (NamedExpression item : items) {
            if (item.multiple()) {
                throw ExpressionResolver.notSupported("a multi-column name '(a, b) =' in '" + kw + "'", item);
            }
            Expression e = item.expression();
            Expr c = new ExpressionResolver(r, scope, List.copyOf(schema), kw).resolve(e);
            String name = item.name() != null ? item.name()
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

    static Pattern wildcard(ColumnPattern p) {
        return wildcardPrefix(p, p.parts().size());
    }

    /** @return the pattern of the first {@code end} parts */
    private static Pattern wildcardPrefix(ColumnPattern p, int end) {
        StringBuilder sb = new StringBuilder();
        for (Part part : p.parts().subList(0, end)) {
            sb.append(part.wildcard() ? ".*" : Pattern.quote(part.name()));
        }
        return Pattern.compile(sb.toString());
    }

    static List<Integer> matching(Plan in, List<ColumnPattern> patterns, String kw, boolean mustMatch) {
        List<Integer> idx = new ArrayList<>();
        for (ColumnPattern p : patterns) {
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
            if (!any && mustMatch && !p.wildcard()) {
                throw new KqlSemanticException("SEM0100", Resolver.prefix(kw) + "Failed to resolve column or scalar "
                        + "expression named '" + p.parts().get(0).name() + "'");
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

    static Plan projectAway(Plan in, List<ColumnPattern> patterns, String kw) {
        List<Integer> away = matching(in, patterns, kw, true);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < in.schema().size(); i++) {
            if (!away.contains(i)) {
                keep.add(i);
            }
        }
        return select(null, in, keep);
    }

    static Plan projectKeep(Plan in, List<ColumnPattern> patterns, String kw) {
        List<Integer> kept = matching(in, patterns, kw, true);
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < in.schema().size(); i++) {
            if (kept.contains(i)) {
                keep.add(i);
            }
        }
        return select(null, in, keep);
    }

    static Plan projectRename(Plan in, TabularOperator.ProjectRename r, String kw) {
        List<Column> out = new ArrayList<>(in.schema());
        for (Rename rename : r.renames()) {
            String to = rename.to();
            String from = rename.from();
            int idx = Plan.indexOf(in.schema(), from);
            if (idx < 0) {
                throw new KqlSemanticException("SEM0100", Resolver.prefix(kw)
                        + "Failed to resolve column or scalar expression named '" + from + "'");
            }
            out.set(idx, Column.of(to, in.schema().get(idx).type()));
        }
        return new Plan(out, in::rows, in.serialized());
    }

    static Plan projectReorder(Plan in, TabularOperator.ProjectReorder r, String kw) {
        List<Integer> order = new ArrayList<>();
        for (ReorderItem item : r.items()) {
            ColumnPattern pattern = item.pattern();
            String dir = item.direction();
            List<Integer> m;
            int last = pattern.parts().size() - 1;
            Part lastPart = pattern.parts().get(last);
            String tail = lastPart.wildcard() ? "*" : lastPart.name();
            if (last > 0 && pattern.parts().get(last - 1).wildcard() && dir == null
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
