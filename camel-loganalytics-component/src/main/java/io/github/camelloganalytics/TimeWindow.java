package io.github.camelloganalytics;

import java.time.Duration;
import java.time.Instant;

/**
 * A half-open time range {@code [start, end)} the incremental consumer asks for in one query.
 */
record TimeWindow(Instant start, Instant end) {

    Duration length() {
        return Duration.between(start, end);
    }

    /** The first half, cut at a whole second so the KQL datetimes stay short and exact. */
    TimeWindow firstHalf() {
        return new TimeWindow(start, middle());
    }

    TimeWindow secondHalf() {
        return new TimeWindow(middle(), end);
    }

    private Instant middle() {
        return start.plus(length().dividedBy(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * The statements that name the window in the query, so it can filter on {@code ingestion_time()} or any other
     * column.
     */
    String letStatements() {
        return "let _windowStart = datetime(" + start + "); let _windowEnd = datetime(" + end + ");\n";
    }

    /**
     * The timespan sent with the query: the window itself, reaching {@code lookback} further back, since the
     * service drops every record whose {@code TimeGenerated} is outside it.
     */
    String timespan(Duration lookback) {
        return start.minus(lookback) + "/" + end;
    }

    @Override
    public String toString() {
        return "[" + start + ", " + end + ")";
    }
}
