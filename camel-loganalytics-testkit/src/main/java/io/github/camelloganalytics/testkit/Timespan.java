package io.github.camelloganalytics.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;

import io.github.camelloganalytics.testkit.data.ColumnType;

/**
 * A request's {@code timespan}: an ISO 8601 duration back from now ({@code PT1H}, {@code P1D}) or an interval
 * ({@code start/end}, {@code start/duration}, {@code duration/end}). Records pass when
 * {@code start <= TimeGenerated < end}.
 *
 * @param start inclusive start
 * @param end   exclusive end
 */
record Timespan(Instant start, Instant end) {

    static Timespan parse(String text, Instant now) {
        String t = text.trim();
        int slash = t.indexOf('/');
        if (slash < 0) {
            return new Timespan(now.minus(duration(t)), now);
        }
        String a = t.substring(0, slash).trim();
        String b = t.substring(slash + 1).trim();
        if (a.startsWith("P")) {
            Instant end = ColumnType.parseDatetime(b);
            return new Timespan(end.minus(duration(a)), end);
        }
        Instant start = ColumnType.parseDatetime(a);
        if (b.startsWith("P")) {
            return new Timespan(start, start.plus(duration(b)));
        }
        return new Timespan(start, ColumnType.parseDatetime(b));
    }

    /** ISO 8601 durations may carry days and weeks ({@code P1D}, {@code P1W}) that {@link Duration} alone refuses. */
    private static Duration duration(String iso) {
        int tpos = iso.indexOf('T');
        String datePart = tpos < 0 ? iso : iso.substring(0, tpos);
        Duration d = Duration.ZERO;
        if (datePart.length() > 1) {
            Period p = Period.parse(datePart);
            if (p.getYears() != 0 || p.getMonths() != 0) {
                throw new IllegalArgumentException("Years and months are not a fixed duration: " + iso);
            }
            d = d.plusDays(p.getDays());
        }
        if (tpos >= 0) {
            d = d.plus(Duration.parse("P" + iso.substring(tpos)));
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException("Negative timespan: " + iso);
        }
        return d;
    }

    Timespan intersect(Timespan other) {
        Instant s = start.isAfter(other.start) ? start : other.start;
        Instant e = end.isBefore(other.end) ? end : other.end;
        return new Timespan(s, e.isBefore(s) ? s : e);
    }

    boolean contains(Instant t) {
        return t != null && !t.isBefore(start) && t.isBefore(end);
    }
}
