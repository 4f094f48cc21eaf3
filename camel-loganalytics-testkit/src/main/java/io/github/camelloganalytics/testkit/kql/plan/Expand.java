package io.github.camelloganalytics.testkit.kql.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.KqlSemanticException;
import io.github.camelloganalytics.testkit.kql.Row;
import io.github.camelloganalytics.testkit.kql.ast.Clause;
import io.github.camelloganalytics.testkit.kql.ast.Clause.MvExpandItem;
import io.github.camelloganalytics.testkit.kql.ast.Clause.OperatorParameter;
import io.github.camelloganalytics.testkit.kql.ast.Clause.ParsePart;
import io.github.camelloganalytics.testkit.kql.ast.Expression;
import io.github.camelloganalytics.testkit.kql.ast.TabularOperator;
import io.github.camelloganalytics.testkit.kql.expr.Expr;
import io.github.camelloganalytics.testkit.kql.expr.Frame;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** The operators that make rows from values: mv-expand, mv-apply, parse and parse-where. */
final class Expand {

    private Expand() {
    }

    /** mv-expand's planned items: where each expanded value goes and as what type. */
    private record Expansion(List<Column> schema, List<Expr> values, List<Integer> targets, List<ColumnType> types,
            int indexColumn, boolean bagAsArray, long limit) {
    }

    private static Expansion plan(Resolver r, Plan in, List<OperatorParameter> params, List<MvExpandItem> items,
            Expression limitCtx, Scope scope, String kw) {
        String bagExpansion = Combine.parameter(params, "bagexpansion", "bag");
        String itemIndex = Combine.parameter(params, "with_itemindex", null);
        ExpressionResolver er = new ExpressionResolver(r, scope, in.schema(), kw);
        List<Column> schema = new ArrayList<>(in.schema());
        List<Expr> values = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        for (MvExpandItem item : items) {
            Expr v = er.resolve(item.expression());
            String name = item.name() != null ? item.name() : Names.derived(item.expression(), false);
            if (name == null) {
                name = Names.nextColumn(schema);
            }
            ColumnType type = item.type() != null ? ExpressionResolver.typeOfName(item.type()) : ColumnType.DYNAMIC;
            int at = Plan.indexOf(schema, name);
            if (at >= 0) {
                schema.set(at, Column.of(name, type));
            } else {
                schema.add(Column.of(name, type));
                at = schema.size() - 1;
            }
            values.add(v);
            targets.add(at);
            types.add(type);
        }
        int indexColumn = -1;
        if (itemIndex != null) {
            schema.add(Column.of(itemIndex, ColumnType.LONG));
            indexColumn = schema.size() - 1;
        }
        long limit = limitCtx == null ? Long.MAX_VALUE : r.constantCount(limitCtx, scope, kw);
        return new Expansion(schema, values, targets, types, indexColumn, bagExpansion.equals("array"), limit);
    }

    private static List<JsonNode> elements(Object v, boolean bagAsArray) {
        List<JsonNode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        JsonNode n = Values.toDynamic(v);
        if (n.isArray()) {
            n.forEach(out::add);
        } else if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (bagAsArray) {
                    ArrayNode pair = Values.array();
                    pair.add(e.getKey());
                    pair.add(e.getValue());
                    out.add(pair);
                } else {
                    ObjectNode one = Values.bag();
                    one.set(e.getKey(), e.getValue());
                    out.add(one);
                }
            }
        } else if (!n.isNull()) {
            out.add(n);
        }
        return out;
    }

    private static List<Row> expand(Resolver r, Expansion x, Row row, Frame f) {
        List<List<JsonNode>> lists = new ArrayList<>();
        int n = 0;
        f.at(row);
        for (Expr v : x.values()) {
            List<JsonNode> e = elements(v.eval(f), x.bagAsArray());
            lists.add(e);
            n = Math.max(n, e.size());
        }
        List<Row> out = new ArrayList<>();
        int width = x.schema().size();
        for (int i = 0; i < n && i < x.limit(); i++) {
            Object[] v = new Object[width];
            System.arraycopy(row.values(), 0, v, 0, Math.min(row.values().length, width));
            for (int k = 0; k < lists.size(); k++) {
                JsonNode e = i < lists.get(k).size() ? lists.get(k).get(i) : null;
                ColumnType t = x.types().get(k);
                v[x.targets().get(k)] = e == null || e.isNull() ? null
                        : t == ColumnType.DYNAMIC ? e : Values.convert(e, t);
            }
            if (x.indexColumn() >= 0) {
                v[x.indexColumn()] = (long) i;
            }
            out.add(new Row(v, row.ingestionTime()));
        }
        return out;
    }

    static Plan mvExpand(Resolver r, Plan in, List<OperatorParameter> params, List<MvExpandItem> items,
            Expression limit, Scope scope, String kw) {
        Expansion x = plan(r, in, params, items, limit, scope, kw);
        return new Plan(x.schema(), () -> {
            List<Row> out = new ArrayList<>();
            Frame f = new Frame(r.now());
            for (Row row : in.rows()) {
                out.addAll(expand(r, x, row, f));
            }
            return out;
        }, false);
    }

    static Plan mvApply(Resolver r, Plan in, TabularOperator.MvApply m, Scope scope) {
        String kw = "mv-apply";
        Expansion x = plan(r, in, m.parameters(), m.items(), m.limit(), scope, kw);
        if (m.subquery().source() != null) {
            throw ExpressionResolver.notSupported("a subquery with its own source in 'mv-apply'", m.subquery());
        }
        List<TabularOperator> ops = m.subquery().operators();
        Plan shape = r.operators(ops, new Plan(x.schema(), List::of, true), scope);
        List<Integer> expanded = x.targets();
        List<Column> schema = new ArrayList<>();
        List<Integer> carried = new ArrayList<>();
        for (int i = 0; i < in.schema().size(); i++) {
            Column c = in.schema().get(i);
            if (!expanded.contains(i) && shape.indexOf(c.name()) < 0) {
                schema.add(c);
                carried.add(i);
            }
        }
        int base = schema.size();
        schema.addAll(shape.schema());
        return new Plan(schema, () -> {
            List<Row> out = new ArrayList<>();
            Frame f = new Frame(r.now());
            for (Row row : in.rows()) {
                List<Row> sub = expand(r, x, row, f);
                Plan result = r.operators(ops, new Plan(x.schema(), () -> sub, true), scope);
                for (Row s : result.rows()) {
                    Object[] v = new Object[schema.size()];
                    for (int i = 0; i < carried.size(); i++) {
                        v[i] = row.values()[carried.get(i)];
                    }
                    System.arraycopy(s.values(), 0, v, base, s.values().length);
                    out.add(new Row(v, row.ingestionTime()));
                }
            }
            return out;
        }, false);
    }

    static Plan parse(Resolver r, Plan in, TabularOperator.Parse p, Scope scope) {
        String kw = p.keyword();
        String kind = Combine.parameter(p.parameters(), "kind", "simple");
        String flags = Combine.parameter(p.parameters(), "flags", "");
        if (!kind.equals("simple") && !kind.equals("regex") && !kind.equals("relaxed")) {
            throw new KqlSemanticException("SEM0001", "'" + kw + "' operator: unknown kind '" + kind + "'");
        }
        Expr source = new ExpressionResolver(r, scope, in.schema(), kw).resolve(p.input());
        StringBuilder regex = new StringBuilder(kind.equals("regex") ? "" : "^");
        List<Column> schema = new ArrayList<>(in.schema());
        List<Integer> targets = new ArrayList<>();
        List<ColumnType> types = new ArrayList<>();
        List<ParsePart> parts = p.parts();
        for (int i = 0; i < parts.size(); i++) {
            ParsePart part = parts.get(i);
            boolean last = i == parts.size() - 1;
            if (part instanceof Clause.ParseWildcard) {
                regex.append(last ? ".*" : ".*?");
            } else if (part instanceof Clause.ParseText l) {
                regex.append(kind.equals("regex") ? l.text() : Pattern.quote(l.text()));
            } else {
                Clause.ParseCapture c = (Clause.ParseCapture) part;
                String name = c.name();
                ColumnType t = c.type() == null ? ColumnType.STRING : ExpressionResolver.typeOfName(c.type());
                String group = switch (t) {
                    case INT, LONG -> "([-+]?\\d+)";
                    case REAL, DECIMAL -> "([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)";
                    default -> last ? "(.*)" : "(.*?)";
                };
                regex.append(group);
                int at = Plan.indexOf(schema, name);
                if (at >= 0) {
                    schema.set(at, Column.of(name, t));
                } else {
                    schema.add(Column.of(name, t));
                    at = schema.size() - 1;
                }
                targets.add(at);
                types.add(t);
            }
        }
        int fl = 0;
        if (flags.contains("i")) {
            fl |= Pattern.CASE_INSENSITIVE;
        }
        if (flags.contains("s")) {
            fl |= Pattern.DOTALL;
        }
        if (flags.contains("m")) {
            fl |= Pattern.MULTILINE;
        }
        Pattern pattern = Pattern.compile(regex.toString(), fl);
        boolean dropUnmatched = kw.equals("parse-where");
        int width = schema.size();
        return new Plan(schema, () -> {
            List<Row> out = new ArrayList<>();
            Frame f = new Frame(r.now());
            for (Row row : in.rows()) {
                Object s = source.eval(f.at(row));
                Matcher mt = s == null ? null : pattern.matcher(Values.text(s));
                boolean ok = mt != null && mt.find();
                if (!ok && dropUnmatched) {
                    continue;
                }
                Object[] v = new Object[width];
                System.arraycopy(row.values(), 0, v, 0, row.values().length);
                boolean converted = true;
                for (int k = 0; k < targets.size(); k++) {
                    v[targets.get(k)] = ok ? Values.convert(mt.group(k + 1), types.get(k)) : null;
                    converted &= !ok || v[targets.get(k)] != null;
                }
                if (dropUnmatched && !converted) {
                    continue;
                }
                if (!ok) {
                    for (int k = 0; k < targets.size(); k++) {
                        if (types.get(k) == ColumnType.STRING) {
                            v[targets.get(k)] = "";
                        }
                    }
                }
                out.add(new Row(v, row.ingestionTime()));
            }
            return out;
        }, in.serialized());
    }
}
