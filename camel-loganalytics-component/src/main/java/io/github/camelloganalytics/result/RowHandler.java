package io.github.camelloganalytics.result;

import java.util.List;

/**
 * Receives the rows of a query result one at a time while {@link ResultReader#read(java.io.InputStream, RowHandler)}
 * reads the response, so a result of any size is handled without holding it in memory.
 * <p>
 * For each table the reader calls {@link #startTable} once, then {@link #row} for every row if the handler asked for
 * them, then {@link #endTable}. Tables arrive in the order the service sent them. Any exception a method throws
 * stops the reading and is thrown, unchanged, by {@code read}.
 */
public interface RowHandler {

    /**
     * A table begins.
     *
     * @param tableIndex the table's position in the response, from 0 (the query's own output, {@code PrimaryResult})
     * @param name       the table name, or null when the service sent none
     * @param columns    the table's columns, in order (unmodifiable)
     * @return true to receive this table's rows; false to have them skipped without being converted
     * @throws Exception to stop reading
     */
    boolean startTable(int tableIndex, String name, List<Column> columns) throws Exception;

    /**
     * One row of the current table.
     *
     * @param values the row's values in column order, typed as {@link ColumnType} describes; a fresh array for every
     *               row, which the handler may keep
     * @throws Exception to stop reading
     */
    void row(Object[] values) throws Exception;

    /**
     * The current table is complete. Called only for tables whose {@link #startTable} returned true.
     *
     * @param tableIndex the table's position in the response
     * @param rowCount   how many rows were passed to {@link #row} for it
     * @throws Exception to stop reading
     */
    default void endTable(int tableIndex, int rowCount) throws Exception {
    }
}
