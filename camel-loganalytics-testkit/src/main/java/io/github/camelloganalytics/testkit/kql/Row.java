package io.github.camelloganalytics.testkit.kql;

import java.time.Instant;

/**
 * A row flowing through a query: its values in schema order and, while it is still a source record, the time the
 * workspace received it (what {@code ingestion_time()} answers; null once rows are aggregated).
 *
 * @param values        the values, in schema order
 * @param ingestionTime the record's ingestion time, or null
 */
public record Row(Object[] values, Instant ingestionTime) {
}
