package io.github.camelloganalytics;

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
import org.junit.jupiter.api.extension.RegisterExtension;

/** The worked example of docs/testkit.md (which shows this file as it is: WorkedExampleDocTest). */
class FailedOrdersRouteTest extends CamelTestSupport {

    static final String WORKSPACE = "7d1c2b3a-4e5f-4a6b-9c8d-0e1f2a3b4c5d";

    @RegisterExtension
    static final LogAnalyticsEmulatorExtension EMULATOR = new LogAnalyticsEmulatorExtension(LogAnalyticsEmulator.builder()
            .clockFixedAt(Instant.parse("2026-03-02T12:00:00Z"))          // "the last 24 hours" never moves
            .data(WORKSPACE, Path.of("src/test/resources/orders")));      // Orders_CL.ndjson + Orders_CL.schema.json

    static LogAnalyticsEmulator emulator;                                 // injected by the extension

    @Override
    protected CamelContext createCamelContext() throws Exception {
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
}
