package io.github.camelloganalytics;

import org.apache.camel.Exchange;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.Synchronization;

/**
 * Advances the watermark to a window's end once every exchange of the window has completed, and never when one
 * failed. Exchanges may complete on other threads (an asynchronous route), so it counts rather than assumes. A write
 * the repository refuses is not retried here: the window is settled, and its listener keeps the end for the next
 * poll, which writes it before asking anything else.
 */
final class WindowCommit implements Synchronization {

    /** Told what became of the window's commit, on the thread that completed its last exchange. */
    interface Listener {
        void committed(TimeWindow window);

        void commitFailed(TimeWindow window, RuntimeException cause);
    }

    private final StateRepository<String, String> repository;
    private final String key;
    private final TimeWindow window;
    private final Listener listener;
    private int dispatched;
    private int completed;
    private int failed;
    private boolean sealed;
    private boolean committed;
    private RuntimeException commitFailure;

    WindowCommit(StateRepository<String, String> repository, String key, TimeWindow window, Listener listener) {
        this.repository = repository;
        this.key = key;
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

    /** True once the outcome is known: committed, failed, its commit refused, or never sealed (the query failed). */
    synchronized boolean isSettled() {
        return committed || failed > 0 || commitFailure != null || !sealed;
    }

    private void commitIfDone() {
        if (sealed && !committed && commitFailure == null && failed == 0 && completed == dispatched) {
            try {
                repository.setState(key, window.end().toString());
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
