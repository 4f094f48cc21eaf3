package io.github.camelloganalytics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked example of docs/testkit.md: a user's route tested against the user's own data, with a fixed clock. */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class FailedOrdersRouteTest extends CamelTestSupport {

    static LogAnalyticsEmulator emulator;
    static final String WORKSPACE = "7d1c2b3a-4e5f-4a6b-9c8d-0e1f2a3b4c5d";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        emulator.clock().fixAt(Instant.parse("2026-03-02T12:00:00Z"));      // "the last 24 hours" never moves
        emulator.load(WORKSPACE, Path.of("src/test/resources/orders"));      // Orders_CL.ndjson + Orders_CL.schema.json
        CamelContext context = super.createCamelContext();
        LogAnalyticsComponent component = context.getComponent("loganalytics", LogAnalyticsComponent.class);
        component.getConfiguration().setHost(emulator.queryUrl());
        component.getConfiguration().setAccessToken(emulator.token());
        return context;
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties p = new Properties();
        p.put("orders.workspaceId", WORKSPACE);
        p.put("orders.alerts", "mock:alerts");
        return p;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new FailedOrdersRoute();
    }

    @Test
    void alertsForRegionsWithTwoOrMoreFailedOrdersInTheLastDay() throws Exception {
        MockEndpoint alerts = getMockEndpoint("mock:alerts");
        // eu-west: 3 failed since 2026-03-01T12:00 (the one at 09:15 is older); us-east: 2; ap-south: 1, no alert
        alerts.expectedBodiesReceived("eu-west: 3 failed orders in 24 hours", "us-east: 2 failed orders in 24 hours");

        template.sendBody("direct:checkFailedOrders", null);

        alerts.assertIsSatisfied();
    }

    @Test
    void theTestkitPageShowsThisRouteAndThisTest() throws Exception {
        String page = Files.readString(Path.of(System.getProperty("project.root", "..")).resolve("docs/testkit.md"),
                StandardCharsets.UTF_8);
        for (String file : new String[] { "FailedOrdersRoute.java", "FailedOrdersRouteTest.java" }) {
            String source = Files.readString(Path.of("src/test/java/io/github/camelloganalytics/" + file));
            String shown = source.substring(source.indexOf("@Override"), source.lastIndexOf('}'));
            if (file.endsWith("Test.java")) {
                shown = source.substring(source.indexOf("    @Override\n    protected CamelContext"),
                        source.indexOf("    @Test\n    void theTestkitPage"));
            }
            assertTrue(page.contains(shown.strip()), "docs/testkit.md must show " + file + " as it is:\n" + shown);
        }
    }
}
