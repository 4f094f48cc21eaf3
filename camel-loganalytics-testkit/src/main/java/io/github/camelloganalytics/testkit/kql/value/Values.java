package io.github.camelloganalytics.testkit.kql.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelloganalytics.testkit.data.ColumnType;

/**
 * KQL value semantics over the Java values a column holds (bool {@link Boolean}, int {@link Integer}, long
 * {@link Long}, real {@link Double}, decimal {@link BigDecimal}, string {@link String}, datetime {@link Instant},
 * timespan {@link Duration}, guid {@link UUID}, dynamic {@link JsonNode}; null in each): comparison, equality,
 * text forms, numeric promotion and the conversions the {@code to*()} functions make.
 */
public final class Values {

    /** The JSON mapper dynamic values are read and written with. */
    public static final ObjectMapper JSON = new ObjectMapper();

    /** Builds dynamic values. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Values() {
    }

    /**
     * @param  value a held value
     * @return       its KQL type, or null for null
     */
    public static ColumnType typeOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean) {
            return ColumnType.BOOL;
        }
        if (value instanceof Integer) {
            return ColumnType.INT;
        }
        if (value instanceof Long) {
            return ColumnType.LONG;
        }
        if (value instanceof Double) {
            return ColumnType.REAL;
        }
        if (value instanceof BigDecimal) {
            return ColumnType.DECIMAL;
        }
        if (value instanceof String) {
            return ColumnType.STRING;
        }
        if (value instanceof Instant) {
            return ColumnType.DATETIME;
        }
        if (value instanceof Duration) {
            return ColumnType.TIMESPAN;
        }
        if (value instanceof UUID) {
            return ColumnType.GUID;
        }
        return ColumnType.DYNAMIC;
    }

    /**
     * The text {@code tostring()} gives: empty for null, the service's forms for datetime and timespan, JSON for
     * dynamic arrays and bags, the plain text of a dynamic string.
     *
     * @param  value a held value or null
     * @return       its text
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return realText(d);
        }
        if (value instanceof JsonNode n && n.isNull()) {
            return "";
        }
        return typeOf(value).text(value);
    }

    /** Reals print as .NET does: integral values without a fraction, NaN and infinities by name. */
    public static String realText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        String s = Double.toString(d);
        if (s.contains("E")) {
            BigDecimal bd = new BigDecimal(s);
            if (Math.abs(d) >= 1e-5 && Math.abs(d) < 1e15) {
                return bd.stripTrailingZeros().toPlainString();
            }
            return String.format(Locale.ROOT, "%s", s.replace("E", "E+").replace("E+-", "E-"));
        }
        return s;
    }

    /** @return true when the value is a number of any numeric type */
    public static boolean isNumber(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof BigDecimal;
    }

    /**
     * @param  v a number (or a dynamic number)
     * @return   it as a double
     */
    public static double toDouble(Object v) {
        if (v instanceof JsonNode n) {
            return n.asDouble();
        }
        return ((Number) v).doubleValue();
    }

    /**
     * @param  v a number
     * @return   it as a decimal
     */
    public static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal bd) {
            return bd;
        }
        if (v instanceof Double d) {
            return new BigDecimal(d, MathContext.DECIMAL128);
        }
        return BigDecimal.valueOf(((Number) v).longValue());
    }

    /**
     * Compares two non-null values of comparable types: numbers by value across types, datetimes, timespans,
     * strings ordinally, bools false before true, guids by their text, dynamic values by their JSON value.
     *
     * @param  x a value
     * @param  y a value
     * @return   negative, zero or positive
     */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public static int compare(Object x, Object y) {
        if (x instanceof JsonNode jx && !(y instanceof JsonNode)) {
            Object ux = unwrap(jx);
            if (ux instanceof JsonNode) {
                return text(x).compareTo(text(y));
            }
            return compare(ux, y);
        }
        if (y instanceof JsonNode jy && !(x instanceof JsonNode)) {
            return -compare(y, x);
        }
        if (isNumber(x) && isNumber(y)) {
            if (x instanceof BigDecimal || y instanceof BigDecimal) {
                return toDecimal(x).compareTo(toDecimal(y));
            }
            if (x instanceof Double || y instanceof Double) {
                return Double.compare(toDouble(x), toDouble(y));
            }
            return Long.compare(((Number) x).longValue(), ((Number) y).longValue());
        }
        if (x instanceof UUID || y instanceof UUID) {
            return text(x).toLowerCase(Locale.ROOT).compareTo(text(y).toLowerCase(Locale.ROOT));
        }
        if (x instanceof JsonNode && y instanceof JsonNode) {
            Object ux = unwrap((JsonNode) x);
            Object uy = unwrap((JsonNode) y);
            if (!(ux instanceof JsonNode) && !(uy instanceof JsonNode) && ux != null && uy != null) {
                return compare(ux, uy);
            }
            return text(x).compareTo(text(y));
        }
        if (x.getClass() == y.getClass() && x instanceof Comparable) {
            return ((Comparable) x).compareTo(y);
        }
        return text(x).compareTo(text(y));
    }

    /**
     * KQL {@code ==}: null when either side is null, numbers by value, dynamic by JSON equality.
     *
     * @param  x a value
     * @param  y a value
     * @return   the comparison's result, or null
     */
    public static Boolean equal(Object x, Object y) {
        if (x == null || y == null) {
            return null;
        }
        if (x instanceof JsonNode jx && jx.isNull() || y instanceof JsonNode jy && jy.isNull()) {
            return null;
        }
        if (x instanceof JsonNode jx && y instanceof JsonNode jy) {
            Object ux = unwrap(jx);
            Object uy = unwrap(jy);
            if (ux instanceof JsonNode || uy instanceof JsonNode) {
                return jx.equals(jy);
            }
            return compare(ux, uy) == 0;
        }
        if (x instanceof String && !(y instanceof String) || y instanceof String && !(x instanceof String)) {
            if (x instanceof UUID || y instanceof UUID || x instanceof JsonNode || y instanceof JsonNode) {
                return text(x).equalsIgnoreCase(text(y)) && (x instanceof UUID || y instanceof UUID)
                        || text(x).equals(text(y));
            }
            return false;
        }
        return compare(x, y) == 0;
    }

    /**
     * @param  v a held value
     * @return   the key it groups and de-duplicates by: equal KQL values give equal keys
     */
    public static Object key(Object v) {
        if (v instanceof BigDecimal bd) {
            return bd.stripTrailingZeros();
        }
        if (v instanceof Integer i) {
            return (long) i;
        }
        if (v instanceof JsonNode n) {
            return n.isNull() ? null : n.toString();
        }
        return v;
    }

    /**
     * @param  node a dynamic value
     * @return      the scalar it holds as a Java value (long, real, bool, string), null for JSON null, or the node
     *              itself for an array or bag
     */
    public static Object unwrap(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        return node;
    }

    /**
     * @param  value any held value
     * @return       the dynamic value holding it
     */
    public static JsonNode toDynamic(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i.longValue());
        }
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        }
        if (value instanceof BigDecimal bd) {
            return NODES.numberNode(bd);
        }
        return NODES.textNode(text(value));
    }

    /**
     * @param  text JSON text
     * @return      the dynamic value, or a dynamic string when the text is not JSON (as {@code parse_json} does)
     */
    public static JsonNode parseJson(String text) {
        try {
            JsonNode n = JSON.readTree(text);
            return n == null ? NODES.nullNode() : n;
        } catch (Exception e) {
            return NODES.textNode(text);
        }
    }

    /** @return a new empty dynamic array */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** @return a new empty property bag */
    public static ObjectNode bag() {
        return NODES.objectNode();
    }

    /**
     * @param  node a dynamic value
     * @return      its elements when it is an array, else null
     */
    public static Iterator<JsonNode> elements(JsonNode node) {
        return node != null && node.isArray() ? node.elements() : null;
    }

    /**
     * Converts a value to a type as the {@code to*()} functions do: null when it cannot be read as that type.
     *
     * @param  value the value
     * @param  type  the type wanted
     * @return       the converted value or null
     */
    public static Object convert(Object value, ColumnType type) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode n) {
            if (type == ColumnType.DYNAMIC) {
                return n;
            }
            Object u = unwrap(n);
            if (u == null) {
                return null;
            }
            if (u instanceof JsonNode) {
                return type == ColumnType.STRING ? text(n) : null;
            }
            value = u;
        }
        try {
            return switch (type) {
                case STRING -> text(value);
                case BOOL -> toBool(value);
                case INT, LONG -> {
                    Long l = toLong(value);
                    yield l == null || type == ColumnType.LONG ? l : (Object) (int) l.longValue();
                }
                case REAL -> toReal(value);
                case DECIMAL -> value instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO)
                        : isNumber(value) ? toDecimal(value)
                        : value instanceof String s ? new BigDecimal(s.trim()) : null;
                case DATETIME -> value instanceof Instant ? value
                        : value instanceof String s ? DateTimes.parse(s) : null;
                case TIMESPAN -> value instanceof Duration ? value
                        : value instanceof String s ? DateTimes.parseTimespan(s)
                        : isNumber(value) ? DateTimes.span(((Number) value).longValue()) : null;
                case GUID -> value instanceof UUID ? value
                        : value instanceof String s ? UUID.fromString(s.trim()) : null;
                case DYNAMIC -> value instanceof String s ? parseJson(s) : toDynamic(value);
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** tobool: bools, numbers (non-zero is true), and the texts true/false/1/0. */
    private static Boolean toBool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (isNumber(value)) {
            return toDouble(value) != 0;
        }
        String t = value instanceof String s ? s.trim() : null;
        if (t != null && (t.equalsIgnoreCase("true") || t.equals("1"))) {
            return true;
        }
        if (t != null && (t.equalsIgnoreCase("false") || t.equals("0"))) {
            return false;
        }
        return null;
    }

    /** tolong: bools as 1/0, numbers truncated, texts (integral or decimal), datetimes and timespans as ticks. */
    private static Long toLong(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (value instanceof Double d) {
            return Double.isNaN(d) || Double.isInfinite(d) ? null : (long) d.doubleValue();
        }
        if (isNumber(value)) {
            return ((Number) value).longValue();
        }
        if (value instanceof String s) {
            String t = s.trim();
            try {
                return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                return new BigDecimal(t).longValue();
            }
        }
        if (value instanceof Instant i) {
            return ticks(i);
        }
        return value instanceof Duration d ? DateTimes.ticks(d) : null;
    }

    /** toreal: bools as 1/0, numbers, texts (with nan, inf, -inf), timespans as ticks. */
    private static Double toReal(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (isNumber(value)) {
            return toDouble(value);
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (t.equalsIgnoreCase("nan")) {
                return Double.NaN;
            }
            if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("+inf")) {
                return Double.POSITIVE_INFINITY;
            }
            return t.equalsIgnoreCase("-inf") ? Double.NEGATIVE_INFINITY : Double.parseDouble(t);
        }
        return value instanceof Duration d ? (double) DateTimes.ticks(d) : null;
    }

    /** @return 100-ns ticks since 0001-01-01, the .NET epoch datetimes count from */
    public static long ticks(Instant i) {
        return (i.getEpochSecond() + 62135596800L) * 10_000_000L + i.getNano() / 100;
    }
}
