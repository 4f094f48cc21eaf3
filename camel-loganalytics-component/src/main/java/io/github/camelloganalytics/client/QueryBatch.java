package io.github.camelloganalytics.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.error.ThrottledException;

/**
 * Runs a list of queries as single queries, concurrently, instead of the service's deprecated {@code $batch}
 * (support ends 2028-03-31; Microsoft's migration guide says to send the queries one by one).
 * <p>
 * Queries run on the given scheduled executor, so at most as many are in flight as it has threads. Each query's
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

    /**
     * @param executor           runs the queries; its thread count bounds how many are in flight
     * @param maxThrottleRetries how often one query answered 429 is tried again (0 for never)
     */
    public QueryBatch(ScheduledExecutorService executor, int maxThrottleRetries) {
        this.executor = executor;
        this.maxThrottleRetries = maxThrottleRetries;
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
        for (QueryRequest request : requests) {
            CompletableFuture<Object> outcome = new CompletableFuture<>();
            outcomes.add(outcome);
            submit(request, runner, outcome, 0);
        }
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
            outcomes.forEach(o -> o.cancel(false));
            throw e;
        }
        if (unexpected != null) {
            throw unexpected;
        }
        return results;
    }

    private void submit(QueryRequest request, Runner<?> runner, CompletableFuture<Object> outcome, int attempt) {
        try {
            executor.execute(() -> attempt(request, runner, outcome, attempt));
        } catch (RejectedExecutionException e) {
            outcome.completeExceptionally(new IllegalStateException("The batch executor is shut down", e));
        }
    }

    private void attempt(QueryRequest request, Runner<?> runner, CompletableFuture<Object> outcome, int attempt) {
        if (outcome.isDone()) {
            return;
        }
        try {
            outcome.complete(runner.run(request));
        } catch (ThrottledException e) {
            if (attempt >= maxThrottleRetries) {
                outcome.complete(e);
                return;
            }
            Duration wait = e.getRetryAfter() != null ? e.getRetryAfter() : DEFAULT_RETRY_DELAY;
            try {
                executor.schedule(() -> attempt(request, runner, outcome, attempt + 1), wait.toMillis(),
                        TimeUnit.MILLISECONDS);
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
