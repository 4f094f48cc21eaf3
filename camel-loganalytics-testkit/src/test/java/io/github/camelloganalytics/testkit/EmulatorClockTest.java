package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;

import org.junit.jupiter.api.Test;

/** A query's now() and relative timespans read the emulator's clock, fixed or set off. */
class EmulatorClockTest extends ServerTestSupport {

    static final Instant T = Instant.parse("2026-03-04T12:00:00Z");

    String now() throws Exception {
        return table("print now()").get("rows").get(0).get(0).asText();
    }

    @Test
    void aFixedClockIsWhatNowAndAgoRead() throws Exception {
        EmulatorClock clock = new EmulatorClock().fixAt(T);
        server.clock(clock);
        assertEquals("2026-03-04T12:00:00Z", now());
        Table t = server.workspace(SampleWorkspace.ID).orElseThrow().createTable("Events_CL",
                Column.of("TimeGenerated", ColumnType.DATETIME), Column.of("Name", ColumnType.STRING));
        t.addRow(T.minus(Duration.ofMinutes(30)), "recent");
        t.addRow(T.minus(Duration.ofHours(3)), "older");
        assertEquals(1, table("Events_CL | where TimeGenerated > ago(1h)").get("rows").size());
        assertEquals(1, JSON.readTree(send(post(directUrl(SampleWorkspace.ID), "Events_CL", "PT1H")).body())
                .get("tables").get(0).get("rows").size(), "a relative timespan ends at the clock");
        clock.advance(Duration.ofHours(3));
        assertEquals("2026-03-04T15:00:00Z", now());
        assertEquals(0, table("Events_CL | where TimeGenerated > ago(1h)").get("rows").size());
    }

    @Test
    void anOffsetClockRunsBesideTheSystemClock() throws Exception {
        EmulatorClock clock = new EmulatorClock().offsetBy(Duration.ofDays(-10));
        server.clock(clock);
        Instant expected = Instant.now().minus(Duration.ofDays(10));
        Instant seen = Instant.parse(now());
        assertTrue(Duration.between(expected, seen).abs().compareTo(Duration.ofMinutes(1)) < 0, seen.toString());
        clock.useSystemTime();
        assertTrue(Duration.between(Instant.now(), Instant.parse(now())).abs().compareTo(Duration.ofMinutes(1)) < 0);
    }

    @Test
    void theEmulatorsClockAnchorsTheSampleDataWhenFirstRead() throws Exception {
        try (LogAnalyticsEmulator emulator = new LogAnalyticsEmulator()) {
            emulator.clock().fixAt(T); // after construction, before the first query: the sample data ends at T
            Table hb = emulator.sampleWorkspace().table("Heartbeat").orElseThrow();
            Instant newest = hb.records().stream().map(r -> (Instant) r.value(hb.timeGeneratedIndex()))
                    .max(Instant::compareTo).orElseThrow();
            assertTrue(newest.isBefore(T) && newest.isAfter(T.minus(Duration.ofMinutes(15))), newest.toString());
        }
    }
}
