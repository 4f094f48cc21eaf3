package io.github.camelloganalytics.testkit.kql.expr;

import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.testkit.kql.Row;

/**
 * What an expression is evaluated against: the current row and, for the window functions ({@code prev},
 * {@code next}, {@code row_number}, {@code row_cumsum}), the serialized rows around it.
 */
public final class Frame {

    /** A frame without a row, for constants and {@code print}. */
    public static Frame empty(Instant now) {
        return new Frame(now);
    }

    private final Instant now;
    private List<Row> rows = List.of();
    private int index;
    private Row row;
    private final Map<Object, Object> state = new IdentityHashMap<>();

    /** @param now the instant {@code now()} answers, fixed for the query */
    public Frame(Instant now) {
        this.now = now;
    }

    /**
     * Moves to a row of a sequence.
     *
     * @param  rows  the sequence
     * @param  index the row's index
     * @return       this frame
     */
    public Frame at(List<Row> rows, int index) {
        this.rows = rows;
        this.index = index;
        this.row = rows.get(index);
        return this;
    }

    /**
     * Moves to a single row.
     *
     * @param  row the row
     * @return     this frame
     */
    public Frame at(Row row) {
        this.rows = List.of(row);
        this.index = 0;
        this.row = row;
        return this;
    }

    /** @return the current row, or null */
    public Row row() {
        return row;
    }

    /**
     * @param  i a column index
     * @return   the current row's value there
     */
    public Object value(int i) {
        return row == null ? null : row.values()[i];
    }

    /** @return the rows of the sequence */
    public List<Row> rows() {
        return rows;
    }

    /** @return the current row's index in the sequence */
    public int index() {
        return index;
    }

    /** @return the query's fixed now */
    public Instant now() {
        return now;
    }

    /** @return state a stateful expression (row_cumsum) keeps across the rows of one operator run */
    public Map<Object, Object> state() {
        return state;
    }
}
