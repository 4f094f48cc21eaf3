package io.github.camelloganalytics.examples.springboot;

import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.ContextConfiguration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application given a workspace and a token by the environment variables {@code LOGANALYTICS_WORKSPACE_ID} and
 * {@code LOGANALYTICS_ACCESS_TOKEN}, as on a real host: it starts no emulator and queries that workspace with that
 * token. The "real" service is an emulator of the test's, reached through the component's {@code host} property.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
@SpringBootTest(classes = SpringBootExampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealWorkspaceTest.RealWorkspaceEnvironment.class)
class RealWorkspaceTest {

    static LogAnalyticsEmulator service;

    /**
     * The environment variables in a source of Spring's own system-environment kind, where the real environment is
     * (a running JVM cannot change its own), before the application decides its target.
     */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static final class RealWorkspaceEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var sources = context.getEnvironment().getPropertySources();
            sources.addAfter(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource("test-environment", Map.of(
                            "LOGANALYTICS_WORKSPACE_ID", LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID,
                            "LOGANALYTICS_ACCESS_TOKEN", service.token())));
            sources.addFirst(new MapPropertySource("test-host", Map.of(
                    "camel.component.loganalytics.host", service.queryUrl())));
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    RouteReports reports;
    @Autowired
    ExampleRunner runner;

    @Test
    void theWorkspaceAndTokenFromTheEnvironmentAreQueriedAndNoEmulatorStarts() {
        assertFalse(context.containsBean(EmulatorUnlessConfigured.EMULATOR_BEAN));
        assertEquals(0, reports.getExitCode(), reports.render());
        assertEquals(4, reports.report(HeartbeatRoutes.ROUTE_ID).rows().size());
        assertEquals(2, reports.report("requests-by-role").rows().size());

        List<LoggedRequest> queries = service.requestLog().entries().stream()
                .filter(r -> r.path().equals("/v1/workspaces/" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "/query"))
                .toList();
        // the two routes, the bad query, and at least one probe of the health check, each with the token
        assertTrue(queries.size() >= 4, queries.toString());
        assertEquals(List.of(400), queries.stream().map(LoggedRequest::status).filter(s -> s != 200).toList());
        assertTrue(queries.stream().allMatch(r -> "Bearer <redacted>".equals(r.header("Authorization"))),
                queries.toString());
        assertEquals(0, service.tokenEndpoint().tokenRequestCount(), "a token was asked for");

        String summary = runner.summary();
        assertTrue(summary.contains("against workspace " + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID
                + " with a bearer token ==="), summary);
        assertFalse(summary.contains(service.token()), "the token was printed");
    }
}
