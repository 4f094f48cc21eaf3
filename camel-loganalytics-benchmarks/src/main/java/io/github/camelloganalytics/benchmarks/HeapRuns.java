package io.github.camelloganalytics.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The heap runs: each contender reads each result size once in a JVM capped at {@code -Xmx256m}, sizes ascending
 * until one fails, and {@code splitRows} reads the service's cap of 500,000 rows at {@code -Xmx64m}. Writes one
 * tab-separated line per run ({@code heap contender rows outcome peakBytes}) to the file named by the first argument
 * and to standard output.
 */
public final class HeapRuns {

    /** The contenders, as {@link HeapProbe} names them. */
    public static final List<String> CONTENDERS = List.of("producerRows", "producerTables", "consumerSplitRows",
            "azureSdk", "camelHttpJackson", "floorJacksonStreaming");
    /** The sizes tried, ascending. */
    public static final int[] SIZES = { 1, 10_000, 100_000, 500_000 };

    /**
     * How long one read may take. The SDK's conversion of rows is quadratic in their number (it indexes a
     * LinkedList), so its larger sizes would otherwise run for an hour.
     */
    public static final long TIMEOUT_SECONDS = 120;

    private HeapRuns() {
    }

    /**
     * @param  args      the output file
     * @throws Exception when a JVM cannot be started
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/heap.tsv");
        List<String> lines = new ArrayList<>();
        for (String contender : CONTENDERS) {
            for (int rows : SIZES) {
                String line = run("256m", contender, rows);
                lines.add(line);
                System.out.println(line);
                if (!line.contains("\tOK\t")) {
                    break;
                }
            }
        }
        String capped = run("64m", "consumerSplitRows", WideTable.SERVICE_ROW_CAP);
        lines.add(capped);
        System.out.println(capped);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
    }

    private static String run(String heap, String contender, int rows) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path stdout = Files.createTempFile("heap-probe", ".txt");
        Process process = new ProcessBuilder(java.toString(), "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), HeapProbe.class.getName(), contender,
                String.valueOf(rows))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(stdout.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            Files.delete(stdout);
            return String.join("\t", heap, contender, String.valueOf(rows), "TIMEOUT(>" + TIMEOUT_SECONDS + " s)",
                    "-");
        }
        String output = Files.readString(stdout, StandardCharsets.UTF_8).trim();
        Files.delete(stdout);
        String last = output.isEmpty() ? "" : output.substring(output.lastIndexOf('\n') + 1);
        String[] parts = last.split(" ");
        if (process.exitValue() == 0 && parts.length == 3 && parts[0].equals("OK")) {
            return String.join("\t", heap, contender, String.valueOf(rows), "OK", parts[2]);
        }
        return String.join("\t", heap, contender, String.valueOf(rows), "FAILED(exit " + process.exitValue() + ")",
                "-");
    }
}
