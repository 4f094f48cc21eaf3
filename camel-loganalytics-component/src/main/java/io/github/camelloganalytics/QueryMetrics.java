package io.github.camelloganalytics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelloganalytics.client.ApiTarget;
import io.github.camelloganalytics.error.LogAnalyticsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an endpoint's queries came to: one DEBUG line per query (target, duration, rows, the service's request id)
 * and the counters its JMX attributes show. Only the outcome is logged, never a request's headers, so no token can
 * reach the log.
 */
final class QueryMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(QueryMetrics.class);

    private final LongAdder queries = new LongAdder();
    private final LongAdder rows = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> errorsByClass = new ConcurrentHashMap<>();

    /** @return the start of a query, for {@link #succeeded} or {@link #failed} */
    static long start() {
        return System.nanoTime();
    }

    void succeeded(ApiTarget target, int rowCount, String requestId, long started) {
        queries.increment();
        rows.add(rowCount);
        LOG.debug("Query on {} took {} ms and answered {} rows, request id {}", target, millisSince(started),
                rowCount, requestId);
    }

    void failed(ApiTarget target, LogAnalyticsException error, long started) {
        queries.increment();
        errors.increment();
        errorsByClass.computeIfAbsent(error.getClass().getSimpleName(), name -> new LongAdder()).increment();
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

    void reset() {
        queries.reset();
        rows.reset();
        errors.reset();
        errorsByClass.clear();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
