package io.github.camelloganalytics.examples;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The polling consumer example, as in {@code routes/export-heartbeats.*}: one poll of the last 50 minutes of
 * heartbeats, one exchange per row ({@code splitRows}), each row appended as a CSV line to the file of its computer
 * in {@code examples.exportDir}.
 */
public class ExportRoutes extends RouteBuilder {

    /** The query the consumer polls with; over the sample workspace it answers 4 rows for each of 4 computers. */
    public static final String EXPORT_QUERY = "Heartbeat | project TimeGenerated, Computer, OSType, ComputerIP"
            + " | order by Computer asc, TimeGenerated asc";

    /** The consumer route's id. */
    public static final String ROUTE_ID = "export-heartbeats";

    @Override
    public void configure() {
        // repeatCount=1: one poll, so that the run can end; sendEmptyMessageWhenIdle: a poll without rows reports too;
        // bridgeErrorHandler: a failed poll reaches the shared onException handlers like any other route's failure
        from("loganalytics:{{loganalytics.workspaceId}}?query=" + EXPORT_QUERY + "&timespan=PT50M&splitRows=true"
                + "&repeatCount=1&initialDelay=0&sendEmptyMessageWhenIdle=true&bridgeErrorHandler=true")
                .routeId(ROUTE_ID)
                .filter(body().isNotNull())
                    .setHeader(Exchange.FILE_NAME, simple("heartbeats-${body[Computer]}.csv"))
                    .setBody(simple("${body[TimeGenerated]},${body[Computer]},${body[OSType]},${body[ComputerIP]}"))
                    .to("file:{{examples.exportDir}}?fileExist=Append&appendChars=\\n")
                .end()
                .to("bean:summary?method=written");
    }
}
