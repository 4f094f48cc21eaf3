package io.github.camelloganalytics.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.error.InvalidTokenAudienceException;
import io.github.camelloganalytics.error.QuerySyntaxException;
import io.github.camelloganalytics.error.WorkspaceNotFoundException;
import io.github.camelloganalytics.testkit.Clients;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.LoggedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each DSL's copy of the example routes, run by the application itself against the emulator: what each route got,
 * and what reached the emulator.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class ExamplesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static LogAnalyticsEmulator emulator;

    @BeforeEach
    void freshLog() {
        emulator.requestLog().clear();
        emulator.faults().clear();
    }

    private static Properties settings() {
        Properties settings = new Properties();
        // a safety net only: the run stops as soon as every route has reported
        settings.setProperty("camel.main.duration-max-seconds", "30");
        return settings;
    }

    private static String queryOf(LoggedRequest request) {
        try {
            return JSON.readTree(request.body()).path("query").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON body: " + request.body(), e);
        }
    }

    private List<LoggedRequest> requestsFor(String query) {
        return emulator.requestLog().entries().stream().filter(r -> query.equals(queryOf(r))).toList();
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void everyRouteGetsWhatItsExampleShows(Dsl dsl) throws Exception {
        Summary summary = ExamplesApplication.run(ExampleTarget.emulator(emulator), dsl, settings());

        assertTrue(summary.isComplete(), () -> "missing: " + summary.missing());
        assertTrue(summary.isSuccessful(), summary.render(dsl.name()));
        assertEquals(List.of("bad-query", "query-heartbeats", "throttled", "wrong-audience"),
                summary.outcomes().keySet().stream().sorted().toList());

        Outcome heartbeats = summary.outcome("query-heartbeats");
        assertNull(heartbeats.caught());
        assertEquals(List.of(
                Map.of("Computer", "vm-batch-01", "count_", 84L),
                Map.of("Computer", "vm-sql-01", "count_", 96L),
                Map.of("Computer", "vm-web-01", "count_", 96L),
                Map.of("Computer", "vm-web-02", "count_", 96L)), heartbeats.rows());

        assertInstanceOf(QuerySyntaxException.class, summary.outcome("bad-query").caught());

        InvalidTokenAudienceException audience = assertInstanceOf(InvalidTokenAudienceException.class,
                summary.outcome("wrong-audience").caught());
        assertEquals("https://management.azure.com/", audience.getTokenAudience());

        Outcome throttled = summary.outcome("throttled");
        assertNull(throttled.caught());
        assertEquals(1, throttled.redeliveries());
        assertEquals(List.of(
                Map.of("AppRoleName", "gateway", "count_", 59L),
                Map.of("AppRoleName", "orders-api", "count_", 101L)), throttled.rows());
        // the service said 429 once, and the redelivery was answered
        assertEquals(List.of(429, 200),
                requestsFor(ExampleTarget.THROTTLED_QUERY).stream().map(LoggedRequest::status).toList());
        assertEquals(List.of(400), requestsFor("Heartbeat | wher Computer == 'web-01'").stream()
                .map(LoggedRequest::status).toList());
        assertEquals(List.of(403), requestsFor("Heartbeat | take 1").stream().map(LoggedRequest::status).toList());
    }

    @Test
    void aRealWorkspaceRunsOnlyTheRoutesThatNeedNoEmulator() throws Exception {
        // shaped as ExampleTarget.real makes it, with the emulator's host so that it can be watched
        ExampleTarget real = new ExampleTarget("a workspace", false, Map.of(
                ExampleTarget.WORKSPACE_ID, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID,
                "camel.component.loganalytics.host", emulator.queryUrl(),
                "camel.component.loganalytics.access-token", emulator.token()));

        for (Dsl dsl : Dsl.values()) {
            Summary summary = ExamplesApplication.run(real, dsl, settings());

            assertTrue(summary.isComplete(), () -> dsl + " missing: " + summary.missing());
            assertTrue(summary.isSuccessful(), summary.render(dsl.name()));
            assertEquals(List.of("bad-query", "query-heartbeats"),
                    summary.outcomes().keySet().stream().sorted().toList(), dsl.name());
        }
        assertTrue(requestsFor(ExampleTarget.THROTTLED_QUERY).isEmpty());
        assertTrue(requestsFor("Heartbeat | take 1").isEmpty());
    }

    @Test
    void aFailureNoExampleShowsIsReportedAndFailsTheRun() throws Exception {
        ExampleTarget unknownWorkspace = new ExampleTarget("an unknown workspace", false, Map.of(
                ExampleTarget.WORKSPACE_ID, "0f9e8d7c-0000-4000-8000-00000000dead",
                "camel.component.loganalytics.host", emulator.queryUrl(),
                "camel.component.loganalytics.access-token", emulator.token()));

        for (Dsl dsl : Dsl.values()) {
            Summary summary = ExamplesApplication.run(unknownWorkspace, dsl, settings());

            assertTrue(summary.isComplete(), () -> dsl + " missing: " + summary.missing());
            assertFalse(summary.isSuccessful(), dsl.name());
            Outcome heartbeats = summary.outcome("query-heartbeats");
            assertTrue(heartbeats.failed(), dsl.name());
            assertInstanceOf(WorkspaceNotFoundException.class, heartbeats.caught(), dsl.name());
            assertTrue(summary.render(dsl.name()).contains("2 of 2 routes reported, 2 FAILED"), summary.render(dsl.name()));
        }
    }

    @Test
    void theTokensNeverReachTheOutput() throws Exception {
        String armToken = emulator.clients().appToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, Clients.ARM_SCOPE);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            ExamplesApplication.run(ExampleTarget.emulator(emulator), Dsl.XML, settings());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("4 of 4 routes reported"), text);
        assertFalse(text.contains(emulator.token()), "the direct API token was printed");
        // tokens minted for the same client and scope in the same second are the same JWT
        assertFalse(text.contains(armToken.substring(armToken.lastIndexOf('.') + 1)), "the ARM token was printed");
        assertFalse(ExampleTarget.emulator(emulator).toString().contains(emulator.token()));
    }
}
