package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelloganalytics.testkit.schema.ClassicAppInsightsTables;
import io.github.camelloganalytics.testkit.schema.ClassicAppInsightsTables.ClassicTable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The classic Application Insights tables answer over HTTP with Microsoft's documented columns, holding the same
 * telemetry as their workspace-based tables: a query written for either view gives the same answer.
 */
class ClassicAppInsightsTablesTest extends ServerTestSupport {

    static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

    @BeforeEach
    void fixedClock() {
        server.clock(Clock.fixed(NOW, ZoneOffset.UTC));
        sample = server.addWorkspace(SampleWorkspace.create(Clock.fixed(NOW, ZoneOffset.UTC), 18)).grant(TestTokens.CLIENT);
    }

    long count(String kql) throws Exception {
        return table(kql).get("rows").get(0).get(0).asLong();
    }

    @Test
    void everyClassicTableAnswersWithItsDocumentedColumnsAndTheRecordsOfItsWorkspaceTable() throws Exception {
        assertEquals(List.of("requests", "dependencies", "exceptions", "pageViews", "traces", "customEvents",
                "availabilityResults"), ClassicAppInsightsTables.names());
        for (ClassicTable classic : ClassicAppInsightsTables.all()) {
            String name = classic.schema().name();
            JsonNode result = table(name + " | take 1");
            List<String> columns = new ArrayList<>();
            result.get("columns").forEach(c -> columns.add(c.get("name").asText() + ":" + c.get("type").asText()));
            assertEquals(classic.schema().columns().stream().map(c -> c.name() + ":" + c.type().kqlName()).toList(),
                    columns, name);
            long records = count(name + " | count");
            assertTrue(records > 0, name);
            assertEquals(count(classic.workspaceTable() + " | count"), records, name);
            assertEquals(records, count(name + " | where itemType == '" + classic.itemType() + "' | count"), name);
        }
    }

    @Test
    void requestsAgreeWithAppRequests() throws Exception {
        assertEquals(160, count("requests | where timestamp > ago(1d) | count"), "the bundled day");
        assertEquals(count("AppRequests | where Success == false | count"),
                count("requests | where success == 'False' | count"));
        assertEquals(400, query("requests | where success == false | count").statusCode(),
                "success is a string, as the migration guide types it");
        assertEquals(table("AppRequests | summarize n = count(), failed = countif(Success == false), ms = sum(DurationMs)"
                           + " by AppRoleName | order by AppRoleName asc").get("rows").toString(),
                table("requests | summarize n = count(), failed = countif(success == 'False'), ms = sum(duration)"
                      + " by cloud_RoleName | order by cloud_RoleName asc").get("rows").toString());
        JsonNode first = table("requests | where timestamp > ago(1d) | order by timestamp desc | take 1"
                               + " | project name, url, resultCode, success, operation_Id, appName").get("rows").get(0);
        assertEquals("POST /api/orders", first.get(0).asText());
        assertEquals("https://shop.contoso.com/api/orders", first.get(1).asText());
        assertEquals("201", first.get(2).asText());
        assertEquals("True", first.get(3).asText());
        assertEquals(32, first.get(4).asText().length());
        assertEquals("appi-shop", first.get(5).asText());
    }

    @Test
    void aFailedRequestsExceptionAndFailingDependencyJoinOnItsOperationId() throws Exception {
        JsonNode ex = table("exceptions | where timestamp < ago(2d) | take 1"
                            + " | project operation_Id, type, details, cloud_RoleName").get("rows").get(0);
        String operation = ex.get(0).asText();
        assertTrue(ex.get(1).asText().contains("Exception"), ex.toString());
        assertEquals(ex.get(1).asText(), JSON.readTree(ex.get(2).asText()).get(0).get("type").asText());
        JsonNode request = table("requests | where operation_Id == '" + operation + "' | project success, resultCode")
                .get("rows");
        assertEquals(1, request.size(), "the exception's request");
        assertEquals("False", request.get(0).get(0).asText());
        assertTrue(request.get(0).get(1).asText().startsWith("5"), request.toString());
        assertTrue(count("dependencies | where success == 'False' and type in ('SQL', 'HTTP') | count") > 0);
        assertEquals(count("AppTraces | where SeverityLevel == 3 | count"),
                count("traces | where severityLevel == 3 | count"));
        assertTrue(count("pageViews | where client_Type == 'Browser' and duration > 0 | count") > 0);
        assertEquals(count("AppAvailabilityResults | where Success == false | count"),
                count("availabilityResults | where success == 'False' | count"));
    }
}
