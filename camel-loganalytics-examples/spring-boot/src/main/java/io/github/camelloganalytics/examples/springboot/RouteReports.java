package io.github.camelloganalytics.examples.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Collects what each route got, as the bean {@value #BEAN_NAME} the routes call: {@code bean:reports?method=rows} at
 * the end of a route, {@code bean:reports?method=caught} in an {@code onException} the example means to show,
 * {@code bean:reports?method=failed} in the catch-all one. Its exit code is 0 once every expected route has reported
 * and none failed, 1 otherwise.
 */
@Component(RouteReports.BEAN_NAME)
public class RouteReports implements ExitCodeGenerator {

    /** The bean name the routes call. */
    public static final String BEAN_NAME = "reports";

    private final Map<String, RouteReport> reports = new LinkedHashMap<>();
    private final List<String> expected = new ArrayList<>();

    /** Records the rows in the body as the report of the exchange's route. */
    @SuppressWarnings("unchecked")
    public void rows(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        List<Map<String, Object>> rows = body instanceof List<?> list ? List.copyOf((List<Map<String, Object>>) list)
                : List.of();
        report(new RouteReport(exchange.getFromRouteId(), rows, null, false));
    }

    /** Records the exception an {@code onException} handled, one the example sets out to show. */
    public void caught(Exchange exchange) {
        report(new RouteReport(exchange.getFromRouteId(), List.of(), caughtException(exchange), false));
    }

    /** Records an exception no example sets out to show: the run does not count as a success. */
    public void failed(Exchange exchange) {
        report(new RouteReport(exchange.getFromRouteId(), List.of(), caughtException(exchange), true));
    }

    private static Exception caughtException(Exchange exchange) {
        return exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
    }

    private synchronized void report(RouteReport report) {
        reports.put(report.routeId(), report);
        notifyAll();
    }

    /**
     * Waits until each of the routes has reported, or the time is up.
     *
     * @return whether every route reported
     */
    public synchronized boolean await(Collection<String> routeIds, Duration timeout) throws InterruptedException {
        expected.clear();
        expected.addAll(routeIds);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reports.keySet().containsAll(expected)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** The report of one route, or {@code null} if it has not reported. */
    public synchronized RouteReport report(String routeId) {
        return reports.get(routeId);
    }

    /** One line per expected route, then how many reported and how many failed. */
    public synchronized String render() {
        StringBuilder out = new StringBuilder();
        for (String routeId : expected) {
            RouteReport report = reports.get(routeId);
            out.append(String.format("%-24s %s%n", routeId,
                    report == null ? "NO REPORT: the route did not report in time" : report.describe()));
        }
        long reported = expected.stream().filter(reports::containsKey).count();
        long failed = reports.values().stream().filter(RouteReport::failed).count();
        out.append(reported).append(" of ").append(expected.size()).append(" routes reported")
                .append(failed == 0 ? "" : ", " + failed + " FAILED").append(System.lineSeparator());
        return out.toString();
    }

    @Override
    public synchronized int getExitCode() {
        boolean allReported = !expected.isEmpty() && reports.keySet().containsAll(expected);
        return allReported && reports.values().stream().noneMatch(RouteReport::failed) ? 0 : 1;
    }
}
