package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.TableRecord;
import io.github.camelloganalytics.testkit.data.Table;

/** Each operator of the KQL subset, evaluated for real over a small table with known contents. */
class KqlOperatorsTest extends ServerTestSupport {

    static final String WS = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    Instant now;
    TableRecord late;

    @BeforeEach
    void data() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Workspace ws = server.addWorkspace(new Workspace(WS, "s", "g", "ops")).grant(TestTokens.CLIENT);
        Table t = ws.createTable("Events", Column.of("TimeGenerated", ColumnType.DATETIME),
                Column.of("Computer", ColumnType.STRING), Column.of("Level", ColumnType.LONG),
                Column.of("Message", ColumnType.STRING), Column.of("Ok", ColumnType.BOOL));
        t.addRow(now.minus(Duration.ofMinutes(5)), "web-01", 1, "Service started on port 8080", true);
        t.addRow(now.minus(Duration.ofMinutes(50)), "web-02", 3, "Disk almost full (92%)", false);
        t.addRow(now.minus(Duration.ofMinutes(90)), "sql-01", 2, "Backup completed", true);
        t.addRow(now.minus(Duration.ofHours(3)), "web-01", 3, "Restarting service", false);
        late = t.addRow(now.minus(Duration.ofHours(5)), "sql-01", 1, null, true);
        late.ingestedAt(now.minus(Duration.ofMinutes(2)));
    }

    JsonNode run(String kql) throws Exception {
        var r = send(post(directUrl(WS), kql, null));
        if (r.statusCode() != 200) {
            throw new AssertionError(kql + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).get("tables").get(0);
    }

    List<String> column(String kql, int index) throws Exception {
        List<String> out = new ArrayList<>();
        run(kql).get("rows").forEach(r -> out.add(r.get(index).isNull() ? null : r.get(index).asText()));
        return out;
    }

    long count(String kql) throws Exception {
        return run(kql).get("rows").get(0).get(0).asLong();
    }

    @Test
    void tableAlone() throws Exception {
        assertEquals(5, run("Events").get("rows").size());
    }

    @Test
    void comparisons() throws Exception {
        assertEquals(2, count("Events | where Computer == 'web-01' | count"));
        assertEquals(3, count("Events | where Computer != \"web-01\" | count"));
        assertEquals(2, count("Events | where Level < 2 | count"));
        assertEquals(3, count("Events | where Level <= 2 | count"));
        assertEquals(2, count("Events | where Level > 2 | count"));
        assertEquals(3, count("Events | where Level >= 2 | count"));
        assertEquals(2, count("Events | where Ok == false | count"));
        assertEquals(2, count("Events | where Computer =~ 'WEB-01' | count"));
    }

    @Test
    void betweenContainsHasAndOrNot() throws Exception {
        assertEquals(3, count("Events | where Level between (2 .. 3) | count"));
        assertEquals(2, count("Events | where Level !between (2 .. 3) | count"));
        assertEquals(2, count("Events | where TimeGenerated between (ago(2h) .. now()) | where Level > 1 | count"));
        assertEquals(2, count("Events | where Message contains 'SERVICE' | count"));
        assertEquals(1, count("Events | where Message has 'service' and Computer == 'web-01' and Level == 1 | count"));
        assertEquals(0, count("Events | where Message has 'serv' | count"), "has matches whole terms only");
        assertEquals(1, count("Events | where Message has 'full' | count"));
        assertEquals(4, count("Events | where Computer == 'sql-01' or Level == 3 | count"));
        assertEquals(3, count("Events | where not(Ok == false) | count"));
        assertEquals(4, count("Events | where Message !contains 'disk' | count"));
    }

    @Test
    void agoNowDatetimeAndLet() throws Exception {
        assertEquals(1, count("Events | where TimeGenerated > ago(10m) | count"));
        assertEquals(3, count("Events | where TimeGenerated > ago(2h) | count"));
        String since = ColumnType.formatDatetime(now.minus(Duration.ofMinutes(60)));
        assertEquals(2, count("Events | where TimeGenerated >= datetime(" + since + ") | count"));
        assertEquals(2, count("let since = datetime('" + since + "'); Events | where TimeGenerated >= since | count"));
        assertEquals(3, count("let lookback = 2h;\nlet lvl = 1;\nEvents\n| where TimeGenerated > now() - lookback"
                              + " and Level >= lvl\n| count"));
        assertEquals(1, count("Events | where TimeGenerated < now(-4h) | count"));
    }

    @Test
    void ingestionTimeSeesLateArrivals() throws Exception {
        // generated five hours ago, but only received two minutes ago
        assertEquals(2, count("Events | where ingestion_time() > ago(10m) | count"));
        List<String> computers = column("let _windowStart = ago(10m); let _windowEnd = now();"
                                        + " Events | where ingestion_time() between (_windowStart .. _windowEnd)"
                                        + " | order by Computer asc | project Computer", 0);
        assertEquals(List.of("sql-01", "web-01"), computers);
    }

    @Test
    void projectAndExtend() throws Exception {
        JsonNode t = run("Events | project Computer, Lvl = Level | take 1");
        assertEquals("Computer", t.get("columns").get(0).get("name").asText());
        assertEquals("Lvl", t.get("columns").get(1).get("name").asText());
        assertEquals("long", t.get("columns").get(1).get("type").asText());
        assertEquals(2, t.get("rows").get(0).size());
        JsonNode e = run("Events | extend Source = 'emulator', Copy = Computer, Age = now() - TimeGenerated | take 1");
        assertEquals(8, e.get("columns").size());
        assertEquals("emulator", e.get("rows").get(0).get(5).asText());
        assertEquals("timespan", e.get("columns").get(7).get("type").asText());
        JsonNode replaced = run("Events | extend Level = 'x' | project Level | take 1");
        assertEquals("string", replaced.get("columns").get(0).get("type").asText());
        JsonNode chained = run("Events | extend A = Level, B = A + 1 | project B | order by B desc | take 1");
        assertEquals(4, chained.get("rows").get(0).get(0).asLong());
    }

    @Test
    void takeLimitOrderSort() throws Exception {
        assertEquals(2, run("Events | take 2").get("rows").size());
        assertEquals(3, run("Events | limit 3").get("rows").size());
        assertEquals(List.of("1", "1", "2", "3", "3"), column("Events | order by Level asc | project Level", 0));
        assertEquals(List.of("3", "3", "2", "1", "1"), column("Events | sort by Level | project Level", 0));
        assertEquals(List.of("web-01", "web-02"), column("Events | where Level == 3 or Level == 1 and Ok"
                                                         + " | sort by Level desc, Computer asc | project Computer | take 2", 0));
        // desc puts nulls last, asc first, as KQL does
        assertEquals(null, column("Events | order by Message asc | project Message", 0).get(0));
        assertEquals(null, column("Events | order by Message desc | project Message", 0).get(4));
    }

    @Test
    void countAndSummarize() throws Exception {
        JsonNode c = run("Events | count");
        assertEquals("Count", c.get("columns").get(0).get("name").asText());
        assertEquals("long", c.get("columns").get(0).get("type").asText());
        JsonNode s = run("Events | summarize count() by Computer | order by Computer asc");
        assertEquals("Computer", s.get("columns").get(0).get("name").asText());
        assertEquals("count_", s.get("columns").get(1).get("name").asText());
        assertEquals("[[\"sql-01\",2],[\"web-01\",2],[\"web-02\",1]]", s.get("rows").toString());
        JsonNode named = run("Events | summarize n = count() by Computer, Ok | where n > 1 | order by Computer asc");
        assertEquals(1, named.get("rows").size());
        assertEquals("[\"sql-01\",true,2]", named.get("rows").get(0).toString());
        assertEquals("[[0]]", run("Events | where Level > 100 | summarize count()").get("rows").toString());
    }

    @Test
    void requestTimespanFiltersOnTimeGenerated() throws Exception {
        var r = send(post(directUrl(WS), "Events | count", "PT1H"));
        assertEquals(2, JSON.readTree(r.body()).get("tables").get(0).get("rows").get(0).get(0).asLong());
        assertTrue(run("Events | where TimeGenerated > ago(1d)").get("rows").size() == 5);
    }
}
