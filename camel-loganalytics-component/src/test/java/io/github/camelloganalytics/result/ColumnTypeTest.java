package io.github.camelloganalytics.result;

import com.fasterxml.jackson.core.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColumnTypeTest {

    /** Reads one JSON value as the type and checks the parser was left on the value's last token. */
    private static Object read(ColumnType type, String json) throws IOException {
        try (JsonParser p = JsonSupport.FACTORY.createParser(json)) {
            p.nextToken();
            Object value = type.read(p);
            assertNull(p.nextToken(), "the parser must stop on the value's last token");
            return value;
        }
    }

    private static <T> T read(ColumnType type, String json, Class<T> expected) throws IOException {
        Object value = read(type, json);
        assertInstanceOf(expected, value);
        return expected.cast(value);
    }

    private static MalformedResultException malformed(ColumnType type, String json) {
        return assertThrows(MalformedResultException.class, () -> read(type, json));
    }

    @Test
    void fromKqlKnowsEveryTypeInAnyCase() throws Exception {
        for (ColumnType t : ColumnType.values()) {
            assertSame(t, ColumnType.fromKql(t.kqlName()));
            assertSame(t, ColumnType.fromKql(t.kqlName().toUpperCase()));
        }
        assertSame(ColumnType.DATETIME, ColumnType.fromKql("DateTime"));
        assertSame(ColumnType.BOOL, ColumnType.fromKql("boolean"));
        assertSame(ColumnType.REAL, ColumnType.fromKql("double"));
        assertSame(ColumnType.GUID, ColumnType.fromKql("uniqueid"));
        assertSame(ColumnType.TIMESPAN, ColumnType.fromKql("time"));
        assertSame(ColumnType.DATETIME, ColumnType.fromKql("date"));
    }

    @Test
    void fromKqlRejectsUnknownTypesByName() {
        MalformedResultException e = assertThrows(MalformedResultException.class,
                () -> ColumnType.fromKql("int128"));
        assertTrue(e.getMessage().contains("\"int128\""), e.getMessage());
        assertThrows(MalformedResultException.class, () -> ColumnType.fromKql(null));
        assertThrows(MalformedResultException.class, () -> ColumnType.fromKql(""));
    }

    @Test
    void nullIsNullInEveryType() throws Exception {
        for (ColumnType t : ColumnType.values()) {
            assertNull(read(t, "null"), t.kqlName());
        }
    }

    @Test
    void bool() throws Exception {
        assertEquals(Boolean.TRUE, read(ColumnType.BOOL, "true", Boolean.class));
        assertEquals(Boolean.FALSE, read(ColumnType.BOOL, "false", Boolean.class));
        assertEquals(Boolean.TRUE, read(ColumnType.BOOL, "1", Boolean.class));
        assertEquals(Boolean.FALSE, read(ColumnType.BOOL, "0", Boolean.class));
        assertEquals(Boolean.TRUE, read(ColumnType.BOOL, "\"true\"", Boolean.class));
        assertEquals(Boolean.FALSE, read(ColumnType.BOOL, "\"False\"", Boolean.class));
        malformed(ColumnType.BOOL, "2");
        malformed(ColumnType.BOOL, "\"yes\"");
        malformed(ColumnType.BOOL, "0.0");
        malformed(ColumnType.BOOL, "{}");
    }

    @Test
    void intKeepsToItsRange() throws Exception {
        assertEquals(42, read(ColumnType.INT, "42", Integer.class));
        assertEquals(Integer.MIN_VALUE, read(ColumnType.INT, "-2147483648", Integer.class));
        assertEquals(Integer.MAX_VALUE, read(ColumnType.INT, "2147483647", Integer.class));
        MalformedResultException e = malformed(ColumnType.INT, "2147483648");
        assertTrue(e.getMessage().contains("int") && e.getMessage().contains("2147483648"), e.getMessage());
        malformed(ColumnType.INT, "-2147483649");
        malformed(ColumnType.INT, "1.5");
        // as text, only a text that is exactly an int is one
        assertEquals(12, read(ColumnType.INT, "\"12\"", Integer.class));
        assertEquals(Integer.MIN_VALUE, read(ColumnType.INT, "\"-2147483648\"", Integer.class));
        malformed(ColumnType.INT, "\"2147483648\"");
        malformed(ColumnType.INT, "\"1.5\"");
        malformed(ColumnType.INT, "\"+12\"");
        malformed(ColumnType.INT, "\" 12\"");
        malformed(ColumnType.INT, "true");
        e = malformed(ColumnType.INT, "{\"a\":1}");
        assertTrue(e.getMessage().contains("KQL type int") && e.getMessage().contains("object"), e.getMessage());
        malformed(ColumnType.INT, "[1]");
    }

    @Test
    void long_() throws Exception {
        assertEquals(5L, read(ColumnType.LONG, "5", Long.class));
        assertEquals(Long.MAX_VALUE, read(ColumnType.LONG, "9223372036854775807", Long.class));
        assertEquals(Long.MIN_VALUE, read(ColumnType.LONG, "-9223372036854775808", Long.class));
        malformed(ColumnType.LONG, "9223372036854775808");
        malformed(ColumnType.LONG, "2.0");
        malformed(ColumnType.LONG, "\"abc\"");
    }

    @Test
    void real() throws Exception {
        assertEquals(1.5, read(ColumnType.REAL, "1.5", Double.class));
        assertEquals(3.0, read(ColumnType.REAL, "3", Double.class));
        assertEquals(-2.5e-300, read(ColumnType.REAL, "-2.5e-300", Double.class));
        assertEquals(0.1, read(ColumnType.REAL, "0.1", Double.class));
        assertTrue(read(ColumnType.REAL, "\"NaN\"", Double.class).isNaN());
        assertEquals(Double.POSITIVE_INFINITY, read(ColumnType.REAL, "\"Infinity\"", Double.class));
        assertEquals(Double.NEGATIVE_INFINITY, read(ColumnType.REAL, "\"-Infinity\"", Double.class));
        assertTrue(read(ColumnType.REAL, "NaN", Double.class).isNaN());
        MalformedResultException e = malformed(ColumnType.REAL, "\"abc\"");
        assertTrue(e.getMessage().contains("real") && e.getMessage().contains("\"abc\""), e.getMessage());
        malformed(ColumnType.REAL, "true");
        malformed(ColumnType.REAL, "[]");
    }

    @Test
    void decimalNeverLosesPrecision() throws Exception {
        assertEquals(new BigDecimal("79228162514264337593543950335"),
                read(ColumnType.DECIMAL, "\"79228162514264337593543950335\"", BigDecimal.class));
        assertEquals(new BigDecimal("79228162514264337593543950335"),
                read(ColumnType.DECIMAL, "79228162514264337593543950335", BigDecimal.class));
        BigDecimal fraction = read(ColumnType.DECIMAL, "\"0.1234567890123456789\"", BigDecimal.class);
        assertEquals("0.1234567890123456789", fraction.toPlainString());
        assertEquals(19, fraction.scale());
        assertEquals("0.1234567890123456789",
                read(ColumnType.DECIMAL, "0.1234567890123456789", BigDecimal.class).toPlainString());
        assertEquals("-12.50", read(ColumnType.DECIMAL, "\"-12.50\"", BigDecimal.class).toPlainString());
        assertEquals(new BigDecimal("1E+3"), read(ColumnType.DECIMAL, "1E+3", BigDecimal.class));
        assertEquals(new BigDecimal("7"), read(ColumnType.DECIMAL, "7", BigDecimal.class));
        malformed(ColumnType.DECIMAL, "\"abc\"");
        malformed(ColumnType.DECIMAL, "\"\"");
        malformed(ColumnType.DECIMAL, "true");
        malformed(ColumnType.DECIMAL, "{}");
    }

    @Test
    void stringTakesAnyScalarAsText() throws Exception {
        assertEquals("hello", read(ColumnType.STRING, "\"hello\"", String.class));
        assertEquals("", read(ColumnType.STRING, "\"\"", String.class));
        assertEquals("é\u00e8\n\"", read(ColumnType.STRING, "\"\\u00e9è\\n\\\"\"", String.class));
        assertEquals("12", read(ColumnType.STRING, "12", String.class));
        assertEquals("1.50", read(ColumnType.STRING, "1.50", String.class));
        assertEquals("true", read(ColumnType.STRING, "true", String.class));
        malformed(ColumnType.STRING, "{\"a\":1}");
        malformed(ColumnType.STRING, "[\"a\"]");
    }

    @Test
    void datetimeKeepsAllSevenFractionalDigits() throws Exception {
        OffsetDateTime t = read(ColumnType.DATETIME, "\"2024-03-01T12:34:56.1234567Z\"", OffsetDateTime.class);
        assertEquals(OffsetDateTime.of(2024, 3, 1, 12, 34, 56, 123_456_700, ZoneOffset.UTC), t);
        assertSame(ZoneOffset.UTC, t.getOffset());
        assertEquals(123_456_700, t.getNano());
    }

    @Test
    void datetimeWithFewerDigitsOrNone() throws Exception {
        assertEquals(OffsetDateTime.of(2024, 3, 1, 12, 34, 56, 0, ZoneOffset.UTC),
                read(ColumnType.DATETIME, "\"2024-03-01T12:34:56Z\""));
        assertEquals(OffsetDateTime.of(2024, 3, 1, 12, 34, 56, 500_000_000, ZoneOffset.UTC),
                read(ColumnType.DATETIME, "\"2024-03-01T12:34:56.5Z\""));
        assertEquals(OffsetDateTime.of(2024, 3, 1, 12, 34, 56, 120_000_000, ZoneOffset.UTC),
                read(ColumnType.DATETIME, "\"2024-03-01T12:34:56.120Z\""));
        assertEquals(OffsetDateTime.of(2024, 3, 1, 12, 34, 56, 123_456_789, ZoneOffset.UTC),
                read(ColumnType.DATETIME, "\"2024-03-01T12:34:56.123456789Z\""));
        assertEquals(OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                read(ColumnType.DATETIME, "\"0001-01-01T00:00:00Z\""));
        assertEquals(OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_900, ZoneOffset.UTC),
                read(ColumnType.DATETIME, "\"9999-12-31T23:59:59.9999999Z\""));
        assertEquals(OffsetDateTime.of(2024, 2, 29, 0, 0, 0, 0, ZoneOffset.UTC),
                read(ColumnType.DATETIME, "\"2024-02-29T00:00:00Z\""));
    }

    @Test
    void datetimeWithAnOffsetIsMovedToUtc() throws Exception {
        OffsetDateTime t = read(ColumnType.DATETIME, "\"2024-03-01T12:34:56.1234567+02:00\"", OffsetDateTime.class);
        assertEquals(OffsetDateTime.of(2024, 3, 1, 10, 34, 56, 123_456_700, ZoneOffset.UTC), t);
        assertSame(ZoneOffset.UTC, t.getOffset());
        assertEquals(OffsetDateTime.of(2024, 3, 1, 5, 30, 0, 0, ZoneOffset.UTC),
                read(ColumnType.DATETIME, "\"2024-02-29T23:00:00-06:30\""));
        assertEquals(OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC),
                read(ColumnType.DATETIME, "\"2024-03-01T12:00:00+00:00\""));
        assertEquals(OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC),
                read(ColumnType.DATETIME, "\"2024-03-01T12:00:00\""), "no offset means UTC in KQL");
    }

    @Test
    void datetimeFastPathAgreesWithTheJdk() throws Exception {
        String[] samples = {"2024-03-01T12:34:56.1234567Z", "1970-01-01T00:00:00Z", "2000-12-31T23:59:59.9Z",
                "2023-07-04T01:02:03.04Z", "2100-06-15T18:00:00.000000001Z"};
        for (String s : samples) {
            assertEquals(OffsetDateTime.parse(s), read(ColumnType.DATETIME, '"' + s + '"'), s);
        }
    }

    @Test
    void datetimeRejectsWhatIsNotOne() {
        MalformedResultException e = malformed(ColumnType.DATETIME, "\"abc\"");
        assertTrue(e.getMessage().contains("datetime") && e.getMessage().contains("\"abc\""), e.getMessage());
        malformed(ColumnType.DATETIME, "\"2024-02-30T00:00:00Z\"");
        malformed(ColumnType.DATETIME, "\"2024-03-01T25:00:00Z\"");
        malformed(ColumnType.DATETIME, "\"2024-03-01T12:34:56.1234567890Z\"");
        malformed(ColumnType.DATETIME, "\"2024-03-01\"");
        malformed(ColumnType.DATETIME, "\"\"");
        malformed(ColumnType.DATETIME, "1709296496");
        malformed(ColumnType.DATETIME, "{}");
    }

    @Test
    void badValuesAreQuotedShort() {
        String longText = "x".repeat(5000);
        MalformedResultException e = malformed(ColumnType.DATETIME, '"' + longText + '"');
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        assertTrue(e.getMessage().contains("5000 chars"), e.getMessage());
    }

    @Test
    void timespan() throws Exception {
        assertEquals(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(500),
                read(ColumnType.TIMESPAN, "\"1.02:03:04.5000000\"", Duration.class));
        assertEquals(Duration.ofMillis(-1500), read(ColumnType.TIMESPAN, "\"-00:00:01.5\"", Duration.class));
        assertEquals(Duration.ZERO, read(ColumnType.TIMESPAN, "\"00:00:00\"", Duration.class));
        assertEquals(Duration.ofHours(23).plusMinutes(59).plusSeconds(59),
                read(ColumnType.TIMESPAN, "\"23:59:59\"", Duration.class));
        assertEquals(Duration.ofDays(-3).minusHours(4),
                read(ColumnType.TIMESPAN, "\"-3.04:00:00\"", Duration.class));
        assertEquals(Duration.ofNanos(100), read(ColumnType.TIMESPAN, "\"00:00:00.0000001\"", Duration.class));
        assertEquals(Duration.ofDays(365), read(ColumnType.TIMESPAN, "\"365.00:00:00\"", Duration.class));
    }

    @Test
    void timespanExtremesAreDotNetsMinAndMax() throws Exception {
        // TimeSpan.MaxValue and MinValue: Long.MAX_VALUE and Long.MIN_VALUE ticks of 100 ns
        Duration max = read(ColumnType.TIMESPAN, "\"10675199.02:48:05.4775807\"", Duration.class);
        assertEquals(Duration.ofSeconds(Long.MAX_VALUE / 10_000_000, (Long.MAX_VALUE % 10_000_000) * 100), max);
        Duration min = read(ColumnType.TIMESPAN, "\"-10675199.02:48:05.4775808\"", Duration.class);
        assertEquals(Duration.ofSeconds(Long.MIN_VALUE / 10_000_000, (Long.MIN_VALUE % 10_000_000) * 100), min);
    }

    @Test
    void timespanRejectsWhatIsNotOne() {
        MalformedResultException e = malformed(ColumnType.TIMESPAN, "\"abc\"");
        assertTrue(e.getMessage().contains("timespan") && e.getMessage().contains("\"abc\""), e.getMessage());
        malformed(ColumnType.TIMESPAN, "\"\"");
        malformed(ColumnType.TIMESPAN, "\"-\"");
        malformed(ColumnType.TIMESPAN, "\"12:00\"");
        malformed(ColumnType.TIMESPAN, "\"24:00:00\"");
        malformed(ColumnType.TIMESPAN, "\"1.00:60:00\"");
        malformed(ColumnType.TIMESPAN, "\"00:00:60\"");
        malformed(ColumnType.TIMESPAN, "\"00:00:01.\"");
        malformed(ColumnType.TIMESPAN, "\"00:00:01.5x\"");
        malformed(ColumnType.TIMESPAN, "\"PT1H\"");
        malformed(ColumnType.TIMESPAN, "3600");
    }

    @Test
    void guid() throws Exception {
        String s = "0f8fad5b-d9cb-469f-a165-70867728950e";
        assertEquals(UUID.fromString(s), read(ColumnType.GUID, '"' + s + '"', UUID.class));
        assertEquals(UUID.fromString(s), read(ColumnType.GUID, '"' + s.toUpperCase() + '"', UUID.class));
        String high = "ffffffff-ffff-ffff-ffff-ffffffffffff";
        assertEquals(UUID.fromString(high), read(ColumnType.GUID, '"' + high + '"', UUID.class));
        assertEquals(new UUID(0, 0), read(ColumnType.GUID, "\"00000000-0000-0000-0000-000000000000\""));
        MalformedResultException e = malformed(ColumnType.GUID, "\"not-a-guid\"");
        assertTrue(e.getMessage().contains("guid") && e.getMessage().contains("not-a-guid"), e.getMessage());
        malformed(ColumnType.GUID, "\"0f8fad5b-d9cb-469f-a165-70867728950g\"");
        malformed(ColumnType.GUID, "42");
    }

    @Test
    void dynamicObjectKeepsKeyOrderAndNaturalTypes() throws Exception {
        Object v = read(ColumnType.DYNAMIC,
                "{\"z\":1,\"a\":[true,null,\"x\",5000000000,1.5,123456789012345678901234567890],\"m\":{\"d\":{}}}");
        assertInstanceOf(LinkedHashMap.class, v);
        Map<?, ?> map = (Map<?, ?>) v;
        assertEquals(List.of("z", "a", "m"), new ArrayList<>(map.keySet()));
        assertEquals(Integer.valueOf(1), map.get("z"));
        List<?> list = (List<?>) map.get("a");
        assertEquals(Arrays.asList(true, null, "x", 5_000_000_000L, 1.5,
                new BigInteger("123456789012345678901234567890")), list);
        assertInstanceOf(Long.class, list.get(3));
        assertInstanceOf(Double.class, list.get(4));
        assertEquals(Map.of("d", Map.of()), map.get("m"));
    }

    @Test
    void dynamicAsJsonTextIsParsed() throws Exception {
        assertEquals(Map.of("a", 1, "b", List.of("c")),
                read(ColumnType.DYNAMIC, "\"{\\\"a\\\":1,\\\"b\\\":[\\\"c\\\"]}\""));
        assertInstanceOf(LinkedHashMap.class, read(ColumnType.DYNAMIC, "\"{\\\"a\\\":1}\""));
        assertEquals(List.of(1, 2), read(ColumnType.DYNAMIC, "\"  [1, 2] \""));
    }

    @Test
    void dynamicPlainOrBrokenTextStaysText() throws Exception {
        assertEquals("hello", read(ColumnType.DYNAMIC, "\"hello\"", String.class));
        assertEquals("", read(ColumnType.DYNAMIC, "\"\"", String.class));
        assertEquals("{not json", read(ColumnType.DYNAMIC, "\"{not json\"", String.class));
        assertEquals("[1] and more", read(ColumnType.DYNAMIC, "\"[1] and more\"", String.class));
        assertEquals("42", read(ColumnType.DYNAMIC, "\"42\"", String.class));
    }

    @Test
    void dynamicArrayAndScalars() throws Exception {
        assertEquals(List.of(Map.of("k", "v"), List.of()), read(ColumnType.DYNAMIC, "[{\"k\":\"v\"},[]]"));
        assertEquals(7, read(ColumnType.DYNAMIC, "7", Integer.class));
        assertEquals(2.5, read(ColumnType.DYNAMIC, "2.5", Double.class));
        assertEquals(Boolean.FALSE, read(ColumnType.DYNAMIC, "false", Boolean.class));
    }

    @Test
    void valueParsersWorkOnBufferSlices() {
        char[] buf = "xx2024-03-01T12:34:56.1234567Zyy".toCharArray();
        assertEquals(OffsetDateTime.of(2024, 3, 1, 12, 34, 56, 123_456_700, ZoneOffset.UTC),
                ValueParsers.parseDateTime(buf, 2, 28, new ValueCache()));
        char[] span = "[1.02:03:04]".toCharArray();
        assertEquals(Duration.ofSeconds(93784), ValueParsers.parseTimespan(span, 1, 10));
        char[] guid = "{0f8fad5b-d9cb-469f-a165-70867728950e}".toCharArray();
        assertEquals(UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"), ValueParsers.parseGuid(guid, 1, 36));
    }
}
