package io.github.camelloganalytics.examples.springboot;

import java.util.Map;

import io.github.camelloganalytics.error.WorkspaceNotFoundException;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workspace the service does not know: every route, the Java one included, reaches the YAML route configuration's
 * catch-all {@code onException} and reports FAILED, and the exit code is 1.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
@SpringBootTest(classes = SpringBootExampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = UnknownWorkspaceTest.UnknownWorkspace.class)
class UnknownWorkspaceTest {

    static final String UNKNOWN = "0f9e8d7c-0000-4000-8000-00000000dead";
    static LogAnalyticsEmulator service;

    /** The settings given as arguments would give them, before the application decides its target. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static final class UnknownWorkspace implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-arguments", Map.of(
                    EmulatorUnlessConfigured.WORKSPACE_ID, UNKNOWN,
                    EmulatorUnlessConfigured.ACCESS_TOKEN, service.token(),
                    "camel.component.loganalytics.host", service.queryUrl())));
        }
    }

    @Autowired
    RouteReports reports;
    @Autowired
    ExampleRunner runner;

    @Test
    void everyRouteReportsFailedAndTheExitCodeIsOne() {
        for (String route : new String[] { HeartbeatRoutes.ROUTE_ID, "requests-by-role", "bad-query" }) {
            RouteReport report = reports.report(route);
            assertTrue(report.failed(), route);
            assertInstanceOf(WorkspaceNotFoundException.class, report.caught(), route);
        }
        assertEquals(1, reports.getExitCode());
        String summary = runner.summary();
        assertTrue(summary.contains("3 of 3 routes reported, 3 FAILED"), summary);
        // the component's readiness check is down for the same reason, so the application is not ready
        assertTrue(summary.matches("(?s).*/actuator/health: 503, status DOWN, producer:loganalytics://" + UNKNOWN
                + " DOWN.*"), summary);
    }
}
