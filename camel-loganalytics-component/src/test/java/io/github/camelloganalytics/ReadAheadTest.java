package io.github.camelloganalytics;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelloganalytics.error.MalformedResponseException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large body is read ahead on the component's {@code LogAnalyticsReadAhead} threads while it is parsed, a small
 * one never leaves the caller's thread, and a large body found malformed half way leaves neither a reading thread at
 * work nor a connection leased.
 */
class ReadAheadTest extends EmulatorTestSupport {

    private static final String LARGE_WORKSPACE = "3e2d1c0b-5a4f-4e3d-9c2b-1a0f9e8d7c6b";
    private static final int ROWS = 12_000;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static WireMockServer wireMock;

    @BeforeAll
    static void largeTable() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        Table table = emulator.workspace(LARGE_WORKSPACE).createTable("LargeEvents",
                Column.of("TimeGenerated", ColumnType.DATETIME), Column.of("Message", ColumnType.STRING));
        for (int i = 0; i < ROWS; i++) {
            table.addRow(START.plusSeconds(i), message(i));
        }
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    private static String message(int i) {
        return "event " + i + " " + "x".repeat(150);
    }

    private Set<Thread> readAheadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("LogAnalyticsReadAhead")
                        && t.getName().contains("(" + context.getName() + ")"))
                .collect(Collectors.toSet());
    }

    private static boolean insideReadAhead(Thread thread) {
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().endsWith("ReadAheadInputStream")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aLargeResultIsReadAheadAndArrivesWhole() {
        List<?> rows = template.requestBody(uri(LARGE_WORKSPACE, "tokenProvider=#tokens&query=LargeEvents"), null,
                List.class);
        assertEquals(ROWS, rows.size());
        for (int i : new int[] {0, 1, 4_321, ROWS - 1}) {
            Map<?, ?> row = (Map<?, ?>) rows.get(i);
            assertEquals(OffsetDateTime.ofInstant(START.plusSeconds(i), ZoneOffset.UTC), row.get("TimeGenerated"));
            assertEquals(message(i), row.get("Message"));
        }
        assertFalse(readAheadThreads().isEmpty(), "the body was read on a LogAnalyticsReadAhead thread");
        assertEquals(0, context.getComponent("loganalytics", LogAnalyticsComponent.class).leasedConnections());
    }

    @Test
    void aSmallResultStaysInTheCallersThread() {
        List<?> rows = template.requestBody(uri(emulator.sampleWorkspace().id(),
                "tokenProvider=#tokens&query=RAW(Heartbeat | take 5)"), null, List.class);
        assertEquals(5, rows.size());
        assertTrue(readAheadThreads().isEmpty(), "no reading thread for a small body");
    }

    @Test
    void aBodyFoundMalformedHalfWayStopsItsReadingThreadAndFreesTheConnection() throws Exception {
        // a valid 2 MB result with one unreadable datetime in row 6,000: the reader gives up there while the rest is
        // still arriving
        StringBuilder body = new StringBuilder("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":["
                + "{\"name\":\"TimeGenerated\",\"type\":\"datetime\"},{\"name\":\"Message\",\"type\":\"string\"}],"
                + "\"rows\":[");
        for (int i = 0; i < ROWS; i++) {
            body.append(i == 0 ? "" : ",").append("[\"").append(i == 6_000 ? "not a datetime" : START.plusSeconds(i))
                    .append("\",\"").append(message(i)).append("\"]");
        }
        body.append("]}]}");
        wireMock.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body.toString())));
        Exchange failed = template.send("loganalytics:" + LARGE_WORKSPACE + "?host=http://127.0.0.1:" + wireMock.port()
                + "&accessToken=wiremock-token&query=LargeEvents", e -> { });
        MalformedResponseException e = assertInstanceOf(MalformedResponseException.class, failed.getException());
        assertTrue(e.getMessage().contains("row 6000"), e.getMessage());
        LogAnalyticsComponent component = context.getComponent("loganalytics", LogAnalyticsComponent.class);
        assertFalse(readAheadThreads().isEmpty(), "the large body was read ahead");
        assertTrue(readAheadThreads().stream().noneMatch(ReadAheadTest::insideReadAhead), "no thread still reading");
        assertEquals(0, component.leasedConnections());
        List<?> rows = template.requestBody(uri(emulator.sampleWorkspace().id(),
                "tokenProvider=#tokens&query=RAW(Heartbeat | take 5)"), null, List.class);
        assertEquals(5, rows.size(), "the next query on the same component works");
        assertEquals(0, component.leasedConnections());
    }
}
