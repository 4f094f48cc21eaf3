package io.github.camelloganalytics.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the application has started: waits until every route has reported, at most {@code example.routes-timeout},
 * asks the application's own {@code /actuator/health} over HTTP, and prints the summary.
 */
@Component
public class ExampleRunner implements ApplicationRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CamelContext camelContext;
    private final RouteReports reports;
    private final Environment environment;
    private final Duration timeout;
    private volatile String summary = "";

    /**
     * @param timeout how long to wait for the routes' reports ({@code example.routes-timeout}); the summary lists
     *                a route that did not report in time
     */
    public ExampleRunner(CamelContext camelContext, RouteReports reports, Environment environment,
                         @Value("${example.routes-timeout:60s}") Duration timeout) {
        this.camelContext = camelContext;
        this.reports = reports;
        this.environment = environment;
        this.timeout = timeout;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        reports.await(camelContext.getRoutes().stream().map(Route::getRouteId).toList(), timeout);
        String health = "http://localhost:" + environment.getProperty("local.server.port") + "/actuator/health";
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(health)).build(), HttpResponse.BodyHandlers.ofString());
        summary = "=== camel-loganalytics Spring Boot example, against " + environment.getProperty(
                EmulatorUnlessConfigured.TARGET) + " ===" + System.lineSeparator()
                + reports.render()
                + "GET " + health + ": " + answer.statusCode() + ", " + healthLine(answer.body()) + System.lineSeparator();
        System.out.print(summary);
    }

    /**
     * The overall status and the state of the component's checks (ids {@code producer:loganalytics://...}) from the
     * health answer; Camel's route and context checks, and the details (the reason of a DOWN), stay at the URL.
     */
    private static String healthLine(String body) {
        try {
            JsonNode health = JSON.readTree(body);
            StringBuilder line = new StringBuilder("status ").append(health.path("status").asText());
            health.path("components").path("camelHealth").path("details").fields().forEachRemaining(check -> {
                if (check.getKey().startsWith("producer:loganalytics:") && check.getValue().isTextual()) {
                    line.append(", ").append(check.getKey()).append(' ').append(check.getValue().asText());
                }
            });
            return line.toString();
        } catch (JsonProcessingException notJson) {
            return body;
        }
    }

    /** The summary printed, empty until the run has printed it. */
    public String summary() {
        return summary;
    }
}
