package io.github.camelloganalytics;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;

/**
 * Advances the watermark to a window's end once every exchange of the window has completed, and never when one
 * failed. Exchanges may complete on other threads (an asynchronous route), so it counts rather than assumes. A write
 * the repository refuses is not retried here: the window is settled, and its listener keeps the end for the next
 * poll, which writes it before asking anything else. The end is written only over the window's start: if another
 * node moved the watermark meanwhile (it took the lead while this window was in the route), nothing is written and
 * the window counts as superseded.
 */
final class WindowCommit implements Synchronization {

    /** Told what became of the window's commit, on the thread that completed its last exchange. */
    interface Listener {
        void committed(TimeWindow window);

        void commitFailed(TimeWindow window, RuntimeException cause);

        /** Another writer moved the watermark from the window's start: the window's end was not written. */
        void superseded(TimeWindow window);
    }

    private final Watermarks watermarks;
    private final String key;
    /** The stored value the window starts from, as stored: the end is written only over it. */
    private final String expected;
    private final TimeWindow window;
    private final Listener listener;
    private int dispatched;
    private int completed;
    private int failed;
    private boolean sealed;
    private boolean committed;
    private boolean superseded;
    private RuntimeException commitFailure;

    WindowCommit(Watermarks watermarks, String key, String expected, TimeWindow window, Listener listener) {
        this.watermarks = watermarks;
        this.key = key;
        this.expected = expected;
        this.window = window;
        this.listener = listener;
    }

    /** Registers an exchange of the window, before it is processed. */
    synchronized void track(Exchange exchange) {
        dispatched++;
        exchange.getExchangeExtension().addOnCompletion(this);
    }

    /** Every exchange of the window has been handed to the route: commit as soon as they have all completed. */
    synchronized void seal() {
        sealed = true;
        commitIfDone();
    }

    @Override
    public synchronized void onComplete(Exchange exchange) {
        completed++;
        commitIfDone();
    }

    @Override
    public synchronized void onFailure(Exchange exchange) {
        failed++;
    }

    synchronized boolean isCommitted() {
        return committed;
    }

    /** True once an exchange of the window failed: the window will be asked again, so sending more is useless. */
    synchronized boolean hasFailed() {
        return failed > 0;
    }

    /**
     * True once the outcome is known: committed, failed, its commit refused or superseded, or never sealed (the query
     * failed).
     */
    synchronized boolean isSettled() {
        return committed || superseded || failed > 0 || commitFailure != null || !sealed;
    }

    private void commitIfDone() {
        if (sealed && !committed && !superseded && commitFailure == null && failed == 0 && completed == dispatched) {
            try {
                if (!watermarks.advance(key, expected, window.end().toString())) {
                    superseded = true;
                    listener.superseded(window);
                    return;
                }
            } catch (RuntimeException e) {
                commitFailure = e;
                listener.commitFailed(window, e);
                return;
            }
            committed = true;
            listener.committed(window);
        }
    }
}
