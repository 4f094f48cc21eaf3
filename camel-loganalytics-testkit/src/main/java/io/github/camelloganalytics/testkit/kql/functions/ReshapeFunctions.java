package io.github.camelloganalytics.testkit.kql.functions;

import static io.github.camelloganalytics.testkit.kql.functions.ScalarFunction.fixed;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.value.Values;

/**
 * The dynamic functions of the KQL reference that reshape a value into another of the same kind: shifting,
 * rotating and selecting array elements ({@code array_shift_left}/{@code right}, {@code array_rotate_left}/
 * {@code right}, {@code array_iff}) and building property bags ({@code bag_set_key}, {@code bag_zip}).
 */
public final class ReshapeFunctions {

    private ReshapeFunctions() {
    }

    /** @return the family's catalogue entries */
    public static List<ScalarFunction> functions() {
        ColumnType D = ColumnType.DYNAMIC;
        return List.of(
                Fn.nullable("array_shift_left", 2, 3, fixed(D), a -> shift(a, 1)),
                Fn.nullable("array_shift_right", 2, 3, fixed(D), a -> shift(a, -1)),
                Fn.of("array_rotate_left", 2, 2, fixed(D), a -> rotate(a, 1)),
                Fn.of("array_rotate_right", 2, 2, fixed(D), a -> rotate(a, -1)),
                Fn.nullable("array_iff", 3, 3, fixed(D), ReshapeFunctions::iff),
                Fn.nullable("array_iif", 3, 3, fixed(D), ReshapeFunctions::iff),
                Fn.nullable("bag_set_key", 3, 3, fixed(D), ReshapeFunctions::setKey),
                Fn.of("bag_zip", 2, 2, fixed(D), a -> {
                    JsonNode keys = Values.toDynamic(a[0]);
                    JsonNode values = Values.toDynamic(a[1]);
                    if (!keys.isArray()) {
                        return null;
                    }
                    ObjectNode bag = Values.bag();
                    for (int i = 0; i < keys.size(); i++) {
                        if (keys.get(i).isTextual()) {
                            // values that are not an array give every key a null value
                            JsonNode v = values.isArray() ? values.get(i) : null;
                            bag.set(keys.get(i).textValue(), v == null ? Values.NODES.nullNode() : v);
                        }
                    }
                    return bag;
                }));
    }

    /** Shifts left (sign 1) or right (-1); the places left empty take the default, or null. */
    private static Object shift(Object[] a, int sign) {
        if (a[0] == null || a[1] == null || !Values.toDynamic(a[0]).isArray()) {
            return null;
        }
        JsonNode n = Values.toDynamic(a[0]);
        long by = sign * Fn.lng(a[1]);
        JsonNode fill = a.length > 2 && a[2] != null ? Values.toDynamic(a[2]) : Values.NODES.nullNode();
        ArrayNode out = Values.array();
        for (int i = 0; i < n.size(); i++) {
            long from = i + by;
            out.add(from >= 0 && from < n.size() ? n.get((int) from) : fill);
        }
        return out;
    }

    /** Rotates left (sign 1) or right (-1). */
    private static Object rotate(Object[] a, int sign) {
        JsonNode n = Values.toDynamic(a[0]);
        if (!n.isArray()) {
            return null;
        }
        ArrayNode out = Values.array();
        int size = n.size();
        for (int i = 0; i < size; i++) {
            out.add(n.get((int) Math.floorMod(i + sign * Fn.lng(a[1]), (long) size)));
        }
        return out;
    }

    /** Element by element: true (or a non-zero number) takes when_true, false when_false, other values null. */
    private static Object iff(Object[] a) {
        if (a[0] == null || !Values.toDynamic(a[0]).isArray()) {
            return null;
        }
        JsonNode cond = Values.toDynamic(a[0]);
        ArrayNode out = Values.array();
        for (int i = 0; i < cond.size(); i++) {
            JsonNode c = cond.get(i);
            Boolean pick = c.isBoolean() ? (Boolean) c.booleanValue() : c.isNumber() ? (Boolean) (c.doubleValue() != 0)
                    : null;
            out.add(pick == null ? Values.NODES.nullNode() : element(pick ? a[1] : a[2], i));
        }
        return out;
    }

    /** The i-th element of an array (null past its end), or a scalar itself. */
    private static JsonNode element(Object v, int i) {
        JsonNode n = v == null ? Values.NODES.nullNode() : Values.toDynamic(v);
        if (n.isArray()) {
            JsonNode e = n.get(i);
            return e == null ? Values.NODES.nullNode() : e;
        }
        return n;
    }

    /** bag_set_key(bag, key or $.a.b path, value): a copy with the key set, nested bags made as needed. */
    private static Object setKey(Object[] a) {
        if (a[0] == null || !Values.toDynamic(a[0]).isObject() || a[1] == null) {
            return null;
        }
        ObjectNode bag = Values.toDynamic(a[0]).deepCopy();
        String key = Values.text(a[1]);
        List<String> path = key.startsWith("$.") ? List.of(key.substring(2).split("\\.")) : List.of(key);
        ObjectNode at = bag;
        for (String p : path.subList(0, path.size() - 1)) {
            ObjectNode next;
            if (at.get(p) instanceof ObjectNode existing) {
                next = existing;
            } else {
                next = Values.bag();
                at.set(p, next);
            }
            at = next;
        }
        at.set(path.get(path.size() - 1), a[2] == null ? Values.NODES.nullNode() : Values.toDynamic(a[2]));
        return bag;
    }
}
