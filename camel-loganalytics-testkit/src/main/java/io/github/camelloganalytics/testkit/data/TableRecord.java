package io.github.camelloganalytics.testkit.data;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One record of a table: its values in column order, and the time the workspace received it.
 *
 * <p>
 * The ingestion time is what KQL's {@code ingestion_time()} answers. By default it equals the record's
 * {@code TimeGenerated}; a test sets it later to make a late arrival, the case an incremental consumer must not
 * miss.
 */
public final class TableRecord {

    private final Object[] values;
    private volatile Instant ingestionTime;

    TableRecord(Object[] values, Instant ingestionTime) {
        this.values = values;
        this.ingestionTime = ingestionTime;
    }

    /** @return the values in column order (a copy) */
    public List<Object> values() {
        return Arrays.asList(values.clone());
    }

    /**
     * @param  index a column index
     * @return       the value held there
     */
    public Object value(int index) {
        return values[index];
    }

    /** @return when the workspace received the record */
    public Instant ingestionTime() {
        return ingestionTime;
    }

    /**
     * Sets when the workspace received the record, e.g. later than its {@code TimeGenerated} for a late arrival.
     *
     * @param  ingestionTime the ingestion time, not null
     * @return               this record
     */
    public TableRecord ingestedAt(Instant ingestionTime) {
        this.ingestionTime = Objects.requireNonNull(ingestionTime, "ingestionTime");
        return this;
    }
}
