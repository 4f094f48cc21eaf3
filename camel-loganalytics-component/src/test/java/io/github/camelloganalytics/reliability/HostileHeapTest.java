package io.github.camelloganalytics.reliability;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import io.github.camelloganalytics.LogAnalyticsConstants;
import io.github.camelloganalytics.error.ResponseTooLargeException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static io.github.camelloganalytics.reliability.RawHttpServer.RESULT_START;
import static io.github.camelloganalytics.reliability.RawHttpServer.okHead;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Where memory is the claim, in a JVM whose heap is capped at 128 MB (the component pom's heap-capped surefire
 * execution): a cell of 3 GB, a gzip bomb and an endless body end in {@link ResponseTooLargeException} in every
 * output format without an {@code OutOfMemoryError}, and a 19 MiB body in {@code outputFormat=JSON} arrives whole
 * (its bytes are kept once, beside its text only while the text is made). The peak heap of each is printed
 * ({@code figure:} lines) for docs/reliability.md.
 */
@EnabledIfSystemProperty(named = "heapCapped", matches = "true",
                         disabledReason = "runs only in the component pom's heap-capped surefire execution")
class HostileHeapTest extends HostileServerSupport {

    private static final String LIMIT = "maxResponseSize=16777216";

    private Exchange send(String options) {
        return template.send(uri(options), e -> { });
    }

    private static void resetPeaks() {
        System.gc();
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakMiB() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }

    @Test
    void aCellOfThreeGigabytesEndsAtTheLimitInEveryFormat() throws Exception {
        server = oneCell(3L * 1024 * 1024 * 1024);
        for (String format : List.of("ROWS", "TABLES", "JSON")) {
            resetPeaks();
            Exchange out = send("outputFormat=" + format + "&" + LIMIT);
            assertInstanceOf(ResponseTooLargeException.class, out.getException(), format);
            System.out.println("figure: 3 GB cell, " + format + ", maxResponseSize 16 MiB: peak heap " + peakMiB()
                               + " MiB");
        }
    }

    @Test
    void aGzipBombAndAnEndlessBodyEndAtTheLimitInEveryFormat() throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed, 64 * 1024)) {
            gzip.write((RESULT_START + "[0,\"").getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 1024; i++) {
                gzip.write(block);
            }
        }
        byte[] bomb = compressed.toByteArray();
        byte[] rows = ",[1,\"0123456789012345678901234567890123456789\"]".repeat(2_000)
                .getBytes(StandardCharsets.UTF_8);
        server = new RawHttpServer(c -> {
            c.readRequest();
            // each failed query drops its connection, so the next one comes on a new connection: bomb, rows, ...
            if (c.number % 2 == 0) {
                c.write(okHead(bomb.length, "Content-Encoding: gzip"));
                c.write(bomb);
            } else {
                c.write(okHead(-1));
                c.chunk((RESULT_START + "[0,\"first\"]").getBytes(StandardCharsets.UTF_8));
                for (int i = 0; i < 100_000; i++) {
                    c.chunk(rows);
                }
            }
        });
        for (String format : List.of("ROWS", "TABLES", "JSON")) {
            for (String body : List.of("gzip bomb of 1 GiB", "endless rows")) {
                resetPeaks();
                Exchange out = send("outputFormat=" + format + "&" + LIMIT);
                assertInstanceOf(ResponseTooLargeException.class, out.getException(), format + ", " + body);
                System.out.println("figure: " + body + ", " + format + ", maxResponseSize 16 MiB: peak heap "
                                   + peakMiB() + " MiB");
            }
        }
    }

    @Test
    void aNineteenMegabyteJsonBodyArrivesWholeInTheCappedHeap() throws Exception {
        int rowCount = 400_000;
        byte[] row = ",[1,\"012345678901234567890123456789012345678901\"]".getBytes(StandardCharsets.UTF_8);
        byte[] start = (RESULT_START + "[0,\"first\"]").getBytes(StandardCharsets.UTF_8);
        byte[] end = "]}]}".getBytes(StandardCharsets.UTF_8);
        long length = start.length + (long) row.length * (rowCount - 1) + end.length;
        server = new RawHttpServer(c -> {
            c.readRequest();
            c.write(okHead(length));
            c.write(start);
            byte[] block = new byte[row.length * 1_000];
            for (int i = 0; i < 1_000; i++) {
                System.arraycopy(row, 0, block, i * row.length, row.length);
            }
            int sent = 1;
            while (sent + 1_000 <= rowCount) {
                c.write(block);
                sent += 1_000;
            }
            c.write(Arrays.copyOf(block, row.length * (rowCount - sent)));
            c.write(end);
        });
        resetPeaks();
        Exchange out = send("outputFormat=JSON");
        assertNull(out.getException());
        assertEquals(length, out.getMessage().getBody(String.class).length());
        assertEquals(rowCount, out.getMessage().getHeader(LogAnalyticsConstants.ROW_COUNT));
        System.out.println("figure: JSON body of " + (length >> 20) + " MiB: peak heap " + peakMiB() + " MiB");
    }
}
