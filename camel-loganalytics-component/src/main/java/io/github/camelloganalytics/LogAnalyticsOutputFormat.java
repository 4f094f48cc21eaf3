package io.github.camelloganalytics;

/**
 * What the body of a query's answer is.
 */
public enum LogAnalyticsOutputFormat {
    /** The primary table's rows, as a {@code List<Map<String, Object>>} of typed values in column order. */
    ROWS,
    /** Every table, with its columns and typed rows, as a {@link io.github.camelloganalytics.result.QueryResult}. */
    TABLES,
    /** The service's JSON response, unparsed, as a {@code String}. */
    JSON
}
