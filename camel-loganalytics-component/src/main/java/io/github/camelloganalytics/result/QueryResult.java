package io.github.camelloganalytics.result;

import java.util.List;
import java.util.Map;

/**
 * The whole answer to one query: every table, and the statistics, visualization and partial error the service
 * returned beside them. This is the body of {@code outputFormat=TABLES}.
 */
public final class QueryResult {

    private final List<ResultTable> tables;
    private final Map<String, Object> statistics;
    private final Map<String, Object> visualization;
    private final Map<String, Object> error;

    /**
     * @param tables        the tables, in the order the service sent them (copied)
     * @param statistics    the {@code statistics} object of the response, or null
     * @param visualization the {@code render} object of the response, or null
     * @param error         the {@code error} object of the response, or null
     */
    public QueryResult(List<ResultTable> tables, Map<String, Object> statistics, Map<String, Object> visualization,
                       Map<String, Object> error) {
        this.tables = List.copyOf(tables);
        this.statistics = statistics;
        this.visualization = visualization;
        this.error = error;
    }

    /** Every table, in the order the service sent them. */
    public List<ResultTable> getTables() {
        return tables;
    }

    /** The query's own output: the first table ({@code PrimaryResult}), or null when there is none. */
    public ResultTable getPrimaryTable() {
        return tables.isEmpty() ? null : tables.get(0);
    }

    /** The query statistics ({@code includeStatistics=true}), or null. */
    public Map<String, Object> getStatistics() {
        return statistics;
    }

    /** The render instructions ({@code includeVisualization=true}), or null. */
    public Map<String, Object> getVisualization() {
        return visualization;
    }

    /** The partial error the service sent beside the tables (a 200 that is not complete), or null. */
    public Map<String, Object> getError() {
        return error;
    }

    /** Whether the service said this result is not complete. */
    public boolean isPartial() {
        return error != null;
    }

    @Override
    public String toString() {
        return "QueryResult" + tables + (error != null ? " (partial)" : "");
    }
}
