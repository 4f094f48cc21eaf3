package io.github.camelloganalytics.error;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads an HTTP {@code Retry-After} header: either a number of seconds ({@code "120"}) or an HTTP date in the
 * RFC 1123 form ({@code "Wed, 25 Nov 2026 13:30:00 GMT"}).
 */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * How long the header asks to wait, measured from now on the system UTC clock.
     *
     * @param header the header's value, or null
     * @return the wait, never negative; null when the header is absent or not a valid value
     */
    public static Duration parse(String header) {
        return parse(header, Clock.systemUTC());
    }

    /**
     * How long the header asks to wait. A date in the past gives {@link Duration#ZERO}.
     *
     * @param header the header's value, or null
     * @param clock  the clock that says what "now" is, for the date form
     * @return the wait, never negative; null when the header is absent or not a valid value (negative seconds,
     *         a number too large for a {@code long}, text that is no date)
     */
    public static Duration parse(String header, Clock clock) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (value.isEmpty()) {
            return null;
        }
        if (isDigits(value)) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), when);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
