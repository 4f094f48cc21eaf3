package io.github.camelloganalytics;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code loganalytics} dev console (Camel JBang's {@code camel get}, the developer console of Camel Main, Spring
 * Boot and Quarkus): per endpoint its target, the queries, rows and errors by exception it counted, and the last
 * query with its request and correlation ids; per consumer its watermark, how far it lags behind now and the next
 * window it will ask for. Endpoints are shown by their base URI, without options, so no secret is shown.
 */
@DevConsole(name = "loganalytics", displayName = "Azure Monitor Log Analytics",
            description = "Log Analytics endpoints: queries, rows, errors, last request and consumer watermarks")
public class LogAnalyticsDevConsole extends AbstractDevConsole {

    /** Creates the console; Camel finds it by its id {@code loganalytics}. */
    public LogAnalyticsDevConsole() {
        super("camel", "loganalytics", "Azure Monitor Log Analytics",
              "Log Analytics endpoints: queries, rows, errors, last request and consumer watermarks");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (LogAnalyticsEndpoint endpoint : endpoints()) {
            QueryMetrics metrics = endpoint.metrics();
            sb.append(uri(endpoint)).append(" (").append(endpoint.getTarget()).append(")\n");
            sb.append("    queries: ").append(metrics.queries()).append("  rows: ").append(metrics.rows())
                    .append("  errors: ").append(metrics.errors());
            if (!metrics.errorsByClass().isEmpty()) {
                sb.append(' ').append(metrics.errorsByClass());
            }
            sb.append('\n');
            QueryMetrics.LastQuery last = metrics.last();
            if (last != null) {
                sb.append("    last query: ").append(last.at()).append(" on ").append(last.target()).append(", ")
                        .append(last.millis()).append(" ms, ");
                if (last.failed()) {
                    sb.append("failed with ").append(last.exception());
                    if (last.errorCode() != null) {
                        sb.append(" (").append(last.errorCode()).append(')');
                    }
                } else {
                    sb.append(last.rows()).append(" rows");
                }
                sb.append(", request id ").append(last.requestId());
                if (last.correlationId() != null) {
                    sb.append(", correlation id ").append(last.correlationId());
                }
                sb.append('\n');
            }
            for (LogAnalyticsConsumer consumer : consumers(endpoint)) {
                sb.append("    consumer of route ").append(consumer.getRouteId()).append(": ");
                ConsumerState state = ConsumerState.of(consumer);
                if (!state.incremental()) {
                    sb.append("not incremental (each poll runs the query over its timespan)\n");
                    continue;
                }
                sb.append("incremental, watermark ").append(state.watermark() != null ? state.watermark() : "none yet")
                        .append(", lag ").append(state.lag() != null ? state.lag() : "unknown")
                        .append(", next window ").append(state.nextWindow() != null ? state.nextWindow()
                                : state.watermark() != null ? "none (caught up)" : "from startFrom")
                        .append(" (maxWindow ").append(state.maxWindow()).append(", ingestionDelay ")
                        .append(state.ingestionDelay()).append(", lookback ").append(state.lookback()).append(")\n");
            }
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        List<JsonObject> list = new ArrayList<>();
        for (LogAnalyticsEndpoint endpoint : endpoints()) {
            QueryMetrics metrics = endpoint.metrics();
            JsonObject jo = new JsonObject();
            jo.put("uri", uri(endpoint));
            jo.put("target", endpoint.getTarget());
            jo.put("queries", metrics.queries());
            jo.put("rows", metrics.rows());
            jo.put("errors", metrics.errors());
            JsonObject byException = new JsonObject();
            byException.putAll(metrics.errorsByClass());
            jo.put("errorsByException", byException);
            QueryMetrics.LastQuery last = metrics.last();
            if (last != null) {
                JsonObject lq = new JsonObject();
                lq.put("at", last.at().toString());
                lq.put("target", last.target());
                lq.put("millis", last.millis());
                lq.put("failed", last.failed());
                if (last.failed()) {
                    lq.put("exception", last.exception());
                    lq.put("errorCode", last.errorCode());
                } else {
                    lq.put("rows", last.rows());
                }
                lq.put("requestId", last.requestId());
                lq.put("correlationId", last.correlationId());
                jo.put("lastQuery", lq);
            }
            List<JsonObject> consumers = new ArrayList<>();
            for (LogAnalyticsConsumer consumer : consumers(endpoint)) {
                ConsumerState state = ConsumerState.of(consumer);
                JsonObject jc = new JsonObject();
                jc.put("routeId", consumer.getRouteId());
                jc.put("incremental", state.incremental());
                if (state.incremental()) {
                    jc.put("watermark", state.watermark() != null ? state.watermark().toString() : null);
                    jc.put("lagMillis", state.lag() != null ? state.lag().toMillis() : null);
                    if (state.nextWindow() != null) {
                        jc.put("nextWindowStart", state.nextWindow().start().toString());
                        jc.put("nextWindowEnd", state.nextWindow().end().toString());
                    }
                    jc.put("maxWindow", state.maxWindow().toString());
                    jc.put("ingestionDelay", state.ingestionDelay().toString());
                    jc.put("lookback", state.lookback().toString());
                }
                consumers.add(jc);
            }
            if (!consumers.isEmpty()) {
                jo.put("consumers", consumers);
            }
            list.add(jo);
        }
        root.put("endpoints", list);
        return root;
    }

    private List<LogAnalyticsEndpoint> endpoints() {
        return getCamelContext().getEndpoints().stream()
                .filter(LogAnalyticsEndpoint.class::isInstance).map(LogAnalyticsEndpoint.class::cast)
                .sorted(Comparator.comparing(LogAnalyticsEndpoint::getEndpointUri)).toList();
    }

    /** The consumers routes run directly on the endpoint (one under {@code master:} is the master's, not shown). */
    private List<LogAnalyticsConsumer> consumers(LogAnalyticsEndpoint endpoint) {
        return getCamelContext().getRoutes().stream().map(Route::getConsumer)
                .filter(LogAnalyticsConsumer.class::isInstance).map(LogAnalyticsConsumer.class::cast)
                .filter(consumer -> consumer.getEndpoint() == endpoint).toList();
    }

    private static String uri(LogAnalyticsEndpoint endpoint) {
        return URISupport.sanitizeUri(endpoint.getEndpointBaseUri());
    }

    /**
     * Where an incremental consumer stands: its stored watermark, how far it is behind now, and the window the
     * next poll asks for, computed as the consumer does (from the watermark up to {@code maxWindow}, no later than
     * now minus {@code ingestionDelay}).
     */
    private record ConsumerState(boolean incremental, Instant watermark, Duration lag, TimeWindow nextWindow,
            Duration maxWindow, Duration ingestionDelay, Duration lookback) {

        static ConsumerState of(LogAnalyticsConsumer consumer) {
            LogAnalyticsConfiguration config = consumer.getEndpoint().getConfiguration();
            if (!config.isIncremental()) {
                return new ConsumerState(false, null, null, null, null, null, null);
            }
            Instant watermark = parse(consumer.storedWatermark());
            Instant now = consumer.getEndpoint().clock().instant();
            Duration lag = watermark != null ? Duration.between(watermark, now) : null;
            TimeWindow next = null;
            if (watermark != null) {
                Instant limit = now.minus(config.getIngestionDelay()).truncatedTo(ChronoUnit.SECONDS);
                Instant end = watermark.plus(config.getMaxWindow());
                next = watermark.isBefore(limit) ? new TimeWindow(watermark, end.isBefore(limit) ? end : limit) : null;
            }
            return new ConsumerState(true, watermark, lag, next, config.getMaxWindow(), config.getIngestionDelay(),
                    config.getLookback());
        }

        private static Instant parse(String stored) {
            try {
                return stored != null ? Instant.parse(stored) : null;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
