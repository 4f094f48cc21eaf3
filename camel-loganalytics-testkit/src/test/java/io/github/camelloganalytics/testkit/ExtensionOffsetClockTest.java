package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit extension with a running clock set three days off the system clock. */
class ExtensionOffsetClockTest {

    @RegisterExtension
    static final LogAnalyticsEmulatorExtension EXTENSION = new LogAnalyticsEmulatorExtension(
            LogAnalyticsEmulator.builder().clockOffset(Duration.ofDays(-3)));

    @Test
    void nowIsThreeDaysBehindAndRuns(LogAnalyticsEmulator emulator) throws Exception {
        Instant first = Instant.parse(ExtensionOptionsTest.rows(emulator, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID,
                "print now()").get(0).get(0).asText());
        Duration behind = Duration.between(first, Instant.now());
        assertTrue(behind.compareTo(Duration.ofDays(3)) >= 0 && behind.compareTo(Duration.ofDays(3).plusMinutes(1)) < 0,
                behind.toString());
        Thread.sleep(20);
        Instant second = Instant.parse(ExtensionOptionsTest.rows(emulator, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID,
                "print now()").get(0).get(0).asText());
        assertTrue(second.isAfter(first), first + " then " + second);
    }
}
