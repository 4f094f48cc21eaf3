package io.github.camelloganalytics.client;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks a query timespan as the service reads it: an ISO 8601 duration ({@code PT1H}, {@code P1D}, {@code P2W})
 * back from now, or an ISO 8601 interval ({@code start/end}, {@code start/duration}, {@code duration/end}) whose
 * ends are instants or dates.
 */
public final class Timespan {

    private static final List<Consumer<String>> INSTANT_PARSERS = List.of(
            Instant::parse, OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse);

    private Timespan() {
    }

    /**
     * @param  value                    the timespan text
     * @return                          the same text, trimmed, when it is valid
     * @throws IllegalArgumentException naming the value and what was expected, when it is not
     */
    public static String validate(String value) {
        String text = value == null ? "" : value.trim();
        int slash = text.indexOf('/');
        boolean valid;
        if (slash < 0) {
            valid = isDuration(text);
        } else {
            String start = text.substring(0, slash);
            String end = text.substring(slash + 1);
            valid = isInstant(start) && (isInstant(end) || isDuration(end))
                    || isDuration(start) && isInstant(end);
        }
        if (!valid) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO 8601 duration (PT1H, P1D) or interval"
                                               + " (2024-01-01T00:00:00Z/2024-01-02T00:00:00Z,"
                                               + " 2024-01-01T00:00:00Z/PT1H)");
        }
        return text;
    }

    private static boolean isDuration(String text) {
        if (text.isEmpty() || text.charAt(0) != 'P' && text.charAt(0) != 'p') {
            return false;
        }
        try {
            return !Duration.parse(text).isNegative();
        } catch (DateTimeParseException notADuration) {
            // weeks and calendar months are ISO 8601 durations too, which java.time keeps in Period
            try {
                return !Period.parse(text).isNegative();
            } catch (DateTimeParseException notAPeriod) {
                return false;
            }
        }
    }

    private static boolean isInstant(String text) {
        for (Consumer<String> parser : INSTANT_PARSERS) {
            try {
                parser.accept(text);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }

}
