package io.github.camelloganalytics;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.github.camelloganalytics.error.MalformedResponseException;
import io.github.camelloganalytics.error.PartialResultException;
import io.github.camelloganalytics.error.QueryTimeoutException;
import io.github.camelloganalytics.error.ServiceUnavailableException;
import io.github.camelloganalytics.error.ThrottledException;
import io.github.camelloganalytics.result.ColumnType;
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultTable;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Public recordings of the live query API, and the examples of Microsoft's API specification, replayed byte for byte
 * (status, headers, body) through a route: what a user of the component gets from the real service's answers.
 */
class RecordedResponsesTest extends WireMockTestSupport {

    /** Headers that describe the recorded transfer, not the answer; WireMock sets its own. */
    private static final Set<String> TRANSFER_HEADERS = Set.of("content-length", "transfer-encoding", "connection",
            "content-encoding", "date");

    private final List<Object> delaysUsed = new ArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(ThrottledException.class, ServiceUnavailableException.class)
                        .maximumRedeliveries(1).redeliveryDelay(600_000).maximumRedeliveryDelay(600_000)
                        .onExceptionOccurred(e -> delaysUsed.add(e.getMessage().getHeader(Exchange.REDELIVERY_DELAY)));
                from("direct:rows").to(loganalytics("query=x"));
                from("direct:tables").to(loganalytics("query=x&outputFormat=TABLES"));
                from("direct:json").to(loganalytics("query=x&outputFormat=JSON"));
                from("direct:partialAllowed").to(loganalytics("query=x&allowPartialErrors=true"));
                from("direct:timeout").to(loganalytics("query=x&serverTimeout=5s"));
            }
        };
    }

    private static void replay(Recording recording) {
        ResponseDefinitionBuilder response = aResponse().withStatus(recording.status()).withBody(recording.body());
        recording.headers().forEach((name, value) -> {
            if (!TRANSFER_HEADERS.contains(name)) {
                response.withHeader(name, value);
            }
        });
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).willReturn(response));
    }

    @Test
    void partialSuccessAsRecordedReachesTheExceptionWithItsReason() {
        replay(Recording.load("LogsQueryClientTest.testLogsQueryAllowPartialSuccess.json"));

        CamelExecutionException failure = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:rows", (Object) null));

        PartialResultException e = assertInstanceOf(PartialResultException.class, failure.getCause());
        assertTrue(e.isResultTooLarge());
        assertEquals("PartialError", e.getErrorCode());
        assertEquals(List.of("EngineError", "-2133196797"), e.getDetails().getInnerCodes());
        assertTrue(e.getServiceMessage().startsWith("Query result set has exceeded the internal data size limit"),
                e.getServiceMessage());
        List<?> details = (List<?>) e.getPartialError().get("details");
        Map<?, ?> inner = (Map<?, ?>) ((Map<?, ?>) details.get(0)).get("innererror");
        assertEquals(2, inner.get("severity"));
        assertEquals("Error", inner.get("severityName"));
        ResultTable rows = e.getPartialResult().getPrimaryTable();
        assertEquals(1, rows.getRowCount());
        assertEquals(OffsetDateTime.parse("2022-06-03T19:50:29.043Z"), rows.getRows().get(0).get(0));
    }

    @Test
    void partialSuccessAsRecordedIsDeliveredWithTheHeaderWhenAllowed() {
        replay(Recording.load("LogsQueryClientTest.testLogsQueryAllowPartialSuccess.json"));

        Exchange out = template.request("direct:partialAllowed", x -> { });

        assertNull(out.getException());
        List<?> rows = out.getMessage().getBody(List.class);
        Map<?, ?> row = (Map<?, ?>) rows.get(0);
        assertEquals(OffsetDateTime.parse("2022-06-03T19:50:29.043Z"), row.get("TimeGenerated"));
        // dynamic cells holding a string arrive as bare text and stay that text
        assertEquals("boundedElastic-1", row.get("Thread"));
        assertEquals("Sending batch to be distributed round-robin in service.", row.get("Log"));
        assertNull(row.get("ConnectionId"));
        assertEquals("{\"az.sdk.message\":\"Sending batch to be distributed round-robin in service.\",\"size\":500}",
                row.get("Message"));
        Map<?, ?> partial = out.getMessage().getHeader(LogAnalyticsConstants.PARTIAL_ERROR, Map.class);
        Map<?, ?> detail = (Map<?, ?>) ((List<?>) partial.get("details")).get(0);
        assertEquals("-2133196797", ((Map<?, ?>) detail.get("innererror")).get("code"));
        assertFalse(partial.containsKey("innererror"));
        // the 200 carried "retry-after: 0": no delay is read off a success
        assertNull(out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void gatewayTimeoutAsRecordedCarriesTheCorrelationIdAndNoDelay() {
        Recording recording = Recording.load("LogsQueryAsyncClientTest.testServerTimeout.json");
        replay(recording);

        Exchange out = template.request("direct:timeout", x -> { });

        QueryTimeoutException e = assertInstanceOf(QueryTimeoutException.class, out.getException());
        assertEquals("51d6eae9-e6a9-44b8-b0c6-5364204e2ee9", e.getCorrelationId());
        assertTrue(e.getMessage().contains("correlation id 51d6eae9-e6a9-44b8-b0c6-5364204e2ee9"), e.getMessage());
        assertEquals("ADX query timed out", e.getServiceMessage());
        // the live service sends no x-ms-request-id: the request id is the client request id the component sent
        String sent = wireMock.getAllServeEvents().get(0).getRequest().getHeader("x-ms-client-request-id");
        assertEquals(sent, e.getRequestId());
        assertTrue(e.getMessage().contains("request id " + sent), e.getMessage());
        assertEquals("wait=5", wireMock.getAllServeEvents().get(0).getRequest().getHeader("Prefer"));
        // a 504 is retryable, but its "retry-after: 0" asks for nothing: a redelivery would wait as the route says
        assertNull(e.getRetryAfter());
        assertNull(out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));
    }

    @Test
    void visualizationAndStatisticsAsRecorded() {
        Recording recording = Recording.load("LogsQueryClientTest.testVisualization.json");
        replay(recording);

        Exchange out = template.request("direct:tables", x -> { });

        assertNull(out.getException());
        QueryResult result = out.getMessage().getBody(QueryResult.class);
        ResultTable table = result.getPrimaryTable();
        assertEquals(List.of(List.of("a", 1L), List.of("b", 2L), List.of("c", 3L)), table.getRows());
        Map<String, Object> render = result.getVisualization();
        assertEquals("columnchart", render.get("visualization"));
        assertEquals("NaN", render.get("yMin"));
        assertEquals("NaN", render.get("yMax"));
        assertTrue(render.containsKey("kind"));
        assertNull(render.get("kind"));
        Map<?, ?> query = (Map<?, ?>) result.getStatistics().get("query");
        assertEquals(0.0155757, query.get("executionTime"));
        assertEquals(render, out.getMessage().getHeader(LogAnalyticsConstants.VISUALIZATION));
        assertEquals(result.getStatistics(), out.getMessage().getHeader(LogAnalyticsConstants.STATISTICS));
    }

    @Test
    void specificationExampleWithValuesWrittenAsStringsReadsInEveryFormat() {
        replay(Recording.load("la-get-example.json"));

        List<?> rows = template.requestBody("direct:rows", null, List.class);
        Map<?, ?> row = (Map<?, ?>) rows.get(1);
        assertEquals(1L, row.get("BatchesWithinSla"));
        assertEquals(0L, row.get("BatchesOutsideSla"));
        assertEquals(1.7, row.get("AvgLatencyInSeconds"));
        assertEquals(0.106767, row.get("Quantity"));
        assertEquals(Boolean.TRUE, row.get("IsBillable"));
        assertEquals(OffsetDateTime.parse("2017-08-24T06:59:59Z"), row.get("TimeGenerated"));
        assertNull(row.get("LinkedResourceUri"));

        QueryResult tables = template.requestBody("direct:tables", null, QueryResult.class);
        assertEquals(ColumnType.LONG, tables.getPrimaryTable().getColumns().get(10).getType());
        assertEquals(1.286, tables.getPrimaryTable().getRows().get(0).get(14));

        Exchange json = template.request("direct:json", x -> { });
        assertNull(json.getException());
        assertEquals(2, json.getMessage().getHeader(LogAnalyticsConstants.ROW_COUNT));
    }

    @Test
    void resourceCentricSpecificationExampleReadsItsCountWrittenAsAString() {
        replay(Recording.load("la-post-resource-centric-example.json"));

        List<?> rows = template.requestBody("direct:rows", null, List.class);

        assertEquals(List.of(Map.of("OperationName", "operation1", "count_", 10L)), rows);
    }

    @Test
    void aCellThatIsNoValueOfItsTypeFailsNamingTableRowAndColumnButNotTheJsonFormat() {
        String body = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"n\",\"type\":\"long\"},"
                      + "{\"name\":\"ok\",\"type\":\"bool\"}],\"rows\":[[\"1\",\"true\"],[\"1.5\",\"false\"]]}]}";
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(200).withBody(body)));

        Exchange rows = template.request("direct:rows", x -> { });
        MalformedResponseException e = assertInstanceOf(MalformedResponseException.class, rows.getException());
        assertTrue(e.getMessage().contains("Table 0 (PrimaryResult), row 1, column 'n'"), e.getMessage());
        assertTrue(e.getMessage().contains("\"1.5\""), e.getMessage());
        assertInstanceOf(MalformedResponseException.class, template.request("direct:tables", x -> { }).getException());

        Exchange json = template.request("direct:json", x -> { });
        assertNull(json.getException());
        assertEquals(body, json.getMessage().getBody(String.class));
        assertEquals(2, json.getMessage().getHeader(LogAnalyticsConstants.ROW_COUNT));
    }

    @Test
    void preferenceAppliedBecomesAHeader() {
        // the live service answered wait=10 when asked for wait=5 (LogsQueryAsyncClientTest.testServerTimeout)
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Preference-Applied", "wait=10").withHeader("retry-after", "0")
                .withBody("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"d\",\"type\":\"real\"},"
                          + "{\"name\":\"t\",\"type\":\"timespan\"},{\"name\":\"m\",\"type\":\"decimal\"}],"
                          + "\"rows\":[[0,\"00:00:10\",\"0.10101\"]]}]}")));

        Exchange out = template.request("direct:timeout", x -> x.getMessage()
                .setHeader(LogAnalyticsConstants.PREFERENCE_APPLIED, "left over from an earlier query"));

        assertNull(out.getException());
        assertEquals("wait=10", out.getMessage().getHeader(LogAnalyticsConstants.PREFERENCE_APPLIED));
        assertEquals(List.of(Map.of("d", 0.0, "t", Duration.ofSeconds(10), "m", new BigDecimal("0.10101"))),
                out.getMessage().getBody(List.class));
        assertNull(out.getMessage().getHeader(Exchange.REDELIVERY_DELAY));

        wireMock.resetAll();
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(200)
                .withBody("{\"tables\":[]}")));
        Exchange without = template.request("direct:timeout", x -> x.getMessage()
                .setHeader(LogAnalyticsConstants.PREFERENCE_APPLIED, "left over from an earlier query"));
        assertNull(without.getMessage().getHeader(LogAnalyticsConstants.PREFERENCE_APPLIED));
    }

    @Test
    void throttledOrUnavailableWithRetryAfterZeroIsRedeliveredAtOnce() {
        for (int status : new int[] {429, 503}) {
            wireMock.resetAll();
            delaysUsed.clear();
            wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(status).withHeader("retry-after", "0")
                            .withBody("{\"error\":{\"code\":\"x\",\"message\":\"busy\",\"correlationId\":\"c\"}}"))
                    .willSetStateTo("ok"));
            wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).inScenario("s").whenScenarioStateIs("ok")
                    .willReturn(aResponse().withStatus(200).withBody("{\"tables\":[]}")));

            // the route's own delay is 10 minutes: only Retry-After: 0 lets this finish
            Exchange out = template.request("direct:rows", x -> { });

            assertNull(out.getException(), "status " + status);
            assertEquals(List.of(0L), delaysUsed, "status " + status);
            wireMock.verify(2, postRequestedFor(urlEqualTo(QUERY_PATH)));
        }
    }
}
