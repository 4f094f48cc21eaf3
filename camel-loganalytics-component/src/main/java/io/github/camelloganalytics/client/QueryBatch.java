package io.github.camelloganalytics.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.error.ThrottledException;

/**
 * Runs a list of queries as single queries, concurrently, instead of the service's deprecated {@code $batch}
 * (support ends 2028-03-31; Microsoft's migration guide says to send the queries one by one).
 * <p>
 * Queries run on the given scheduled executor, at most {@code parallelism} at a time: that many lanes each take the
 * next query of the list once their last one is done, so a batch of any size puts no more than {@code parallelism}
 * tasks on the executor's queue (Camel's pools refuse work past 1,000 queued). Each query's
 * outcome is kept on its own: the result list holds, in the input order, either what the runner returned or the
 * query's {@link LogAnalyticsException}, so one failure hides no other. A query answered 429 is tried again after
 * its {@code Retry-After} (or {@link #DEFAULT_RETRY_DELAY} without one), up to the configured number of times; the
 * wait is scheduled, not slept, so it holds no thread and the other queries go on meanwhile.
 */
public final class QueryBatch {

    /** The wait before trying a throttled query again when the service gave no {@code Retry-After}. */
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

    /**
     * Runs one query of a batch.
     *
     * @param <T> what a successful query gives
     */
    @FunctionalInterface
    public interface Runner<T> {
        /**
         * @param  request               the query
         * @return                       its result
         * @throws LogAnalyticsException the query's typed failure, kept as its item
         */
        T run(QueryRequest request) throws LogAnalyticsException;
    }

    private final ScheduledExecutorService executor;
    private final int maxThrottleRetries;
    private final int parallelism;

    /**
     * @param executor           runs the queries
     * @param maxThrottleRetries how often one query answered 429 is tried again (0 for never)
     * @param parallelism        how many queries are in flight at most
     */
    public QueryBatch(ScheduledExecutorService executor, int maxThrottleRetries, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
        }
        this.executor = executor;
        this.maxThrottleRetries = maxThrottleRetries;
        this.parallelism = parallelism;
    }

    /**
     * Runs every query and waits for all of them.
     *
     * @param  requests             the queries, each complete (with its target)
     * @param  runner               runs one query
     * @return                      in the input order, each query's result or its {@link LogAnalyticsException}
     * @throws InterruptedException when the caller is interrupted; queries not yet started are abandoned
     * @throws RuntimeException     the first unexpected (untyped) failure of a runner, once every query is done
     */
    public List<Object> run(List<QueryRequest> requests, Runner<?> runner) throws InterruptedException {
        List<CompletableFuture<Object>> outcomes = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            outcomes.add(new CompletableFuture<>());
        }
        Lanes lanes = new Lanes(requests, runner, outcomes);
        lanes.pump();
        List<Object> results = new ArrayList<>(requests.size());
        RuntimeException unexpected = null;
        try {
            for (CompletableFuture<Object> outcome : outcomes) {
                try {
                    results.add(outcome.get());
                } catch (ExecutionException e) {
                    results.add(null);
                    if (unexpected == null) {
                        unexpected = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException("A batch query failed unexpectedly", e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            // completing the outcomes stops retries from being scheduled for a batch nobody waits for
            lanes.abandon();
            outcomes.forEach(o -> o.cancel(false));
            throw e;
        }
        if (unexpected != null) {
            throw unexpected;
        }
        return results;
    }

    /**
     * Hands out the work in order, to at most {@code parallelism} running tasks: throttled queries whose wait is
     * over first, then the next query not yet started. A throttled query gives its place up while it waits.
     */
    private final class Lanes {
        private final List<QueryRequest> requests;
        private final Runner<?> runner;
        private final List<CompletableFuture<Object>> outcomes;
        private final AtomicInteger nextIndex = new AtomicInteger();
        private final AtomicInteger free = new AtomicInteger(parallelism);
        private final Queue<Runnable> retries = new ConcurrentLinkedQueue<>();
        private volatile boolean abandoned;

        Lanes(List<QueryRequest> requests, Runner<?> runner, List<CompletableFuture<Object>> outcomes) {
            this.requests = requests;
            this.runner = runner;
            this.outcomes = outcomes;
        }

        /** Nobody waits for the batch any more: nothing further is started. */
        void abandon() {
            abandoned = true;
        }

        /** Starts work while there is a free place and work to do. */
        void pump() {
            while (!abandoned && takePlace()) {
                Runnable work = nextWork();
                if (work == null) {
                    free.incrementAndGet();
                    // work added while this thread held the place would otherwise wait for nobody
                    if (retries.isEmpty() && nextIndex.get() >= requests.size()) {
                        return;
                    }
                    continue;
                }
                try {
                    executor.execute(work);
                } catch (RejectedExecutionException e) {
                    abandon();
                    outcomes.forEach(o -> o.completeExceptionally(
                            new IllegalStateException("The batch executor is shut down", e)));
                    return;
                }
            }
        }

        private boolean takePlace() {
            while (true) {
                int places = free.get();
                if (places == 0) {
                    return false;
                }
                if (free.compareAndSet(places, places - 1)) {
                    return true;
                }
            }
        }

        private Runnable nextWork() {
            Runnable retry = retries.poll();
            if (retry != null) {
                return retry;
            }
            int index = nextIndex.getAndIncrement();
            return index < requests.size() ? () -> attempt(index, 0) : null;
        }

        /** Runs one attempt of one query in a place taken for it, and gives the place up after. */
        private void attempt(int index, int attempt) {
            CompletableFuture<Object> outcome = outcomes.get(index);
            try {
                if (!outcome.isDone()) {
                    run(index, attempt, outcome);
                }
            } finally {
                free.incrementAndGet();
                pump();
            }
        }

        private void run(int index, int attempt, CompletableFuture<Object> outcome) {
            try {
                outcome.complete(runner.run(requests.get(index)));
            } catch (ThrottledException e) {
                if (attempt >= maxThrottleRetries) {
                    outcome.complete(e);
                    return;
                }
                Duration wait = e.getRetryAfter() != null ? e.getRetryAfter() : DEFAULT_RETRY_DELAY;
                try {
                    // the wait is scheduled and holds no place: the other queries go on meanwhile
                    executor.schedule(() -> {
                        retries.add(() -> attempt(index, attempt + 1));
                        pump();
                    }, wait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException rejected) {
                    outcome.complete(e);
                }
            } catch (LogAnalyticsException e) {
                outcome.complete(e);
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
            }
        }
    }
}
