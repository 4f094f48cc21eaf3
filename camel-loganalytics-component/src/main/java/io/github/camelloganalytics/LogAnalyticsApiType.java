package io.github.camelloganalytics;

/**
 * Which of the query API's two front doors an endpoint uses.
 */
public enum LogAnalyticsApiType {
    /**
     * The direct query API ({@code https://api.loganalytics.azure.com/v1/workspaces/{id}/query}, or
     * {@code /v1{resourceId}/query} with {@code resourceId}); tokens for {@code https://api.loganalytics.io}.
     */
    DIRECT,
    /**
     * Azure Resource Manager ({@code https://management.azure.com/subscriptions/{s}/resourceGroups/{g}/providers/
     * Microsoft.OperationalInsights/workspaces/{name}/api/query}); tokens for {@code https://management.azure.com}.
     */
    ARM
}
