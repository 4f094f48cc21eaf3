package io.github.camelloganalytics.testkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** The service's text forms of datetimes and timespans, and what a table accepts as values. */
class ColumnTypeTest {

    @Test
    void datetimesAlwaysCarrySevenFractionalDigits() {
        assertEquals("2024-03-01T12:34:56.0000000Z", ColumnType.formatDatetime(Instant.parse("2024-03-01T12:34:56Z")));
        assertEquals("2024-03-01T12:34:56.1234567Z",
                ColumnType.formatDatetime(Instant.parse("2024-03-01T12:34:56.123456789Z")));
        assertEquals(Instant.parse("2024-03-01T10:34:56.1234567Z"),
                ColumnType.DATETIME.coerce(OffsetDateTime.parse("2024-03-01T12:34:56.1234567+02:00")));
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), ColumnType.parseDatetime("2024-03-01"));
    }

    @Test
    void timespansUseTheConstantFormat() {
        assertEquals("1.02:03:04.5000000", ColumnType.formatTimespan(Duration.parse("P1DT2H3M4.5S")));
        assertEquals("00:05:00", ColumnType.formatTimespan(Duration.ofMinutes(5)));
        assertEquals("-00:00:01.0000001", ColumnType.formatTimespan(Duration.ofSeconds(-1).minusNanos(100)));
        assertEquals(Duration.parse("P1DT2H3M4.5S"), ColumnType.parseTimespan("1.02:03:04.5000000"));
        assertEquals(Duration.ofSeconds(-1).minusNanos(100), ColumnType.parseTimespan("-00:00:01.0000001"));
        assertEquals(Duration.ofMinutes(5), ColumnType.TIMESPAN.coerce("PT5M"));
    }

    @Test
    void coercionRefusesWhatIsNotTheType() {
        assertEquals(new BigDecimal("1.10"), ColumnType.DECIMAL.coerce("1.10"));
        assertEquals(3, ColumnType.INT.coerce(3L));
        assertThrows(IllegalArgumentException.class, () -> ColumnType.GUID.coerce("not-a-guid"));
        assertThrows(IllegalArgumentException.class, () -> ColumnType.BOOL.coerce("yes"));
        assertThrows(IllegalArgumentException.class, () -> new Table("T", java.util.List.of(
                Column.of("a", ColumnType.LONG))).addRow(1L, 2L));
        assertThrows(IllegalArgumentException.class, () -> new Table("T", java.util.List.of(
                Column.of("a", ColumnType.LONG), Column.of("a", ColumnType.STRING))));
    }
}
