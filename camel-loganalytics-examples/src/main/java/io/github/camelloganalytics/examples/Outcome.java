package io.github.camelloganalytics.examples;

import java.util.List;
import java.util.Map;

/**
 * What one example route got: the rows it read, or the exception its {@code onException} caught.
 *
 * @param routeId      the route that reported
 * @param rows         the rows of the primary table, empty when the route caught an exception
 * @param caught       the exception the route's error handler caught, or {@code null}
 * @param redeliveries how many times Camel redelivered the exchange before this outcome
 * @param failed       whether the exception is not one the example demonstrates (caught by the catch-all handler)
 */
public record Outcome(String routeId, List<Map<String, Object>> rows, Exception caught, int redeliveries,
                      boolean failed) {

    /** The line the summary prints for this outcome. */
    public String describe() {
        String tries = redeliveries == 0 ? "" : " after " + redeliveries + (redeliveries == 1 ? " redelivery" : " redeliveries");
        if (caught != null) {
            return (failed ? "FAILED, " : "") + "caught " + caught.getClass().getSimpleName() + tries + ": " + caught.getMessage();
        }
        return rows.size() + (rows.size() == 1 ? " row" : " rows") + tries + ": " + rows;
    }
}
