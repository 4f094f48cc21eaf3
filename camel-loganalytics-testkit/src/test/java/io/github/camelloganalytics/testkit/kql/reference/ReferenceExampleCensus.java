package io.github.camelloganalytics.testkit.kql.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.kql.KqlEngine;
import io.github.camelloganalytics.testkit.kql.KqlResult;
import io.github.camelloganalytics.testkit.kql.NotSupportedByEmulatorException;
import io.github.camelloganalytics.testkit.kql.value.DateTimes;
import io.github.camelloganalytics.testkit.kql.value.Values;

/**
 * Measures the engine against the KQL reference: finds every self-contained example (a query whose tabular
 * statement starts with {@code print}, {@code datatable} or {@code range}, or with a let name bound in the same
 * query) that a page follows with an output table, runs it, and counts how many give the documented output.
 *
 * <p>
 * Not a test (the reference is not part of this project): run it against a checkout of MicrosoftDocs'
 * dataexplorer-docs, {@code java ... ReferenceExampleCensus <checkout>/data-explorer/kusto/query [--verbose]}.
 * Cells match when equal as text, as numbers (to the digits the page shows), as datetimes or as JSON; rows may come
 * in another order (KQL does not order rows unless asked).
 */
public final class ReferenceExampleCensus {

    private static final Pattern CODE = Pattern.compile("```kusto\\s*\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private ReferenceExampleCensus() {
    }

    /** One example: page, query, documented columns and rows. */
    record Example(String page, String query, List<String> columns, List<List<String>> rows) {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        boolean verbose = args.length > 1;
        List<Example> examples = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                examples.addAll(extract(p.getFileName().toString(), Files.readString(p)));
            }
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        int ok = 0;
        int direct = 0;
        int directOk = 0;
        for (Example e : examples) {
            String outcome = check(e);
            outcomes.merge(outcome.split(":")[0], 1, Integer::sum);
            boolean startsDirectly = startsDirectly(e.query());
            direct += startsDirectly ? 1 : 0;
            if (outcome.equals("match")) {
                ok++;
                directOk += startsDirectly ? 1 : 0;
            } else if (verbose) {
                System.out.println("== " + e.page() + " -> " + outcome + "\n" + e.query().trim() + "\n");
            }
        }
        System.out.println("examples: " + examples.size() + ", documented output: " + ok + ", outcomes: " + outcomes);
        System.out.println("of them starting with print, datatable or range (no let first): " + direct
                + ", documented output: " + directOk);
    }

    static List<Example> extract(String page, String text) {
        List<Example> out = new ArrayList<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            String query = m.group(1);
            if (!selfContained(query)) {
                continue;
            }
            String after = text.substring(m.end());
            int next = after.indexOf("```");
            String window = next >= 0 ? after.substring(0, next) : after;
            List<String> tableLines = new ArrayList<>();
            boolean started = false;
            for (String line : window.split("\n")) {
                String t = line.trim();
                if (t.startsWith("|")) {
                    started = true;
                    tableLines.add(t);
                } else if (started) {
                    break;
                }
            }
            if (tableLines.size() < 2 || !tableLines.get(1).replaceAll("[|:\\- ]", "").isEmpty()) {
                continue;
            }
            List<String> columns = cells(tableLines.get(0));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 2; i < tableLines.size(); i++) {
                rows.add(cells(tableLines.get(i)));
            }
            out.add(new Example(page, query, columns, rows));
        }
        return out;
    }

    private static List<String> cells(String line) {
        String t = line.trim();
        if (t.startsWith("|")) {
            t = t.substring(1);
        }
        if (t.endsWith("|")) {
            t = t.substring(0, t.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String c : t.split("(?<!\\\\)\\|", -1)) {
            cells.add(c.trim().replace("\\|", "|"));
        }
        return cells;
    }

    static boolean startsDirectly(String query) {
        String q = query.replaceAll("(?m)//.*$", "").trim();
        return q.startsWith("print") || q.startsWith("datatable") || q.startsWith("range");
    }

    static boolean selfContained(String query) {
        String q = query.replaceAll("(?m)//.*$", "");
        List<String> lets = new ArrayList<>();
        for (String statement : q.split(";")) {
            String s = statement.trim();
            if (s.isEmpty()) {
                continue;
            }
            Matcher let = Pattern.compile("^let\\s+([A-Za-z_][A-Za-z0-9_]*)").matcher(s);
            if (let.find()) {
                lets.add(let.group(1));
                continue;
            }
            String first = s.split("[\\s|(]+")[0];
            return first.equals("print") || first.equals("datatable") || first.equals("range")
                    || lets.contains(first);
        }
        return false;
    }

    static String check(Example e) {
        KqlResult r;
        try {
            r = KqlEngine.run(e.query(), name -> Optional.empty(), NOW);
        } catch (NotSupportedByEmulatorException ex) {
            return "not-supported: " + ex.getMessage();
        } catch (RuntimeException ex) {
            return "error: " + ex.getClass().getSimpleName() + " " + ex.getMessage();
        }
        List<String> names = r.columns().stream().map(Column::name).toList();
        List<String> docColumns = e.columns().stream().map(ReferenceExampleCensus::unquote).toList();
        if (!names.equals(docColumns)) {
            return "columns: got " + names + " documented " + docColumns;
        }
        if (r.rows().size() != e.rows().size()) {
            return "rows: got " + r.rows().size() + " documented " + e.rows().size();
        }
        List<List<String>> remaining = new ArrayList<>(e.rows());
        for (Object[] row : r.rows()) {
            boolean found = false;
            for (int i = 0; i < remaining.size(); i++) {
                if (rowMatches(r, row, remaining.get(i))) {
                    remaining.remove(i);
                    found = true;
                    break;
                }
            }
            if (!found) {
                List<String> got = new ArrayList<>();
                for (Object v : row) {
                    got.add(Values.text(v));
                }
                return "values: got " + got + " documented " + remaining;
            }
        }
        return "match";
    }

    private static boolean rowMatches(KqlResult r, Object[] row, List<String> doc) {
        if (doc.size() != row.length) {
            return false;
        }
        for (int i = 0; i < row.length; i++) {
            if (!cellMatches(row[i], unquote(doc.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String unquote(String s) {
        String t = s.trim();
        while (t.length() >= 2 && t.startsWith("`") && t.endsWith("`")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        if (t.startsWith("*") && t.endsWith("*") && t.length() > 2) {
            t = t.substring(1, t.length() - 1);
        }
        return t.replace("&nbsp;", " ").replace("<br>", "").replace("\\*", "*").replace("\\_", "_").trim();
    }

    static boolean cellMatches(Object value, String doc) {
        String got = Values.text(value);
        if (got.equals(doc)) {
            return true;
        }
        if (value == null) {
            return doc.isEmpty() || doc.equalsIgnoreCase("null");
        }
        if (Values.isNumber(value) || value instanceof JsonNode n && n.isNumber()) {
            try {
                BigDecimal d = new BigDecimal(doc.replace(",", ""));
                double x = Values.toDouble(value);
                double scale = Math.pow(10, -Math.max(0, d.scale()));
                return Math.abs(x - d.doubleValue()) <= Math.max(scale, Math.abs(x) * 1e-9) + 1e-12;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (value instanceof Instant i) {
            try {
                return DateTimes.parse(doc).equals(i);
            } catch (RuntimeException e) {
                return false;
            }
        }
        if (value instanceof java.time.Duration d) {
            try {
                return DateTimes.parseTimespan(doc).equals(d);
            } catch (RuntimeException e) {
                return false;
            }
        }
        if (value instanceof JsonNode n) {
            try {
                JsonNode parsed = JSON.readTree(doc);
                return parsed != null && equalJson(parsed, n);
            } catch (IOException e) {
                return n.isTextual() && n.textValue().equals(doc);
            }
        }
        if (value instanceof Boolean b) {
            return doc.equalsIgnoreCase(b.toString());
        }
        return got.toLowerCase(Locale.ROOT).equals(doc.toLowerCase(Locale.ROOT)) && value instanceof java.util.UUID;
    }

    private static boolean equalJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.asDouble() - b.asDouble()) <= 1e-9 * Math.max(1, Math.abs(a.asDouble()));
        }
        if (a.isArray() && b.isArray() || a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    if (!equalJson(a.get(i), b.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            var it = a.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!b.has(k) || !equalJson(a.get(k), b.get(k))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isTextual() && b.isTextual()) {
            try {
                return DateTimes.parse(a.textValue()).equals(DateTimes.parse(b.textValue()));
            } catch (RuntimeException e) {
                return a.equals(b);
            }
        }
        return a.equals(b);
    }

}
