package io.github.camelloganalytics.examples;

import io.github.camelloganalytics.error.QuerySyntaxException;
import io.github.camelloganalytics.error.ThrottledException;
import org.apache.camel.builder.RouteBuilder;

/** The route docs/getting-started.md shows, kept here so that a test runs it as printed there. */
public class HeartbeatRoute extends RouteBuilder {
    @Override
    public void configure() {
        onException(QuerySyntaxException.class).handled(true).log("Bad KQL: ${exception.serviceMessage}");
        onException(ThrottledException.class).maximumRedeliveries(3);      // each wait as Retry-After says
        from("timer:heartbeats?period=60000")
            .to("loganalytics:{{loganalytics.workspaceId}}?query=Heartbeat | summarize count() by Computer&timespan=PT1H")
            .split(body())                                                  // each row a Map, typed per column
                .log("${body[Computer]}: ${body[count_]} heartbeats");
    }
}
