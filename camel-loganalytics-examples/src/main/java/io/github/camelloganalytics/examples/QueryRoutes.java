package io.github.camelloganalytics.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * The examples that run against any workspace, as in {@code routes/query-heartbeats.*} and
 * {@code routes/bad-query.*}: a query whose rows are logged one by one, and a query with a syntax error.
 */
public class QueryRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:query-heartbeats?repeatCount=1&delay=0").routeId("query-heartbeats")
                .to("loganalytics:{{loganalytics.workspaceId}}"
                        + "?query=Heartbeat | summarize count() by Computer | order by Computer asc&timespan=P2D")
                .split(body())
                    .log("${body[Computer]}: ${body[count_]} heartbeats")
                .end()
                .to("bean:summary?method=rows");

        from("timer:bad-query?repeatCount=1&delay=0").routeId("bad-query")
                .to("loganalytics:{{loganalytics.workspaceId}}?query=Heartbeat | wher Computer == 'web-01'")
                .to("bean:summary?method=rows");
    }
}
