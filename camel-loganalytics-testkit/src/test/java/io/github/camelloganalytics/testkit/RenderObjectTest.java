package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * The response's {@code render} object carries the {@code render ... with (...)} properties as the service writes
 * them, asked for with {@code Prefer: include-render=true}, over real loopback traffic.
 */
class RenderObjectTest extends ServerTestSupport {

    JsonNode render(String kql) throws Exception {
        HttpResponse<String> r = send(post(directUrl(SampleWorkspace.ID), kql, null)
                .header("Prefer", "include-render=true"));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("render");
    }

    /**
     * The query and the render object of the Azure SDK for Java's recorded live answer
     * (LogsQueryClientTest.testVisualization.json, kept in the component's src/test/resources/recordings):
     * the same fields in the same order, title and xTitle set.
     */
    @Test
    void titlesAsTheRecordedLiveAnswer() throws Exception {
        JsonNode render = render("datatable (s: string, i: long) [ \"a\", 1, \"b\", 2, \"c\", 3 ] "
                + "| render columnchart with (title=\"the chart title\", xtitle=\"the x axis title\")");
        assertEquals(JSON.readTree("{\"visualization\":\"columnchart\",\"title\":\"the chart title\","
                + "\"accumulate\":false,\"isQuerySorted\":false,\"kind\":null,\"legend\":null,\"series\":null,"
                + "\"yMin\":\"NaN\",\"yMax\":\"NaN\",\"xAxis\":null,\"xColumn\":null,\"xTitle\":\"the x axis title\","
                + "\"yAxis\":null,\"yColumns\":null,\"ySplit\":null,\"yTitle\":null,\"anomalyColumns\":null}"),
                render);
        assertEquals("[visualization, title, accumulate, isQuerySorted, kind, legend, series, yMin, yMax, xAxis, "
                + "xColumn, xTitle, yAxis, yColumns, ySplit, yTitle, anomalyColumns]", fieldNames(render));
    }

    @Test
    void everyPropertyOfTheRenderOperatorInItsField() throws Exception {
        JsonNode render = render("Heartbeat | summarize n = count() by bin(TimeGenerated, 1h), Computer "
                + "| render timechart with (xcolumn=TimeGenerated, ycolumns=n, series=Computer, ymin=0, ymax=12.5, "
                + "accumulate=true, kind=stacked, legend=hidden, ytitle='beats', xaxis=linear, yaxis=log, "
                + "ysplit=panels, anomalycolumns=n)");
        assertEquals("timechart", render.get("visualization").asText());
        assertEquals("TimeGenerated", render.get("xColumn").asText());
        assertEquals(JSON.readTree("[\"n\"]"), render.get("yColumns"));
        assertEquals(JSON.readTree("[\"Computer\"]"), render.get("series"));
        assertEquals(JSON.readTree("[\"n\"]"), render.get("anomalyColumns"));
        assertEquals(0.0, render.get("yMin").doubleValue());
        assertEquals(12.5, render.get("yMax").doubleValue());
        assertEquals(true, render.get("accumulate").booleanValue());
        assertEquals("stacked", render.get("kind").asText());
        assertEquals("hidden", render.get("legend").asText());
        assertEquals("beats", render.get("yTitle").asText());
        assertEquals("linear", render.get("xAxis").asText());
        assertEquals("log", render.get("yAxis").asText());
        assertEquals("panels", render.get("ySplit").asText());
        assertEquals(true, render.get("title").isNull());
    }

    @Test
    void listsOfColumnsInParenthesesOrBare() throws Exception {
        JsonNode render = render("AppRequests | summarize a = count(), b = dcount(Name) by bin(TimeGenerated, 1d) "
                + "| render columnchart with (ycolumns=(a, b), series=TimeGenerated)");
        assertEquals(JSON.readTree("[\"a\",\"b\"]"), render.get("yColumns"));
        assertEquals(JSON.readTree("[\"TimeGenerated\"]"), render.get("series"));
    }

    static String fieldNames(JsonNode n) {
        java.util.List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names.toString();
    }
}
