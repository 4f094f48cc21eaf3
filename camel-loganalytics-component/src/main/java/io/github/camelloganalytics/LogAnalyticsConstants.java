package io.github.camelloganalytics;

import org.apache.camel.spi.Metadata;

/**
 * The message headers the {@code loganalytics} component reads and writes. The producer's input headers
 * ({@link #QUERY}, {@link #TIMESPAN}, {@link #WORKSPACE_ID}) override its options; the consumer never sets them, so
 * that what it read cannot steer the next {@code loganalytics} endpoint of a route: it says what it read in
 * {@link #SENT_QUERY}, {@link #SENT_TIMESPAN} and the window headers, which no endpoint reads.
 */
public final class LogAnalyticsConstants {

    private static final String HEADER_PREFIX = "CamelLogAnalytics";

    // headers read by the producer
    /** Header {@code CamelLogAnalyticsQuery}: the KQL query to run; overrides the endpoint's {@code query} option. */
    @Metadata(label = "producer", description = "The KQL query to run; overrides the endpoint's `query` option. The consumer never sets it (what it ran is in `CamelLogAnalyticsSentQuery`).",
              javaType = "String")
    public static final String QUERY = HEADER_PREFIX + "Query";
    /**
     * Header {@code CamelLogAnalyticsTimespan}: the time range of the query, an ISO 8601 duration or interval;
     * overrides the endpoint's {@code timespan} option.
     */
    @Metadata(label = "producer",
              description = "The time range of the query, an ISO 8601 duration or interval; overrides the endpoint's `timespan` option. The consumer never sets it (what it sent is in `CamelLogAnalyticsSentTimespan`).",
              javaType = "String")
    public static final String TIMESPAN = HEADER_PREFIX + "Timespan";
    /**
     * Header {@code CamelLogAnalyticsWorkspaceId}: the workspace to query; overrides the workspace in the endpoint URI.
     */
    @Metadata(label = "producer",
              description = "The workspace to query; overrides the workspace in the endpoint URI.",
              javaType = "String")
    public static final String WORKSPACE_ID = HEADER_PREFIX + "WorkspaceId";

    // headers written by the producer
    /** Header {@code CamelLogAnalyticsRowCount}: how many rows the primary table of the result holds. */
    @Metadata(label = "producer", description = "How many rows the primary table of the result holds.",
              javaType = "Integer")
    public static final String ROW_COUNT = HEADER_PREFIX + "RowCount";
    /** Header {@code CamelLogAnalyticsTableCount}: how many tables the result holds. */
    @Metadata(label = "producer", description = "How many tables the result holds.", javaType = "Integer")
    public static final String TABLE_COUNT = HEADER_PREFIX + "TableCount";
    /**
     * Header {@code CamelLogAnalyticsStatistics}: the query statistics the service returned, when {@code
     * includeStatistics=true}.
     */
    @Metadata(label = "producer",
              description = "The query statistics the service returned, when `includeStatistics=true`.",
              javaType = "Map<String, Object>")
    public static final String STATISTICS = HEADER_PREFIX + "Statistics";
    /**
     * Header {@code CamelLogAnalyticsVisualization}: the visualization (render) instructions the service returned, when
     * {@code includeVisualization=true}.
     */
    @Metadata(label = "producer",
              description = "The visualization (render) instructions the service returned, when `includeVisualization=true`.",
              javaType = "Map<String, Object>")
    public static final String VISUALIZATION = HEADER_PREFIX + "Visualization";
    /**
     * Header {@code CamelLogAnalyticsPartialError}: the error the service returned beside an incomplete result, when
     * {@code allowPartialErrors=true}.
     */
    @Metadata(label = "producer",
              description = "The error the service returned beside an incomplete result, when `allowPartialErrors=true`.",
              javaType = "Map<String, Object>")
    public static final String PARTIAL_ERROR = HEADER_PREFIX + "PartialError";
    /**
     * Header {@code CamelLogAnalyticsNoData}: true when the service answered 204 No Content: the workspace holds no
     * data.
     */
    @Metadata(label = "producer",
              description = "True when the service answered 204 No Content: the workspace holds no data.",
              javaType = "Boolean")
    public static final String NO_DATA = HEADER_PREFIX + "NoData";
    /**
     * Header {@code CamelLogAnalyticsRequestId}: the request id of the query: the client request id the component sent
     * as {@code x-ms-client-request-id} (a new UUID per request, which the service echoes), or the service's own {@code
     * x-ms-request-id} when it sends one (the live query API does not).
     */
    @Metadata(label = "producer",
              description = "The request id of the query: the client request id the component sent as `x-ms-client-request-id` (a new UUID per request, which the service echoes), or the service's own `x-ms-request-id` when it sends one (the live query API does not). For a support case, quote it with the time of the query; a failed query's `LogAnalyticsException.getCorrelationId()` is the id Microsoft support asks for.",
              javaType = "String")
    public static final String REQUEST_ID = HEADER_PREFIX + "RequestId";
    /**
     * Header {@code CamelLogAnalyticsPreferenceApplied}: the service's {@code Preference-Applied} header: the {@code
     * Prefer} preferences it applied, as it applied them; it may differ from what was asked ({@code wait=10} applied
     * when {@code serverTimeout=5s} asked for {@code wait=5}).
     */
    @Metadata(label = "producer",
              description = "The service's `Preference-Applied` header: the `Prefer` preferences it applied, as it applied them; it may differ from what was asked (`wait=10` applied when `serverTimeout=5s` asked for `wait=5`). Absent when the service sent none.",
              javaType = "String")
    public static final String PREFERENCE_APPLIED = HEADER_PREFIX + "PreferenceApplied";
    /**
     * Header {@code CamelLogAnalyticsBatchFailures}: with {@code operation=BATCH}, how many queries of the
     * batch failed, that is how many items of the body are a {@code LogAnalyticsException}.
     */
    @Metadata(label = "producer",
              description = "With `operation=BATCH`: how many queries of the batch failed, i.e. how many items of the body are a `LogAnalyticsException`.",
              javaType = "Integer")
    public static final String BATCH_FAILURES = HEADER_PREFIX + "BatchFailures";

    // headers written by the incremental consumer
    /**
     * Header {@code CamelLogAnalyticsWindowStart}: the start of the time window the exchange's rows come from
     * (inclusive), in incremental mode.
     */
    @Metadata(label = "consumer",
              description = "The start of the time window the exchange's rows come from (inclusive), in incremental mode.",
              javaType = "java.time.Instant")
    public static final String WINDOW_START = HEADER_PREFIX + "WindowStart";
    /**
     * Header {@code CamelLogAnalyticsWindowEnd}: the end of the time window the exchange's rows come from (exclusive),
     * in incremental mode.
     */
    @Metadata(label = "consumer",
              description = "The end of the time window the exchange's rows come from (exclusive), in incremental mode.",
              javaType = "java.time.Instant")
    public static final String WINDOW_END = HEADER_PREFIX + "WindowEnd";

    /**
     * Header {@code CamelLogAnalyticsSentQuery}: the query text the consumer sent to the service, with the window's
     * {@code let} statements in front in incremental mode.
     */
    @Metadata(label = "consumer",
              description = "The query text the consumer sent to the service, with the window's `let` statements in"
                            + " front in incremental mode. It describes what was read; unlike `CamelLogAnalyticsQuery`"
                            + " no endpoint reads it, so it never steers the next `loganalytics` endpoint of the route.",
              javaType = "String")
    public static final String SENT_QUERY = HEADER_PREFIX + "SentQuery";
    /**
     * Header {@code CamelLogAnalyticsSentTimespan}: the timespan the consumer sent with the query (in incremental mode
     * the window, reaching {@code lookback} further back).
     */
    @Metadata(label = "consumer",
              description = "The timespan the consumer sent with the query (in incremental mode the window, reaching"
                            + " `lookback` further back). It describes what was read; unlike `CamelLogAnalyticsTimespan`"
                            + " no endpoint reads it.",
              javaType = "String")
    public static final String SENT_TIMESPAN = HEADER_PREFIX + "SentTimespan";

    private LogAnalyticsConstants() {
    }
}
