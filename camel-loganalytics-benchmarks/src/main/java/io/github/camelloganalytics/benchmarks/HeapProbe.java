package io.github.camelloganalytics.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * One contender reading one result once, in a JVM of its own (started by {@link HeapRuns} with a capped heap),
 * then printing {@code OK <rows> <peak heap bytes>}. A contender that cannot finish dies of
 * {@code -XX:+ExitOnOutOfMemoryError}. The server streams the body as it generates it, so the heap holds only what
 * the contender keeps. The peak is the sum of the heap pools' peaks since just before the query: an upper bound of
 * the heap in use at any one time, garbage not yet collected included.
 */
public final class HeapProbe {

    private HeapProbe() {
    }

    /**
     * @param  args      contender ({@code producerRows}, {@code producerTables}, {@code consumerSplitRows},
     *                   {@code azureSdk}, {@code camelHttpJackson}, {@code floorJacksonStreaming}), rows
     * @throws Exception when the contender fails other than by running out of heap
     */
    public static void main(String[] args) throws Exception {
        String contender = args[0];
        int rows = Integer.parseInt(args[1]);
        Tls tls = new Tls();
        try (FixedBodyServer server = FixedBodyServer.streaming(tls, rows, false);
             Contenders contenders = new Contenders(server, tls, false)) {
            // the floor reads from memory by definition: its body is part of what it holds
            byte[] body = contender.equals("floorJacksonStreaming") ? WideTable.response(rows) : null;
            Sink.Folding sink = new Sink.Folding();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            int read = switch (contender) {
                case "producerRows" -> contenders.producerRows(sink);
                case "producerTables" -> contenders.producerTables(sink);
                case "consumerSplitRows" -> contenders.consumerSplitRows(sink);
                case "azureSdk" -> contenders.sdk(sink);
                case "camelHttpJackson" -> contenders.camelHttp(sink);
                case "floorJacksonStreaming" -> Contenders.floor(body, false, sink);
                default -> throw new IllegalArgumentException("No contender " + contender);
            };
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.println((read == rows ? "OK " : "SHORT ") + read + " " + peak);
        }
        // Camel, Netty and the server leave non-daemon threads behind: the answer is printed, so leave now
        System.exit(0);
    }
}
