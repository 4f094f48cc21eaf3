package io.github.camelloganalytics.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.error.QuerySyntaxException;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LoggedRequest;
import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.token.RecordedTokenRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example application as it runs with no workspace configured: against the emulator it starts itself, with
 * real tokens from the emulator's token endpoint. What each route got, what reached the emulator, the health
 * endpoint and the summary.
 */
@SpringBootTest(classes = SpringBootExampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SpringBootExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEALTH_CHECK = "producer:loganalytics://" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID;

    @Autowired
    RouteReports reports;
    @Autowired
    ExampleRunner runner;
    @Autowired
    LogAnalyticsEmulator emulator;
    @Value("${local.server.port}")
    int port;

    private static String queryOf(LoggedRequest request) {
        try {
            return JSON.readTree(request.body()).path("query").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON body: " + request.body(), e);
        }
    }

    private List<Integer> statusesOf(String query) {
        return emulator.requestLog().entries().stream().filter(r -> query.equals(queryOf(r)))
                .map(LoggedRequest::status).toList();
    }

    /**
     * What {@code summarize count() by column | order by column asc} answers over the sample workspace's records, as
     * the emulator holds them.
     *
     * @param table  the table
     * @param column the column counted by
     * @param last   the timespan before the emulator's clock, or null for all records
     */
    private List<Map<String, Object>> countBy(String table, String column, Duration last) {
        Table t = emulator.sampleWorkspace().table(table).orElseThrow();
        Instant from = last == null ? Instant.MIN : emulator.clock().instant().minus(last);
        Map<String, Long> counts = new TreeMap<>();
        t.records().stream().filter(r -> ((Instant) r.value(t.timeGeneratedIndex())).isAfter(from))
                .forEach(r -> counts.merge((String) r.value(t.columnIndex(column)), 1L, Long::sum));
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((key, n) -> rows.add(Map.of(column, key, "count_", n)));
        return rows;
    }

    @Test
    void theJavaAndYamlRoutesGetTheirRowsAndTheBadQueryItsException() {
        RouteReport heartbeats = reports.report(HeartbeatRoutes.ROUTE_ID);
        assertNull(heartbeats.caught());
        assertEquals(countBy("Heartbeat", "Computer", Duration.ofDays(2)), heartbeats.rows()); // timespan P2D

        RouteReport requests = reports.report("requests-by-role");
        assertNull(requests.caught());
        assertEquals(countBy("AppRequests", "AppRoleName", null), requests.rows());

        RouteReport badQuery = reports.report("bad-query");
        assertInstanceOf(QuerySyntaxException.class, badQuery.caught());
        assertFalse(badQuery.failed());
        assertEquals(0, reports.getExitCode());

        // one query each, let in with a token the component got from the token endpoint
        assertEquals(List.of(200), statusesOf("Heartbeat | summarize count() by Computer | order by Computer asc"));
        assertEquals(List.of(200), statusesOf("AppRequests | summarize count() by AppRoleName | order by AppRoleName asc"));
        assertEquals(List.of(400), statusesOf("Heartbeat | wher Computer == 'vm-web-01'"));
        List<RecordedTokenRequest> tokens = emulator.tokenEndpoint().tokenRequests();
        assertFalse(tokens.isEmpty(), "no token was asked for");
        for (RecordedTokenRequest token : tokens) {
            assertEquals(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, token.clientId());
            assertEquals("client_credentials", token.grantType());
            assertEquals(200, token.status());
        }
    }

    @Test
    void healthShowsTheComponentsReadinessCheckUp() throws Exception {
        // the JDK's client: Spring Boot 4 moved TestRestTemplate to a module of its own
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofMinutes(1)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        JsonNode body = JSON.readTree(health.body());
        assertEquals("UP", body.path("status").asText(), health.body());
        assertEquals("UP", body.path("components").path("camelHealth").path("details").path(HEALTH_CHECK).asText(),
                health.body());
        assertTrue(statusesOf("print 1").contains(200), "the check did not query the emulator");
    }

    @Test
    void theSummaryListsEveryRouteAndTheHealthAnswerAndNoSecret(CapturedOutput output) {
        String summary = runner.summary();
        assertTrue(summary.startsWith("=== camel-loganalytics Spring Boot example, against the embedded emulator at "
                + emulator.queryUrl()), summary);
        assertTrue(summary.contains(HeartbeatRoutes.ROUTE_ID + "   4 rows: [{"), summary);
        assertTrue(summary.contains("bad-query                caught QuerySyntaxException: Query syntax error"), summary);
        assertTrue(summary.contains("3 of 3 routes reported" + System.lineSeparator()), summary);
        assertTrue(summary.matches("(?s).*GET http://localhost:\\d+/actuator/health: 200, status UP, "
                + HEALTH_CHECK + " UP" + System.lineSeparator()), summary);
        assertFalse(summary.contains(LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET));
        assertFalse(output.getAll().contains(LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET));
    }
}
