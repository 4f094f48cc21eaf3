package io.github.camelloganalytics.client;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The time a whole answer may take, request sent to last byte read. When it passes, the given action runs once (the
 * client aborts the request, which closes its connection): a caller blocked in a read then fails at once, and so
 * does a thread reading the body ahead, whatever the server keeps sending or withholding.
 * <p>
 * One daemon thread for the whole JVM watches every deadline; it only ever runs the abort, which returns at once.
 * A deadline {@link #close() closed} in time never fires and leaves nothing scheduled.
 */
final class Deadline implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ScheduledFuture<?> task;
    private volatile boolean passed;

    private Deadline(Duration timeout, Runnable onExpiry) {
        this.task = TIMER.schedule(() -> {
            passed = true;
            onExpiry.run();
        }, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    /**
     * @param  timeout  how long from now
     * @param  onExpiry what to do when the time has passed first
     * @return          the running deadline
     */
    static Deadline after(Duration timeout, Runnable onExpiry) {
        return new Deadline(timeout, onExpiry);
    }

    /** @return whether the time passed (and the action ran or is running) */
    boolean passed() {
        return passed;
    }

    /** The answer is complete or failed on its own: the action must not run any more. */
    @Override
    public void close() {
        task.cancel(false);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "LogAnalyticsDeadline");
            thread.setDaemon(true);
            return thread;
        });
        // a deadline met (nearly all of them) must not stay queued for the rest of its timeout
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
