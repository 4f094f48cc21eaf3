package io.github.camelloganalytics.testkit.data;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The KQL scalar types a column can have, with the one place that turns a Java value into the column's value and
 * that value into the service's JSON representation.
 *
 * <p>
 * Values held by a table: bool {@link Boolean}, int {@link Integer}, long {@link Long}, real {@link Double}, decimal
 * {@link BigDecimal}, string {@link String}, datetime {@link Instant}, timespan {@link Duration}, guid {@link UUID},
 * dynamic {@link JsonNode}. Null is allowed for every type.
 */
public enum ColumnType {
    /** KQL {@code bool}. */
    BOOL("bool"),
    /** KQL {@code int} (32 bit). */
    INT("int"),
    /** KQL {@code long} (64 bit). */
    LONG("long"),
    /** KQL {@code real} (double). */
    REAL("real"),
    /** KQL {@code decimal} (128 bit in the service; written as a string so no precision is lost). */
    DECIMAL("decimal"),
    /** KQL {@code string}. */
    STRING("string"),
    /** KQL {@code datetime}, always UTC. */
    DATETIME("datetime"),
    /** KQL {@code timespan}. */
    TIMESPAN("timespan"),
    /** KQL {@code guid}. */
    GUID("guid"),
    /** KQL {@code dynamic}: any JSON value, written as JSON text inside a string as the service does. */
    DYNAMIC("dynamic");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The service writes datetimes with all 7 fractional digits (100 ns ticks). */
    private static final DateTimeFormatter DATETIME_OUT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
            .appendLiteral('Z')
            .toFormatter(Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String kqlName;

    ColumnType(String kqlName) {
        this.kqlName = kqlName;
    }

    /** @return the name the service uses in a column's {@code type} */
    public String kqlName() {
        return kqlName;
    }

    /**
     * @param  name a KQL type name such as {@code datetime}
     * @return      the type
     * @throws IllegalArgumentException for a name that is not a KQL scalar type
     */
    public static ColumnType ofKqlName(String name) {
        for (ColumnType t : values()) {
            if (t.kqlName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Not a KQL column type: " + name);
    }

    /** @return true for int, long, real and decimal */
    public boolean isNumeric() {
        return this == INT || this == LONG || this == REAL || this == DECIMAL;
    }

    /**
     * Converts what a test hands over into the value this type holds, so tables never carry a value of the wrong
     * Java type.
     *
     * @param  value any of the accepted forms (the held type itself, a String in the service's text form, a Number,
     *               an {@link OffsetDateTime}, a Map/List for dynamic...)
     * @return       the held value, or null
     * @throws IllegalArgumentException when the value cannot be read as this type
     */
    public Object coerce(Object value) {
        if (value == null) {
            return null;
        }
        try {
            switch (this) {
                case BOOL:
                    if (value instanceof Boolean) {
                        return value;
                    }
                    if (value instanceof String && ("true".equalsIgnoreCase((String) value)
                            || "false".equalsIgnoreCase((String) value))) {
                        return Boolean.valueOf((String) value);
                    }
                    break;
                case INT:
                    if (value instanceof Number) {
                        return ((Number) value).intValue();
                    }
                    return Integer.valueOf(value.toString());
                case LONG:
                    if (value instanceof Number) {
                        return ((Number) value).longValue();
                    }
                    return Long.valueOf(value.toString());
                case REAL:
                    if (value instanceof Number) {
                        return ((Number) value).doubleValue();
                    }
                    return Double.valueOf(value.toString());
                case DECIMAL:
                    if (value instanceof BigDecimal) {
                        return value;
                    }
                    return new BigDecimal(value.toString());
                case STRING:
                    return value.toString();
                case DATETIME:
                    if (value instanceof Instant) {
                        return value;
                    }
                    if (value instanceof OffsetDateTime) {
                        return ((OffsetDateTime) value).toInstant();
                    }
                    return parseDatetime(value.toString());
                case TIMESPAN:
                    if (value instanceof Duration) {
                        return value;
                    }
                    return parseTimespan(value.toString());
                case GUID:
                    if (value instanceof UUID) {
                        return value;
                    }
                    return UUID.fromString(value.toString());
                case DYNAMIC:
                    if (value instanceof JsonNode) {
                        return value;
                    }
                    return JSON.valueToTree(value);
                default:
                    break;
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Cannot read " + value + " as " + kqlName, e);
        }
        throw new IllegalArgumentException("Cannot read " + value + " as " + kqlName);
    }

    /**
     * Writes a held value as the service writes it in a row.
     *
     * @param  gen        where to write
     * @param  value      a value this type holds, or null
     * @throws java.io.IOException when writing fails
     */
    public void write(JsonGenerator gen, Object value) throws java.io.IOException {
        if (value == null) {
            gen.writeNull();
            return;
        }
        switch (this) {
            case BOOL:
                gen.writeBoolean((Boolean) value);
                break;
            case INT:
                gen.writeNumber((Integer) value);
                break;
            case LONG:
                gen.writeNumber((Long) value);
                break;
            case REAL:
                double d = (Double) value;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    // JSON has no NaN/Infinity; the service writes them as strings
                    gen.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
                } else {
                    gen.writeNumber(d);
                }
                break;
            case DYNAMIC:
                gen.writeString(dynamicText((JsonNode) value));
                break;
            default:
                gen.writeString(text(value));
        }
    }

    /**
     * @param  value a held value, not null
     * @return       the service's text form of it (what {@code tostring()} gives in KQL)
     */
    public String text(Object value) {
        switch (this) {
            case DATETIME:
                return formatDatetime((Instant) value);
            case TIMESPAN:
                return formatTimespan((Duration) value);
            case DECIMAL:
                return ((BigDecimal) value).toPlainString();
            case DYNAMIC:
                return dynamicText((JsonNode) value);
            default:
                return value.toString();
        }
    }

    private static String dynamicText(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param  instant an instant
     * @return         e.g. {@code 2024-03-01T12:34:56.1234567Z}: all 7 fractional digits, as the service writes them
     */
    public static String formatDatetime(Instant instant) {
        return DATETIME_OUT.format(instant);
    }

    /**
     * @param  text an ISO 8601 date or date-time, with or without offset (UTC assumed without one)
     * @return      the instant
     */
    public static Instant parseDatetime(String text) {
        String t = text.trim();
        if (t.length() == 10) {
            return java.time.LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        t = t.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException e) {
            return java.time.LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }

    /**
     * @param  d a duration
     * @return   the .NET/Kusto constant form {@code [-][d.]hh:mm:ss[.fffffff]}, e.g. {@code 1.02:03:04.5000000}
     */
    public static String formatTimespan(Duration d) {
        boolean negative = d.isNegative();
        Duration a = d.abs();
        long days = a.toDays();
        long hours = a.toHoursPart();
        long minutes = a.toMinutesPart();
        long seconds = a.toSecondsPart();
        long ticks = a.toNanosPart() / 100;
        StringBuilder sb = new StringBuilder();
        if (negative) {
            sb.append('-');
        }
        if (days > 0) {
            sb.append(days).append('.');
        }
        sb.append(String.format(Locale.ROOT, "%02d:%02d:%02d", hours, minutes, seconds));
        if (ticks > 0) {
            sb.append(String.format(Locale.ROOT, ".%07d", ticks));
        }
        return sb.toString();
    }

    /**
     * @param  text {@code [-][d.]hh:mm:ss[.fffffff]} or an ISO 8601 duration ({@code PT5M})
     * @return      the duration
     */
    public static Duration parseTimespan(String text) {
        String t = text.trim();
        if (t.startsWith("P") || t.startsWith("-P")) {
            return Duration.parse(t);
        }
        boolean negative = t.startsWith("-");
        if (negative) {
            t = t.substring(1);
        }
        long days = 0;
        int colon = t.indexOf(':');
        int dot = t.indexOf('.');
        if (dot >= 0 && dot < colon) {
            days = Long.parseLong(t.substring(0, dot));
            t = t.substring(dot + 1);
        }
        String[] parts = t.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Not a timespan: " + text);
        }
        String secPart = parts[2];
        long nanos = 0;
        int fd = secPart.indexOf('.');
        if (fd >= 0) {
            String frac = (secPart.substring(fd + 1) + "000000000").substring(0, 9);
            nanos = Long.parseLong(frac);
            secPart = secPart.substring(0, fd);
        }
        Duration d = Duration.ofDays(days).plusHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                .plusSeconds(Long.parseLong(secPart)).plusNanos(nanos);
        return negative ? d.negated() : d;
    }
}
