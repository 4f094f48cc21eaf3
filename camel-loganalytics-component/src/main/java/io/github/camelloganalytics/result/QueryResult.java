package io.github.camelloganalytics.result;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The whole answer to one query: every table, and the statistics, visualization and partial error the service
 * returned beside them. This is the body of {@code outputFormat=TABLES}.
 * <p>
 * It is {@link Serializable}, with its tables and the plain JSON maps and lists of its statistics, render and error,
 * so it can go where Camel users keep bodies (JMS object messages, aggregation repositories, the claim check); a
 * deserialized result {@link #equals equals} the original.
 */
public final class QueryResult implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Every table, in the order the service sent them. */
    private final List<ResultTable> tables;
    /** The query statistics; may be null. */
    private final Map<String, Object> statistics;
    /** The render instructions; may be null. */
    private final Map<String, Object> visualization;
    /** The partial error sent beside the tables; may be null. */
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

    /**
     * Every table, in the order the service sent them.
     *
     * @return every table, in the order the service sent them
     */
    public List<ResultTable> getTables() {
        return tables;
    }

    /**
     * The query's own output: the first table ({@code PrimaryResult}), or null when there is none.
     *
     * @return the query's own output: the first table ({@code PrimaryResult}), or null when there is none
     */
    public ResultTable getPrimaryTable() {
        return tables.isEmpty() ? null : tables.get(0);
    }

    /**
     * The query statistics ({@code includeStatistics=true}), or null.
     *
     * @return the query statistics ({@code includeStatistics=true}), or null
     */
    public Map<String, Object> getStatistics() {
        return statistics;
    }

    /**
     * The render instructions ({@code includeVisualization=true}), or null.
     *
     * @return the render instructions ({@code includeVisualization=true}), or null
     */
    public Map<String, Object> getVisualization() {
        return visualization;
    }

    /**
     * The partial error the service sent beside the tables (a 200 that is not complete), or null.
     *
     * @return the partial error the service sent beside the tables (a 200 that is not complete), or null
     */
    public Map<String, Object> getError() {
        return error;
    }

    /**
     * Whether the service said this result is not complete.
     *
     * @return whether the service said this result is not complete
     */
    public boolean isPartial() {
        return error != null;
    }

    /** Equal when the tables, statistics, render instructions and error are equal. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof QueryResult other && tables.equals(other.tables)
                            && Objects.equals(statistics, other.statistics)
                            && Objects.equals(visualization, other.visualization) && Objects.equals(error, other.error);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tables, statistics, visualization, error);
    }

    @Override
    public String toString() {
        return "QueryResult" + tables + (error != null ? " (partial)" : "");
    }
}
