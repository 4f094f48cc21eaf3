package io.github.camelloganalytics;

import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What reaches the service: method, path, headers and JSON body, for each way a route gives the query.
 */
class ProducerRequestTest extends WireMockTestSupport {

    private static final String EMPTY_RESULT
            = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"n\",\"type\":\"long\"}],\"rows\":[]}]}";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:option").to(loganalytics("query=Heartbeat | take 5&timespan=PT1H"
                                                  + "&additionalWorkspaces=ws-two, ws-three"
                                                  + "&serverTimeout=90s&includeStatistics=true"
                                                  + "&includeVisualization=true"));
                from("direct:plain").to(loganalytics("query=Heartbeat | count"));
                from("direct:fromBody").to(loganalytics(""));
            }
        };
    }

    private void stubOk() {
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(EMPTY_RESULT)));
    }

    @Test
    void postsTheQueryAsJsonWithTokenAndPreferences() {
        stubOk();
        template.sendBody("direct:option", null);

        wireMock.verify(1, postRequestedFor(urlEqualTo(QUERY_PATH))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Prefer", equalTo("wait=90,include-statistics=true,include-render=true"))
                .withHeader("Accept-Encoding", matching(".*gzip.*"))
                .withHeader("x-ms-client-request-id", matching("[0-9a-f-]{36}"))
                .withRequestBody(equalToJson("{\"query\":\"Heartbeat | take 5\",\"timespan\":\"PT1H\","
                                             + "\"workspaces\":[\"ws-two\",\"ws-three\"]}")));
    }

    @Test
    void noPreferHeaderWhenNothingIsPreferred() {
        stubOk();
        template.sendBody("direct:plain", null);

        LoggedRequest request = wireMock.findAll(postRequestedFor(urlEqualTo(QUERY_PATH))).get(0);
        assertFalse(request.containsHeader("Prefer"));
        assertEquals("{\"query\":\"Heartbeat | count\"}", request.getBodyAsString());
    }

    @Test
    void headersOverrideOptionsAndTheWorkspace() {
        String otherPath = "/v1/workspaces/other-ws/query";
        wireMock.stubFor(post(urlEqualTo(otherPath))
                .willReturn(aResponse().withStatus(200).withBody(EMPTY_RESULT)));
        template.sendBodyAndHeaders("direct:option", null, Map.of(
                LogAnalyticsConstants.QUERY, "AzureActivity | take 1",
                LogAnalyticsConstants.TIMESPAN, "2024-01-01T00:00:00Z/2024-01-02T00:00:00Z",
                LogAnalyticsConstants.WORKSPACE_ID, "other-ws"));

        wireMock.verify(1, postRequestedFor(urlEqualTo(otherPath))
                .withRequestBody(equalToJson("{\"query\":\"AzureActivity | take 1\","
                                             + "\"timespan\":\"2024-01-01T00:00:00Z/2024-01-02T00:00:00Z\","
                                             + "\"workspaces\":[\"ws-two\",\"ws-three\"]}")));
    }

    @Test
    void theBodyIsTheQueryWhenNoOptionOrHeaderNamesOne() {
        stubOk();
        template.sendBody("direct:fromBody", "AppRequests | where Success == false");

        wireMock.verify(1, postRequestedFor(urlEqualTo(QUERY_PATH))
                .withRequestBody(equalToJson("{\"query\":\"AppRequests | where Success == false\"}")));
    }

    @Test
    void workspaceIdsAreEncodedNotSplicedIntoThePath() {
        wireMock.stubFor(post(urlEqualTo("/v1/workspaces/a%2Fb%3Fc/query"))
                .willReturn(aResponse().withStatus(200).withBody(EMPTY_RESULT)));
        template.sendBodyAndHeader("direct:plain", null, LogAnalyticsConstants.WORKSPACE_ID, "a/b?c");

        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/workspaces/a%2Fb%3Fc/query")));
    }

    @Test
    void anInvalidTimespanHeaderFailsTheExchangeNamingIt() {
        Exception e = template.send("direct:plain",
                ex -> ex.getMessage().setHeader(LogAnalyticsConstants.TIMESPAN, "yesterday")).getException();
        assertTrue(e instanceof IllegalArgumentException, String.valueOf(e));
        assertTrue(e.getMessage().contains("'yesterday'") && e.getMessage().contains(LogAnalyticsConstants.TIMESPAN),
                e.getMessage());
        assertEquals(0, wireMock.getAllServeEvents().size());
    }
}
