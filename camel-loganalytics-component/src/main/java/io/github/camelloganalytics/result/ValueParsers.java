package io.github.camelloganalytics.result;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Hand-rolled parsers for the textual KQL values that dominate large results (datetime, timespan, guid). They read
 * straight from the parser's character buffer, so the common shapes cost no intermediate String, no regex and no
 * formatter; anything unusual falls back to the JDK's parsers. Each returns null when the text is not of its type,
 * leaving the error message to the caller, which knows the column type.
 */
final class ValueParsers {

    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
            1_000_000_000};

    private ValueParsers() {
    }

    private static int digit(char c) {
        int d = c - '0';
        return d >= 0 && d <= 9 ? d : -1;
    }

    /** Two digits as a number, or -1. */
    private static int twoDigits(char[] c, int i) {
        int a = digit(c[i]);
        int b = digit(c[i + 1]);
        return a < 0 || b < 0 ? -1 : a * 10 + b;
    }

    /**
     * A datetime as an {@link OffsetDateTime} in UTC. The fast path takes the service's own shape,
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; other ISO 8601 forms (an explicit offset, which is moved to UTC, or no
     * offset at all, which KQL means as UTC) go through {@link DateTimeFormatter}.
     */
    static OffsetDateTime parseDateTime(char[] c, int off, int len, ValueCache cache) {
        OffsetDateTime fast = parseDateTimeFast(c, off, len, cache);
        if (fast != null) {
            return fast;
        }
        String s = new String(c, off, len);
        try {
            OffsetDateTime t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return t.getOffset() == ZoneOffset.UTC ? t : t.withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // KQL datetimes are always UTC, so a bare local form can only mean UTC
        }
        try {
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static OffsetDateTime parseDateTimeFast(char[] c, int off, int len, ValueCache cache) {
        if (len < 20 || c[off + 4] != '-' || c[off + 7] != '-' || c[off + 10] != 'T' || c[off + 13] != ':'
                || c[off + 16] != ':' || c[off + len - 1] != 'Z') {
            return null;
        }
        int y1 = twoDigits(c, off);
        int y2 = twoDigits(c, off + 2);
        int month = twoDigits(c, off + 5);
        int day = twoDigits(c, off + 8);
        int hour = twoDigits(c, off + 11);
        int minute = twoDigits(c, off + 14);
        int second = twoDigits(c, off + 17);
        if ((y1 | y2 | month | day | hour | minute | second) < 0) {
            return null;
        }
        int nanos = fractionNanos(c, off + 19, off + len - 1);
        if (nanos < 0) {
            return null;
        }
        try {
            LocalDate date = cache.date(y1 * 100 + y2, month, day);
            LocalTime time = LocalTime.of(hour, minute, second, nanos);
            return OffsetDateTime.of(LocalDateTime.of(date, time), ZoneOffset.UTC);
        } catch (DateTimeException e) {
            // out-of-range fields such as February 30: the slow path gives the same answer with its own checks
            return null;
        }
    }

    /**
     * A timespan in .NET's constant format, {@code [-][d.]hh:mm:ss[.fffffff]}, as a {@link Duration}. Hours,
     * minutes and seconds take one or two digits; the fraction up to nine (the service sends seven, 100 ns ticks).
     */
    static Duration parseTimespan(char[] c, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (i < end && c[i] == '-') {
            negative = true;
            i++;
        }
        long first = 0;
        int start = i;
        for (; i < end; i++) {
            int d = digit(c[i]);
            if (d < 0) {
                break;
            }
            first = first * 10 + d;
        }
        int firstDigits = i - start;
        // ten digits of days is far past TimeSpan.MaxValue yet still cannot overflow the arithmetic below
        if (firstDigits == 0 || firstDigits > 10 || i >= end) {
            return null;
        }
        long days = 0;
        long hours;
        if (c[i] == '.') {
            days = first;
            i++;
            start = i;
            hours = 0;
            for (; i < end && i - start < 2; i++) {
                int d = digit(c[i]);
                if (d < 0) {
                    break;
                }
                hours = hours * 10 + d;
            }
            if (i == start) {
                return null;
            }
        } else if (firstDigits <= 2) {
            hours = first;
        } else {
            return null;
        }
        if (i >= end || c[i] != ':') {
            return null;
        }
        i++;
        int minutes = smallNumber(c, i, end);
        if (minutes < 0) {
            return null;
        }
        i += minutes >>> 16;
        minutes &= 0xFFFF;
        if (i >= end || c[i] != ':') {
            return null;
        }
        i++;
        int seconds = smallNumber(c, i, end);
        if (seconds < 0) {
            return null;
        }
        i += seconds >>> 16;
        seconds &= 0xFFFF;
        int nanos = fractionNanos(c, i, end);
        if (nanos < 0) {
            return null;
        }
        if (hours > 23 || minutes > 59 || seconds > 59) {
            return null;
        }
        Duration d = Duration.ofSeconds(days * 86_400 + hours * 3_600 + minutes * 60L + seconds, nanos);
        return negative ? d.negated() : d;
    }

    /**
     * A one- or two-digit number starting at {@code i}: the value in the low 16 bits and the digit count in the
     * high ones, so the caller learns both without an allocation; -1 when there is no digit.
     */
    private static int smallNumber(char[] c, int i, int end) {
        if (i >= end) {
            return -1;
        }
        int a = digit(c[i]);
        if (a < 0) {
            return -1;
        }
        if (i + 1 < end) {
            int b = digit(c[i + 1]);
            if (b >= 0) {
                return (2 << 16) | (a * 10 + b);
            }
        }
        return (1 << 16) | a;
    }

    /** A GUID; the canonical 36-character form is decoded in place, others go through {@link UUID#fromString}. */
    static UUID parseGuid(char[] c, int off, int len) {
        if (len == 36 && c[off + 8] == '-' && c[off + 13] == '-' && c[off + 18] == '-' && c[off + 23] == '-') {
            long msb = hex(c, off, 8);
            long mid = hex(c, off + 9, 4);
            long hi = hex(c, off + 14, 4);
            long lo1 = hex(c, off + 19, 4);
            long lo2 = hex(c, off + 24, 12);
            if ((msb | mid | hi | lo1 | lo2) >= 0) {
                return new UUID(msb << 32 | mid << 16 | hi, lo1 << 48 | lo2);
            }
            return null;
        }
        try {
            return UUID.fromString(new String(c, off, len));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code n} (at most 15) hex digits as a number, or -1. */
    private static long hex(char[] c, int off, int n) {
        long v = 0;
        for (int i = off; i < off + n; i++) {
            char ch = c[i];
            int d;
            if (ch >= '0' && ch <= '9') {
                d = ch - '0';
            } else if (ch >= 'a' && ch <= 'f') {
                d = ch - 'a' + 10;
            } else if (ch >= 'A' && ch <= 'F') {
                d = ch - 'A' + 10;
            } else {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    /**
     * The nanoseconds of an optional fraction {@code .f{1,9}} spanning {@code [i, end)}: 0 when the span is empty,
     * -1 when it is not a fraction.
     */
    private static int fractionNanos(char[] c, int i, int end) {
        if (i >= end) {
            return 0;
        }
        int digits = end - i - 1;
        if (c[i] != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int nanos = 0;
        for (i++; i < end; i++) {
            int d = digit(c[i]);
            if (d < 0) {
                return -1;
            }
            nanos = nanos * 10 + d;
        }
        return nanos * POW10[9 - digits];
    }

    /**
     * A long written as text: an optional minus and 1 to 19 digits, within a long's range; nothing else (no plus
     * sign, space, fraction or exponent), so that only a text that is exactly a long becomes one. Null otherwise.
     */
    static Long parseLong(char[] c, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = i < end && c[i] == '-';
        if (negative) {
            i++;
        }
        int digits = end - i;
        if (digits < 1 || digits > 19) {
            return null;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = digit(c[i]);
            if (d < 0) {
                return null;
            }
            // accumulate negatively, so that Long.MIN_VALUE fits; an overflow shows as a change of sign
            long next = v * 10 - d;
            if (next > v) {
                return null;
            }
            v = next;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return null;
            }
            v = -v;
        }
        return v;
    }

    /** The JSON number grammar: what a real written as text must be to be read as one. */
    private static final Pattern JSON_NUMBER =
            Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    /** A real written as text in JSON's number grammar, as a double; null for any other text. */
    static Double parseJsonNumber(String s) {
        if (s.isEmpty() || s.length() > 400 || !JSON_NUMBER.matcher(s).matches()) {
            return null;
        }
        return Double.parseDouble(s);
    }
}
