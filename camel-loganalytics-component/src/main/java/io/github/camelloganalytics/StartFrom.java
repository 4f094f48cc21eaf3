package io.github.camelloganalytics;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The {@code startFrom} option read: an ISO 8601 instant, or an ISO 8601 duration back from the moment it is
 * resolved.
 */
final class StartFrom {

    private final Instant instant;
    private final Duration back;

    private StartFrom(Instant instant, Duration back) {
        this.instant = instant;
        this.back = back;
    }

    /** @throws IllegalArgumentException when the text is neither an instant nor a non-negative duration */
    static StartFrom parse(String text) {
        String value = text.trim();
        try {
            if (value.startsWith("P") || value.startsWith("p")) {
                Duration back = Duration.parse(value);
                if (back.isNegative()) {
                    throw new IllegalArgumentException("a duration back from now cannot be negative");
                }
                return new StartFrom(null, back);
            }
            return new StartFrom(Instant.parse(value), null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("it must be an ISO 8601 instant such as 2024-01-01T00:00:00Z or a"
                                               + " duration back from now such as P1D or PT6H");
        }
    }

    /** The default when no {@code startFrom} is given: the {@code timespan} option when it is a duration, else 1 h. */
    static StartFrom defaultFor(String timespan) {
        if (timespan != null) {
            try {
                return new StartFrom(null, Duration.parse(timespan.trim()));
            } catch (DateTimeParseException e) {
                // an interval or a calendar period: fall back to the documented hour
            }
        }
        return new StartFrom(null, Duration.ofHours(1));
    }

    /**
     * @param  max the longest reach back allowed
     * @return     true when a duration back is at most {@code max}, or an instant is at most {@code max} before now
     */
    boolean isWithin(Duration max) {
        if (back != null) {
            return back.compareTo(max) <= 0;
        }
        return !instant.isBefore(Instant.now().minus(max));
    }

    Instant resolve(Instant now) {
        return instant != null ? instant : now.minus(back);
    }
}
