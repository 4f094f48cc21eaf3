package io.github.camelloganalytics.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * The examples that need the emulator, as in {@code routes/emulator-faults.*}: a token for the ARM API sent to the
 * direct API, and a query the emulator throttles once. Against a real workspace they are left out.
 */
public class EmulatorFaultRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:wrong-audience?repeatCount=1&delay=0").routeId("wrong-audience")
                .to("loganalytics:{{loganalytics.workspaceId}}?query=Heartbeat | take 1&accessToken={{examples.armToken}}")
                .to("bean:summary?method=rows");

        from("timer:throttled?repeatCount=1&delay=0").routeId("throttled")
                .to("loganalytics:{{loganalytics.workspaceId}}?query=" + ExampleTarget.THROTTLED_QUERY)
                .to("bean:summary?method=rows");
    }
}
