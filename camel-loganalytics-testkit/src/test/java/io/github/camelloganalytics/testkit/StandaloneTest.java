package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone jar's options: own data from a directory, into the printed workspace or another, and a clock. */
class StandaloneTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    void writeData() throws Exception {
        Files.writeString(data.resolve("Orders_CL.ndjson"), """
                {"TimeGenerated":"2026-03-01T11:30:00Z","OrderId":1,"Amount":20.5,"Region":"eu"}
                {"TimeGenerated":"2026-03-01T09:00:00Z","OrderId":2,"Amount":7,"Region":"us"}
                """);
        Files.writeString(data.resolve("Shipments_CL.csv"), "TimeGenerated,OrderId,Carrier\n2026-03-01T10:00:00Z,1,DHL\n");
    }

    static JsonNode query(String url, String token, String kql) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("query", kql).toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("tables").get(0);
    }

    @Test
    void theJarLoadsTheDataDirectoryIntoTheNamedWorkspaceWithAFixedClock() throws Exception {
        writeData();
        String workspace = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9";
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Standalone.class.getName(), "--data", data.toString(),
                "--workspace", workspace, "--clock", "2026-03-01T12:00:00Z").redirectErrorStream(true).start();
        try {
            Map<String, String> printed = new HashMap<>();
            List<String> lines = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) { // the process prints its lines and then serves; bounded by them
                lines.add(line);
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    printed.put(line.substring(0, colon), line.substring(colon + 2));
                }
                if (line.startsWith("clock: ") || lines.size() > 40) {
                    break;
                }
            }
            assertEquals("clock: fixed at 2026-03-01T12:00:00.0000000Z", lines.get(lines.size() - 1), lines.toString());
            assertTrue(lines.contains("table: Orders_CL (2 records, 4 columns) in workspace " + workspace), lines.toString());
            assertTrue(lines.contains("table: Shipments_CL (1 records, 3 columns) in workspace " + workspace), lines.toString());
            assertEquals(LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID, printed.get("workspace"));
            String url = printed.get("query API") + "/v1/workspaces/" + workspace + "/query";
            JsonNode recent = query(url, printed.get("token"), "Orders_CL | where TimeGenerated > ago(1h) | project OrderId, Amount");
            assertEquals("[[1,20.5]]", recent.get("rows").toString());
            assertEquals("long", recent.get("columns").get(0).get("type").asText());
            assertEquals("real", recent.get("columns").get(1).get("type").asText());
            assertEquals("DHL", query(url, printed.get("token"), "Shipments_CL").get("rows").get(0).get(2).asText());
            assertEquals("2026-03-01T12:00:00Z",
                    query(url, printed.get("token"), "print now()").get("rows").get(0).get(0).asText());
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void withoutWorkspaceTheDataGoesToThePrintedOneBesideTheStandardTables() throws Exception {
        writeData();
        Standalone.Options o = Standalone.parse(new String[] { "--data", data.toString(), "--clock-offset", "-P1D" });
        try (LogAnalyticsEmulator emulator = Standalone.create(o)) {
            Standalone.load(emulator, o);
            emulator.start();
            String url = emulator.queryUrl() + "/v1/workspaces/" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "/query";
            assertEquals(2, query(url, emulator.token(), "Orders_CL").get("rows").size());
            assertTrue(query(url, emulator.token(), "Perf | take 1").get("rows").size() == 1);
            java.time.Instant now = java.time.Instant.parse(query(url, emulator.token(), "print now()").get("rows").get(0)
                    .get(0).asText());
            assertTrue(java.time.Duration.between(java.time.Instant.now().minus(java.time.Duration.ofDays(1)), now).abs()
                    .toMinutes() < 1, now.toString());
        }
    }

    /** Runs the standalone main class as a process, to its end, and returns its exit code and output. */
    static Ran run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Standalone.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process did not end: " + output);
            return new Ran(p.exitValue(), output);
        } finally {
            p.destroyForcibly();
        }
    }

    record Ran(int exitCode, String output) {
    }

    @Test
    void aBadArgumentEndsTheProcessWithExitCodeTwoNamingOptionAndValue() throws Exception {
        Ran badClock = run("--port", "0", "--clock", "yesterday");
        assertEquals(2, badClock.exitCode(), badClock.output());
        assertTrue(badClock.output().startsWith("--clock yesterday: not an ISO 8601 instant such as 2026-03-01T12:00:00Z"
                                                + System.lineSeparator() + Standalone.USAGE), badClock.output());
        Ran unknown = run("--colour", "blue");
        assertEquals(2, unknown.exitCode(), unknown.output());
        assertTrue(unknown.output().startsWith("Unknown argument --colour"), unknown.output());
        Ran missing = run("--data", data.resolve("missing").toString());
        assertEquals(2, missing.exitCode(), missing.output());
        assertTrue(missing.output().startsWith("--data " + data.resolve("missing") + ": not a directory"), missing.output());
        Ran help = run("--help");
        assertEquals(0, help.exitCode(), help.output());
        assertEquals(Standalone.USAGE + System.lineSeparator(), help.output());
    }

    @Test
    void badOptionsAreRefusedNamingOptionAndValue() {
        assertEquals("--clock yesterday: not an ISO 8601 instant such as 2026-03-01T12:00:00Z",
                assertThrows(IllegalArgumentException.class, () -> Standalone.parse(new String[] { "--clock", "yesterday" }))
                        .getMessage());
        assertEquals("--clock-offset 1d: not an ISO 8601 duration such as -P1D or PT-2H",
                assertThrows(IllegalArgumentException.class, () -> Standalone.parse(new String[] { "--clock-offset", "1d" }))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Standalone.parse(new String[] { "--data", data.resolve("missing").toString() })).getMessage()
                .endsWith("missing: not a directory"));
        assertEquals("--port 70000: not a port (0 to 65535)",
                assertThrows(IllegalArgumentException.class, () -> Standalone.parse(new String[] { "--port", "70000" }))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Standalone.parse(new String[] { "--clock",
                "2026-03-01T12:00:00Z", "--clock-offset", "PT1H" })).getMessage().contains("exclude each other"));
        assertEquals("--seed x: not a whole number",
                assertThrows(IllegalArgumentException.class, () -> Standalone.parse(new String[] { "--seed", "x" }))
                        .getMessage());
        assertEquals("--workspace needs a value",
                assertThrows(IllegalArgumentException.class, () -> Standalone.parse(new String[] { "--workspace" }))
                        .getMessage());
    }
}
