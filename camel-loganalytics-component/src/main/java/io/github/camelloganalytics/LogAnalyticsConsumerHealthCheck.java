package io.github.camelloganalytics;

import java.util.Map;

import io.github.camelloganalytics.error.LogAnalyticsException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code loganalytics} consumer: DOWN while its last attempt to query the service, or to read or
 * store its watermark, failed; UP again once a poll succeeds (in incremental mode: once it commits a window, or
 * finds nothing left to ask). It sends nothing itself: it reports what the consumer's own polls met. Camel's
 * consumers repository calls it for the route ({@code camel.health.consumersEnabled}); the component's
 * {@code healthCheckConsumerEnabled=false} turns it off.
 */
public final class LogAnalyticsConsumerHealthCheck extends AbstractHealthCheck {

    private final LogAnalyticsConsumer consumer;

    LogAnalyticsConsumerHealthCheck(LogAnalyticsConsumer consumer, String routeId) {
        super("camel", "loganalytics-consumer-" + routeId);
        this.consumer = consumer;
    }

    /** It says whether records are being exported, not whether the application should be restarted. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ConsumerStatus status = consumer.status();
        builder.detail("endpoint", consumer.getEndpoint().getTarget());
        if (status.watermark() != null) {
            builder.detail("watermark", status.watermark().toString());
        }
        if (status.lastSuccess() != null) {
            builder.detail("last.success", status.lastSuccess().toString());
        }
        if (!consumer.isRunAllowed()) {
            builder.down().message("The consumer is not running");
            return;
        }
        Throwable failure = status.failure();
        if (failure == null) {
            builder.up();
            return;
        }
        builder.down().message(status.failedStep() + " failed: " + failure.getMessage()).error(failure)
                .detail("failed.step", status.failedStep()).detail("failed.since", status.failedSince().toString())
                .detail("exception", failure.getClass().getName());
        if (failure instanceof LogAnalyticsException typed) {
            if (typed.getStatusCode() > 0) {
                builder.detail(SERVICE_STATUS_CODE, typed.getStatusCode());
            }
            if (typed.getErrorCode() != null) {
                builder.detail(SERVICE_ERROR_CODE, typed.getErrorCode());
            }
        }
    }
}
