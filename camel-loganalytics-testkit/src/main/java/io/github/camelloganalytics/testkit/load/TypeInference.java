package io.github.camelloganalytics.testkit.load;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelloganalytics.testkit.data.ColumnType;

/**
 * Infers a column's type from the values a data file holds for it, as a user would expect: ISO 8601 text is a
 * datetime, integers are long, other numbers real (and a column mixing both is real), {@code true}/{@code false}
 * bool, JSON objects and arrays dynamic, anything else string. Nulls and empty CSV fields say nothing; a column with
 * nothing but them is string.
 *
 * <p>
 * Feed every value with {@link #accept}, then read {@link #type()}.
 */
public final class TypeInference {

    /** ISO 8601 date or date-time, optionally with fraction and offset. */
    private static final Pattern ISO_DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}([.,]\\d{1,9})?)?(Z|[+-]\\d{2}(:?\\d{2})?)?)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern REAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ColumnType type;
    private boolean conflict;

    /**
     * Takes in a value read from JSON (a response row, an NDJSON object, a JSON array of objects).
     *
     * @param  value the JSON value, or null
     * @return       this inference
     */
    public TypeInference accept(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return this;
        }
        if (value.isBoolean()) {
            return seen(ColumnType.BOOL);
        }
        if (value.isIntegralNumber()) {
            return seen(value.canConvertToLong() ? ColumnType.LONG : ColumnType.REAL);
        }
        if (value.isNumber()) {
            return seen(ColumnType.REAL);
        }
        if (value.isContainerNode()) {
            return seen(ColumnType.DYNAMIC);
        }
        return seen(ISO_DATETIME.matcher(value.asText().trim()).matches() ? ColumnType.DATETIME : ColumnType.STRING);
    }

    /**
     * Takes in a value read as text (a CSV field).
     *
     * @param  text the text, or null; empty text is no value
     * @return      this inference
     */
    public TypeInference accept(String text) {
        if (text == null || text.isEmpty()) {
            return this;
        }
        return seen(ofText(text.trim()));
    }

    /** @return the inferred type */
    public ColumnType type() {
        if (conflict || type == null) {
            return ColumnType.STRING;
        }
        return type;
    }

    static ColumnType ofText(String t) {
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return ColumnType.BOOL;
        }
        if (INTEGER.matcher(t).matches()) {
            return ColumnType.LONG;
        }
        if (REAL.matcher(t).matches()) {
            return ColumnType.REAL;
        }
        if (ISO_DATETIME.matcher(t).matches()) {
            return ColumnType.DATETIME;
        }
        if ((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]"))) {
            return Values.parsesAsJson(t) ? ColumnType.DYNAMIC : ColumnType.STRING;
        }
        return ColumnType.STRING;
    }

    private TypeInference seen(ColumnType t) {
        if (type == null || type == t) {
            type = t;
        } else if (isNumber(type) && isNumber(t)) {
            type = ColumnType.REAL; // a column mixing integers and other numbers is real
        } else {
            conflict = true;
        }
        return this;
    }

    private static boolean isNumber(ColumnType t) {
        return t == ColumnType.LONG || t == ColumnType.REAL;
    }
}
