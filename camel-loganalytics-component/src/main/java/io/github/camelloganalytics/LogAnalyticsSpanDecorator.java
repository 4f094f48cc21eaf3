package io.github.camelloganalytics;

import io.github.camelloganalytics.error.LogAnalyticsException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.TagConstants;
import org.apache.camel.telemetry.decorators.AbstractSpanDecorator;

/**
 * What a {@code loganalytics} span carries beyond Camel's common tags, for camel-telemetry (and so
 * camel-opentelemetry2, camel-micrometer-observability, camel-telemetry-dev), which loads it through
 * {@code META-INF/services/org.apache.camel.telemetry.SpanDecorator}: the target queried, the service's request id,
 * the rows answered, the consumer's time window, and for a failure the exception's error code, HTTP status and
 * correlation id. Nothing of the request's headers, so no token reaches a span.
 */
public class LogAnalyticsSpanDecorator extends AbstractSpanDecorator {

    /** The workspace or resource queried, as {@code workspace <id>}, {@code resource <id>} or {@code ARM workspace ...}. */
    public static final String TARGET = "loganalytics.target";
    /** The workspace id, when the target is a workspace of the direct API. */
    public static final String WORKSPACE_ID = "loganalytics.workspace.id";
    /** The service's request id ({@code x-ms-request-id}), or the client request id sent. */
    public static final String REQUEST_ID = "loganalytics.request.id";
    /** The rows of the result's primary table. */
    public static final String ROW_COUNT = "loganalytics.row.count";
    /** The service's error code ({@code error.code}, or the token endpoint's {@code error}). */
    public static final String ERROR_CODE = "loganalytics.error.code";
    /** The error body's correlation id, the id Microsoft support asks for. */
    public static final String CORRELATION_ID = "loganalytics.correlation.id";
    /** The start of the incremental consumer's time window. */
    public static final String WINDOW_START = "loganalytics.window.start";
    /** The end of the incremental consumer's time window. */
    public static final String WINDOW_END = "loganalytics.window.end";

    @Override
    public String getComponent() {
        return "loganalytics";
    }

    @Override
    public String getComponentClassName() {
        return LogAnalyticsComponent.class.getName();
    }

    @Override
    public void beforeTracingEvent(Span span, Exchange exchange, Endpoint endpoint) {
        super.beforeTracingEvent(span, exchange, endpoint);
        String workspaceId = exchange.getMessage().getHeader(LogAnalyticsConstants.WORKSPACE_ID, String.class);
        if (workspaceId != null && !workspaceId.isBlank()) {
            // the header wins over the endpoint's target, as in LogAnalyticsEndpoint.requestDefaults
            span.setTag(TARGET, "workspace " + workspaceId);
            span.setTag(WORKSPACE_ID, workspaceId);
        } else if (endpoint instanceof LogAnalyticsEndpoint logAnalytics && logAnalytics.apiTarget() != null) {
            span.setTag(TARGET, logAnalytics.apiTarget().toString());
            if (logAnalytics.apiTarget().getWorkspaceId() != null) {
                span.setTag(WORKSPACE_ID, logAnalytics.apiTarget().getWorkspaceId());
            }
        }
        tagHeader(span, exchange, LogAnalyticsConstants.WINDOW_START, WINDOW_START);
        tagHeader(span, exchange, LogAnalyticsConstants.WINDOW_END, WINDOW_END);
    }

    @Override
    public void afterTracingEvent(Span span, Exchange exchange) {
        super.afterTracingEvent(span, exchange);
        tagHeader(span, exchange, LogAnalyticsConstants.REQUEST_ID, REQUEST_ID);
        tagHeader(span, exchange, LogAnalyticsConstants.ROW_COUNT, ROW_COUNT);
        LogAnalyticsException error = exchange.getException(LogAnalyticsException.class);
        if (error != null) {
            if (error.getRequestId() != null) {
                span.setTag(REQUEST_ID, error.getRequestId());
            }
            if (error.getErrorCode() != null) {
                span.setTag(ERROR_CODE, error.getErrorCode());
            }
            if (error.getStatusCode() != 0) {
                span.setTag(TagConstants.HTTP_STATUS, Integer.toString(error.getStatusCode()));
            }
            String correlationId = CorrelationIds.of(error);
            if (correlationId != null) {
                span.setTag(CORRELATION_ID, correlationId);
            }
        }
    }

    private static void tagHeader(Span span, Exchange exchange, String header, String tag) {
        Object value = exchange.getMessage().getHeader(header);
        if (value != null) {
            span.setTag(tag, value.toString());
        }
    }
}
