package io.github.camelloganalytics;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelloganalytics.client.QueryRequest;
import io.github.camelloganalytics.error.LogAnalyticsException;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a {@code loganalytics} producer: a token can be obtained and the service answers {@code print 1} on
 * the endpoint's target. The answer is reused for {@code healthCheckInterval}, so that probes do not each query the
 * service, and the probe's own query gives up after {@link LogAnalyticsEndpoint#HEALTH_CHECK_TIMEOUT} (or the shorter
 * {@code responseTimeout}), so a probe never waits for the queries' three-minute timeout. Down, it reports the typed
 * exception: its message says the cause and the fix, and never holds a secret. Registered by the producer while it
 * runs, in Camel's producers repository.
 */
public final class LogAnalyticsHealthCheck extends AbstractHealthCheck {

    /** The cheapest query the service answers: no table is read. */
    static final String PROBE_QUERY = "print 1";

    private final LogAnalyticsEndpoint endpoint;
    private Probe last;

    LogAnalyticsHealthCheck(LogAnalyticsEndpoint endpoint, String id) {
        super("camel", id);
        this.endpoint = endpoint;
    }

    /** It says whether the service can be used, not whether the application should be restarted. */
    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("target", endpoint.getTarget());
        if (endpoint.healthClient() == null) {
            builder.down().message("The endpoint is not started");
            return;
        }
        if (endpoint.apiTarget() == null) {
            // nothing to ask without a target; each message names its own workspace
            builder.unknown().message("The endpoint has no target of its own: each message names its workspace");
            return;
        }
        Probe probe = probe();
        builder.detail("checked.at", probe.at().toString());
        Exception failure = probe.failure();
        if (failure == null) {
            builder.up();
            return;
        }
        builder.down().message(failure.getMessage()).error(failure).detail("exception", failure.getClass().getName());
        if (failure instanceof LogAnalyticsException typed) {
            if (typed.getStatusCode() > 0) {
                builder.detail(SERVICE_STATUS_CODE, typed.getStatusCode());
            }
            if (typed.getErrorCode() != null) {
                builder.detail(SERVICE_ERROR_CODE, typed.getErrorCode());
            }
            if (typed.getRequestId() != null) {
                builder.detail("request.id", typed.getRequestId());
            }
        }
    }

    private synchronized Probe probe() {
        Instant now = endpoint.clock().instant();
        Duration interval = endpoint.getConfiguration().getHealthCheckInterval();
        if (last != null && now.isBefore(last.at().plus(interval))) {
            return last;
        }
        Exception failure = null;
        try {
            QueryRequest request = QueryRequest.builder().target(endpoint.apiTarget()).query(PROBE_QUERY)
                    .serverTimeout(LogAnalyticsEndpoint.HEALTH_CHECK_TIMEOUT).build();
            endpoint.healthClient().query(request, body -> body.transferTo(OutputStream.nullOutputStream()));
        } catch (LogAnalyticsException | RuntimeException e) {
            failure = e;
        }
        last = new Probe(now, failure);
        return last;
    }

    /** One look at the service: when, and what went wrong (null: it answered). */
    private record Probe(Instant at, Exception failure) {
    }
}
