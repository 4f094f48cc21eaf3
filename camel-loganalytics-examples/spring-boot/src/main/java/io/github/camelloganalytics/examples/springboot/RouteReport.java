package io.github.camelloganalytics.examples.springboot;

import java.util.List;
import java.util.Map;

/**
 * What one route got: the rows of its query, or the exception its {@code onException} handled.
 *
 * @param routeId the route that reported
 * @param rows    the rows of the primary table; empty when the route caught an exception
 * @param caught  the exception the route's error handler caught, or {@code null}
 * @param failed  whether that exception is not one the example sets out to show
 */
public record RouteReport(String routeId, List<Map<String, Object>> rows, Exception caught, boolean failed) {

    /** The summary's line for this report. */
    public String describe() {
        if (caught != null) {
            return (failed ? "FAILED, " : "") + "caught " + caught.getClass().getSimpleName() + ": " + caught.getMessage();
        }
        return rows.size() + (rows.size() == 1 ? " row: " : " rows: ") + rows;
    }
}
