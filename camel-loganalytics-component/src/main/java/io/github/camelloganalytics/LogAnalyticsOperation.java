package io.github.camelloganalytics;

/**
 * What a producer does with a message.
 */
public enum LogAnalyticsOperation {
    /** Runs one query: the option {@code query}, the header {@code CamelLogAnalyticsQuery} or the body. */
    QUERY,
    /**
     * Runs each query of a list in the body (Strings, or {@code QueryRequest}s with their own target, time range and
     * preferences) as its own request, at most {@code batchParallelism} at once; the body out is a list in the same
     * order, each item a result or that query's exception.
     */
    BATCH
}
