package io.github.camelloganalytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dev console shows an incremental consumer's watermark, lag and next window as the consumer moves on. */
class DevConsoleConsumerTest extends ConsumerTestSupport {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> consumerJson(CamelContext context) {
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("loganalytics");
        Map<String, Object> json = (Map<String, Object>) console.call(DevConsole.MediaType.JSON);
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) json.get("endpoints");
        List<Map<String, Object>> consumers = (List<Map<String, Object>>) endpoints.get(0).get("consumers");
        assertEquals(1, consumers.size());
        return consumers.get(0);
    }

    @Test
    void watermarkLagAndNextWindow() throws Exception {
        for (long seq = 0; seq < 30; seq++) {
            addEvent(seq, T0.plus(Duration.ofMinutes(seq)), Duration.ZERO);
        }
        CamelContext context = start(incremental(TABLE + " | project Seq", ""));

        Map<String, Object> before = consumerJson(context);
        assertEquals("export", before.get("routeId"));
        assertEquals(true, before.get("incremental"));
        assertNull(before.get("watermark"));
        assertEquals("PT10M", before.get("maxWindow"));

        clock.advance(Duration.ofMinutes(27)); // now T0+27m; windows up to now - 5m ingestion delay = T0+22m
        consumer(context).poll();

        Map<String, Object> after = consumerJson(context);
        Instant watermark = T0.plus(Duration.ofMinutes(22));
        assertEquals(watermark.toString(), after.get("watermark"));
        assertEquals(Duration.ofMinutes(5).toMillis(), after.get("lagMillis"));
        assertNull(after.get("nextWindowStart"), "caught up: the next window is not due yet");

        clock.advance(Duration.ofMinutes(3)); // T0+30m: the next window is [T0+22m, T0+25m)
        Map<String, Object> later = consumerJson(context);
        assertEquals(watermark.toString(), later.get("nextWindowStart"));
        assertEquals(T0.plus(Duration.ofMinutes(25)).toString(), later.get("nextWindowEnd"));
        assertEquals(Duration.ofMinutes(8).toMillis(), later.get("lagMillis"));

        String text = (String) PluginHelper.getDevConsoleResolver(context).resolveDevConsole("loganalytics")
                .call(DevConsole.MediaType.TEXT);
        assertTrue(text.contains("consumer of route export: incremental, watermark " + watermark + ", lag PT8M,"
                                 + " next window [" + watermark + ", " + T0.plus(Duration.ofMinutes(25)) + ")"), text);
    }
}
