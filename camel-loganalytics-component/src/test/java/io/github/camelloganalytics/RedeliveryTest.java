package io.github.camelloganalytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelloganalytics.error.ServiceUnavailableException;
import io.github.camelloganalytics.error.ThrottledException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A throttled query is redelivered after the wait the service asked for, by Camel's own redelivery.
 */
class RedeliveryTest extends WireMockTestSupport {

    /**
     * The delay header as the error handler reads it: Camel calls onExceptionOccurred right before it determines
     * the redelivery delay from that same message.
     */
    private final List<Object> delaysUsed = new ArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(ThrottledException.class, ServiceUnavailableException.class)
                        .maximumRedeliveries(3).redeliveryDelay(10)
                        .onExceptionOccurred(e -> delaysUsed.add(e.getMessage().getHeader(Exchange.REDELIVERY_DELAY)));
                from("direct:query").to(loganalytics("query=Heartbeat | take 1")).to("mock:done");
                from("direct:ignoreRetryAfter").to(loganalytics("query=Heartbeat | take 1&honorRetryAfter=false"))
                        .to("mock:done");
            }
        };
    }

    private void script429Then503Then200() {
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).inScenario("throttled").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"error\":{\"code\":\"ThrottledError\",\"message\":\"Too many requests\"}}"))
                .willSetStateTo("unavailable"));
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).inScenario("throttled").whenScenarioStateIs("unavailable")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).inScenario("throttled").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody(
                        "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"n\",\"type\":\"long\"}],"
                                                                  + "\"rows\":[[1]]}]}")));
    }

    @Test
    void waitsAsRetryAfterSaysThenAsThePolicySays() throws Exception {
        script429Then503Then200();
        MockEndpoint done = getMockEndpoint("mock:done");
        done.expectedMessageCount(1);

        template.sendBody("direct:query", null);

        MockEndpoint.assertIsSatisfied(context);
        wireMock.verify(3, postRequestedFor(urlEqualTo(QUERY_PATH)));
        // the 429 asked for 1 second; the 503 asked for nothing, so the route's own 10 ms applied
        assertEquals(2, delaysUsed.size());
        assertEquals(1000L, delaysUsed.get(0));
        assertNull(delaysUsed.get(1));
        Exchange delivered = done.getReceivedExchanges().get(0);
        assertEquals(List.of(Map.of("n", 1L)), delivered.getMessage().getBody(List.class));
        assertNull(delivered.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void retryAfterIsIgnoredWhenTheOptionIsOff() throws Exception {
        script429Then503Then200();
        getMockEndpoint("mock:done").expectedMessageCount(1);

        template.sendBody("direct:ignoreRetryAfter", null);

        MockEndpoint.assertIsSatisfied(context);
        assertEquals(2, delaysUsed.size());
        assertNull(delaysUsed.get(0));
        assertNull(delaysUsed.get(1));
    }
}
