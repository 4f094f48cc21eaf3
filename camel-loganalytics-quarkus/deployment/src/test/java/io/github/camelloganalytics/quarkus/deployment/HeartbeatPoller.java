package io.github.camelloganalytics.quarkus.deployment;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.camel.builder.RouteBuilder;

/**
 * A polling consumer route as an application would write it: the workspace from configuration, the host and the
 * credential from the component's properties (here, the ones Dev Services set). Each poll's rows are handed over.
 */
@ApplicationScoped
public class HeartbeatPoller extends RouteBuilder {

    private final BlockingQueue<List<Map<String, Object>>> polls = new ArrayBlockingQueue<>(16);

    @Override
    public void configure() {
        from("loganalytics:{{loganalytics.workspace-id}}?query=Heartbeat | summarize count() by Computer"
                + " | order by Computer asc&timespan=P1D&delay=100&repeatCount=1")
                .routeId("heartbeat-poller")
                .process(exchange -> polls.offer(exchange.getMessage().getBody(List.class)));
    }

    /** The rows of each poll, in order. */
    public BlockingQueue<List<Map<String, Object>>> polls() {
        return polls;
    }
}
