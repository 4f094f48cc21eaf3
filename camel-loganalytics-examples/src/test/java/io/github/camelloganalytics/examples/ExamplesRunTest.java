package io.github.camelloganalytics.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.error.InvalidTokenAudienceException;
import io.github.camelloganalytics.error.QuerySyntaxException;
import io.github.camelloganalytics.error.WorkspaceNotFoundException;
import io.github.camelloganalytics.testkit.Clients;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.LoggedRequest;
import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.token.RecordedTokenRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each DSL's copy of the example routes, run by the application itself against the emulator: what each route got,
 * and what reached the emulator.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class ExamplesRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static LogAnalyticsEmulator emulator;

    @BeforeEach
    void freshLog() {
        emulator.requestLog().clear();
        emulator.faults().clear();
    }

    @TempDir
    Path output;

    private Properties settings() throws IOException {
        Properties settings = new Properties();
        // a safety net only: the run stops as soon as every route has reported
        settings.setProperty("camel.main.duration-max-seconds", "30");
        // a directory of its own for each run, so that the files a run wrote are the files it is asserted on
        settings.setProperty(ExamplesApplication.EXPORT_DIR, Files.createTempDirectory(output, "run").toString());
        return settings;
    }

    private static Path exportDir(Properties settings) {
        return Path.of(settings.getProperty(ExamplesApplication.EXPORT_DIR));
    }

    /**
     * The CSV files the consumer example must write: the sample workspace's heartbeats of the last 50 minutes, one
     * file per computer, each line {@code TimeGenerated,Computer,OSType,ComputerIP}, in time order. Read from the
     * emulator's records, not from a query. The nearest records are minutes away from both ends of the window.
     */
    private static Map<String, List<String>> expectedExport() {
        Table heartbeat = emulator.sampleWorkspace().table("Heartbeat").orElseThrow();
        int time = heartbeat.columnIndex("TimeGenerated");
        int computer = heartbeat.columnIndex("Computer");
        int osType = heartbeat.columnIndex("OSType");
        int ip = heartbeat.columnIndex("ComputerIP");
        Instant from = Instant.now().minus(Duration.ofMinutes(50));
        Map<String, List<String>> files = new TreeMap<>();
        heartbeat.records().stream()
                .filter(r -> ((Instant) r.value(time)).isAfter(from))
                .sorted(Comparator.comparing(r -> (Instant) r.value(time)))
                .forEach(r -> files.computeIfAbsent("heartbeats-" + r.value(computer) + ".csv", f -> new ArrayList<>())
                        .add(OffsetDateTime.ofInstant((Instant) r.value(time), ZoneOffset.UTC) + "," + r.value(computer)
                                + "," + r.value(osType) + "," + r.value(ip)));
        return files;
    }

    private static Map<String, List<String>> writtenFiles(Path dir) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.toList()) {
                files.put(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void assertExported(Outcome export, Path dir, String dsl) throws IOException {
        Map<String, List<String>> expected = expectedExport();
        assertEquals(4, expected.size(), "the sample's four computers");
        assertEquals(16, expected.values().stream().mapToInt(List::size).sum(), "four heartbeats each");
        assertNull(export.caught(), dsl);
        assertEquals(expected, writtenFiles(dir), dsl);
        Map<String, Integer> counted = new TreeMap<>();
        expected.forEach((file, lines) -> counted.put(file, lines.size()));
        assertEquals(counted, new TreeMap<>(export.files()), dsl);
        assertEquals(16, export.rowsWritten(), dsl);
    }

    private static String queryOf(LoggedRequest request) {
        try {
            return JSON.readTree(request.body()).path("query").asText();
        } catch (Exception e) {
            throw new AssertionError("not a JSON body: " + request.body(), e);
        }
    }

    /**
     * What {@code summarize count() by column | order by column asc} answers over the sample workspace's records, as
     * the emulator holds them.
     *
     * @param table  the table
     * @param column the column counted by
     * @param last   the timespan before the emulator's clock, or null for all records
     */
    static List<Map<String, Object>> countBy(String table, String column, Duration last) {
        Table t = emulator.sampleWorkspace().table(table).orElseThrow();
        Instant from = last == null ? Instant.MIN : emulator.clock().instant().minus(last);
        Map<String, Long> counts = new TreeMap<>();
        t.records().stream().filter(r -> ((Instant) r.value(t.timeGeneratedIndex())).isAfter(from))
                .forEach(r -> counts.merge((String) r.value(t.columnIndex(column)), 1L, Long::sum));
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((key, n) -> rows.add(Map.of(column, key, "count_", n)));
        return rows;
    }

    private List<LoggedRequest> requestsFor(String query) {
        return emulator.requestLog().entries().stream().filter(r -> query.equals(queryOf(r))).toList();
    }

    @ParameterizedTest
    @EnumSource(Dsl.class)
    void everyRouteGetsWhatItsExampleShows(Dsl dsl) throws Exception {
        Properties settings = settings();
        Summary summary = ExamplesApplication.run(ExampleTarget.emulator(emulator), dsl, settings);

        assertTrue(summary.isComplete(), () -> "missing: " + summary.missing());
        assertTrue(summary.isSuccessful(), summary.render(dsl.name()));
        assertEquals(List.of("bad-query", "export-heartbeats", "query-heartbeats", "throttled", "wrong-audience"),
                summary.outcomes().keySet().stream().sorted().toList());

        assertExported(summary.outcome("export-heartbeats"), exportDir(settings), dsl.name());
        // one poll, one query
        assertEquals(List.of(200), requestsFor(ExportRoutes.EXPORT_QUERY).stream().map(LoggedRequest::status).toList());

        Outcome heartbeats = summary.outcome("query-heartbeats");
        assertNull(heartbeats.caught());
        assertEquals(countBy("Heartbeat", "Computer", Duration.ofDays(2)), heartbeats.rows()); // timespan P2D

        assertInstanceOf(QuerySyntaxException.class, summary.outcome("bad-query").caught());

        InvalidTokenAudienceException audience = assertInstanceOf(InvalidTokenAudienceException.class,
                summary.outcome("wrong-audience").caught());
        assertEquals("https://management.azure.com/", audience.getTokenAudience());

        Outcome throttled = summary.outcome("throttled");
        assertNull(throttled.caught());
        assertEquals(1, throttled.redeliveries());
        assertEquals(countBy("AppRequests", "AppRoleName", null), throttled.rows());
        // the service said 429 once, and the redelivery was answered
        assertEquals(List.of(429, 200),
                requestsFor(ExampleTarget.THROTTLED_QUERY).stream().map(LoggedRequest::status).toList());
        assertEquals(List.of(400), requestsFor("Heartbeat | wher Computer == 'web-01'").stream()
                .map(LoggedRequest::status).toList());
        assertEquals(List.of(403), requestsFor("Heartbeat | take 1").stream().map(LoggedRequest::status).toList());
    }

    @Test
    void aRealWorkspaceRunsOnlyTheRoutesThatNeedNoEmulator() throws Exception {
        // shaped as ExampleTarget.real makes it, with the emulator's host so that it can be watched
        ExampleTarget real = new ExampleTarget("a workspace", false, Map.of(
                ExampleTarget.WORKSPACE_ID, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID,
                "camel.component.loganalytics.host", emulator.queryUrl(),
                "camel.component.loganalytics.access-token", emulator.token()));

        for (Dsl dsl : Dsl.values()) {
            Properties settings = settings();
            Summary summary = ExamplesApplication.run(real, dsl, settings);

            assertTrue(summary.isComplete(), () -> dsl + " missing: " + summary.missing());
            assertTrue(summary.isSuccessful(), summary.render(dsl.name()));
            assertEquals(List.of("bad-query", "export-heartbeats", "query-heartbeats"),
                    summary.outcomes().keySet().stream().sorted().toList(), dsl.name());
            assertExported(summary.outcome("export-heartbeats"), exportDir(settings), dsl.name());
        }
        assertTrue(requestsFor(ExampleTarget.THROTTLED_QUERY).isEmpty());
        assertTrue(requestsFor("Heartbeat | take 1").isEmpty());
    }

    @Test
    void aWorkspaceWithTenantClientIdAndSecretGetsItsTokensFromTheTokenEndpoint() throws Exception {
        // the settings a user gives for a real workspace, as application.properties or -D would give them
        Properties given = new Properties();
        given.setProperty(ExampleTarget.WORKSPACE_ID, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID);
        given.setProperty(ExampleTarget.TENANT_ID, LogAnalyticsEmulator.SAMPLE_TENANT_ID);
        given.setProperty(ExampleTarget.CLIENT_ID, LogAnalyticsEmulator.SAMPLE_CLIENT_ID);
        given.setProperty(ExampleTarget.CLIENT_SECRET, LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET);
        ExampleTarget fromSettings = ExampleTarget.real(ExampleSettings.load(Map.of(), given)).orElseThrow();
        // only the hosts differ from Azure's: the emulator's query API and authority, whose certificate is trusted
        // through properties too, as a private CA would be
        Map<String, String> properties = new LinkedHashMap<>(fromSettings.properties());
        properties.put("camel.component.loganalytics.host", emulator.queryUrl());
        properties.put("camel.component.loganalytics.authority-host", emulator.authorityUrl());
        ExampleTarget target = new ExampleTarget(fromSettings.description(), false, properties);
        Properties settings = settings();
        trustTheTokenEndpoint(settings);
        emulator.tokenEndpoint().clearTokenRequests();

        String text = captureOutput(() -> {
            Summary summary = ExamplesApplication.run(target, Dsl.JAVA, settings);
            assertTrue(summary.isSuccessful(), summary.render("client secret"));
            assertEquals(List.of("bad-query", "export-heartbeats", "query-heartbeats"),
                    summary.outcomes().keySet().stream().sorted().toList());
            assertEquals(4, summary.outcome("query-heartbeats").rows().size());
            assertExported(summary.outcome("export-heartbeats"), exportDir(settings), "client secret");
        });

        List<RecordedTokenRequest> tokenRequests = emulator.tokenEndpoint().tokenRequests();
        assertFalse(tokenRequests.isEmpty(), "no token was asked for");
        for (RecordedTokenRequest request : tokenRequests) {
            assertEquals(LogAnalyticsEmulator.SAMPLE_TENANT_ID, request.tenant());
            assertEquals(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, request.clientId());
            assertEquals("client_credentials", request.grantType());
            // MSAL4J adds the OpenID scopes to every request
            assertTrue(List.of(request.scope().split(" ")).contains("https://api.loganalytics.io/.default"),
                    request.scope());
            assertEquals(200, request.status());
        }
        // every query was let in with the token so obtained; only the bad KQL was refused, for its syntax
        assertEquals(List.of(200, 200, 400), emulator.requestLog().entries().stream()
                .map(LoggedRequest::status).sorted().toList());
        assertTrue(text.contains("with the client secret of application " + LogAnalyticsEmulator.SAMPLE_CLIENT_ID
                + " in tenant " + LogAnalyticsEmulator.SAMPLE_TENANT_ID), text);
        assertFalse(text.contains(LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET), "the client secret was printed");
    }

    /**
     * Camel Main properties that trust the emulator's self-signed token endpoint: a PKCS#12 trust store holding its
     * certificate, as an {@code SSLContextParameters} bean the component uses for the authority.
     */
    private void trustTheTokenEndpoint(Properties settings) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("emulator", emulator.tokenEndpoint().certificate());
        Path file = output.resolve("emulator-trust.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        String bean = "camel.beans.emulatorTls";
        settings.setProperty(bean, "#class:org.apache.camel.support.jsse.SSLContextParameters");
        settings.setProperty(bean + ".trustManagers", "#class:org.apache.camel.support.jsse.TrustManagersParameters");
        settings.setProperty(bean + ".trustManagers.keyStore", "#class:org.apache.camel.support.jsse.KeyStoreParameters");
        settings.setProperty(bean + ".trustManagers.keyStore.resource", "file:" + file);
        settings.setProperty(bean + ".trustManagers.keyStore.type", "PKCS12");
        settings.setProperty(bean + ".trustManagers.keyStore.password", "changeit");
        settings.setProperty("camel.component.loganalytics.ssl-context-parameters", "#bean:emulatorTls");
    }

    /** Runs the action with System.out and System.err captured; what they received. */
    private static String captureOutput(ThrowingRunnable action) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
            out.print(captured.toString(StandardCharsets.UTF_8));
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aPollWithoutRowsReportsTooSoThatTheRunEnds() throws Exception {
        // a workspace whose Heartbeat table is empty: the service answers 204, the consumer has no row to deliver
        String id = "0f9e8d7c-0000-4000-8000-0000000000e0";
        emulator.workspace(id).createTable("Heartbeat", Column.of("TimeGenerated", ColumnType.DATETIME),
                Column.of("Computer", ColumnType.STRING), Column.of("OSType", ColumnType.STRING),
                Column.of("ComputerIP", ColumnType.STRING));
        ExampleTarget empty = new ExampleTarget("an empty workspace", false, Map.of(
                ExampleTarget.WORKSPACE_ID, id,
                "camel.component.loganalytics.host", emulator.queryUrl(),
                "camel.component.loganalytics.access-token", emulator.token()));
        try {
            for (Dsl dsl : Dsl.values()) {
                Properties settings = settings();
                Summary summary = ExamplesApplication.run(empty, dsl, settings);

                assertTrue(summary.isComplete(), () -> dsl + " missing: " + summary.missing());
                Outcome export = summary.outcome("export-heartbeats");
                assertNull(export.caught(), dsl.name());
                assertEquals(Map.of(), export.files(), dsl.name());
                assertEquals("0 rows: []", export.describe(), dsl.name());
                assertEquals(Map.of(), writtenFiles(exportDir(settings)), dsl.name());
            }
            assertEquals(List.of(204, 204, 204), requestsFor(ExportRoutes.EXPORT_QUERY).stream()
                    .map(LoggedRequest::status).toList());
        } finally {
            emulator.removeWorkspace(id);
        }
    }

    @Test
    void aFailureNoExampleShowsIsReportedAndFailsTheRun() throws Exception {
        ExampleTarget unknownWorkspace = new ExampleTarget("an unknown workspace", false, Map.of(
                ExampleTarget.WORKSPACE_ID, "0f9e8d7c-0000-4000-8000-00000000dead",
                "camel.component.loganalytics.host", emulator.queryUrl(),
                "camel.component.loganalytics.access-token", emulator.token()));

        for (Dsl dsl : Dsl.values()) {
            Summary summary = ExamplesApplication.run(unknownWorkspace, dsl, settings());

            assertTrue(summary.isComplete(), () -> dsl + " missing: " + summary.missing());
            assertFalse(summary.isSuccessful(), dsl.name());
            Outcome heartbeats = summary.outcome("query-heartbeats");
            assertTrue(heartbeats.failed(), dsl.name());
            assertInstanceOf(WorkspaceNotFoundException.class, heartbeats.caught(), dsl.name());
            // the consumer's failed poll reaches the same handler, through bridgeErrorHandler
            Outcome export = summary.outcome("export-heartbeats");
            assertTrue(export.failed(), dsl.name());
            assertInstanceOf(WorkspaceNotFoundException.class, export.caught(), dsl.name());
            assertTrue(summary.render(dsl.name()).contains("3 of 3 routes reported, 3 FAILED"), summary.render(dsl.name()));
        }
    }

    @Test
    void theTokensNeverReachTheOutput() throws Exception {
        String armToken = emulator.clients().appToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, Clients.ARM_SCOPE);
        Properties settings = settings();
        String text = captureOutput(() -> ExamplesApplication.run(ExampleTarget.emulator(emulator), Dsl.XML, settings));
        assertTrue(text.contains("5 of 5 routes reported"), text);
        assertFalse(text.contains(emulator.token()), "the direct API token was printed");
        // tokens minted for the same client and scope in the same second are the same JWT
        assertFalse(text.contains(armToken.substring(armToken.lastIndexOf('.') + 1)), "the ARM token was printed");
        assertFalse(ExampleTarget.emulator(emulator).toString().contains(emulator.token()));
    }
}
