package io.github.camelloganalytics.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;

/**
 * Collects what each example route got, and tells the application when every route has reported so that it stops
 * without waiting for its time limit. Bound in the registry as {@value #BEAN_NAME}; every route, in every DSL, ends
 * with {@code to("bean:summary?method=rows")} (or, when it writes rows to files, each row's exchange with
 * {@code to("bean:summary?method=written")}), and each {@code onException} that handles a failure with
 * {@code to("bean:summary?method=caught")}.
 */
public final class Summary {

    /** The registry name the routes call. */
    public static final String BEAN_NAME = "summary";

    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();
    private final Set<String> expected = new LinkedHashSet<>();
    /** Files being written, per route, until the route's last row: file name to rows. */
    private final Map<String, Map<String, Integer>> writing = new LinkedHashMap<>();
    private final Runnable whenComplete;
    private boolean expecting;
    private boolean completed;

    /**
     * @param whenComplete run once, when every expected route has reported
     */
    public Summary(Runnable whenComplete) {
        this.whenComplete = whenComplete;
    }

    /**
     * Records the rows in the body as the outcome of the exchange's route ({@code bean:summary?method=rows}, at the
     * end of a route). A route that reports again replaces its earlier outcome.
     */
    @SuppressWarnings("unchecked")
    public void rows(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        List<Map<String, Object>> rows = body instanceof List<?> list
                ? List.copyOf((List<Map<String, Object>>) list) : List.of();
        report(new Outcome(exchange.getFromRouteId(), rows, Map.of(), null, redeliveries(exchange), false));
    }

    /**
     * Counts a row a route wrote to a file ({@code bean:summary?method=written}, after the file producer, once per
     * row): the file is the one the producer names in {@value Exchange#FILE_NAME_PRODUCED}. The route reports on its
     * poll's last row ({@value Exchange#BATCH_COMPLETE}), or on the empty message of a poll that found no rows (no
     * file written).
     */
    public void written(Exchange exchange) {
        String routeId = exchange.getFromRouteId();
        String produced = exchange.getMessage().getHeader(Exchange.FILE_NAME_PRODUCED, String.class);
        boolean last = produced == null || exchange.getProperty(Exchange.BATCH_COMPLETE, false, Boolean.class);
        Outcome outcome = null;
        synchronized (this) {
            Map<String, Integer> files = writing.computeIfAbsent(routeId, id -> new LinkedHashMap<>());
            if (produced != null) {
                files.merge(Path.of(produced).getFileName().toString(), 1, Integer::sum);
            }
            if (last) {
                writing.remove(routeId);
                outcome = new Outcome(routeId, List.of(), Collections.unmodifiableMap(files), null,
                        redeliveries(exchange), false);
            }
        }
        if (outcome != null) {
            report(outcome);
        }
    }

    /**
     * Records the exception an {@code onException} handled as the outcome of the exchange's route
     * ({@code bean:summary?method=caught}, in the handler). It is told apart from {@link #rows} by the call, not by
     * the exchange: after a successful redelivery the exchange still holds the exception it recovered from.
     */
    public void caught(Exchange exchange) {
        report(caughtOutcome(exchange, false));
    }

    /**
     * Records an exception no example set out to show ({@code bean:summary?method=failed}, in the catch-all
     * handler): the run still ends when every route has reported, but does not count as a success.
     */
    public void failed(Exchange exchange) {
        report(caughtOutcome(exchange, true));
    }

    private static Outcome caughtOutcome(Exchange exchange, boolean failed) {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return new Outcome(exchange.getFromRouteId(), List.of(), Map.of(), caught, redeliveries(exchange), failed);
    }

    private static int redeliveries(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
    }

    /** The routes whose outcome completes the run; routes that already reported count. */
    public void expect(Collection<String> routeIds) {
        synchronized (this) {
            expected.addAll(routeIds);
            expecting = true;
        }
        completeIfDone();
    }

    private void report(Outcome outcome) {
        synchronized (this) {
            outcomes.put(outcome.routeId(), outcome);
        }
        completeIfDone();
    }

    private void completeIfDone() {
        synchronized (this) {
            if (completed || !expecting || !outcomes.keySet().containsAll(expected)) {
                return;
            }
            completed = true;
        }
        whenComplete.run();
    }

    /** The outcome each route reported, by route id, in the order they arrived. */
    public synchronized Map<String, Outcome> outcomes() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** The outcome of one route, or {@code null} if it has not reported. */
    public synchronized Outcome outcome(String routeId) {
        return outcomes.get(routeId);
    }

    /** Whether every expected route has reported. */
    public synchronized boolean isComplete() {
        return completed;
    }

    /** Whether every expected route has reported and none of them failed. */
    public synchronized boolean isSuccessful() {
        return completed && outcomes.values().stream().noneMatch(Outcome::failed);
    }

    /** The routes expected but not heard from. */
    public synchronized List<String> missing() {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(outcomes.keySet());
        return missing;
    }

    /** The report printed at the end of a run: one line per expected route, then the count. */
    public synchronized String render(String heading) {
        StringBuilder out = new StringBuilder();
        out.append("=== ").append(heading).append(" ===").append(System.lineSeparator());
        for (String routeId : expected) {
            Outcome outcome = outcomes.get(routeId);
            out.append(String.format("%-18s %s%n", routeId,
                    outcome == null ? "NO OUTCOME: the route did not report before the time limit" : outcome.describe()));
        }
        long failed = outcomes.values().stream().filter(Outcome::failed).count();
        out.append(expected.size() - missing().size()).append(" of ").append(expected.size())
                .append(" routes reported").append(failed == 0 ? "" : ", " + failed + " FAILED")
                .append(System.lineSeparator());
        return out.toString();
    }
}
