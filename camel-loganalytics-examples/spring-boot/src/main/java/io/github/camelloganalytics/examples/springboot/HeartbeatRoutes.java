package io.github.camelloganalytics.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The Java DSL route: once, at start, the heartbeats of the last two days counted per computer, each row logged.
 * Neither the host nor the credential is in the URI: the {@code camel.component.loganalytics.*} properties give them.
 */
@Component
public class HeartbeatRoutes extends RouteBuilder {

    /** The route's id, which its report carries. */
    public static final String ROUTE_ID = "heartbeats-by-computer";

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?repeatCount=1&delay=0").routeId(ROUTE_ID)
                .to("loganalytics:{{loganalytics.workspace-id}}"
                        + "?query=Heartbeat | summarize count() by Computer | order by Computer asc&timespan=P2D")
                .split(body())
                    .log("${body[Computer]}: ${body[count_]} heartbeats")
                .end()
                .to("bean:" + RouteReports.BEAN_NAME + "?method=rows");
    }
}
