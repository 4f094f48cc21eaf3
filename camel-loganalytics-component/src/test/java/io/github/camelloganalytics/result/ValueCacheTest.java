package io.github.camelloganalytics.result;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * {@link ValueCache}: repeated values come out as one instance, and sharing never hands out a wrong value.
 */
class ValueCacheTest {

    private static List<List<Object>> rows(String columns, String rows) throws Exception {
        String body = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[" + columns + "],\"rows\":[" + rows
                + "]}]}";
        return new ResultReader().read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))
                .getPrimaryTable().getRows();
    }

    @Test
    void repeatedShortStringsInARowAreOneInstanceLongOnesAreNot() throws Exception {
        String longText = "x".repeat(ValueCache.MAX_SHARED_LENGTH + 1);
        List<List<Object>> rows = rows("{\"name\":\"Computer\",\"type\":\"string\"},{\"name\":\"Message\",\"type\":\"string\"}",
                "[\"vm-1\",\"" + longText + "\"],[\"vm-1\",\"" + longText + "\"],[\"vm-2\",\"" + longText + "\"]");
        assertSame(rows.get(0).get(0), rows.get(1).get(0));
        assertEquals("vm-2", rows.get(2).get(0));
        assertEquals(longText, rows.get(1).get(1));
        assertNotSame(rows.get(0).get(1), rows.get(1).get(1));
    }

    @Test
    void datetimesOfTheSameDayShareTheirDateAndOthersGetTheirOwn() throws Exception {
        List<List<Object>> rows = rows("{\"name\":\"TimeGenerated\",\"type\":\"datetime\"}",
                "[\"2026-01-01T00:00:01Z\"],[\"2026-01-01T23:59:59.9999999Z\"],[\"2026-01-02T00:00:00Z\"],"
                        + "[\"2026-01-01T12:00:00Z\"],[\"2025-01-01T12:00:00Z\"],[\"2026-02-01T12:00:00Z\"]");
        OffsetDateTime[] t = rows.stream().map(r -> (OffsetDateTime) r.get(0)).toArray(OffsetDateTime[]::new);
        assertSame(t[0].toLocalDate(), t[1].toLocalDate());
        assertEquals(OffsetDateTime.of(2026, 1, 1, 23, 59, 59, 999_999_900, ZoneOffset.UTC), t[1]);
        assertEquals(LocalDate.of(2026, 1, 2), t[2].toLocalDate());
        assertEquals(OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC), t[3]);
        assertEquals(LocalDate.of(2025, 1, 1), t[4].toLocalDate());
        assertEquals(LocalDate.of(2026, 2, 1), t[5].toLocalDate());
    }

    @Test
    void stringsThatShareASlotAreNeverMixedUp() {
        ValueCache cache = new ValueCache();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            char[] text = new char[random.nextInt(ValueCache.MAX_SHARED_LENGTH + 1)];
            for (int k = 0; k < text.length; k++) {
                // a small alphabet, so strings of equal length and slot are frequent
                text[k] = (char) ('a' + random.nextInt(3));
            }
            char[] buffer = new char[text.length + 4];
            System.arraycopy(text, 0, buffer, 2, text.length);
            assertEquals(new String(text), cache.string(buffer, 2, text.length));
        }
    }

    @Test
    void anInvalidDateIsStillRefused() {
        MalformedResultException e = org.junit.jupiter.api.Assertions.assertThrows(MalformedResultException.class,
                () -> rows("{\"name\":\"t\",\"type\":\"datetime\"}", "[\"2026-01-01T00:00:00Z\"],[\"2026-02-30T00:00:00Z\"]"));
        assertEquals(true, e.getMessage().contains("2026-02-30T00:00:00Z"), e.getMessage());
    }
}
