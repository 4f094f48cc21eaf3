package io.github.camelloganalytics.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report is computed from JMH's JSON: rows per second, bytes per row and the ratios come out right. */
class ReportWriterTest {

    private static String run(String method, int rows, boolean gzip, double ms, double error, double bytes) {
        return """
               {"benchmark":"io.github.camelloganalytics.benchmarks.QueryBenchmark.%s","mode":"avgt",
                "vmName":"TestVM","jdkVersion":"17","params":{"rows":"%d","gzip":"%s"},
                "primaryMetric":{"score":%s,"scoreError":%s,"scoreUnit":"ms/op"},
                "secondaryMetrics":{"gc.alloc.rate.norm":{"score":%s,"scoreError":0,"scoreUnit":"B/op"}}}
               """.formatted(method, rows, gzip, ms, error, bytes);
    }

    @Test
    void rewritesTheResultsBetweenTheMarkersWithRatesRatiosAndChart(@TempDir Path dir) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("performance.md"),
                "# Title\n\n" + ReportWriter.START + "\nold\n" + ReportWriter.END + "\n\nafter\n");
        Path jmh = dir.resolve("jmh.json");
        Files.writeString(jmh, "[" + String.join(",",
                run("producerRows", 100_000, false, 250, 10, 100_000 * 1_000.0),
                run("azureSdk", 100_000, false, 1_000, 50, 100_000 * 8_000.0),
                run("floorJacksonStreaming", 100_000, false, 200, 5, 100_000 * 500.0)) + "]");
        Path heap = dir.resolve("heap.tsv");
        Files.write(heap, List.of("256m\tazureSdk\t10000\tOK\t" + 100L * 1024 * 1024,
                "256m\tazureSdk\t100000\tFAILED(exit 3)\t-"));

        ReportWriter.main(new String[] { heap.toString(), docs.toString(), jmh.toString() });

        String page = Files.readString(docs.resolve("performance.md"));
        assertTrue(page.startsWith("# Title\n\n" + ReportWriter.START + "\nMachine: "), page);
        assertTrue(page.endsWith(ReportWriter.END + "\n\nafter\n"), page);
        assertTrue(!page.contains("old"), page);
        assertTrue(page.contains("| (a) producer ROWS | 100,000 | off | 250 ± 10.00 | 400,000 | 1,000 |"), page);
        assertTrue(page.contains("| (c) Azure SDK LogsQueryClient | 100,000 | off | 1,000 ± 50.00 | 100,000 | 8,000 |"),
                page);
        assertTrue(page.contains("ROWS throughput ÷ SDK throughput, 100,000 rows, gzip off (target ≥ 2): **4.00**"),
                page);
        assertTrue(page.contains("ROWS time ÷ floor time, 100,000 rows, gzip off (target ≤ 1.5): **1.25**"), page);
        assertTrue(page.contains("| 256m | (c) Azure SDK LogsQueryClient | 10,000 | OK | 100 |"), page);
        assertTrue(page.contains("| 256m | (c) Azure SDK LogsQueryClient | 100,000 | FAILED(exit 3) | - |"), page);

        String svg = Files.readString(docs.resolve("performance-chart.svg"));
        // one point per contender measured: a path is drawn only from two points, so none here, but every legend
        assertEquals(ReportWriter.CONTENDERS.size(), svg.split("stroke-width=\"2\"/><text").length - 1);
        assertTrue(svg.startsWith("<svg"), svg);
    }
}
