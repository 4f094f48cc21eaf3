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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.data.TableRecord;
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
        // the last day is exactly the bundled records
        assertEquals(372, count("Heartbeat | where TimeGenerated > ago(1d) | count"));
        assertEquals(80, count("AzureActivity | where TimeGenerated > ago(1d) | count"));
        assertEquals(160, count("AppRequests | where TimeGenerated > ago(1d) | count"));
        JsonNode first = table("Heartbeat | take 1 | project Computer, SourceComputerId, OSMajorVersion, TenantId, _ResourceId");
        assertEquals("vm-web-01", first.get("rows").get(0).get(0).asText());
        assertEquals("bdd640fb-0667-4ad1-9c80-317fa3b1799d", first.get("rows").get(0).get(1).asText());
        assertEquals("22", first.get("rows").get(0).get(2).asText());
        assertEquals(SampleWorkspace.ID, first.get("rows").get(0).get(3).asText());
        assertEquals(SampleWorkspace.VM_RESOURCE_ID, first.get("rows").get(0).get(4).asText());
    }

    @Test
    void theBundledTablesGoBackSixGeneratedDaysBeforeTheBundledDay() {
        for (String name : List.of("Heartbeat", "AzureActivity", "AppRequests")) {
            Table table = t(name);
            Map<Long, Long> perDay = new TreeMap<>();
            for (TableRecord r : table.records()) {
                Instant tg = (Instant) r.value(table.timeGeneratedIndex());
                assertFalse(tg.isBefore(NOW.minus(Duration.ofDays(7))), name + " " + tg);
                perDay.merge(Duration.between(tg, NOW).toDays(), 1L, Long::sum);
            }
            assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L), perDay.keySet(), name + " " + perDay);
            // a working day's records are of the bundled day's order
            long bundled = perDay.get(0L);
            perDay.values().forEach(n -> assertTrue(n > bundled / 4 && n < bundled * 2, name + " " + perDay));
        }
    }

    @Test
    void wholeDaysBeforeTheClockFindTheSameRecordsSecondsLater() throws Exception {
        List<String> queries = List.of("Heartbeat | where TimeGenerated > ago(1d) | count",
                "Heartbeat | where TimeGenerated > ago(2d) | count", "AppRequests | where TimeGenerated > ago(3d) | count",
                "AzureActivity | where TimeGenerated > ago(4d) | count", "AppRequests | where TimeGenerated > ago(1d) | count");
        List<Long> atTheClock = new java.util.ArrayList<>();
        for (String q : queries) {
            atTheClock.add(count(q));
        }
        server.clock(Clock.fixed(NOW.plusSeconds(50), ZoneOffset.UTC)); // a query some seconds after the records' anchor
        for (int i = 0; i < queries.size(); i++) {
            assertEquals(atTheClock.get(i), count(queries.get(i)), queries.get(i));
        }
    }

    @Test
    void heartbeatsHaveGapsThatTheActivityLogExplains() throws Exception {
        Table hb = t("Heartbeat");
        int computer = hb.columnIndex("Computer");
        Map<Object, Long> perMachine = new TreeMap<>();
        for (TableRecord r : hb.records()) {
            perMachine.merge(r.value(computer), 1L, Long::sum);
            Duration before = Duration.between((Instant) r.value(hb.timeGeneratedIndex()), NOW);
            long minuteOfDay = before.toMinutes() % (24 * 60);
            if ("vm-batch-01".equals(r.value(computer))) {
                assertFalse(minuteOfDay > 10 * 60 && minuteOfDay < 13 * 60, "vm-batch-01 is deallocated then: " + before);
            }
        }
        // a heartbeat every quarter hour for seven days; vm-batch-01 misses three hours a day, vm-web-02 three once
        long week = 7 * 24 * 4;
        assertEquals(Map.of("vm-batch-01", week - 7 * 12, "vm-sql-01", week, "vm-web-01", week, "vm-web-02", week - 12),
                perMachine);
        assertEquals(0, count("Heartbeat | where Computer == 'vm-web-02' and TimeGenerated between (ago(33h) .. ago(30h))"
                              + " | count"));
        // two days: the bundled one and a generated one, with vm-batch-01's daily gap and vm-web-02's outage
        assertEquals("[[\"vm-batch-01\",168],[\"vm-sql-01\",192],[\"vm-web-01\",192],[\"vm-web-02\",180]]",
                table("Heartbeat | where TimeGenerated > ago(2d) | summarize count() by Computer | order by Computer asc")
                        .get("rows").toString());
        // the day's deallocation and start of vm-batch-01, on every generated day
        JsonNode ops = table("AzureActivity | where Caller == 'batch-scheduler@contoso.com' and ActivityStatusValue =="
                             + " 'Succeeded' | summarize count() by OperationNameValue | order by OperationNameValue asc");
        assertEquals("[[\"MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION\",6],"
                     + "[\"MICROSOFT.COMPUTE/VIRTUALMACHINES/START/ACTION\",6]]", ops.get("rows").toString());
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
