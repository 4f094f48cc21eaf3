package io.github.camelloganalytics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.error.PartialResultException;
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultTable;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies are the user's to keep: they go through Java serialization (JMS object messages, JDBC, Hazelcast and LevelDB
 * aggregation repositories, the claim check) and come back equal, and the rows of {@code ROWS} can be changed.
 */
class SerializableBodiesTest extends WireMockTestSupport {

    /** Every KQL type, statistics and render beside the table, and a second table. */
    private static final String ALL_TYPES = """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"t","type":"datetime"},{"name":"s","type":"string"},
               {"name":"l","type":"long"},{"name":"i","type":"int"},{"name":"b","type":"bool"},{"name":"r","type":"real"},
               {"name":"m","type":"decimal"},{"name":"d","type":"timespan"},{"name":"g","type":"guid"},
               {"name":"y","type":"dynamic"},{"name":"z","type":"dynamic"}],
             "rows":[["2022-06-03T19:50:29.043Z","web-1",1,2,true,0,"0.10101","00:00:10",
                      "74be27de-1e4e-49d9-b579-fe0b331d3642","{\\"a\\":123,\\"c\\":[1,2,3],\\"d\\":{}}","boundedElastic-1"],
                     ["2015-12-31T23:59:59.9Z","web-1",null,null,null,"NaN",null,null,null,null,"[1,\\"x\\"]"]]},
             {"name":"Other","columns":[{"name":"s","type":"string"}],"rows":[["x"]]}],
             "statistics":{"query":{"executionTime":0,"cpu":{"user":"00:00:00"}}},
             "render":{"visualization":null,"yMin":"NaN","kind":null}}""";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:rows").to(loganalytics("query=x"));
                from("direct:tables").to(loganalytics("query=x&outputFormat=TABLES&includeStatistics=true"));
                from("direct:partial").to(loganalytics("query=x"));
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(String body) {
        wireMock.stubFor(post(urlEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(200).withBody(body)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rowsRoundTripEqualAndCanBeChanged() {
        answer(ALL_TYPES);

        List<Map<String, Object>> rows = template.requestBody("direct:rows", "", List.class);

        List<Map<String, Object>> copy = roundTrip(rows);
        assertNotSame(rows, copy);
        assertEquals(rows, copy);
        assertEquals(rows.hashCode(), copy.hashCode());
        assertEquals(OffsetDateTime.parse("2022-06-03T19:50:29.043Z"), copy.get(0).get("t"));
        assertEquals(Map.of("a", 123, "c", List.of(1, 2, 3), "d", Map.of()), copy.get(0).get("y"));

        // a value set, a key added, a key removed, a row added: on the body as given and on its copy
        for (List<Map<String, Object>> body : List.of(rows, copy)) {
            body.get(0).put("s", "changed");
            body.get(0).put("note", "added by the route");
            body.get(1).remove("l");
            body.add(Map.of("s", "extra"));
            assertEquals("changed", body.get(0).get("s"));
            assertEquals("added by the route", body.get(0).get("note"));
            assertFalse(body.get(1).containsKey("l"));
            assertEquals(12, body.get(0).size());
            assertEquals(List.of("t", "s", "l", "i", "b", "r", "m", "d", "g", "y", "z", "note"),
                    new ArrayList<>(body.get(0).keySet()));
        }
        assertEquals(rows, copy);
        // and the changed rows still round-trip
        assertEquals(rows, roundTrip(rows));
    }

    @Test
    void tablesRoundTripEqual() {
        answer(ALL_TYPES);

        QueryResult result = template.requestBody("direct:tables", "", QueryResult.class);

        QueryResult copy = roundTrip(result);
        assertEquals(result, copy);
        assertEquals(result.hashCode(), copy.hashCode());
        assertEquals(2, copy.getTables().size());
        ResultTable primary = copy.getPrimaryTable();
        assertEquals(result.getPrimaryTable().getColumns(), primary.getColumns());
        assertEquals(result.getPrimaryTable().toMaps(), primary.toMaps());
        assertEquals(Double.NaN, primary.getRows().get(1).get(5));
        assertEquals(result.getStatistics(), copy.getStatistics());
        assertTrue(copy.getVisualization().containsKey("kind"));
        // a table read back takes changes like the one read from the service
        primary.toMaps().get(0).put("s", "changed");
        assertEquals("changed", primary.getRows().get(0).get(1));
    }

    @Test
    void aPartialResultExceptionKeepsTheServicesErrorWhenSerialized() {
        answer(Recording.load("LogsQueryClientTest.testLogsQueryAllowPartialSuccess.json").body());

        Exchange out = template.request("direct:partial", x -> { });

        PartialResultException e = assertInstanceOf(PartialResultException.class, out.getException());
        PartialResultException copy = roundTrip(e);
        assertEquals(e.getPartialError(), copy.getPartialError());
        assertTrue(copy.isResultTooLarge());
        assertEquals(e.getMessage(), copy.getMessage());
        assertEquals(e.getDetails(), copy.getDetails());
    }
}
