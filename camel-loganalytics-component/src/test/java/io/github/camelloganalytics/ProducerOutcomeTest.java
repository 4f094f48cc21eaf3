package io.github.camelloganalytics;

import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.error.PartialResultException;
import io.github.camelloganalytics.result.QueryResult;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers that are neither plain success nor plain failure: incomplete results and empty workspaces.
 */
class ProducerOutcomeTest extends WireMockTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:strict").to(loganalytics("query=T"));
                from("direct:lenient").to(loganalytics("query=T&allowPartialErrors=true"));
                from("direct:lenientTables").to(loganalytics("query=T&allowPartialErrors=true&outputFormat=TABLES"));
                from("direct:strictTables").to(loganalytics("query=T&outputFormat=TABLES"));
            }
        };
    }

    private void serve(int status, String body) {
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(status).withBody(body)));
    }

    @Test
    void aPartialResultFailsWithItsDataByDefault() {
        serve(200, resource("responses/partial.json"));
        for (String route : List.of("direct:strict", "direct:strictTables")) {
            Exception e = template.request(route, null).getException();
            PartialResultException partial = assertInstanceOf(PartialResultException.class, e, route);
            assertEquals(List.of(List.of("web-01"), List.of("web-02")),
                    partial.getPartialResult().getPrimaryTable().getRows(), route);
            assertTrue(partial.getMessage().contains("E_QUERY_RESULT_SET_TOO_LARGE"), partial.getMessage());
        }
    }

    @Test
    void aPartialResultIsDeliveredWithTheErrorInAHeaderWhenAllowed() {
        serve(200, resource("responses/partial.json"));
        Exchange out = template.request("direct:lenient", null);
        assertEquals(List.of(Map.of("Computer", "web-01"), Map.of("Computer", "web-02")),
                out.getMessage().getBody(List.class));
        Map<?, ?> error = out.getMessage().getHeader(LogAnalyticsConstants.PARTIAL_ERROR, Map.class);
        assertEquals("PartialError", error.get("code"));

        QueryResult tables = template.requestBody("direct:lenientTables", null, QueryResult.class);
        assertTrue(tables.isPartial());
        assertEquals(2, tables.getPrimaryTable().getRowCount());
    }

    @Test
    void noDataIsAnEmptyBodyAndAHeader() {
        serve(204, "");
        Exchange rows = template.request("direct:strict", null);
        assertEquals(List.of(), rows.getMessage().getBody());
        assertEquals(Boolean.TRUE, rows.getMessage().getHeader(LogAnalyticsConstants.NO_DATA));
        assertEquals(0, rows.getMessage().getHeader(LogAnalyticsConstants.ROW_COUNT));

        QueryResult tables = template.requestBody("direct:strictTables", null, QueryResult.class);
        assertEquals(List.of(), tables.getTables());
    }
}
