package io.github.camelloganalytics.testkit.kql.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.NotSupportedByEmulatorException;
import io.github.camelloganalytics.testkit.kql.Row;
import io.github.camelloganalytics.testkit.kql.ast.Clause.OperatorParameter;
import io.github.camelloganalytics.testkit.kql.ast.Clause.UnionItem;
import io.github.camelloganalytics.testkit.kql.ast.Expression;
import io.github.camelloganalytics.testkit.kql.ast.Node;
import io.github.camelloganalytics.testkit.kql.ast.TabularOperator;
import io.github.camelloganalytics.testkit.kql.expr.Expr;
import io.github.camelloganalytics.testkit.kql.expr.Frame;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** The operators that combine tables: join (every kind), lookup and union. */
final class Combine {

    private static final Set<String> JOIN_KINDS = Set.of("innerunique", "inner", "leftouter", "rightouter",
            "fullouter", "leftanti", "anti", "leftantisemi", "rightanti", "rightantisemi", "leftsemi", "rightsemi");

    private Combine() {
    }

    /** The equality keys of a join: left and right expressions over their own rows. */
    private record Keys(List<Expr> left, List<Expr> right, List<String> sameNamed) {
    }

    /** @return an operator parameter's value ({@code kind=inner} gives inner), or the default */
    static String parameter(List<OperatorParameter> params, String name, String dflt) {
        return OperatorParameter.value(params, name, dflt);
    }

    private static Plan right(Resolver r, Expression right, Scope scope, String kw) {
        if (right instanceof Expression.Parenthesized p) {
            return r.pipeline(p.pipeline(), scope, false);
        }
        return r.tabular(right, scope, kw);
    }

    private static Keys keys(Resolver r, Plan left, Plan right, List<Expression> conditions, Scope scope, String kw,
            Node at) {
        List<Expr> l = new ArrayList<>();
        List<Expr> rr = new ArrayList<>();
        List<String> same = new ArrayList<>();
        List<Expression> flat = new ArrayList<>();
        for (Expression c : conditions) {
            flatten(c, flat);
        }
        ExpressionResolver sides = new ExpressionResolver(r, scope, List.of(), kw).joining(left.schema(),
                right.schema());
        for (Expression e : flat) {
            if (e instanceof Expression.Name n) {
                String name = n.name();
                int li = left.indexOf(name);
                int ri = right.indexOf(name);
                if (li < 0 || ri < 0) {
                    throw new KqlSemanticException("SEM0100", Resolver.prefix(kw)
                            + "Failed to resolve column named '" + name + "' on the " + (li < 0 ? "left" : "right")
                            + " side of the join");
                }
                l.add(new Expr.ColumnRef(left.schema().get(li).type(), li, name));
                rr.add(new Expr.ColumnRef(right.schema().get(ri).type(), ri, name));
                same.add(name);
                continue;
            }
            if (e instanceof Expression.Binary c && c.operator().equals("==")) {
                Expr a = sides.resolve(c.left());
                Expr b = sides.resolve(c.right());
                if (a instanceof Expr.ColumnRef ca && b instanceof Expr.ColumnRef cb) {
                    boolean aLeft = ca.index() < left.schema().size();
                    boolean bLeft = cb.index() < left.schema().size();
                    if (aLeft != bLeft) {
                        Expr.ColumnRef lc = aLeft ? ca : cb;
                        Expr.ColumnRef rc = aLeft ? cb : ca;
                        l.add(lc);
                        rr.add(new Expr.ColumnRef(rc.type(), rc.index() - left.schema().size(), rc.name()));
                        if (lc.name().equals(rc.name())) {
                            same.add(lc.name());
                        }
                        continue;
                    }
                }
            }
            throw ExpressionResolver.notSupported("the join condition '" + e.span().text() + "' (the emulator joins on "
                    + "columns and $left.a == $right.b)", e);
        }
        for (int i = 0; i < l.size(); i++) {
            ColumnType a = l.get(i).type();
            ColumnType b = rr.get(i).type();
            if (a != b && !(a.isNumeric() && b.isNumeric())) {
                throw new KqlSemanticException("SEM0001", Resolver.prefix(kw) + "join key '"
                        + ((Expr.ColumnRef) l.get(i)).name() + "' has type " + a.kqlName() + " on the left and "
                        + b.kqlName() + " on the right");
            }
        }
        if (l.isEmpty()) {
            throw new KqlSemanticException("SEM0001", Resolver.prefix(kw) + "a join needs 'on' conditions");
        }
        return new Keys(l, rr, same);
    }

    private static void flatten(Expression e, List<Expression> out) {
        if (e instanceof Expression.Binary a && a.operator().equals("and")) {
            flatten(a.left(), out);
            flatten(a.right(), out);
        } else {
            out.add(e);
        }
    }

    private static List<Object> key(Frame f, Row row, List<Expr> exprs) {
        List<Object> k = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            Object v = e.eval(f.at(row));
            if (v == null) {
                return null;
            }
            k.add(Values.key(v instanceof Integer i ? (Object) (long) i : v));
        }
        return k;
    }

    static Plan join(Resolver r, Plan left, TabularOperator.Join j, Scope scope) {
        String kw = "join";
        String kind = parameter(j.parameters(), "kind", "innerunique");
        if (!JOIN_KINDS.contains(kind)) {
            throw new KqlSemanticException("SEM0001", "'join' operator: unknown kind '" + kind + "'");
        }
        Plan right = right(r, j.right(), scope, kw);
        if (j.conditions().isEmpty()) {
            throw ExpressionResolver.notSupported("'join' without 'on' (joining on all common columns)", j);
        }
        Keys keys = keys(r, left, right, j.conditions(), scope, kw, j);
        boolean leftOnly = kind.startsWith("left") && (kind.contains("semi") || kind.contains("anti"))
                || kind.equals("anti");
        boolean rightOnly = kind.startsWith("right") && (kind.contains("semi") || kind.contains("anti"));
        List<Column> schema = new ArrayList<>();
        if (!rightOnly) {
            schema.addAll(left.schema());
        }
        if (!leftOnly) {
            for (Column c : right.schema()) {
                schema.add(Column.of(Names.unique(schema, c.name()), c.type()));
            }
        }
        int lw = left.schema().size();
        int rw = right.schema().size();
        return new Plan(schema, () -> {
            Frame f = new Frame(r.now());
            List<Row> lrows = left.rows();
            List<Row> rrows = right.rows();
            Map<List<Object>, List<Integer>> index = new HashMap<>();
            for (int i = 0; i < rrows.size(); i++) {
                List<Object> k = key(f, rrows.get(i), keys.right());
                if (k != null) {
                    index.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
                }
            }
            List<Row> out = new ArrayList<>();
            Set<Integer> matchedRight = new HashSet<>();
            Set<List<Object>> seenLeft = new HashSet<>();
            for (Row lr : lrows) {
                List<Object> k = key(f, lr, keys.left());
                if (kind.equals("innerunique") && k != null && !seenLeft.add(k)) {
                    continue;
                }
                List<Integer> matches = k == null ? List.of() : index.getOrDefault(k, List.of());
                switch (kind) {
                    case "leftsemi":
                        if (!matches.isEmpty()) {
                            out.add(lr);
                        }
                        break;
                    case "leftanti":
                    case "anti":
                    case "leftantisemi":
                        if (matches.isEmpty()) {
                            out.add(lr);
                        }
                        break;
                    case "rightsemi":
                    case "rightanti":
                    case "rightantisemi":
                        matchedRight.addAll(matches);
                        break;
                    default:
                        for (int m : matches) {
                            out.add(combine(lr, rrows.get(m), lw, rw));
                            matchedRight.add(m);
                        }
                        if (matches.isEmpty() && (kind.equals("leftouter") || kind.equals("fullouter"))) {
                            out.add(combine(lr, null, lw, rw));
                        }
                }
            }
            if (kind.equals("rightsemi")) {
                for (int i = 0; i < rrows.size(); i++) {
                    if (matchedRight.contains(i)) {
                        out.add(rrows.get(i));
                    }
                }
            } else if (kind.startsWith("rightanti")) {
                for (int i = 0; i < rrows.size(); i++) {
                    if (!matchedRight.contains(i)) {
                        out.add(rrows.get(i));
                    }
                }
            } else if (kind.equals("rightouter") || kind.equals("fullouter")) {
                for (int i = 0; i < rrows.size(); i++) {
                    if (!matchedRight.contains(i)) {
                        out.add(combine(null, rrows.get(i), lw, rw));
                    }
                }
            }
            return out;
        }, false);
    }

    private static Row combine(Row l, Row r, int lw, int rw) {
        Object[] v = new Object[lw + rw];
        if (l != null) {
            System.arraycopy(l.values(), 0, v, 0, lw);
        }
        if (r != null) {
            System.arraycopy(r.values(), 0, v, lw, rw);
        }
        return new Row(v, null);
    }

    static Plan lookup(Resolver r, Plan left, TabularOperator.Lookup l, Scope scope) {
        String kw = "lookup";
        String kind = parameter(l.parameters(), "kind", "leftouter");
        if (!kind.equals("leftouter") && !kind.equals("inner")) {
            throw new KqlSemanticException("SEM0001", "'lookup' operator: kind must be leftouter or inner, got '"
                    + kind + "'");
        }
        Plan right = right(r, l.right(), scope, kw);
        Keys keys = keys(r, left, right, l.conditions(), scope, kw, l);
        Set<Integer> dropped = new HashSet<>();
        for (Expr e : keys.right()) {
            dropped.add(((Expr.ColumnRef) e).index());
        }
        List<Column> schema = new ArrayList<>(left.schema());
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < right.schema().size(); i++) {
            if (!dropped.contains(i)) {
                Column c = right.schema().get(i);
                schema.add(Column.of(Names.unique(schema, c.name()), c.type()));
                kept.add(i);
            }
        }
        int lw = left.schema().size();
        return new Plan(schema, () -> {
            Frame f = new Frame(r.now());
            Map<List<Object>, List<Row>> index = new HashMap<>();
            for (Row rr : right.rows()) {
                List<Object> k = key(f, rr, keys.right());
                if (k != null) {
                    index.computeIfAbsent(k, x -> new ArrayList<>()).add(rr);
                }
            }
            List<Row> out = new ArrayList<>();
            for (Row lr : left.rows()) {
                List<Object> k = key(f, lr, keys.left());
                List<Row> matches = k == null ? List.of() : index.getOrDefault(k, List.of());
                if (matches.isEmpty() && kind.equals("leftouter")) {
                    Object[] v = new Object[schema.size()];
                    System.arraycopy(lr.values(), 0, v, 0, lw);
                    out.add(new Row(v, lr.ingestionTime()));
                }
                for (Row rr : matches) {
                    Object[] v = new Object[schema.size()];
                    System.arraycopy(lr.values(), 0, v, 0, lw);
                    for (int i = 0; i < kept.size(); i++) {
                        v[lw + i] = rr.values()[kept.get(i)];
                    }
                    out.add(new Row(v, lr.ingestionTime()));
                }
            }
            return out;
        }, false);
    }

    static Plan union(Resolver r, Plan input, List<OperatorParameter> params, List<UnionItem> items, Scope scope,
            Node at) {
        String kind = parameter(params, "kind", "outer");
        String withSource = parameter(params, "withsource", null);
        List<Plan> plans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (input != null) {
            plans.add(input);
            names.add("union_arg0");
        }
        // isfuzzy=true: legs that name no table are left out, as long as one leg resolves
        boolean fuzzy = Boolean.parseBoolean(parameter(params, "isfuzzy", "false"));
        KqlSemanticException firstUnresolved = null;
        for (UnionItem item : items) {
            if (item.pattern() != null) {
                List<String> matched = TableWildcards.matching(r, item.pattern(), "union", item);
                if (matched.isEmpty()) {
                    KqlSemanticException e = new KqlSemanticException("SEM0100", "'union' operator: Failed to "
                            + "resolve table or column expression named '" + item.span().text() + "'");
                    if (!fuzzy) {
                        throw e;
                    }
                    firstUnresolved = firstUnresolved == null ? e : firstUnresolved;
                }
                for (String t : matched) {
                    plans.add(r.table(t).orElseThrow());
                    names.add(t);
                }
                continue;
            }
            Expression e = item.expression();
            try {
                plans.add(r.tabular(e, scope, "union"));
            } catch (KqlSemanticException unresolved) {
                if (!fuzzy || !"SEM0100".equals(unresolved.code())
                        || unresolved instanceof NotSupportedByEmulatorException) {
                    throw unresolved;
                }
                firstUnresolved = firstUnresolved == null ? unresolved : firstUnresolved;
                continue;
            }
            String n = Names.derived(e, false);
            names.add(n != null ? n : "union_arg" + names.size());
        }
        if (plans.isEmpty() && firstUnresolved != null) {
            throw firstUnresolved;
        }
        Map<String, Set<ColumnType>> types = new LinkedHashMap<>();
        for (Plan p : plans) {
            for (Column c : p.schema()) {
                types.computeIfAbsent(c.name(), k -> new java.util.LinkedHashSet<>()).add(c.type());
            }
        }
        List<Column> schema = new ArrayList<>();
        if (withSource != null) {
            schema.add(Column.of(withSource, ColumnType.STRING));
        }
        for (Map.Entry<String, Set<ColumnType>> e : types.entrySet()) {
            if (kind.equals("inner")) {
                boolean everywhere = plans.stream().allMatch(p -> p.indexOf(e.getKey()) >= 0);
                if (!everywhere) {
                    continue;
                }
            }
            if (e.getValue().size() == 1) {
                schema.add(Column.of(e.getKey(), e.getValue().iterator().next()));
            } else {
                for (ColumnType t : e.getValue()) {
                    schema.add(Column.of(e.getKey() + "_" + t.kqlName(), t));
                }
            }
        }
        return new Plan(schema, () -> {
            List<Row> out = new ArrayList<>();
            for (int t = 0; t < plans.size(); t++) {
                Plan p = plans.get(t);
                int[] target = new int[p.schema().size()];
                for (int i = 0; i < target.length; i++) {
                    Column c = p.schema().get(i);
                    int at1 = Plan.indexOf(schema, c.name());
                    if (at1 < 0 || schema.get(at1).type() != c.type()) {
                        at1 = Plan.indexOf(schema, c.name() + "_" + c.type().kqlName());
                    }
                    target[i] = at1;
                }
                for (Row row : p.rows()) {
                    Object[] v = new Object[schema.size()];
                    if (withSource != null) {
                        v[0] = names.get(t);
                    }
                    for (int i = 0; i < target.length; i++) {
                        if (target[i] >= 0) {
                            v[target[i]] = row.values()[i];
                        }
                    }
                    out.add(new Row(v, row.ingestionTime()));
                }
            }
            return out;
        }, false);
    }
}
