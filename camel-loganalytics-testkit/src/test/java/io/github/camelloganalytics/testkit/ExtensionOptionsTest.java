package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelloganalytics.testkit.data.TableRecord;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JUnit extension built with the emulator's builder, as a user's test uses it: a fixed or offset clock, another
 * seed, the test's own data files in the sample workspace and in a workspace of its own, an extra empty workspace;
 * checked over HTTP with the sample client's token.
 */
class ExtensionOptionsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String ORDERS_WORKSPACE = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
    static final String EMPTY_WORKSPACE = "1a2b3c4d-0000-4000-8000-00000000e0e0";
    static final Path DATA = dataDirectory();

    @RegisterExtension
    static final LogAnalyticsEmulatorExtension EXTENSION = new LogAnalyticsEmulatorExtension(LogAnalyticsEmulator.builder()
            .clockFixedAt(NOW)
            .seed(7)
            .data(DATA.resolve("Shipments_CL.csv"))
            .data(ORDERS_WORKSPACE, DATA.resolve("orders"))
            .workspace(EMPTY_WORKSPACE));

    static LogAnalyticsEmulator emulator;

    /** The user's data files, written once for the class (the builder reads them when each class's emulator is made). */
    static Path dataDirectory() {
        try {
            Path dir = Files.createTempDirectory("extension-options");
            Files.createDirectories(dir.resolve("orders"));
            // removed at exit in the reverse order of registration: the files, then their directories
            for (String name : List.of("", "orders", "orders/Orders_CL.ndjson", "Shipments_CL.csv")) {
                dir.resolve(name).toFile().deleteOnExit();
            }
            Files.writeString(dir.resolve("orders/Orders_CL.ndjson"), """
                    {"TimeGenerated":"2026-03-01T11:30:00Z","OrderId":1,"Amount":20.5,"Region":"eu"}
                    {"TimeGenerated":"2026-03-01T09:00:00Z","OrderId":2,"Amount":7,"Region":"us"}
                    {"TimeGenerated":"2026-02-27T09:00:00Z","OrderId":3,"Amount":12,"Region":"eu"}
                    """);
            Files.writeString(dir.resolve("Shipments_CL.csv"), "TimeGenerated,OrderId,Carrier\n2026-03-01T10:00:00Z,1,DHL\n");
            return dir;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static HttpResponse<String> post(LogAnalyticsEmulator emulator, String workspace, String kql) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.queryUrl() + "/v1/workspaces/"
                + workspace + "/query")).header("Authorization", "Bearer " + emulator.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("query", kql).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode rows(LogAnalyticsEmulator emulator, String workspace, String kql) throws Exception {
        HttpResponse<String> r = post(emulator, workspace, kql);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("tables").get(0).get("rows");
    }

    @Test
    void theClockIsFixedAndTheSampleRecordsEndThere() throws Exception {
        assertEquals("2026-03-01T12:00:00Z", rows(emulator, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID, "print now()")
                .get(0).get(0).asText());
        Instant newest = Instant.parse(rows(emulator, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID,
                "Heartbeat | summarize max(TimeGenerated)").get(0).get(0).asText());
        assertTrue(newest.isBefore(NOW) && newest.isAfter(NOW.minus(Duration.ofMinutes(15))), newest.toString());
    }

    @Test
    void theSeedGivesTheSampleWorkspaceOtherRecordsTheSameAsThatSeedsAnywhere() {
        List<String> here = records(emulator.sampleWorkspace(), "Perf");
        assertEquals(records(SampleWorkspace.create(Clock.fixed(NOW, ZoneOffset.UTC), 7), "Perf"), here);
        assertNotEquals(records(SampleWorkspace.create(Clock.fixed(NOW, ZoneOffset.UTC), 18), "Perf"), here);
    }

    static List<String> records(Workspace ws, String table) {
        return ws.table(table).orElseThrow().records().stream().map(TableRecord::values).map(String::valueOf).toList();
    }

    @Test
    void theDataFilesAreTablesOfTheirWorkspacesTypedAsAUserExpects() throws Exception {
        assertEquals("[[1,20.5,\"eu\"]]", rows(emulator, ORDERS_WORKSPACE,
                "Orders_CL | where TimeGenerated > ago(1h) | project OrderId, Amount, Region").toString());
        JsonNode byRegion = rows(emulator, ORDERS_WORKSPACE,
                "Orders_CL | summarize n = count(), total = sum(Amount) by Region | order by Region asc");
        assertEquals("eu", byRegion.get(0).get(0).asText());
        assertEquals(2, byRegion.get(0).get(1).asLong());
        assertEquals(32.5, byRegion.get(0).get(2).asDouble(), "a column mixing integers and decimals is real");
        assertEquals(7.0, byRegion.get(1).get(2).asDouble());
        assertEquals("DHL", rows(emulator, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID, "Shipments_CL | project Carrier")
                .get(0).get(0).asText());
        assertEquals(204, post(emulator, EMPTY_WORKSPACE, "print 1").statusCode(), "a workspace with no data");
        assertEquals(404, post(emulator, "9f9f9f9f-0000-4000-8000-000000000000", "print 1").statusCode());
    }

    /** A nested class shares its enclosing class's emulator. */
    @Nested
    class Nested1 {
        @Test
        void sharesTheEmulator(LogAnalyticsEmulator same) {
            assertEquals(emulator, same);
        }
    }
}
