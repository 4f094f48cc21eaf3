package io.github.camelloganalytics.result;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * The KQL column types and the Java type each becomes.
 * <p>
 * bool → Boolean, int → Integer, long → Long, real → Double, decimal → BigDecimal (exact, never through a double),
 * string → String, datetime → OffsetDateTime in UTC with every fractional digit the service sends, timespan →
 * Duration, guid → UUID, dynamic → plain JSON as Map (in key order), List, String, Number or Boolean. A JSON null is
 * null in every type.
 */
public enum ColumnType {
    /** KQL {@code bool}: {@link Boolean}. */
    BOOL("bool", Boolean.class),
    /** KQL {@code datetime}: {@link OffsetDateTime} in UTC, to the nanosecond the service sends (100 ns ticks). */
    DATETIME("datetime", OffsetDateTime.class),
    /** KQL {@code dynamic}: a Map, List, String, Number, Boolean or null, as the JSON value is. */
    DYNAMIC("dynamic", Object.class),
    /** KQL {@code int}: {@link Integer}. */
    INT("int", Integer.class),
    /** KQL {@code long}: {@link Long}. */
    LONG("long", Long.class),
    /** KQL {@code real}: {@link Double}, including NaN and the infinities. */
    REAL("real", Double.class),
    /** KQL {@code string}: {@link String}. */
    STRING("string", String.class),
    /** KQL {@code guid}: {@link UUID}. */
    GUID("guid", UUID.class),
    /** KQL {@code decimal}: {@link BigDecimal}, exact to the last digit sent. */
    DECIMAL("decimal", BigDecimal.class),
    /** KQL {@code timespan}: {@link Duration}. */
    TIMESPAN("timespan", Duration.class);

    /** How much of an offending value an error message quotes: enough to recognise it, never a whole document. */
    private static final int MAX_QUOTED = 100;

    private final String kqlName;
    private final Class<?> javaType;

    ColumnType(String kqlName, Class<?> javaType) {
        this.kqlName = kqlName;
        this.javaType = javaType;
    }

    /**
     * The type's name in KQL and in the response's column declarations.
     *
     * @return the type's name in KQL and in the response's column declarations
     */
    public String kqlName() {
        return kqlName;
    }

    /**
     * The Java type values of this column have.
     *
     * @return the Java type values of this column have
     */
    public Class<?> javaType() {
        return javaType;
    }

    /**
     * The type a response declares for a column.
     *
     * @param name the declared type, in any case; KQL's aliases ({@code boolean}, {@code date}, {@code double},
     *             {@code time}, {@code uuid}, {@code uniqueid}) are understood too
     * @return the column type
     * @throws MalformedResultException when the name is null or not a KQL scalar type
     */
    public static ColumnType fromKql(String name) throws MalformedResultException {
        if (name != null) {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "bool":
                case "boolean":
                    return BOOL;
                case "datetime":
                case "date":
                    return DATETIME;
                case "dynamic":
                    return DYNAMIC;
                case "int":
                    return INT;
                case "long":
                    return LONG;
                case "real":
                case "double":
                    return REAL;
                case "string":
                    return STRING;
                case "guid":
                case "uuid":
                case "uniqueid":
                    return GUID;
                case "decimal":
                    return DECIMAL;
                case "timespan":
                case "time":
                    return TIMESPAN;
                default:
                    break;
            }
        }
        throw new MalformedResultException("Unknown column type " + (name == null ? "null" : '"' + truncate(name)
                + '"') + "; the query API declares only bool, datetime, dynamic, int, long, real, string, guid, "
                + "decimal and timespan");
    }

    /**
     * Reads the JSON value at the parser's current token as a value of this type, and leaves the parser on the
     * value's last token (the closing bracket of an object or array).
     * <p>
     * Besides each type's natural JSON form it accepts what the service and common serializers send: 0 and 1 and the
     * strings {@code "true"}/{@code "false"} for bool; the strings {@code "NaN"}, {@code "Infinity"} and
     * {@code "-Infinity"} for real; a string whose text is exactly a value of the type for long, int and real, as
     * Microsoft's API examples write them ({@code "1"}, {@code "1.286"}: an optional minus and digits for long and int,
     * within their range; a JSON number for real); a JSON integer for real; a string or a number of any length for
     * decimal; any scalar for string (its text);
     * an ISO 8601 offset datetime for datetime (moved to UTC). A dynamic value that arrives as a string holding a JSON
     * object or array is parsed; if that text is not valid JSON it stays a String.
     *
     * @param p a parser positioned on the value's first token
     * @return the value as {@link #javaType()}, or null for a JSON null
     * @throws MalformedResultException when the value cannot be of this type; the message names the type and quotes
     *                                  the value
     * @throws IOException              when the parser fails to read the value
     */
    public Object read(JsonParser p) throws IOException {
        return read(p, new ValueCache(false));
    }

    /**
     * {@link #read(JsonParser)} with the cache of the read in progress, so that values repeated down a result are
     * shared.
     */
    Object read(JsonParser p, ValueCache cache) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == null) {
            throw new MalformedResultException("Expected a value of KQL type " + kqlName + " but the input ended");
        }
        switch (this) {
            case STRING:
                return readString(p, t, cache);
            case DATETIME:
                if (t == JsonToken.VALUE_STRING) {
                    OffsetDateTime v = ValueParsers.parseDateTime(p.getTextCharacters(), p.getTextOffset(),
                            p.getTextLength(), cache);
                    if (v != null) {
                        return v;
                    }
                }
                throw wrongValue(p, t);
            case LONG:
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    JsonParser.NumberType nt = p.getNumberType();
                    if (nt == JsonParser.NumberType.INT || nt == JsonParser.NumberType.LONG) {
                        return p.getLongValue();
                    }
                } else if (t == JsonToken.VALUE_STRING) {
                    Long v = ValueParsers.parseLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    if (v != null) {
                        return v;
                    }
                }
                throw wrongValue(p, t);
            case INT:
                if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                    return p.getIntValue();
                }
                if (t == JsonToken.VALUE_STRING) {
                    Long v = ValueParsers.parseLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    if (v != null && v == v.intValue()) {
                        return v.intValue();
                    }
                }
                throw wrongValue(p, t);
            case REAL:
                return readReal(p, t);
            case BOOL:
                return readBool(p, t);
            case GUID:
                if (t == JsonToken.VALUE_STRING) {
                    UUID v = ValueParsers.parseGuid(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    if (v != null) {
                        return v;
                    }
                }
                throw wrongValue(p, t);
            case TIMESPAN:
                if (t == JsonToken.VALUE_STRING) {
                    Duration v = ValueParsers.parseTimespan(p.getTextCharacters(), p.getTextOffset(),
                            p.getTextLength());
                    if (v != null) {
                        return v;
                    }
                }
                throw wrongValue(p, t);
            case DECIMAL:
                return readDecimal(p, t);
            case DYNAMIC:
                return readDynamic(p, t, cache);
            default:
                throw new IllegalStateException("Unhandled column type " + this);
        }
    }

    private String readString(JsonParser p, JsonToken t, ValueCache cache) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            int length = p.getTextLength();
            return length <= ValueCache.MAX_SHARED_LENGTH
                    ? cache.string(p.getTextCharacters(), p.getTextOffset(), length) : p.getText();
        }
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT
                || t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return p.getText();
        }
        throw wrongValue(p, t);
    }

    private Double readReal(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            // the service writes non-finite reals as strings because JSON has no literal for them
            switch (p.getText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                case "+Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    // Microsoft's API examples write reals as strings ("1.286"): read one when it is a JSON number
                    Double v = ValueParsers.parseJsonNumber(p.getText());
                    if (v != null) {
                        return v;
                    }
                    break;
            }
        }
        throw wrongValue(p, t);
    }

    private Boolean readBool(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.INT) {
                    int v = p.getIntValue();
                    if (v == 0 || v == 1) {
                        return v == 1;
                    }
                }
                break;
            case VALUE_STRING:
                String s = p.getText();
                if ("true".equalsIgnoreCase(s)) {
                    return Boolean.TRUE;
                }
                if ("false".equalsIgnoreCase(s)) {
                    return Boolean.FALSE;
                }
                break;
            default:
                break;
        }
        throw wrongValue(p, t);
    }

    private BigDecimal readDecimal(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            try {
                // from the text, so digits beyond a double's precision survive
                return new BigDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
            } catch (NumberFormatException e) {
                throw wrongValue(p, t);
            }
        }
        throw wrongValue(p, t);
    }

    private Object readDynamic(JsonParser p, JsonToken t, ValueCache cache) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            char[] chars = p.getTextCharacters();
            int offset = p.getTextOffset();
            int length = p.getTextLength();
            if (!looksLikeJsonContainer(chars, offset, length)) {
                return p.getText();
            }
            Object value = cache.embeddedJson().read(chars, offset, length);
            return value != EmbeddedJson.DECLINED ? value : parseEmbedded(new String(chars, offset, length));
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY || t.isScalarValue()) {
            return JsonSupport.readValue(p);
        }
        throw wrongValue(p, t);
    }

    private static boolean looksLikeJsonContainer(char[] chars, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            char c = chars[i];
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /**
     * The JSON a dynamic value carries as text, or the text itself when it is not one whole JSON value: with Jackson,
     * for the texts {@link EmbeddedJson} declines, and as the reference it is tested against.
     */
    static Object parseEmbedded(String s) {
        try (JsonParser inner = JsonSupport.FACTORY.createParser(s)) {
            inner.nextToken();
            Object value = JsonSupport.readValue(inner);
            return inner.nextToken() == null ? value : s;
        } catch (IOException e) {
            // text that merely starts like JSON is still a legitimate string value
            return s;
        }
    }

    private MalformedResultException wrongValue(JsonParser p, JsonToken t) throws IOException {
        String found;
        switch (t) {
            case START_OBJECT:
                found = "a JSON object";
                break;
            case START_ARRAY:
                found = "a JSON array";
                break;
            case VALUE_STRING:
                found = '"' + truncate(p.getText()) + '"';
                break;
            default:
                found = truncate(p.getText());
                break;
        }
        return new MalformedResultException("Expected a value of KQL type " + kqlName + " but found " + found);
    }

    private static String truncate(String s) {
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED) + "...(" + s.length() + " chars)";
    }
}
