package io.github.camelloganalytics.examples;

import java.util.List;
import java.util.Map;

/**
 * What one example route got: the rows it read, the files it wrote, or the exception its {@code onException} caught.
 *
 * @param routeId      the route that reported
 * @param rows         the rows of the primary table, empty when the route caught an exception or wrote files
 * @param files        for a route that writes rows to files: each file's name and how many rows went into it, in
 *                     the order the files were first written; empty otherwise
 * @param caught       the exception the route's error handler caught, or {@code null}
 * @param redeliveries how many times Camel redelivered the exchange before this outcome
 * @param failed       whether the exception is not one the example demonstrates (caught by the catch-all handler)
 */
public record Outcome(String routeId, List<Map<String, Object>> rows, Map<String, Integer> files, Exception caught,
                      int redeliveries, boolean failed) {

    /** How many rows went into files, over all of them. */
    public int rowsWritten() {
        return files.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The line the summary prints for this outcome. */
    public String describe() {
        String tries = redeliveries == 0 ? "" : " after " + redeliveries + (redeliveries == 1 ? " redelivery" : " redeliveries");
        if (caught != null) {
            return (failed ? "FAILED, " : "") + "caught " + caught.getClass().getSimpleName() + tries + ": " + caught.getMessage();
        }
        if (!files.isEmpty()) {
            return rowsWritten() + " rows written to " + files.size() + (files.size() == 1 ? " file" : " files")
                    + tries + ": " + files;
        }
        return rows.size() + (rows.size() == 1 ? " row" : " rows") + tries + ": " + rows;
    }
}
