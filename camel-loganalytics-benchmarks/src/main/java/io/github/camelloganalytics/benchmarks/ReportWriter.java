package io.github.camelloganalytics.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Turns a run's JMH JSON and heap lines into the results section of {@code docs/performance.md} (between its
 * {@code <!-- results:start -->} and {@code <!-- results:end -->} markers) and redraws {@code
 * docs/performance-chart.svg}: rows per second and bytes allocated per row by result size, one line per contender.
 */
public final class ReportWriter {

    static final String START = "<!-- results:start -->";
    static final String END = "<!-- results:end -->";
    static final List<String> CONTENDERS = java.util.stream.Stream.concat(HeapRuns.CONTENDERS.stream(),
            Stream.of("readerFromMemory", "transportOnly")).toList();
    static final Map<String, String> LABELS = Map.of(
            "producerRows", "(a) producer ROWS",
            "producerTables", "(a) producer TABLES",
            "consumerSplitRows", "(b) consumer splitRows",
            "azureSdk", "(c) Azure SDK LogsQueryClient",
            "camelHttpJackson", "(d) camel-http + Jackson",
            "floorJacksonStreaming", "(e) floor: Jackson streaming from memory",
            "readerFromMemory", "(ref) the component's reader from memory",
            "transportOnly", "(ref) transport only: HTTPS body read and dropped");
    static final String[] COLOURS = { "#1f77b4", "#17becf", "#2ca02c", "#d62728", "#ff7f0e", "#7f7f7f", "#9467bd",
            "#bcbd22" };

    /** One measured case. */
    record Result(String contender, int rows, boolean gzip, double millis, double millisError, double bytesPerOp) {
        double rowsPerSecond() {
            return rows / (millis / 1000.0);
        }

        double bytesPerRow() {
            return bytesPerOp / rows;
        }
    }

    /** One batch case. */
    record BatchResult(String mode, int parallelism, double millis, double millisError) {
    }

    private ReportWriter() {
    }

    /**
     * @param  args      the heap lines, the docs folder, then JMH's JSON results (one file per JMH run; where two
     *                   measure the same case, the later one counts)
     * @throws Exception when a file cannot be read or written
     */
    public static void main(String[] args) throws Exception {
        Path heap = Path.of(args[0]);
        Path docs = Path.of(args[1]);
        List<JsonNode> runs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            if (Files.exists(Path.of(args[i]))) {
                new ObjectMapper().readTree(Path.of(args[i]).toFile()).forEach(runs::add);
            }
        }
        List<Result> results = new ArrayList<>();
        List<BatchResult> batches = new ArrayList<>();
        String jvm = "";
        for (JsonNode run : runs) {
            String name = run.get("benchmark").asText();
            String method = name.substring(name.lastIndexOf('.') + 1);
            jvm = run.path("vmName").asText() + " " + run.path("jdkVersion").asText();
            double score = run.get("primaryMetric").get("score").asDouble();
            double error = run.get("primaryMetric").get("scoreError").asDouble();
            JsonNode params = run.path("params");
            if (name.contains("QueryBenchmark")) {
                double bytes = run.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score").asDouble(Double.NaN);
                Result result = new Result(method, params.get("rows").asInt(), params.get("gzip").asBoolean(), score,
                        error, bytes);
                // a later file re-measures a case with more iterations: it replaces the earlier figure
                results.removeIf(r -> r.contender().equals(result.contender()) && r.rows() == result.rows()
                                      && r.gzip() == result.gzip());
                results.add(result);
            } else if (name.contains("BatchBenchmark")) {
                batches.add(new BatchResult(method, params.get("parallelism").asInt(), score, error));
            }
        }
        List<String> heapLines = Files.exists(heap) ? Files.readAllLines(heap) : List.of();
        String section = section(results, batches, heapLines, jvm);
        Path page = docs.resolve("performance.md");
        String text = Files.readString(page);
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        if (from < 0 || to < from) {
            throw new IllegalStateException(page + " lacks the " + START + " / " + END + " markers");
        }
        Files.writeString(page, text.substring(0, from + START.length()) + "\n" + section + text.substring(to));
        Files.writeString(docs.resolve("performance-chart.svg"), chart(results));
        System.out.println("wrote " + page + " and " + docs.resolve("performance-chart.svg"));
    }

    static String section(List<Result> results, List<BatchResult> batches, List<String> heapLines, String jvm)
            throws IOException {
        StringBuilder s = new StringBuilder();
        s.append("Machine: ").append(machine()).append(", ").append(jvm).append(".\n\n");
        s.append("| contender | rows | gzip | time per query (ms) | rows/s | bytes allocated per row |\n");
        s.append("|---|---:|---|---:|---:|---:|\n");
        for (String c : CONTENDERS) {
            results.stream().filter(r -> r.contender().equals(c))
                    .sorted((x, y) -> x.rows() != y.rows() ? Integer.compare(x.rows(), y.rows())
                            : Boolean.compare(x.gzip(), y.gzip()))
                    .forEach(r -> s.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s ± %s | %,.0f | %,.0f |%n",
                            LABELS.get(c), r.rows(), r.gzip() ? "on" : "off", number(r.millis()),
                            Double.isNaN(r.millisError()) ? "? (one run)" : number(r.millisError()),
                            r.rowsPerSecond(), r.bytesPerRow())));
        }
        s.append("\n**Ratios** (what matters on a shared machine):\n\n");
        for (boolean gzip : new boolean[] { false, true }) {
            String g = gzip ? "gzip on" : "gzip off";
            ratio(s, results, "producerRows", "azureSdk", 100_000, gzip,
                    "ROWS throughput ÷ SDK throughput, 100,000 rows, " + g + " (target ≥ 2)", false);
            ratio(s, results, "producerRows", "floorJacksonStreaming", 100_000, gzip,
                    "ROWS time ÷ floor time, 100,000 rows, " + g + " (target ≤ 1.5)", true);
            ratio(s, results, "producerRows", "camelHttpJackson", 1, gzip,
                    "ROWS time ÷ camel-http time, 1 row, " + g + " (target ≤ 1.2)", true);
            ratio(s, results, "consumerSplitRows", "azureSdk", 100_000, gzip,
                    "splitRows throughput ÷ SDK throughput, 100,000 rows, " + g, false);
            ratio(s, results, "producerRows", "camelHttpJackson", 100_000, gzip,
                    "ROWS throughput ÷ camel-http throughput, 100,000 rows, " + g, false);
            ratio(s, results, "readerFromMemory", "floorJacksonStreaming", 100_000, gzip,
                    "the component's reader from memory ÷ floor time, 100,000 rows, " + g
                    + " (the floor's conditions: typing alone, no HTTP, no TLS)", true);
            ratio(s, results, "transportOnly", "producerRows", 100_000, gzip,
                    "transport alone ÷ ROWS time, 100,000 rows, " + g + " (the share no parser can remove)", true);
        }
        if (!batches.isEmpty()) {
            s.append("\n**Batch** of ").append(BatchBenchmark.QUERIES).append(" queries, server ")
                    .append(BatchBenchmark.SERVER_MILLIS).append(" ms per query, ").append(BatchBenchmark.ROWS)
                    .append(" rows each:\n\n| how | batchParallelism | wall time (ms) | speed-up over sequential |\n")
                    .append("|---|---:|---:|---:|\n");
            double sequential = batches.stream().filter(b -> b.mode().equals("sequential"))
                    .mapToDouble(BatchResult::millis).average().orElse(Double.NaN);
            s.append(String.format(Locale.ROOT, "| 20 single queries, one after another | - | %s | 1.00 |%n",
                    number(sequential)));
            batches.stream().filter(b -> b.mode().equals("batch"))
                    .sorted((x, y) -> Integer.compare(x.parallelism(), y.parallelism()))
                    .forEach(b -> s.append(String.format(Locale.ROOT, "| operation=BATCH | %d | %s ± %s | %.2f |%n",
                            b.parallelism(), number(b.millis()), number(b.millisError()), sequential / b.millis())));
        }
        if (!heapLines.isEmpty()) {
            s.append("\n**Heap**: one query per JVM, the server streaming the body (gzip off); peak = sum of the heap")
                    .append(" pools' peaks during the query (garbage included):\n\n")
                    .append("| -Xmx | contender | rows | outcome | peak heap (MB) |\n|---|---|---:|---|---:|\n");
            for (String line : heapLines) {
                String[] f = line.split("\t");
                if (f.length == 5) {
                    String peak = f[4].equals("-") ? "-"
                            : String.format(Locale.ROOT, "%.0f", Long.parseLong(f[4]) / (1024.0 * 1024));
                    s.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s |%n", f[0],
                            LABELS.getOrDefault(f[1], f[1]), Integer.parseInt(f[2]), f[3], peak));
                }
            }
        }
        s.append("\n![rows per second and bytes allocated per row by result size](performance-chart.svg)\n");
        return s.toString();
    }

    private static void ratio(StringBuilder s, List<Result> results, String a, String b, int rows, boolean gzip,
            String what, boolean time) {
        Optional<Result> x = find(results, a, rows, gzip);
        Optional<Result> y = find(results, b, rows, gzip);
        if (x.isPresent() && y.isPresent()) {
            double r = time ? x.get().millis() / y.get().millis() : y.get().millis() / x.get().millis();
            // the ratio's error from the two relative errors, to first order
            double rel = x.get().millisError() / x.get().millis() + y.get().millisError() / y.get().millis();
            s.append(String.format(Locale.ROOT, "- %s: **%.2f**%s%n", what, r,
                    Double.isNaN(rel) ? " (one side a single run: no error)" : String.format(Locale.ROOT, " (± %.2f)", r * rel)));
        }
    }

    private static Optional<Result> find(List<Result> results, String contender, int rows, boolean gzip) {
        return results.stream().filter(r -> r.contender().equals(contender) && r.rows() == rows && r.gzip() == gzip)
                .findFirst();
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v)
                : v >= 1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String machine() throws IOException {
        String cpu = "";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.exists(info)) {
            try (Stream<String> lines = Files.lines(info)) {
                cpu = lines.filter(l -> l.startsWith("model name")).findFirst()
                        .map(l -> l.substring(l.indexOf(':') + 1).trim() + ", ").orElse("");
            }
        }
        return cpu + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
               + System.getProperty("os.arch");
    }

    /** Two log-log panels side by side, gzip off solid, gzip on dashed. */
    static String chart(List<Result> results) {
        StringBuilder svg = new StringBuilder();
        int w = 1000;
        int h = 480;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(h)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        panel(svg, results, 60, "rows per second (log)", true);
        panel(svg, results, 560, "bytes allocated per row (log)", false);
        int y = 380;
        for (int i = 0; i < CONTENDERS.size(); i++) {
            int x = 60 + (i % 3) * 310;
            int yy = y + (i / 3) * 20;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
                    x, yy, x + 24, yy, COLOURS[i], x + 30, yy + 4, LABELS.get(CONTENDERS.get(i))));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"60\" y=\"%d\">solid: gzip off, dashed: gzip on; x axis: rows in the result (log)</text>%n",
                y + 70));
        return svg.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder svg, List<Result> results, int left, String title, boolean throughput) {
        int top = 40;
        int width = 380;
        int height = 280;
        double[] values = results.stream().mapToDouble(r -> throughput ? r.rowsPerSecond() : r.bytesPerRow())
                .filter(v -> v > 0 && Double.isFinite(v)).toArray();
        if (values.length == 0) {
            return;
        }
        double lo = Math.floor(Math.log10(java.util.Arrays.stream(values).min().orElse(1)));
        double hi = Math.ceil(Math.log10(java.util.Arrays.stream(values).max().orElse(10)));
        if (hi <= lo) {
            hi = lo + 1;
        }
        double xlo = 0;
        double xhi = Math.log10(WideTable.SERVICE_ROW_CAP);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", left,
                top - 12, title));
        svg.append(String.format(Locale.ROOT,
                "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n", left, top,
                width, height));
        for (int e = (int) lo; e <= (int) hi; e++) {
            double y = top + height - (e - lo) / (hi - lo) * height;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">1e%d</text>%n",
                    left, y, left + width, y, left - 4, y + 4, e));
        }
        for (int rows : HeapRuns.SIZES) {
            double x = left + (Math.log10(rows) - xlo) / (xhi - xlo) * width;
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>%n", x,
                    top + height + 16, rows));
        }
        for (int i = 0; i < CONTENDERS.size(); i++) {
            for (boolean gzip : new boolean[] { false, true }) {
                String c = CONTENDERS.get(i);
                Map<Integer, Double> points = new LinkedHashMap<>();
                results.stream().filter(r -> r.contender().equals(c) && r.gzip() == gzip)
                        .sorted((x, y) -> Integer.compare(x.rows(), y.rows()))
                        .forEach(r -> points.put(r.rows(), throughput ? r.rowsPerSecond() : r.bytesPerRow()));
                StringBuilder path = new StringBuilder();
                for (Map.Entry<Integer, Double> p : points.entrySet()) {
                    if (p.getValue() > 0 && Double.isFinite(p.getValue())) {
                        double x = left + (Math.log10(p.getKey()) - xlo) / (xhi - xlo) * width;
                        double y = top + height - (Math.log10(p.getValue()) - lo) / (hi - lo) * height;
                        path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                    }
                }
                if (path.length() > 0) {
                    svg.append(String.format(Locale.ROOT,
                            "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n", path, COLOURS[i],
                            gzip ? " stroke-dasharray=\"6 4\"" : ""));
                }
            }
        }
    }
}
