package io.github.camelloganalytics.testkit.kql.value;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.camelloganalytics.testkit.data.ColumnType;

/** Datetime and timespan text: the literal forms KQL reads and the format strings it writes. */
public final class DateTimes {

    /** yyyy-M-d or M/d/yyyy (M-d-yyyy), with an optional H:mm[:ss.fff] time. */
    /** Dates as the service's lenient parser reads them: 2025-6-14, 6/14/2025, 2025, 6, 14, 2017 - 08 - 01. */
    private static final Pattern LOOSE = Pattern.compile(
            "(\\d{1,4})\\s*[-/,]\\s*(\\d{1,2})\\s*[-/,]\\s*(\\d{1,4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{1,2}(?:\\.\\d+)?))?)?Z?");

    private static final Pattern SPAN_LITERAL = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)\\s*([a-zA-Z]+)");

    private DateTimes() {
    }

    /**
     * @param  text an ISO 8601 date or date-time (offset optional, UTC assumed), with 'T' or a space, or RFC 1123
     * @return      the instant
     * @throws RuntimeException when it is none of these
     */
    public static Instant parse(String text) {
        String t = text.trim();
        Matcher loose = LOOSE.matcher(t);
        if (loose.matches()) {
            boolean usFirst = loose.group(1).length() <= 2;
            int year = Integer.parseInt(usFirst ? loose.group(3) : loose.group(1));
            int month = Integer.parseInt(usFirst ? loose.group(1) : loose.group(2));
            int day = Integer.parseInt(usFirst ? loose.group(2) : loose.group(3));
            LocalDateTime d = LocalDate.of(year, month, day).atStartOfDay();
            if (loose.group(4) != null) {
                d = d.plusHours(Integer.parseInt(loose.group(4))).plusMinutes(Integer.parseInt(loose.group(5)));
                if (loose.group(6) != null) {
                    d = d.plusNanos(new BigDecimal(loose.group(6)).multiply(BigDecimal.valueOf(1_000_000_000L))
                            .longValue());
                }
            }
            return d.toInstant(ZoneOffset.UTC);
        }
        if (t.length() == 10 && t.charAt(4) == '-') {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (t.length() > 4 && Character.isLetter(t.charAt(0))) {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        }
        t = t.replace(' ', 'T');
        if (t.endsWith("z")) {
            t = t.substring(0, t.length() - 1) + "Z";
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException e) {
            if (t.matches(".*T\\d{1,2}$")) {
                t = t + ":00";
            }
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        }
    }

    /**
     * @param  text a timespan literal ({@code 5m}, {@code 1.5h}, {@code 100ms}, {@code 10tick}) or the constant form
     *              {@code [-][d.]hh:mm[:ss[.fffffff]]}
     * @return      the duration
     * @throws RuntimeException when it is neither
     */
    public static Duration parseTimespan(String text) {
        String t = text.trim();
        Matcher m = SPAN_LITERAL.matcher(t);
        if (m.matches()) {
            return ofUnit(new BigDecimal(m.group(1)), m.group(2));
        }
        if (t.matches("-?[0-9]+")) {
            return Duration.ofDays(Long.parseLong(t));
        }
        if (t.matches("-?[0-9]+:[0-9]+")) {
            t = t + ":00";
        }
        return ColumnType.parseTimespan(t);
    }

    /**
     * @param  amount an amount
     * @param  unit   a KQL timespan unit ({@code d, h, m, s, ms, microsecond, tick, ...})
     * @return        the duration
     */
    public static Duration ofUnit(BigDecimal amount, String unit) {
        long nanosPerUnit = switch (unit.toLowerCase(Locale.ROOT)) {
            case "d", "day", "days" -> 86_400_000_000_000L;
            case "h", "hr", "hrs", "hour", "hours" -> 3_600_000_000_000L;
            case "m", "min", "minute", "minutes" -> 60_000_000_000L;
            case "s", "sec", "second", "seconds" -> 1_000_000_000L;
            case "ms", "milli", "millis", "millisecond", "milliseconds" -> 1_000_000L;
            case "micro", "micros", "microsecond", "microseconds" -> 1_000L;
            case "tick", "ticks" -> 100L;
            case "nanosecond", "nanoseconds" -> 1L;
            default -> throw new IllegalArgumentException("Not a timespan unit: " + unit);
        };
        BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit));
        // the service keeps 100 ns ticks
        return span(nanos.divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.HALF_EVEN).longValueExact());
    }

    /**
     * @param  d a duration
     * @return   its length in the service's 100 ns ticks
     */
    public static long ticks(Duration d) {
        return d.toNanos() / 100;
    }

    /**
     * @param  ticks a length in 100 ns ticks
     * @return       the duration
     */
    public static Duration span(long ticks) {
        return Duration.ofNanos(ticks * 100);
    }

    /**
     * {@code format_datetime}: the .NET custom specifiers KQL documents (d..dddd? no: dd, d, MM, M, yyyy, yy, HH,
     * H, hh, h, mm, m, ss, s, f..fffffff, F..FFFFFFF, tt) and any other character literally.
     *
     * @param  i      the instant
     * @param  format the format
     * @return        the text
     */
    public static String format(Instant i, String format) {
        LocalDateTime dt = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder();
        int p = 0;
        while (p < format.length()) {
            char c = format.charAt(p);
            int n = 1;
            while (p + n < format.length() && format.charAt(p + n) == c) {
                n++;
            }
            switch (c) {
                case 'y':
                    sb.append(n <= 2 ? pad(dt.getYear() % 100, n) : pad(dt.getYear(), n));
                    break;
                case 'M':
                    sb.append(pad(dt.getMonthValue(), n));
                    break;
                case 'd':
                    sb.append(pad(dt.getDayOfMonth(), n));
                    break;
                case 'H':
                    sb.append(pad(dt.getHour(), n));
                    break;
                case 'h':
                    sb.append(pad(dt.getHour() % 12 == 0 ? 12 : dt.getHour() % 12, n));
                    break;
                case 'm':
                    sb.append(pad(dt.getMinute(), n));
                    break;
                case 's':
                    sb.append(pad(dt.getSecond(), n));
                    break;
                case 'f':
                case 'F': {
                    String frac = String.format(Locale.ROOT, "%09d", dt.getNano()).substring(0, Math.min(n, 9));
                    if (c == 'F') {
                        frac = frac.replaceAll("0+$", "");
                    }
                    sb.append(frac);
                    break;
                }
                case 't':
                    sb.append((dt.getHour() < 12 ? "AM" : "PM"), 0, Math.min(n, 2));
                    break;
                default:
                    sb.append(String.valueOf(c).repeat(n));
            }
            p += n;
        }
        return sb.toString();
    }

    /**
     * {@code format_timespan}: d, dd.., h/hh, H/HH, m/mm, s/ss, f../F.. and literal characters.
     *
     * @param  d      the duration
     * @param  format the format
     * @return        the text
     */
    public static String formatSpan(Duration d, String format) {
        Duration a = d.abs();
        StringBuilder sb = new StringBuilder();
        if (d.isNegative()) {
            sb.append('-');
        }
        int p = 0;
        while (p < format.length()) {
            char c = format.charAt(p);
            int n = 1;
            while (p + n < format.length() && format.charAt(p + n) == c) {
                n++;
            }
            switch (c) {
                case 'd':
                    sb.append(pad(a.toDays(), n));
                    break;
                case 'h':
                case 'H':
                    sb.append(pad(a.toHoursPart(), n));
                    break;
                case 'm':
                    sb.append(pad(a.toMinutesPart(), n));
                    break;
                case 's':
                    sb.append(pad(a.toSecondsPart(), n));
                    break;
                case 'f':
                case 'F': {
                    String frac = String.format(Locale.ROOT, "%09d", a.toNanosPart()).substring(0, Math.min(n, 9));
                    if (c == 'F') {
                        frac = frac.replaceAll("0+$", "");
                    }
                    sb.append(frac);
                    break;
                }
                default:
                    sb.append(String.valueOf(c).repeat(n));
            }
            p += n;
        }
        return sb.toString();
    }

    private static String pad(long v, int width) {
        String s = Long.toString(v);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
