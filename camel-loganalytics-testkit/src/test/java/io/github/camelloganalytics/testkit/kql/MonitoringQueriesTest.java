package io.github.camelloganalytics.testkit.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.SampleData;
import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.data.TableRecord;

/**
 * Real monitoring queries over the bundled sample tables (and an AppDependencies table made here), each checked
 * against the same answer computed in plain Java over the same records, without the engine.
 */
class MonitoringQueriesTest {

    static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    static final Map<String, Table> TABLES = new LinkedHashMap<>();

    @BeforeAll
    static void load() {
        for (Table t : SampleData.load(NOW)) {
            TABLES.put(t.name(), t);
        }
        // requests' dependencies: one or two calls per request, a seeded share of them failing
        Table deps = new Table("AppDependencies", List.of(Column.of("TimeGenerated", ColumnType.DATETIME),
                Column.of("OperationId", ColumnType.STRING), Column.of("Target", ColumnType.STRING),
                Column.of("Success", ColumnType.BOOL), Column.of("DurationMs", ColumnType.REAL)));
        Random random = new Random(17);
        String[] targets = { "sql-orders", "redis-cache", "payments.example.com" };
        for (TableRecord r : TABLES.get("AppRequests").records()) {
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                deps.addRow(r.value(0), r.value(2), targets[random.nextInt(targets.length)],
                        random.nextInt(4) != 0, 5 + random.nextInt(200) / 2.0);
            }
        }
        TABLES.put(deps.name(), deps);
    }

    static final TableResolver RESOLVER = name -> Optional.ofNullable(TABLES.get(name)).map(t -> {
        List<Row> rows = new ArrayList<>();
        for (TableRecord r : t.records()) {
            rows.add(new Row(r.values().toArray(), r.ingestionTime()));
        }
        return new SourceTable(t.columns(), rows);
    });

    static KqlResult run(String query) {
        return KqlEngine.run(query, RESOLVER, NOW);
    }

    static int col(String table, String column) {
        return TABLES.get(table).columnIndex(column);
    }

    static List<TableRecord> records(String table) {
        return TABLES.get(table).records();
    }

    @Test
    void computersSilentForHalfAnHour() {
        KqlResult r = run("Heartbeat | summarize LastSeen = max(TimeGenerated) by Computer"
                + " | where LastSeen < ago(30m) | order by Computer asc");
        Map<String, Instant> last = new TreeMap<>();
        for (TableRecord h : records("Heartbeat")) {
            last.merge((String) h.value(col("Heartbeat", "Computer")), (Instant) h.value(0),
                    (a, b) -> a.isAfter(b) ? a : b);
        }
        List<List<Object>> expected = new ArrayList<>();
        last.forEach((c, t) -> {
            if (t.isBefore(NOW.minus(Duration.ofMinutes(30)))) {
                expected.add(List.of(c, t));
            }
        });
        assertEquals(expected, rows(r));
    }

    @Test
    void heartbeatGaps() {
        KqlResult r = run("Heartbeat | project Computer, TimeGenerated | sort by Computer asc, TimeGenerated asc"
                + " | extend PrevTime = prev(TimeGenerated), PrevComputer = prev(Computer)"
                + " | where Computer == PrevComputer and TimeGenerated - PrevTime > 30m"
                + " | project Computer, GapStart = PrevTime, GapEnd = TimeGenerated, Gap = TimeGenerated - PrevTime");
        Map<String, List<Instant>> times = new TreeMap<>();
        for (TableRecord h : records("Heartbeat")) {
            times.computeIfAbsent((String) h.value(col("Heartbeat", "Computer")), k -> new ArrayList<>())
                    .add((Instant) h.value(0));
        }
        List<List<Object>> expected = new ArrayList<>();
        times.forEach((c, ts) -> {
            ts.sort(Comparator.naturalOrder());
            for (int i = 1; i < ts.size(); i++) {
                Duration gap = Duration.between(ts.get(i - 1), ts.get(i));
                if (gap.compareTo(Duration.ofMinutes(30)) > 0) {
                    expected.add(List.of(c, ts.get(i - 1), ts.get(i), gap));
                }
            }
        });
        assertTrue(!expected.isEmpty(), "the sample has an outage");
        assertEquals(expected, rows(r));
    }

    @Test
    void failureRatePerHour() {
        KqlResult r = run("AppRequests | summarize Total = count(), Failed = countif(Success == false)"
                + " by bin(TimeGenerated, 1h) | extend FailureRate = round(100.0 * Failed / Total, 2)"
                + " | order by TimeGenerated asc");
        assertEquals(List.of("TimeGenerated", "Total", "Failed", "FailureRate"),
                r.columns().stream().map(Column::name).toList());
        Map<Instant, long[]> bins = new TreeMap<>();
        for (TableRecord q : records("AppRequests")) {
            Instant bin = ((Instant) q.value(0)).truncatedTo(ChronoUnit.HOURS);
            long[] c = bins.computeIfAbsent(bin, k -> new long[2]);
            c[0]++;
            if (Boolean.FALSE.equals(q.value(col("AppRequests", "Success")))) {
                c[1]++;
            }
        }
        List<List<Object>> expected = new ArrayList<>();
        bins.forEach((b, c) -> expected.add(List.of(b, c[0], c[1], BigDecimal.valueOf(100.0 * c[1] / c[0])
                .setScale(2, RoundingMode.HALF_UP).doubleValue())));
        assertEquals(expected, rows(r));
    }

    @Test
    void topCallers() {
        KqlResult r = run("AzureActivity | where isnotempty(Caller) | summarize Operations = count(),"
                + " Failures = countif(ActivityStatusValue == 'Failed') by Caller"
                + " | sort by Operations desc, Caller asc | take 3");
        Map<String, long[]> counts = new HashMap<>();
        for (TableRecord a : records("AzureActivity")) {
            String caller = (String) a.value(col("AzureActivity", "Caller"));
            if (caller == null || caller.isEmpty()) {
                continue;
            }
            long[] c = counts.computeIfAbsent(caller, k -> new long[2]);
            c[0]++;
            if ("Failed".equals(a.value(col("AzureActivity", "ActivityStatusValue")))) {
                c[1]++;
            }
        }
        List<List<Object>> expected = counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(3).map(e -> List.<Object>of(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        assertEquals(expected, rows(r));
    }

    @Test
    void failedRequestsJoinedWithFailedDependencies() {
        KqlResult r = run("AppRequests | where Success == false | project OperationId, Name"
                + " | join kind=inner (AppDependencies | where Success == false | project OperationId, Target)"
                + " on OperationId | summarize FailedCalls = count() by Name, Target | order by Name asc, Target asc");
        Map<String, List<String>> failedDeps = new HashMap<>();
        for (TableRecord d : records("AppDependencies")) {
            if (Boolean.FALSE.equals(d.value(3))) {
                failedDeps.computeIfAbsent((String) d.value(1), k -> new ArrayList<>()).add((String) d.value(2));
            }
        }
        Map<List<String>, Long> counts = new TreeMap<>(Comparator.<List<String>, String>comparing(k -> k.get(0))
                .thenComparing(k -> k.get(1)));
        Set<String> seenOperations = new HashSet<>();
        for (TableRecord q : records("AppRequests")) {
            String op = (String) q.value(col("AppRequests", "OperationId"));
            // innerunique: one left row per OperationId
            if (Boolean.FALSE.equals(q.value(col("AppRequests", "Success"))) && seenOperations.add(op)) {
                for (String target : failedDeps.getOrDefault(op, List.of())) {
                    counts.merge(List.of((String) q.value(col("AppRequests", "Name")), target), 1L, Long::sum);
                }
            }
        }
        List<List<Object>> expected = new ArrayList<>();
        counts.forEach((k, v) -> expected.add(List.of(k.get(0), k.get(1), v)));
        assertTrue(!expected.isEmpty());
        assertEquals(expected, rows(r));
    }

    @Test
    void latestHeartbeatPerComputer() {
        KqlResult r = run("Heartbeat | summarize arg_max(TimeGenerated, *) by Computer"
                + " | project Computer, TimeGenerated, OSType, OSMajorVersion | order by Computer asc");
        Map<String, TableRecord> latest = new TreeMap<>();
        for (TableRecord h : records("Heartbeat")) {
            latest.merge((String) h.value(col("Heartbeat", "Computer")), h,
                    (a, b) -> ((Instant) b.value(0)).isAfter((Instant) a.value(0)) ? b : a);
        }
        List<List<Object>> expected = new ArrayList<>();
        latest.forEach((c, h) -> expected.add(List.of(c, h.value(0), h.value(col("Heartbeat", "OSType")),
                h.value(col("Heartbeat", "OSMajorVersion")))));
        assertEquals(expected, rows(r));
    }

    @Test
    void durationPercentilesPerRole() {
        KqlResult r = run("AppRequests | summarize percentiles(DurationMs, 50, 95), Requests = count(),"
                + " Bytes = sum(ResponseBytes) by AppRoleName | order by AppRoleName asc");
        assertEquals(List.of("AppRoleName", "percentile_DurationMs_50", "percentile_DurationMs_95", "Requests",
                "Bytes"), r.columns().stream().map(Column::name).toList());
        Map<String, List<Double>> durations = new TreeMap<>();
        Map<String, Long> bytes = new HashMap<>();
        for (TableRecord q : records("AppRequests")) {
            String role = (String) q.value(col("AppRequests", "AppRoleName"));
            durations.computeIfAbsent(role, k -> new ArrayList<>()).add((Double) q.value(col("AppRequests",
                    "DurationMs")));
            bytes.merge(role, (Long) q.value(col("AppRequests", "ResponseBytes")), Long::sum);
        }
        List<List<Object>> expected = new ArrayList<>();
        durations.forEach((role, d) -> {
            d.sort(Comparator.naturalOrder());
            // nearest rank: the smallest value with at least p% of values at or below it
            expected.add(List.of(role, d.get((int) Math.ceil(0.50 * d.size()) - 1),
                    d.get((int) Math.ceil(0.95 * d.size()) - 1), (long) d.size(), bytes.get(role)));
        });
        assertEquals(expected, rows(r));
    }

    @Test
    void incrementalWindowOnIngestionTime() {
        Instant start = NOW.minus(Duration.ofHours(6));
        Instant end = NOW.minus(Duration.ofHours(2));
        KqlResult r = run("let _windowStart = datetime(" + start + "); let _windowEnd = datetime(" + end + ");\n"
                + "AzureActivity | where ingestion_time() >= _windowStart and ingestion_time() < _windowEnd"
                + " | extend Ingested = ingestion_time() | project CorrelationId, Ingested | order by Ingested asc");
        List<List<Object>> expected = new ArrayList<>();
        records("AzureActivity").stream()
                .filter(a -> !a.ingestionTime().isBefore(start) && a.ingestionTime().isBefore(end))
                .sorted(Comparator.comparing(TableRecord::ingestionTime))
                .forEach(a -> expected.add(List.of(a.value(col("AzureActivity", "CorrelationId")),
                        a.ingestionTime())));
        assertTrue(!expected.isEmpty());
        assertEquals(expected, rows(r));
    }

    @Test
    void dynamicPropertiesAndParsing() {
        KqlResult r = run("AppRequests | extend Method = tostring(Properties['http.method']),"
                + " Retries = toint(Properties.retries) | where isnotempty(Method)"
                + " | parse Url with 'https://' Host '/' Path"
                + " | summarize Requests = count(), Retries = sum(Retries), Hosts = dcount(Host) by Method"
                + " | order by Method asc");
        Map<String, long[]> expectedMap = new TreeMap<>();
        Map<String, Set<String>> hosts = new HashMap<>();
        for (TableRecord q : records("AppRequests")) {
            com.fasterxml.jackson.databind.JsonNode p = (com.fasterxml.jackson.databind.JsonNode) q.value(
                    col("AppRequests", "Properties"));
            String method = p == null || p.get("http.method") == null ? "" : p.get("http.method").asText();
            if (method.isEmpty()) {
                continue;
            }
            long[] c = expectedMap.computeIfAbsent(method, k -> new long[2]);
            c[0]++;
            c[1] += p.has("retries") ? p.get("retries").asLong() : 0;
            String url = (String) q.value(col("AppRequests", "Url"));
            String host = url.startsWith("https://") && url.indexOf('/', 8) > 0 ? url.substring(8, url.indexOf('/', 8))
                    : "";
            hosts.computeIfAbsent(method, k -> new HashSet<>()).add(host);
        }
        List<List<Object>> expected = new ArrayList<>();
        expectedMap.forEach((m, c) -> expected.add(List.of(m, c[0], c[1], (long) hosts.get(m).size())));
        assertEquals(expected, rows(r));
    }

    static List<List<Object>> rows(KqlResult r) {
        List<List<Object>> out = new ArrayList<>();
        for (Object[] row : r.rows()) {
            out.add(java.util.Arrays.asList(row));
        }
        return out;
    }
}
