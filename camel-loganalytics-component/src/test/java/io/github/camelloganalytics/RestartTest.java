package io.github.camelloganalytics;

import java.util.List;

import io.github.camelloganalytics.error.ComponentStoppedException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.FluentProducerTemplate;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Endpoints, producers, templates and routes kept across a stop and start of the CamelContext, of the component or
 * of a route: each answers again, against the emulator; while the component is stopped a query fails with
 * {@link ComponentStoppedException}, never with the HTTP library's {@code IllegalStateException}.
 */
class RestartTest extends EmulatorTestSupport {

    /** A token in the URI rather than a bean: a stopped DefaultCamelContext forgets the beans bound to it. */
    private static String QUERY;

    @org.junit.jupiter.api.BeforeAll
    static void token() {
        QUERY = "query=RAW(Heartbeat | take 3)&accessToken=RAW(" + emulator.token() + ")";
    }

    @Override
    void configure(org.apache.camel.CamelContext camelContext) throws Exception {
        camelContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:query").routeId("producer-route").to(uri(SAMPLE_WORKSPACE_ID, QUERY));
                from(uri(SAMPLE_WORKSPACE_ID, QUERY + "&delay=200&initialDelay=0")).routeId("consumer-route")
                        .autoStartup(false).to("mock:polled");
            }
        });
    }

    private List<?> rows(Exchange exchange) {
        assertNull(exchange.getException(), () -> "failed: " + exchange.getException());
        return exchange.getMessage().getBody(List.class);
    }

    private LogAnalyticsComponent component() {
        return context.getComponent("loganalytics", LogAnalyticsComponent.class);
    }

    @Test
    void aTemplateWithADefaultEndpointWorksAfterTheContextRestarts() {
        ProducerTemplate kept = context.createProducerTemplate();
        kept.setDefaultEndpointUri(uri(SAMPLE_WORKSPACE_ID, QUERY));
        assertEquals(3, kept.requestBody((Object) null, List.class).size());
        context.stop();
        context.start();
        assertEquals(3, kept.requestBody((Object) null, List.class).size());
        assertEquals(0, component().leasedConnections());
    }

    @Test
    void anEndpointObjectKeptAcrossAContextRestartWorks() {
        Endpoint endpoint = context.getEndpoint(uri(SAMPLE_WORKSPACE_ID, QUERY));
        assertEquals(3, rows(template.send(endpoint, e -> { })).size());
        context.stop();
        context.start();
        assertEquals(3, rows(template.send(endpoint, e -> { })).size());
        FluentProducerTemplate fluent = context.createFluentProducerTemplate();
        assertEquals(3, fluent.to(endpoint).request(List.class).size());
    }

    @Test
    void aFluentTemplateKeptAcrossAContextRestartWorks() {
        FluentProducerTemplate fluent = context.createFluentProducerTemplate()
                .withDefaultEndpoint(uri(SAMPLE_WORKSPACE_ID, QUERY));
        assertEquals(3, fluent.request(List.class).size());
        context.stop();
        context.start();
        assertEquals(3, fluent.request(List.class).size());
    }

    @Test
    void aComponentStopAndStartKeepsItsEndpointsWorking() throws Exception {
        Endpoint endpoint = context.getEndpoint(uri(SAMPLE_WORKSPACE_ID, QUERY));
        assertEquals(3, rows(template.send(endpoint, e -> { })).size());
        component().stop();
        Exception stopped = template.send(endpoint, e -> { }).getException();
        ComponentStoppedException e = assertInstanceOf(ComponentStoppedException.class, stopped);
        assertEquals("component-stopped", e.getCatalogEntry().id());
        component().start();
        assertEquals(3, rows(template.send(endpoint, ex -> { })).size());
        assertEquals(3, rows(template.send("direct:query", ex -> { })).size());
    }

    @Test
    void aRouteWorksAfterItsOwnRestartAndTheComponents() throws Exception {
        assertEquals(3, rows(template.send("direct:query", e -> { })).size());
        context.getRouteController().stopRoute("producer-route");
        context.getRouteController().startRoute("producer-route");
        assertEquals(3, rows(template.send("direct:query", e -> { })).size());
        context.getRouteController().stopRoute("producer-route");
        component().stop();
        component().start();
        context.getRouteController().startRoute("producer-route");
        assertEquals(3, rows(template.send("direct:query", e -> { })).size());
        assertEquals(0, component().leasedConnections());
    }

    @Test
    void aConsumerPollsAgainAfterItsRouteAndTheComponentRestart() throws Exception {
        MockEndpoint polled = context.getEndpoint("mock:polled", MockEndpoint.class);
        polled.expectedMinimumMessageCount(1);
        context.getRouteController().startRoute("consumer-route");
        polled.assertIsSatisfied(20_000);
        context.getRouteController().stopRoute("consumer-route");
        component().stop();
        component().start();
        polled.reset();
        polled.expectedMinimumMessageCount(1);
        context.getRouteController().startRoute("consumer-route");
        polled.assertIsSatisfied(20_000);
        assertNull(polled.getExchanges().get(0).getException());
        assertEquals(3, polled.getExchanges().get(0).getMessage().getBody(List.class).size());
    }
}
