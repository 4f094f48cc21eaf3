package io.github.camelloganalytics.examples;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.LogDefinition;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The route of docs/getting-started.md, tested against the emulator over HTTP; docs/testing.md shows this class as
 * it is (DocSamplesTest).
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class HeartbeatRouteTest extends CamelTestSupport {

    static LogAnalyticsEmulator emulator;

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
        p.put("loganalytics.workspaceId", LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID);
        return p;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new HeartbeatRoute();
    }

    @Override
    public boolean isUseAdviceWith() {
        return true;
    }

    @Test
    void logsOneLinePerComputer() throws Exception {
        // the split's rows, watched without changing the route
        AdviceWith.adviceWith(context, null, a -> a.weaveByType(LogDefinition.class).after().to("mock:row"));
        MockEndpoint rows = getMockEndpoint("mock:row");
        rows.expectedMessageCount(4);
        context.start();

        rows.assertIsSatisfied();
        List<Object> computers = rows.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getBody(Map.class).get("Computer")).sorted().map(Object.class::cast).toList();
        assertEquals(List.of("vm-batch-01", "vm-sql-01", "vm-web-01", "vm-web-02"), computers);
        assertEquals(1, emulator.requestLog().entries().stream()
                .filter(r -> r.body().contains("summarize count() by Computer")).count());
    }
}
