package io.github.camelloganalytics;

import org.apache.camel.builder.RouteBuilder;

public class FailedOrdersRoute extends RouteBuilder {
    @Override
    public void configure() {
        from("direct:checkFailedOrders")
            .to("loganalytics:{{orders.workspaceId}}?timespan=PT24H&query="
                + "Orders_CL | where Status == 'Failed' | summarize count() by Region | sort by Region asc")
            .split(body())                                               // one row per region
                .filter(simple("${body[count_]} >= 2"))
                .setBody(simple("${body[Region]}: ${body[count_]} failed orders in 24 hours"))
                .to("{{orders.alerts}}");
    }
}
