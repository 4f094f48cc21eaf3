package io.github.camelloganalytics;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.Synchronization;

/**
 * Advances the watermark to a window's end once every exchange of the window has completed, and never when one
 * failed. Exchanges may complete on other threads (an asynchronous route), so it counts rather than assumes.
 */
final class WindowCommit implements Synchronization {

    private final StateRepository<String, String> repository;
    private final String key;
    private final Instant end;
    private int dispatched;
    private int completed;
    private int failed;
    private boolean sealed;
    private boolean committed;

    WindowCommit(StateRepository<String, String> repository, String key, Instant end) {
        this.repository = repository;
        this.key = key;
        this.end = end;
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

    /** True once the outcome is known: committed, failed, or never sealed because the query failed. */
    synchronized boolean isSettled() {
        return committed || failed > 0 || !sealed;
    }

    private void commitIfDone() {
        if (sealed && !committed && failed == 0 && completed == dispatched) {
            repository.setState(key, end.toString());
            committed = true;
        }
    }
}
