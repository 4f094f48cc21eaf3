package io.github.camelloganalytics.testkit.kql.functions;

import static io.github.camelloganalytics.testkit.kql.functions.Fn.lng;
import static io.github.camelloganalytics.testkit.kql.functions.Fn.str;
import static io.github.camelloganalytics.testkit.kql.functions.ScalarFunction.fixed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** Dynamic (array and property bag) functions of the KQL reference ("Dynamic/array functions"). */
public final class DynamicFunctions {

    private DynamicFunctions() {
    }

    /** @return the family's catalogue entries */
    public static List<ScalarFunction> functions() {
        ColumnType D = ColumnType.DYNAMIC;
        ColumnType L = ColumnType.LONG;
        return List.of(
                Fn.nullable("pack", 0, 128, fixed(D), DynamicFunctions::pack),
                Fn.nullable("bag_pack", 0, 128, fixed(D), DynamicFunctions::pack),
                Fn.nullable("pack_array", 0, 128, fixed(D), a -> {
                    ArrayNode out = Values.array();
                    for (Object o : a) {
                        out.add(Values.toDynamic(o));
                    }
                    return out;
                }),
                Fn.of("array_length", 1, 1, fixed(L), a -> {
                    JsonNode n = dyn(a[0]);
                    return n.isArray() ? (Object) (long) n.size() : null;
                }),
                Fn.nullable("array_concat", 1, 64, fixed(D), a -> {
                    ArrayNode out = Values.array();
                    for (Object o : a) {
                        if (o == null || !dyn(o).isArray()) {
                            return null;
                        }
                        out.addAll((ArrayNode) dyn(o));
                    }
                    return out;
                }),
                Fn.of("array_slice", 3, 3, fixed(D), a -> {
                    JsonNode n = dyn(a[0]);
                    if (!n.isArray()) {
                        return null;
                    }
                    int size = n.size();
                    long s = lng(a[1]);
                    long e = lng(a[2]);
                    s = s < 0 ? Math.max(0, size + s) : s;
                    e = e < 0 ? size + e : Math.min(e, size - 1);
                    ArrayNode out = Values.array();
                    for (long i = s; i <= e; i++) {
                        out.add(n.get((int) i));
                    }
                    return out;
                }),
                Fn.of("array_reverse", 1, 1, fixed(D), a -> {
                    JsonNode n = dyn(a[0]);
                    ArrayNode out = Values.array();
                    for (int i = n.size() - 1; i >= 0; i--) {
                        out.add(n.get(i));
                    }
                    return out;
                }),
                Fn.of("array_index_of", 2, 2, fixed(L), a -> {
                    JsonNode n = dyn(a[0]);
                    for (int i = 0; i < n.size(); i++) {
                        if (Boolean.TRUE.equals(Values.equal(n.get(i), Values.toDynamic(a[1])))) {
                            return (long) i;
                        }
                    }
                    return -1L;
                }),
                Fn.of("array_sum", 1, 1, fixed(ColumnType.REAL), a -> {
                    double s = 0;
                    for (JsonNode e : dyn(a[0])) {
                        s += e.asDouble();
                    }
                    return s;
                }),
                Fn.of("array_sort_asc", 1, 2, sortType(), a -> sorted(dyn(a[0]), 1, a.length < 2 || (Boolean) a[1])),
                Fn.of("array_sort_desc", 1, 2, sortType(), a -> sorted(dyn(a[0]), -1, a.length < 2
                        || (Boolean) a[1])),
                Fn.of("strcat_array", 2, 2, fixed(ColumnType.STRING), a -> {
                    List<String> parts = new ArrayList<>();
                    for (JsonNode e : dyn(a[0])) {
                        parts.add(Values.text(e));
                    }
                    return String.join(str(a[1]), parts);
                }),
                Fn.of("bag_keys", 1, 1, fixed(D), a -> {
                    JsonNode n = dyn(a[0]);
                    if (!n.isObject()) {
                        return null;
                    }
                    ArrayNode out = Values.array();
                    n.fieldNames().forEachRemaining(out::add);
                    return out;
                }),
                Fn.nullable("bag_merge", 1, 64, fixed(D), a -> {
                    ObjectNode out = Values.bag();
                    for (Object o : a) {
                        JsonNode n = dyn(o);
                        if (n.isObject()) {
                            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                                Map.Entry<String, JsonNode> e = it.next();
                                if (!out.has(e.getKey())) {
                                    out.set(e.getKey(), e.getValue());
                                }
                            }
                        }
                    }
                    return out;
                }),
                Fn.of("bag_remove_keys", 2, 2, fixed(D), a -> {
                    ObjectNode out = dyn(a[0]).deepCopy();
                    for (JsonNode k : dyn(a[1])) {
                        out.remove(k.asText());
                    }
                    return out;
                }),
                Fn.of("bag_has_key", 2, 2, fixed(ColumnType.BOOL), a -> dyn(a[0]).has(str(a[1]))),
                Fn.nullable("set_union", 1, 64, fixed(D), a -> set(a, 0)),
                Fn.nullable("set_intersect", 1, 64, fixed(D), a -> set(a, 1)),
                Fn.nullable("set_difference", 1, 64, fixed(D), a -> set(a, 2)),
                Fn.of("set_has_element", 2, 2, fixed(ColumnType.BOOL), a -> {
                    for (JsonNode e : dyn(a[0])) {
                        if (Boolean.TRUE.equals(Values.equal(e, Values.toDynamic(a[1])))) {
                            return true;
                        }
                    }
                    return false;
                }),
                Fn.full("gettype", 1, 1, fixed(ColumnType.STRING), (a, t, f) -> gettype(a[0], t.get(0)), false),
                Fn.of("extractjson", 2, 3, fixed(ColumnType.STRING), a -> extractJson(str(a[0]), str(a[1]))),
                Fn.of("extract_json", 2, 3, fixed(ColumnType.STRING), a -> extractJson(str(a[0]), str(a[1]))),
                Fn.of("range", 2, 3, fixed(D), a -> {
                    ArrayNode out = Values.array();
                    if (a[0] instanceof Long || a[0] instanceof Integer) {
                        long step = a.length > 2 ? lng(a[2]) : 1;
                        for (long i = lng(a[0]); step > 0 ? i <= lng(a[1]) : i >= lng(a[1]); i += step) {
                            out.add(i);
                            if (out.size() > 1_000_000 || step == 0) {
                                break;
                            }
                        }
                    } else {
                        double step = a.length > 2 ? Values.toDouble(a[2]) : 1;
                        for (double i = Values.toDouble(a[0]); step > 0 ? i <= Values.toDouble(a[1])
                                : i >= Values.toDouble(a[1]); i += step) {
                            out.add(i);
                            if (out.size() > 1_000_000 || step == 0) {
                                break;
                            }
                        }
                    }
                    return out;
                }),
                Fn.nullable("repeat", 2, 2, fixed(D), a -> {
                    ArrayNode out = Values.array();
                    for (long i = 0; a[1] != null && i < lng(a[1]); i++) {
                        out.add(Values.toDynamic(a[0]));
                    }
                    return out;
                }),
                Fn.nullable("zip", 2, 64, fixed(D), a -> {
                    int n = 0;
                    for (Object o : a) {
                        n = Math.max(n, dyn(o).size());
                    }
                    ArrayNode out = Values.array();
                    for (int i = 0; i < n; i++) {
                        ArrayNode row = Values.array();
                        for (Object o : a) {
                            JsonNode e = dyn(o).get(i);
                            row.add(e == null ? Values.NODES.nullNode() : e);
                        }
                        out.add(row);
                    }
                    return out;
                }));
    }

    private static JsonNode dyn(Object o) {
        return o == null ? Values.NODES.nullNode() : Values.toDynamic(o);
    }

    private static Object pack(Object[] a) {
        ObjectNode out = Values.bag();
        for (int i = 0; i + 1 < a.length; i += 2) {
            out.set(str(a[i]), Values.toDynamic(a[i + 1]));
        }
        return out;
    }

    /** The second argument is nulls_last; several arrays (sorted by the first) are not run. */
    private static ScalarFunction.ResultType sortType() {
        return args -> {
            if (args.size() > 1) {
                Fn.check(args, 1, "bool (nulls_last)", ColumnType.BOOL);
            }
            return ColumnType.DYNAMIC;
        };
    }

    private static JsonNode sorted(JsonNode n, int sign, boolean nullsLast) {
        List<JsonNode> items = new ArrayList<>();
        n.forEach(items::add);
        items.sort((x, y) -> {
            boolean xn = x.isNull();
            boolean yn = y.isNull();
            if (xn || yn) {
                return xn == yn ? 0 : xn == nullsLast ? 1 : -1;
            }
            return sign * Values.compare(x, y);
        });
        ArrayNode out = Values.array();
        out.addAll(items);
        return out;
    }

    private static JsonNode set(Object[] a, int op) {
        Set<String> seen = new LinkedHashSet<>();
        Map<String, JsonNode> nodes = new java.util.HashMap<>();
        for (int i = 0; i < a.length; i++) {
            Set<String> here = new LinkedHashSet<>();
            for (JsonNode e : dyn(a[i])) {
                here.add(e.toString());
                nodes.put(e.toString(), e);
            }
            if (i == 0) {
                seen.addAll(here);
            } else if (op == 0) {
                seen.addAll(here);
            } else if (op == 1) {
                seen.retainAll(here);
            } else {
                seen.removeAll(here);
            }
        }
        ArrayNode out = Values.array();
        for (String k : seen) {
            out.add(nodes.get(k));
        }
        return out;
    }

    private static String gettype(Object v, ColumnType declared) {
        if (v instanceof JsonNode n) {
            if (n.isArray()) {
                return "array";
            }
            if (n.isObject()) {
                return "dictionary";
            }
            if (n.isNull()) {
                return "null";
            }
            Object u = Values.unwrap(n);
            return Values.typeOf(u).kqlName();
        }
        if (v == null) {
            return declared == ColumnType.DYNAMIC ? "null" : declared.kqlName();
        }
        return declared.kqlName();
    }

    /** A JSONPath subset: {@code $}, {@code .name}, {@code ['name']}, {@code [index]}. */
    public static JsonNode path(JsonNode root, String path) {
        String p = path.trim();
        if (!p.startsWith("$")) {
            return null;
        }
        JsonNode cur = root;
        int i = 1;
        while (i < p.length() && cur != null) {
            char c = p.charAt(i);
            if (c == '.') {
                int j = i + 1;
                while (j < p.length() && p.charAt(j) != '.' && p.charAt(j) != '[') {
                    j++;
                }
                cur = cur.get(p.substring(i + 1, j));
                i = j;
            } else if (c == '[') {
                int j = p.indexOf(']', i);
                String inner = p.substring(i + 1, j).trim();
                if (inner.startsWith("'") || inner.startsWith("\"")) {
                    cur = cur.get(inner.substring(1, inner.length() - 1));
                } else {
                    cur = cur.get(Integer.parseInt(inner));
                }
                i = j + 1;
            } else {
                return null;
            }
        }
        return cur;
    }

    private static String extractJson(String path, String json) {
        JsonNode n = path(Values.parseJson(json), path);
        return n == null || n.isNull() ? null : Values.text(n);
    }
}
