package io.github.camelloganalytics.testkit.kql.functions;

import static io.github.camelloganalytics.testkit.kql.functions.Fn.lng;
import static io.github.camelloganalytics.testkit.kql.functions.Fn.str;
import static io.github.camelloganalytics.testkit.kql.functions.ScalarFunction.fixed;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.value.DateTimes;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** Datetime and timespan functions of the KQL reference ("Date and time functions"). */
public final class DateTimeFunctions {

    private DateTimeFunctions() {
    }

    /** @return the family's catalogue entries */
    public static List<ScalarFunction> functions() {
        ColumnType DT = ColumnType.DATETIME;
        ColumnType I = ColumnType.INT;
        return List.of(
                Fn.full("now", 0, 1, fixed(DT), (a, t, f) -> a.length == 0 ? f.now()
                        : a[0] == null ? null : f.now().plus((Duration) a[0]), false),
                Fn.full("ago", 1, 1, Fn.fixedChecked(DT, 0, "timespan", ColumnType.TIMESPAN),
                        (a, t, f) -> f.now().minus((Duration) a[0]), true),
                Fn.full("ingestion_time", 0, 0, fixed(DT),
                        (a, t, f) -> f.row() == null ? null : f.row().ingestionTime(), false),
                Fn.of("startofday", 1, 2, fixed(DT), a -> day(a[0]).plusDays(offset(a)).atStartOfDay()
                        .toInstant(ZoneOffset.UTC)),
                Fn.of("endofday", 1, 2, fixed(DT), a -> end(day(a[0]).plusDays(offset(a) + 1).atStartOfDay())),
                Fn.of("startofweek", 1, 2, fixed(DT), a -> week(a[0]).plusWeeks(offset(a)).atStartOfDay()
                        .toInstant(ZoneOffset.UTC)),
                Fn.of("endofweek", 1, 2, fixed(DT), a -> end(week(a[0]).plusWeeks(offset(a) + 1).atStartOfDay())),
                Fn.of("startofmonth", 1, 2, fixed(DT), a -> day(a[0]).withDayOfMonth(1).plusMonths(offset(a))
                        .atStartOfDay().toInstant(ZoneOffset.UTC)),
                Fn.of("endofmonth", 1, 2, fixed(DT), a -> end(day(a[0]).withDayOfMonth(1).plusMonths(offset(a) + 1)
                        .atStartOfDay())),
                Fn.of("startofyear", 1, 2, fixed(DT), a -> day(a[0]).withDayOfYear(1).plusYears(offset(a))
                        .atStartOfDay().toInstant(ZoneOffset.UTC)),
                Fn.of("endofyear", 1, 2, fixed(DT), a -> end(day(a[0]).withDayOfYear(1).plusYears(offset(a) + 1)
                        .atStartOfDay())),
                Fn.of("dayofweek", 1, 1, fixed(ColumnType.TIMESPAN),
                        a -> Duration.ofDays(day(a[0]).getDayOfWeek().getValue() % 7)),
                Fn.of("dayofmonth", 1, 1, fixed(I), a -> day(a[0]).getDayOfMonth()),
                Fn.of("dayofyear", 1, 1, fixed(I), a -> day(a[0]).getDayOfYear()),
                Fn.of("hourofday", 1, 1, fixed(I), a -> ldt(a[0]).getHour()),
                Fn.of("getmonth", 1, 1, fixed(I), a -> day(a[0]).getMonthValue()),
                Fn.of("monthofyear", 1, 1, fixed(I), a -> day(a[0]).getMonthValue()),
                Fn.of("getyear", 1, 1, fixed(I), a -> day(a[0]).getYear()),
                Fn.of("weekofyear", 1, 1, fixed(I), a -> day(a[0]).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                Fn.of("week_of_year", 1, 1, fixed(I), a -> day(a[0]).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)),
                Fn.of("datetime_part", 2, 2, fixed(I), a -> part(str(a[0]), (Instant) a[1])),
                Fn.of("datetime_add", 3, 3, fixed(DT), a -> add(str(a[0]), lng(a[1]), (Instant) a[2])),
                Fn.of("datetime_diff", 3, 3, fixed(ColumnType.LONG),
                        a -> diff(str(a[0]), (Instant) a[1], (Instant) a[2])),
                Fn.of("format_datetime", 2, 2, fixed(ColumnType.STRING), a -> DateTimes.format((Instant) a[0],
                        str(a[1]))),
                Fn.of("format_timespan", 2, 2, fixed(ColumnType.STRING), a -> DateTimes.formatSpan((Duration) a[0],
                        str(a[1]))),
                Fn.of("make_datetime", 3, 7, fixed(DT), a -> {
                    LocalDateTime d = LocalDateTime.of((int) lng(a[0]), (int) lng(a[1]), (int) lng(a[2]),
                            a.length > 3 ? (int) lng(a[3]) : 0, a.length > 4 ? (int) lng(a[4]) : 0);
                    Instant i = d.toInstant(ZoneOffset.UTC);
                    if (a.length > 5) {
                        i = i.plusNanos((long) (Values.toDouble(a[5]) * 1e9));
                    }
                    return i;
                }),
                Fn.of("make_timespan", 2, 4, fixed(ColumnType.TIMESPAN), a -> {
                    if (a.length == 2) {
                        return Duration.ofHours(lng(a[0])).plusMinutes(lng(a[1]));
                    }
                    Duration d = a.length == 4 ? Duration.ofDays(lng(a[0])) : Duration.ZERO;
                    int o = a.length == 4 ? 1 : 0;
                    return d.plusHours(lng(a[o])).plusMinutes(lng(a[o + 1]))
                            .plusNanos((long) (Values.toDouble(a[o + 2]) * 1e9));
                }),
                Fn.of("unixtime_seconds_todatetime", 1, 1, fixed(DT),
                        a -> Instant.EPOCH.plusNanos((long) (Values.toDouble(a[0]) * 1e9))),
                Fn.of("unixtime_milliseconds_todatetime", 1, 1, fixed(DT),
                        a -> Instant.EPOCH.plusNanos((long) (Values.toDouble(a[0]) * 1e6))),
                Fn.of("unixtime_microseconds_todatetime", 1, 1, fixed(DT),
                        a -> Instant.EPOCH.plusNanos((long) (Values.toDouble(a[0]) * 1e3))),
                Fn.of("unixtime_nanoseconds_todatetime", 1, 1, fixed(DT),
                        a -> Instant.EPOCH.plusNanos(lng(a[0]) / 100 * 100)),
                Fn.of("datetime_utc_to_local", 2, 2, fixed(DT), a -> {
                    java.time.ZoneId z = java.time.ZoneId.of(str(a[1]));
                    Instant i = (Instant) a[0];
                    return i.plusSeconds(z.getRules().getOffset(i).getTotalSeconds());
                }),
                Fn.of("datetime_local_to_utc", 2, 2, fixed(DT), a -> {
                    java.time.ZoneId z = java.time.ZoneId.of(str(a[1]));
                    return ldt(a[0]).atZone(z).toInstant();
                }));
    }

    /** {@code bin()} of a datetime: floor to a multiple of the span since 0001-01-01, as KQL counts ticks. */
    public static Instant bin(Instant value, Duration size, Instant at) {
        long span = size.toNanos() / 100;
        if (span <= 0) {
            return null;
        }
        long t = Values.ticks(value);
        long origin = at == null ? 0 : Values.ticks(at);
        long floored = Math.floorDiv(t - origin, span) * span + origin;
        return fromTicks(floored);
    }

    /** @return the instant of a .NET tick count */
    public static Instant fromTicks(long ticks) {
        long secs = Math.floorDiv(ticks, 10_000_000L) - 62135596800L;
        long rem = Math.floorMod(ticks, 10_000_000L);
        return Instant.ofEpochSecond(secs, rem * 100);
    }

    private static long offset(Object[] a) {
        return a.length > 1 && a[1] != null ? lng(a[1]) : 0;
    }

    private static LocalDate day(Object i) {
        return LocalDate.ofInstant((Instant) i, ZoneOffset.UTC);
    }

    private static LocalDateTime ldt(Object i) {
        return LocalDateTime.ofInstant((Instant) i, ZoneOffset.UTC);
    }

    private static LocalDate week(Object i) {
        return day(i).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    }

    private static Instant end(LocalDateTime nextStart) {
        return nextStart.toInstant(ZoneOffset.UTC).minusNanos(100);
    }

    private static String unit(String part) {
        String p = part.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "year", "years" -> "year";
            case "quarter", "quarters" -> "quarter";
            case "month", "months" -> "month";
            case "week", "weeks", "weekofyear", "week_of_year" -> "week";
            case "day", "days", "dayofyear" -> "day".equals(p) || "days".equals(p) ? "day" : p;
            case "hour", "hours" -> "hour";
            case "minute", "minutes" -> "minute";
            case "second", "seconds" -> "second";
            case "millisecond", "milliseconds" -> "millisecond";
            case "microsecond", "microseconds" -> "microsecond";
            case "nanosecond", "nanoseconds" -> "nanosecond";
            default -> throw new IllegalArgumentException("Unknown datetime part: " + part);
        };
    }

    private static int part(String part, Instant i) {
        LocalDateTime d = ldt(i);
        return switch (unit(part)) {
            case "year" -> d.getYear();
            case "quarter" -> (d.getMonthValue() - 1) / 3 + 1;
            case "month" -> d.getMonthValue();
            case "week" -> d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "day" -> d.getDayOfMonth();
            case "dayofyear" -> d.getDayOfYear();
            case "hour" -> d.getHour();
            case "minute" -> d.getMinute();
            case "second" -> d.getSecond();
            case "millisecond" -> d.getNano() / 1_000_000;
            case "microsecond" -> d.getNano() / 1_000;
            default -> d.getNano();
        };
    }

    private static Instant add(String part, long amount, Instant i) {
        LocalDateTime d = ldt(i);
        LocalDateTime r = switch (unit(part)) {
            case "year" -> d.plusYears(amount);
            case "quarter" -> d.plusMonths(3 * amount);
            case "month" -> d.plusMonths(amount);
            case "week" -> d.plusWeeks(amount);
            case "day", "dayofyear" -> d.plusDays(amount);
            case "hour" -> d.plusHours(amount);
            case "minute" -> d.plusMinutes(amount);
            case "second" -> d.plusSeconds(amount);
            case "millisecond" -> d.plus(amount, ChronoUnit.MILLIS);
            case "microsecond" -> d.plus(amount, ChronoUnit.MICROS);
            default -> d.plusNanos(amount);
        };
        return r.toInstant(ZoneOffset.UTC);
    }

    /** {@code datetime_diff}: the number of part boundaries crossed from {@code b} to {@code a}. */
    private static long diff(String part, Instant a, Instant b) {
        LocalDateTime x = ldt(a);
        LocalDateTime y = ldt(b);
        return switch (unit(part)) {
            case "year" -> x.getYear() - y.getYear();
            case "quarter" -> (x.getYear() * 4L + (x.getMonthValue() - 1) / 3) - (y.getYear() * 4L
                    + (y.getMonthValue() - 1) / 3);
            case "month" -> (x.getYear() * 12L + x.getMonthValue()) - (y.getYear() * 12L + y.getMonthValue());
            case "week" -> ChronoUnit.WEEKS.between(y.toLocalDate().with(TemporalAdjusters.previousOrSame(
                    DayOfWeek.SUNDAY)), x.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)));
            case "day", "dayofyear" -> ChronoUnit.DAYS.between(y.toLocalDate(), x.toLocalDate());
            case "hour" -> Math.floorDiv(Values.ticks(a), 36_000_000_000L) - Math.floorDiv(Values.ticks(b),
                    36_000_000_000L);
            case "minute" -> Math.floorDiv(Values.ticks(a), 600_000_000L) - Math.floorDiv(Values.ticks(b),
                    600_000_000L);
            case "second" -> Math.floorDiv(Values.ticks(a), 10_000_000L) - Math.floorDiv(Values.ticks(b),
                    10_000_000L);
            case "millisecond" -> Math.floorDiv(Values.ticks(a), 10_000L) - Math.floorDiv(Values.ticks(b), 10_000L);
            case "microsecond" -> Math.floorDiv(Values.ticks(a), 10L) - Math.floorDiv(Values.ticks(b), 10L);
            default -> (Values.ticks(a) - Values.ticks(b)) * 100;
        };
    }

}
