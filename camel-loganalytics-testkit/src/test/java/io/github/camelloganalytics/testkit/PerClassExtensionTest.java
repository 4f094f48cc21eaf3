package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension with a per-class test instance and built by the test itself. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerClassExtensionTest {

    @RegisterExtension
    static final LogAnalyticsEmulatorExtension EXTENSION = new LogAnalyticsEmulatorExtension(() -> {
        LogAnalyticsEmulator e = new LogAnalyticsEmulator();
        e.limits().rowLimit(3);
        return e;
    });

    LogAnalyticsEmulator emulator;
    LogAnalyticsEmulator fromBeforeAll;

    @BeforeAll
    void before(LogAnalyticsEmulator injected) {
        fromBeforeAll = injected;
    }

    @Test
    void oneEmulatorBuiltByTheFactory(LogAnalyticsEmulator parameter) {
        assertNotNull(emulator);
        assertSame(emulator, parameter);
        assertSame(emulator, fromBeforeAll);
        org.junit.jupiter.api.Assertions.assertEquals(3, emulator.limits().rowLimit());
    }
}
