package io.github.camelloganalytics;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Keeps a consumer's queries at least {@code minQueryInterval} apart, so that catching up a backlog, or a short
 * {@code delay}, cannot spend the service's request budget (200 requests per 30 seconds per user) in a burst. It
 * waits on the polling thread in short slices, so a consumer being stopped stops waiting at once.
 */
final class QueryPacer {

    /** The longest single sleep: how late a stop may be noticed. */
    private static final long SLICE_MILLIS = 100;

    private final long intervalNanos;
    private long lastQuery;
    private boolean queried;

    QueryPacer(Duration minQueryInterval) {
        this.intervalNanos = minQueryInterval.toNanos();
    }

    /**
     * Waits until the interval since the previous query has passed, then counts a query as sent now.
     *
     * @param  running false once the consumer should stop
     * @return         false when the consumer was stopped: no query may be sent
     */
    synchronized boolean awaitTurn(BooleanSupplier running) throws InterruptedException {
        if (queried && intervalNanos > 0) {
            long wait;
            while ((wait = lastQuery + intervalNanos - System.nanoTime()) > 0) {
                if (!running.getAsBoolean()) {
                    return false;
                }
                Thread.sleep(Math.max(1, Math.min(SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(wait))));
            }
        }
        if (!running.getAsBoolean()) {
            return false;
        }
        lastQuery = System.nanoTime();
        queried = true;
        return true;
    }
}
