package io.github.camelloganalytics;

import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultTable;
import org.apache.camel.Converter;

/**
 * Lets {@code convertBodyTo} reach the rows of a result: a {@link QueryResult} or {@link ResultTable} body becomes
 * the primary table, or its rows as maps.
 */
@Converter(generateLoader = true)
public final class LogAnalyticsConverters {

    private LogAnalyticsConverters() {
    }

    /**
     * The primary table's rows as maps from column name to value; empty when there is no table.
     *
     * @param  result a query's result
     * @return        the primary table's rows as maps from column name to value; empty when there is no table
     */
    @Converter
    public static List<Map<String, Object>> toRows(QueryResult result) {
        ResultTable primary = result.getPrimaryTable();
        return primary != null ? primary.toMaps() : List.of();
    }

    /**
     * The table's rows as maps from column name to value.
     *
     * @param  table a table of a query's result
     * @return       the table's rows as maps from column name to value
     */
    @Converter
    public static List<Map<String, Object>> toRows(ResultTable table) {
        return table.toMaps();
    }

    /**
     * The primary table, or null when the result has none.
     *
     * @param  result a query's result
     * @return        the primary table, or null when the result has none
     */
    @Converter
    public static ResultTable toPrimaryTable(QueryResult result) {
        return result.getPrimaryTable();
    }
}
