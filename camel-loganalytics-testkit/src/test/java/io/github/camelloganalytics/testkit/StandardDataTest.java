package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.data.TableRecord;
import io.github.camelloganalytics.testkit.generate.GenerationContext;
import io.github.camelloganalytics.testkit.generate.StandardData;
import io.github.camelloganalytics.testkit.schema.StandardTables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample workspace looks like a real one: every standard table answers over HTTP with records spread over the
 * days before the emulator's clock, telling the stories realistic queries look for.
 */
class StandardDataTest extends ServerTestSupport {

    static final Instant NOW = Instant.parse("2026-03-04T12:00:00Z");

    @BeforeEach
    void fixedClock() {
        server.clock(Clock.fixed(NOW, ZoneOffset.UTC));
        sample = server.addWorkspace(SampleWorkspace.create(Clock.fixed(NOW, ZoneOffset.UTC), 18)).grant(TestTokens.CLIENT);
    }

    Table t(String name) {
        return sample.table(name).orElseThrow();
    }

    static List<Object> column(Table t, String column) {
        int i = t.columnIndex(column);
        return t.records().stream().map(r -> r.value(i)).toList();
    }

    long count(String kql) throws Exception {
        return table(kql).get("rows").get(0).get(0).asLong();
    }

    @Test
    void everyStandardTableAnswersWithRecordsOfItsSchema() throws Exception {
        for (String name : StandardTables.names()) {
            JsonNode result = table(name + " | take 2");
            assertEquals(2, result.get("rows").size(), name);
            List<String> columns = new java.util.ArrayList<>();
            result.get("columns").forEach(c -> columns.add(c.get("name").asText()));
            assertTrue(columns.containsAll(StandardTables.get(name).columns().stream().map(c -> c.name()).toList()), name);
        }
    }

    @Test
    void recordsSpreadOverTheWeekBeforeTheClockAndNoneArrivesAfterIt() {
        for (String name : List.of("Perf", "SigninLogs", "Syslog", "SecurityEvent", "AppPageViews", "Operation")) {
            Table table = t(name);
            Instant oldest = NOW;
            Instant newest = Instant.EPOCH;
            for (TableRecord r : table.records()) {
                Instant tg = (Instant) r.value(table.timeGeneratedIndex());
                oldest = tg.isBefore(oldest) ? tg : oldest;
                newest = tg.isAfter(newest) ? tg : newest;
                assertFalse(r.ingestionTime().isBefore(tg), name);
                assertFalse(r.ingestionTime().isAfter(NOW), name + " has a record not ingested yet");
            }
            assertTrue(oldest.isBefore(NOW.minus(Duration.ofDays(6))), name + " starts " + oldest);
            assertTrue(newest.isAfter(NOW.minus(Duration.ofHours(3))), name + " ends " + newest);
        }
    }

    @Test
    void someRecordsArriveLate() {
        for (String name : List.of("Perf", "Syslog", "AzureMetrics")) {
            long late = t(name).records().stream().filter(r -> Duration.between(
                    (Instant) r.value(t(name).timeGeneratedIndex()), r.ingestionTime()).compareTo(Duration.ofHours(1)) > 0)
                    .count();
            assertTrue(late > 0, name + " has no record ingested more than an hour late");
        }
    }

    @Test
    void sameSeedSameRecordsOtherSeedOthers() throws Exception {
        Workspace again = SampleWorkspace.create(Clock.fixed(NOW, ZoneOffset.UTC), 18);
        Workspace other = SampleWorkspace.create(Clock.fixed(NOW, ZoneOffset.UTC), 19);
        for (String name : List.of("SigninLogs", "AppExceptions", "Perf", "StorageQueueLogs")) {
            List<List<Object>> a = t(name).records().stream().map(TableRecord::values).toList();
            List<List<Object>> b = again.table(name).orElseThrow().records().stream().map(TableRecord::values).toList();
            assertEquals(a.toString(), b.toString(), name);
            assertNotEquals(a.toString(),
                    other.table(name).orElseThrow().records().stream().map(TableRecord::values).toList().toString(), name);
        }
    }

    @Test
    void theBundledSampleTablesKeepTheirRecordsWithTheStandardColumnsFilledIn() throws Exception {
        assertEquals(372, count("Heartbeat | count"));
        assertEquals(80, count("AzureActivity | count"));
        assertEquals(160, count("AppRequests | count"));
        JsonNode first = table("Heartbeat | take 1 | project Computer, SourceComputerId, OSMajorVersion, TenantId, _ResourceId");
        assertEquals("vm-web-01", first.get("rows").get(0).get(0).asText());
        assertEquals("bdd640fb-0667-4ad1-9c80-317fa3b1799d", first.get("rows").get(0).get(1).asText());
        assertEquals("22", first.get("rows").get(0).get(2).asText());
        assertEquals(SampleWorkspace.ID, first.get("rows").get(0).get(3).asText());
        assertEquals(SampleWorkspace.VM_RESOURCE_ID, first.get("rows").get(0).get(4).asText());
    }

    @Test
    void heartbeatsHaveGaps() {
        // the bundled day: vm-batch-01 misses some; a generated week: every night, and vm-web-02 for three hours
        Table hb = t("Heartbeat");
        int computer = hb.columnIndex("Computer");
        assertTrue(hb.records().stream().filter(r -> "vm-batch-01".equals(r.value(computer))).count() < 96);
        Table week = StandardTables.get("Heartbeat").newTable();
        StandardData.fill(week, StandardTables.get("Heartbeat"), new GenerationContext(18, NOW, Duration.ofDays(7),
                "ws", "sub", "rg"), NOW);
        int c = week.columnIndex("Computer");
        long nightly = week.records().stream().filter(r -> "vm-batch-01".equals(r.value(c))).map(r -> ((Instant) r
                .value(week.timeGeneratedIndex())).atOffset(ZoneOffset.UTC).getHour()).filter(h -> h >= 1 && h < 3).count();
        long web1 = week.records().stream().filter(r -> "vm-web-01".equals(r.value(c))).count();
        long web2 = week.records().stream().filter(r -> "vm-web-02".equals(r.value(c))).count();
        assertEquals(0, nightly);
        assertEquals(12, web1 - web2, "vm-web-02 misses three hours of 15-minute heartbeats");
        assertTrue(web1 > 600, "a week of heartbeats: " + web1);
    }

    @Test
    void requestsFailDependenciesFailAndExceptionsCarryTheirStacks() throws Exception {
        assertTrue(count("AppRequests | where Success == false | count") > 10);
        Set<Object> codes = new HashSet<>(column(t("AppRequests"), "ResultCode"));
        assertTrue(codes.containsAll(List.of("200", "201", "404", "500", "503")), codes.toString());
        assertTrue(count("AppDependencies | where Success == false | count") > 0);
        assertTrue(count("AppDependencies | where DependencyType == 'SQL' | count") > 50);
        JsonNode ex = table("AppExceptions | take 1 | project ExceptionType, Details, OperationId").get("rows").get(0);
        JsonNode details = JSON.readTree(ex.get(1).asText());
        assertEquals(ex.get(0).asText(), details.get(0).get("type").asText());
        assertTrue(details.get(0).get("parsedStack").size() >= 2);
        String operation = ex.get(2).asText();
        assertEquals(1, count("AppRequests | where OperationId == '" + operation + "' | count"),
                "the exception's request is in AppRequests");
    }

    @Test
    void perfSyslogActivityAndSignInsTellTheirStories() throws Exception {
        assertTrue(count("Perf | where CounterName == '% Processor Time' and CounterValue > 30 | count") > 0);
        Set<Object> severities = new HashSet<>(column(t("Syslog"), "SeverityLevel"));
        assertTrue(severities.containsAll(List.of("info", "notice", "warning", "err", "crit")), severities.toString());
        Set<Object> statuses = new HashSet<>(column(t("AzureActivity"), "ActivityStatusValue"));
        assertTrue(statuses.containsAll(List.of("Started", "Succeeded", "Failed")), statuses.toString());
        Set<Object> results = new HashSet<>(column(t("SigninLogs"), "ResultType"));
        assertTrue(results.containsAll(List.of("0", "50126", "50074")), results.toString());
        assertTrue(count("SecurityEvent | where EventID == 4625 | count") > 0);
        assertTrue(count("Event | where EventLevelName == 'Error' | count") > 0);
    }

    @Test
    void tablesAreFilledOnlyWhenRead() {
        Workspace fresh = SampleWorkspace.create(Clock.fixed(NOW, ZoneOffset.UTC), 18);
        // a 204 check reads the first table only; the others stay empty until a query reads them
        assertFalse(fresh.hasNoData());
        assertTrue(fresh.tables().get(0).size() > 0);
    }
}
