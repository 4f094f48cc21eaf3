package io.github.camelloganalytics;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelloganalytics.client.ApiTarget;
import io.github.camelloganalytics.error.LogAnalyticsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an endpoint's queries came to: one DEBUG line per query (target, duration, rows, the service's request id),
 * the counters its JMX attributes show, and the last query's outcome the dev console shows. Only the outcome is logged, never a request's headers, so no token can
 * reach the log.
 */
final class QueryMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(QueryMetrics.class);

    private final LongAdder queries = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> errorsByClass = new ConcurrentHashMap<>();
    private volatile LastQuery last;

    /** @return the start of a query, for {@link #succeeded} or {@link #failed} */
    static long start() {
        return System.nanoTime();
    }

    void succeeded(ApiTarget target, int rowCount, String requestId, long started) {
        queries.increment();
        rows.add(rowCount);
        last = new LastQuery(Instant.now(), String.valueOf(target), millisSince(started), rowCount, requestId, null,
                null, null);
        LOG.debug("Query on {} took {} ms and answered {} rows, request id {}", target, millisSince(started),
                rowCount, requestId);
    }

    void failed(ApiTarget target, LogAnalyticsException error, long started) {
        queries.increment();
        errors.increment();
        errorsByClass.computeIfAbsent(error.getClass().getSimpleName(), name -> new LongAdder()).increment();
        last = new LastQuery(Instant.now(), String.valueOf(target), millisSince(started), -1, error.getRequestId(),
                CorrelationIds.of(error), error.getClass().getSimpleName(), error.getErrorCode());
        LOG.debug("Query on {} failed after {} ms with {} (HTTP {}), request id {}", target, millisSince(started),
                error.getClass().getSimpleName(), error.getStatusCode(), error.getRequestId());
    }

    long queries() {
        return queries.sum();
    }

    long rows() {
        return rows.sum();
    }

    long errors() {
        return errors.sum();
    }

    /** @return failures per exception class (simple name), sorted by name */
    Map<String, Long> errorsByClass() {
        Map<String, Long> counts = new TreeMap<>();
        errorsByClass.forEach((name, count) -> counts.put(name, count.sum()));
        return counts;
    }

    /** @return the last query's outcome, or null before the first */
    LastQuery last() {
        return last;
    }

    void reset() {
        last = null;
        queries.reset();
        rows.reset();
        errors.reset();
        errorsByClass.clear();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * One query's outcome.
     *
     * @param at            when it ended
     * @param target        where it went
     * @param millis        how long it took
     * @param rows          the rows of the primary table answered; -1 when it failed
     * @param requestId     the service's request id (or the client request id sent), or null
     * @param correlationId the error body's correlation id, or null
     * @param exception     the exception class (simple name) it failed with, or null when it succeeded
     * @param errorCode     the service's error code, or null
     */
    record LastQuery(Instant at, String target, long millis, int rows, String requestId, String correlationId,
            String exception, String errorCode) {

        boolean failed() {
            return exception != null;
        }
    }
}
