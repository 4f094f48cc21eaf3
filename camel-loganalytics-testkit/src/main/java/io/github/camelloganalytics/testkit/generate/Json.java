package io.github.camelloganalytics.testkit.generate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds the values of dynamic columns. */
final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {
    }

    /** @return an object of the given key/value pairs (values: String, Number, Boolean or a JSON node) */
    static ObjectNode object(Object... keyValues) {
        ObjectNode o = NODES.objectNode();
        for (int i = 0; i < keyValues.length; i += 2) {
            String k = (String) keyValues[i];
            Object v = keyValues[i + 1];
            if (v instanceof String s) {
                o.put(k, s);
            } else if (v instanceof Integer n) {
                o.put(k, n);
            } else if (v instanceof Long n) {
                o.put(k, n);
            } else if (v instanceof Double n) {
                o.put(k, n);
            } else if (v instanceof Boolean b) {
                o.put(k, b);
            } else if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
                o.set(k, n);
            } else if (v == null) {
                o.putNull(k);
            } else {
                o.put(k, v.toString());
            }
        }
        return o;
    }

    /** @return an array of the given values (String or JSON nodes) */
    static ArrayNode array(Object... values) {
        ArrayNode a = NODES.arrayNode();
        for (Object v : values) {
            if (v instanceof com.fasterxml.jackson.databind.JsonNode n) {
                a.add(n);
            } else {
                a.add(String.valueOf(v));
            }
        }
        return a;
    }
}
