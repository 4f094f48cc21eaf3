package io.github.camelloganalytics.error;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RetryAfterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T13:30:00Z"), ZoneOffset.UTC);

    @Test
    void seconds() {
        assertEquals(Duration.ofSeconds(1), RetryAfter.parse("1", CLOCK));
        assertEquals(Duration.ofSeconds(120), RetryAfter.parse("120", CLOCK));
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse(" 7 ", CLOCK));
        assertEquals(Duration.ZERO, RetryAfter.parse("0", CLOCK));
    }

    @Test
    void httpDate() {
        assertEquals(Duration.ofSeconds(90), RetryAfter.parse("Wed, 25 Nov 2026 13:31:30 GMT", CLOCK));
        assertEquals(Duration.ZERO, RetryAfter.parse("Wed, 25 Nov 2026 13:00:00 GMT", CLOCK));
    }

    @Test
    void absentOrGarbage() {
        assertNull(RetryAfter.parse(null, CLOCK));
        assertNull(RetryAfter.parse("", CLOCK));
        assertNull(RetryAfter.parse("   ", CLOCK));
        assertNull(RetryAfter.parse("-5", CLOCK));
        assertNull(RetryAfter.parse("1.5", CLOCK));
        assertNull(RetryAfter.parse("soon", CLOCK));
        assertNull(RetryAfter.parse("99999999999999999999999", CLOCK));
        assertNull(RetryAfter.parse("2026-11-25T13:31:30Z", CLOCK));
    }

    @Test
    void defaultClock() {
        assertEquals(Duration.ofSeconds(5), RetryAfter.parse("5"));
    }
}
