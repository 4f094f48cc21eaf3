package io.github.camelloganalytics.reliability;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.error.MalformedResponseException;
import io.github.camelloganalytics.result.Column;
import io.github.camelloganalytics.result.MalformedResultException;
import io.github.camelloganalytics.result.QueryResult;
import io.github.camelloganalytics.result.ResultReader;
import io.github.camelloganalytics.result.RowHandler;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Feeds the result reader thousands of generated responses and mutations of them: wrong types per column, missing
 * and extra fields, deep {@code dynamic}, huge strings, invalid UTF-8, numbers out of range, truncations and random
 * byte damage. The only outcomes allowed are the correct result or {@link MalformedResultException} (and, through
 * the producer, against WireMock, a result or {@link MalformedResponseException}); any other exception, an {@link Error} or a case that
 * runs longer than its bound fails the test. The generator is seeded, so a failure names the seed and case that
 * reproduce it.
 */
class ResultReaderFuzzTest {

    /** Fixed, so a failure reproduces; the case number in the failure message pins the document. */
    private static final long SEED = 0x10ADA7A5L;
    private static final int READER_CASES = 4000;
    private static final int PRODUCER_CASES = 300;
    /** Far above what one case takes (a few ms, a few hundred for a multi-megabyte string): a hang, not slowness. */
    private static final long CASE_BOUND_MS = 5_000;

    private static final String[] TYPES = {"bool", "int", "long", "real", "decimal", "string", "datetime", "timespan",
            "guid", "dynamic"};

    private static ExecutorService runner;

    @BeforeAll
    static void startRunner() {
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-case");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stopRunner() {
        runner.shutdownNow();
    }

    /** A JSON value as written in a response, and what the reader must make of it in a column of its type. */
    private record Cell(String json, Object expected) {
    }

    /** A generated response: its columns, its cells, and the JSON text the service would send. */
    private record Doc(List<String> types, List<List<Cell>> rows) {

        String json(Random random, boolean extraFields) {
            StringBuilder b = new StringBuilder("{");
            if (extraFields) {
                b.append("\"unexpected\":").append(randomJsonValue(random, 3)).append(',');
            }
            b.append("\"tables\":[{\"name\":\"PrimaryResult\",");
            if (extraFields) {
                b.append("\"kind\":").append(randomJsonValue(random, 2)).append(',');
            }
            b.append("\"columns\":[");
            for (int i = 0; i < types.size(); i++) {
                b.append(i == 0 ? "" : ",").append("{\"name\":\"c").append(i).append("\",\"type\":\"")
                        .append(types.get(i)).append('"');
                if (extraFields) {
                    b.append(",\"ColumnType\":").append(randomJsonValue(random, 1));
                }
                b.append('}');
            }
            b.append("],\"rows\":[");
            for (int r = 0; r < rows.size(); r++) {
                b.append(r == 0 ? "[" : ",[");
                List<Cell> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    b.append(c == 0 ? "" : ",").append(row.get(c).json());
                }
                b.append(']');
            }
            b.append("]}]");
            if (extraFields) {
                b.append(",\"statistics\":{\"query\":{\"executionTime\":0.1}},\"later\":[1,{\"x\":null}]");
            }
            return b.append('}').toString();
        }

        List<List<Object>> expectedRows() {
            List<List<Object>> out = new ArrayList<>();
            for (List<Cell> row : rows) {
                List<Object> values = new ArrayList<>();
                row.forEach(c -> values.add(c.expected()));
                out.add(values);
            }
            return out;
        }
    }

    private enum Outcome { RESULT, MALFORMED }

    @Test
    void readerGivesTheCorrectResultOrMalformedResultExceptionAndNothingElse() throws Exception {
        Random random = new Random(SEED);
        ResultReader reader = new ResultReader();
        Map<String, int[]> tally = new LinkedHashMap<>();
        long started = System.nanoTime();
        for (int n = 0; n < READER_CASES; n++) {
            Doc doc = generate(random);
            int kind = n % 12;
            String label;
            byte[] body;
            Outcome required = null;
            Doc checked = null;
            switch (kind) {
                case 0 -> {
                    label = "valid";
                    body = utf8(doc.json(random, false));
                    required = Outcome.RESULT;
                    checked = doc;
                }
                case 1 -> {
                    label = "extra fields";
                    body = utf8(doc.json(random, true));
                    required = Outcome.RESULT;
                    checked = doc;
                }
                case 2 -> {
                    label = "wrong type per column";
                    body = utf8(wrongType(random, doc).json(random, false));
                }
                case 3 -> {
                    label = "missing field";
                    body = utf8(dropField(random, doc.json(random, false)));
                }
                case 4 -> {
                    label = "truncated";
                    byte[] whole = utf8(doc.json(random, false));
                    body = Arrays.copyOf(whole, random.nextInt(whole.length));
                    required = Outcome.MALFORMED;
                }
                case 5 -> {
                    label = "invalid UTF-8";
                    body = invalidUtf8(random, utf8(doc.json(random, false)));
                    // no sequence inserted is UTF-8 anywhere in a body, inside a string or not
                    required = Outcome.MALFORMED;
                }
                case 6 -> {
                    label = "number out of range";
                    body = utf8(outOfRange(random, doc).json(random, false));
                }
                case 7 -> {
                    label = "deep dynamic";
                    int depth = 1 + random.nextInt(2000);
                    body = utf8(deepDynamic(depth));
                    // the reader's nesting cap is 1000 levels; the value sits 5 levels into the document
                    if (depth + 5 < 995) {
                        required = Outcome.RESULT;
                    } else if (depth + 5 > 1005) {
                        required = Outcome.MALFORMED;
                    }
                }
                case 8 -> {
                    label = "byte damage";
                    body = damage(random, utf8(doc.json(random, random.nextBoolean())));
                }
                case 9 -> {
                    label = "random JSON";
                    body = utf8(randomJsonValue(random, 6));
                }
                case 10 -> {
                    label = "huge string";
                    body = null;
                    if (n % 360 == 10) {
                        // a few multi-megabyte cells, checked for their exact length, bound the run's memory and time
                        int length = 1_000_000 + random.nextInt(3_000_000);
                        body = utf8("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"s\",\"type\":"
                                + "\"string\"}],\"rows\":[[\"" + "x".repeat(length) + "\"]]}]}");
                        QueryResult result = (QueryResult) run(n, label, reader, body, Outcome.RESULT);
                        assertEquals(length, ((String) result.getPrimaryTable().getRows().get(0).get(0)).length());
                        count(tally, label, Outcome.RESULT);
                        continue;
                    }
                    checked = hugeStringIn(random, doc);
                    body = utf8(checked.json(random, false));
                    required = Outcome.RESULT;
                }
                default -> {
                    label = "valid, with unicode and escapes";
                    body = utf8(doc.json(random, false));
                    required = Outcome.RESULT;
                    checked = doc;
                }
            }
            Object result = run(n, label, reader, body, required);
            Outcome outcome = result instanceof QueryResult ? Outcome.RESULT : Outcome.MALFORMED;
            if (checked != null && !checked.expectedRows().equals(((QueryResult) result).getPrimaryTable().getRows())) {
                fail("case " + n + " (" + label + "), seed " + SEED + ": wrong rows for " + preview(body));
            }
            count(tally, label, outcome);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.println("ResultReaderFuzzTest: " + READER_CASES + " reader cases, seed " + SEED + ", " + seconds
                + " s, outcomes " + describe(tally));
        // each family produced both outcomes where both are possible: the mutations reach the reader's checks
        for (String family : List.of("wrong type per column", "missing field", "byte damage",
                "number out of range")) {
            int[] counts = tally.get(family);
            assertTrue(counts[0] > 0 || counts[1] > 0, family);
            assertTrue(counts[1] > 0, family + " never found malformed: " + describe(tally));
        }
    }

    @Test
    void producerGivesAResultOrMalformedResponseExceptionAndNothingElse() throws Exception {
        Random random = new Random(SEED + 1);
        // WireMock, not the JDK's server: that one waits out a delayed ACK per small response on loopback unless a
        // system property is set before any server in the JVM (the emulator's) has started
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("tokens", (TokenProvider) scope -> "fuzz-token");
        context.start();
        int results = 0;
        int malformed = 0;
        try {
            ProducerTemplate template = context.createProducerTemplate();
            String uri = "loganalytics:" + UUID.randomUUID() + "?tokenProvider=#tokens&host=http://127.0.0.1:"
                         + server.port() + "&query=Heartbeat";
            for (int n = 0; n < PRODUCER_CASES; n++) {
                Doc doc = generate(random);
                byte[] body = switch (n % 6) {
                    case 0 -> utf8(doc.json(random, random.nextBoolean()));
                    case 1 -> utf8(wrongType(random, doc).json(random, false));
                    case 2 -> utf8(dropField(random, doc.json(random, false)));
                    case 3 -> {
                        byte[] whole = utf8(doc.json(random, false));
                        // an empty 200 is EmptyResponseException by contract; every other cut is malformed
                        yield Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
                    }
                    case 4 -> invalidUtf8(random, utf8(doc.json(random, false)));
                    default -> damage(random, utf8(doc.json(random, false)));
                };
                server.resetMappings();
                server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body)));
                int caseNumber = n;
                Future<Exchange> sent = runner.submit(() -> template.request(uri, e -> { }));
                Exchange out = bounded(caseNumber, "producer", sent);
                Exception failure = out.getException();
                if (failure == null) {
                    results++;
                    if (n % 6 == 0) {
                        assertEquals(doc.rows().size(), out.getMessage().getBody(List.class).size());
                    }
                } else {
                    assertInstanceOf(MalformedResponseException.class, failure,
                            "producer case " + n + ", seed " + (SEED + 1) + ", body " + preview(body));
                    malformed++;
                }
                if (n % 6 == 3) {
                    assertInstanceOf(MalformedResponseException.class, failure, "a truncated body, case " + n);
                }
            }
        } finally {
            context.stop();
            server.stop();
        }
        System.out.println("ResultReaderFuzzTest: " + PRODUCER_CASES + " producer cases, seed " + (SEED + 1)
                + ", results " + results + ", MalformedResponseException " + malformed);
        assertTrue(results > 0 && malformed > 0);
    }

    /** Reads a body both ways (kept and streamed), within the bound; both must agree on the outcome. */
    private static Object run(int n, String label, ResultReader reader, byte[] body, Outcome required)
            throws Exception {
        Object kept = bounded(n, label, runner.submit(() -> outcome(n, label, body,
                () -> reader.read(new ByteArrayInputStream(body)))));
        Object streamed = bounded(n, label, runner.submit(() -> outcome(n, label, body,
                () -> reader.read(new ByteArrayInputStream(body), new CountingHandler()))));
        assertEquals(kept instanceof QueryResult, streamed instanceof QueryResult,
                "kept and streamed reads disagree, case " + n + " (" + label + "): " + kept + " / " + streamed);
        if (required == Outcome.RESULT && !(kept instanceof QueryResult)) {
            fail("case " + n + " (" + label + "), seed " + SEED + ": expected a result, got " + kept + " for "
                 + preview(body), (Throwable) kept);
        }
        if (required == Outcome.MALFORMED && kept instanceof QueryResult) {
            fail("case " + n + " (" + label + "), seed " + SEED + ": expected MalformedResultException for "
                 + preview(body));
        }
        return kept;
    }

    private interface Read {
        QueryResult read() throws Exception;
    }

    /** The result, or the MalformedResultException; anything else thrown, an Error included, fails the case. */
    private static Object outcome(int n, String label, byte[] body, Read read) {
        try {
            return read.read();
        } catch (MalformedResultException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("case " + n + " (" + label + "), seed " + SEED + ": " + t + " for "
                                     + preview(body), t);
        }
    }

    private static <T> T bounded(int n, String label, Future<T> future) throws Exception {
        try {
            return future.get(CASE_BOUND_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("case " + n + " (" + label + "), seed " + SEED + " ran beyond "
                                     + CASE_BOUND_MS + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw e;
        }
    }

    // ---- generation ----

    private static Doc generate(Random random) {
        int columns = 1 + random.nextInt(10);
        List<String> types = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            types.add(TYPES[random.nextInt(TYPES.length)]);
        }
        List<List<Cell>> rows = new ArrayList<>();
        for (int r = random.nextInt(6); r > 0; r--) {
            List<Cell> row = new ArrayList<>();
            for (String type : types) {
                row.add(random.nextInt(8) == 0 ? new Cell("null", null) : validCell(random, type));
            }
            rows.add(row);
        }
        return new Doc(types, rows);
    }

    private static Cell validCell(Random random, String type) {
        switch (type) {
            case "bool": {
                boolean v = random.nextBoolean();
                return new Cell(String.valueOf(v), v);
            }
            case "int": {
                int v = random.nextInt();
                return new Cell(String.valueOf(v), v);
            }
            case "long": {
                long v = random.nextLong();
                return new Cell(String.valueOf(v), v);
            }
            case "real": {
                double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
                return new Cell(String.valueOf(v), v);
            }
            case "decimal": {
                BigDecimal v = new BigDecimal(new java.math.BigInteger(100, random), random.nextInt(20));
                return new Cell('"' + v.toString() + '"', v);
            }
            case "string": {
                String v = randomText(random, random.nextInt(30));
                return new Cell(quote(v), v);
            }
            case "datetime": {
                OffsetDateTime v = OffsetDateTime.of(1900 + random.nextInt(300), 1 + random.nextInt(12),
                        1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                        random.nextInt(10_000_000) * 100, ZoneOffset.UTC);
                String text = String.format("%04d-%02d-%02dT%02d:%02d:%02d.%07dZ", v.getYear(), v.getMonthValue(),
                        v.getDayOfMonth(), v.getHour(), v.getMinute(), v.getSecond(), v.getNano() / 100);
                return new Cell('"' + text + '"', v);
            }
            case "timespan": {
                int days = random.nextInt(100);
                int h = random.nextInt(24);
                int m = random.nextInt(60);
                int s = random.nextInt(60);
                int ticks = random.nextInt(10_000_000);
                boolean negative = random.nextBoolean();
                Duration d = Duration.ofDays(days).plusHours(h).plusMinutes(m).plusSeconds(s).plusNanos(ticks * 100L);
                String text = String.format("%s%d.%02d:%02d:%02d.%07d", negative ? "-" : "", days, h, m, s, ticks);
                return new Cell('"' + text + '"', negative ? d.negated() : d);
            }
            case "guid": {
                UUID v = new UUID(random.nextLong(), random.nextLong());
                return new Cell('"' + v.toString() + '"', v);
            }
            default: {
                // dynamic: an object as text, the way the service sends it
                int k = random.nextInt(1000);
                String key = randomText(random, 5);
                Map<String, Object> v = new LinkedHashMap<>();
                v.put(key, List.of(k, "v", true));
                String inner = "{" + quote(key) + ":[" + k + ",\"v\",true]}";
                return new Cell(quote(inner), v);
            }
        }
    }

    /** Text with quotes, backslashes, control characters and characters beyond the BMP, as JSON must escape. */
    private static String randomText(Random random, int length) {
        String alphabet = "abcXYZ09 \"\\/\n\t\u0001é漢\uD83D\uDE00<>&'";
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            int i = random.nextInt(alphabet.length());
            char c = alphabet.charAt(i);
            if (Character.isHighSurrogate(c)) {
                b.append(c).append(alphabet.charAt(i + 1));
            } else if (!Character.isLowSurrogate(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static String randomJsonValue(Random random, int depth) {
        int pick = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (pick) {
            case 0 -> "null";
            case 1 -> String.valueOf(random.nextBoolean());
            case 2 -> String.valueOf(random.nextLong());
            case 3 -> String.valueOf(random.nextGaussian() * 1e10);
            case 4 -> quote(randomText(random, random.nextInt(10)));
            case 5 -> random.nextBoolean() ? "1e400" : "123456789012345678901234567890";
            case 6 -> {
                StringBuilder b = new StringBuilder("[");
                for (int i = random.nextInt(4); i > 0; i--) {
                    b.append(randomJsonValue(random, depth - 1)).append(i > 1 ? "," : "");
                }
                yield b.append(']').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                String[] keys = {"tables", "columns", "rows", "name", "type", "error", "x"};
                for (int i = random.nextInt(4); i > 0; i--) {
                    b.append('"').append(keys[random.nextInt(keys.length)]).append("\":")
                            .append(randomJsonValue(random, depth - 1)).append(i > 1 ? "," : "");
                }
                yield b.append('}').toString();
            }
        };
    }

    // ---- mutations ----

    /** One cell replaced by a value of another JSON kind; the reader may accept it only where the type allows. */
    private static Doc wrongType(Random random, Doc doc) {
        if (doc.rows().isEmpty()) {
            List<Cell> row = new ArrayList<>();
            doc.types().forEach(t -> row.add(validCell(random, t)));
            doc = new Doc(doc.types(), List.of(row));
        }
        List<List<Cell>> rows = copy(doc.rows());
        int r = random.nextInt(rows.size());
        int c = random.nextInt(doc.types().size());
        String[] wrong = {"\"not a value\"", "{\"a\":1}", "[1,2]", "true", "12.5", "-3", "\"\"", "2147483648",
                "\"2024-13-45T99:99:99Z\"", "\"1.99:99:99\"", "\"0f8fad5b-d9cb-469f-a165\"", "\"maybe\"", "2"};
        rows.get(r).set(c, new Cell(wrong[random.nextInt(wrong.length)], null));
        return new Doc(doc.types(), rows);
    }

    /** Numbers beyond their column's range, or beyond any Java number's. */
    private static Doc outOfRange(Random random, Doc doc) {
        List<String> types = new ArrayList<>(doc.types());
        List<List<Cell>> rows = copy(doc.rows());
        String[][] byType = {
                {"int", "2147483648"}, {"int", "-2147483649"}, {"long", "9223372036854775808"},
                {"long", "-92233720368547758080"}, {"real", "1e400"}, {"real", "-1e400"}, {"real", "4.9e-400"},
                {"decimal", "1e999999999"}, {"decimal", "\"1e-999999999\""}, {"bool", "2"},
                {"int", "1" + "0".repeat(999)}, {"long", "1" + "0".repeat(1500)}, {"datetime", "\"99999-01-01T00:00:00Z\""},
                {"timespan", "\"99999999999999999999.00:00:00\""}};
        String[] pick = byType[random.nextInt(byType.length)];
        types.add(pick[0]);
        List<Cell> row = new ArrayList<>();
        doc.types().forEach(t -> row.add(validCell(random, t)));
        row.add(new Cell(pick[1], null));
        rows.add(row);
        for (int i = 0; i < rows.size() - 1; i++) {
            rows.get(i).add(new Cell("null", null));
        }
        return new Doc(types, rows);
    }

    private static Doc hugeStringIn(Random random, Doc doc) {
        List<String> types = new ArrayList<>(doc.types());
        types.add(random.nextBoolean() ? "string" : "dynamic");
        String big = randomText(random, 10_000 + random.nextInt(50_000));
        List<List<Cell>> rows = copy(doc.rows());
        for (List<Cell> row : rows) {
            // the alphabet has no bracket, so a dynamic cell keeps the text as it is
            row.add(new Cell(quote(big), big));
        }
        return new Doc(types, rows);
    }

    /** Removes one key with its value (columns, rows, name, type or tables), leaving valid JSON behind. */
    private static String dropField(Random random, String json) {
        String[] keys = {"\"tables\":", "\"columns\":", "\"rows\":", "\"name\":", "\"type\":"};
        String key = keys[random.nextInt(keys.length)];
        int at = json.indexOf(key);
        if (at < 0) {
            return json;
        }
        int end = endOfValue(json, at + key.length());
        String before = json.substring(0, at);
        String after = json.substring(end);
        if (after.startsWith(",")) {
            after = after.substring(1);
        } else if (before.endsWith(",")) {
            before = before.substring(0, before.length() - 1);
        }
        return before + after;
    }

    private static int endOfValue(String json, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return json.length();
    }

    private static byte[] invalidUtf8(Random random, byte[] body) {
        byte[][] bad = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                // overlong forms of '/' and of U+007F, and a sequence beyond U+10FFFF: Jackson alone decodes these
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
                {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        byte[] insert = bad[random.nextInt(bad.length)];
        int at = random.nextInt(body.length + 1);
        byte[] out = new byte[body.length + insert.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(body, at, out, at + insert.length, body.length - at);
        return out;
    }

    /** Flips, deletes or inserts a few bytes, often JSON punctuation. */
    private static byte[] damage(Random random, byte[] body) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : body) {
            bytes.add(b);
        }
        byte[] punctuation = "{}[]\",:0-e.\\ntf".getBytes(StandardCharsets.US_ASCII);
        for (int i = 1 + random.nextInt(4); i > 0 && !bytes.isEmpty(); i--) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(3)) {
                case 0 -> bytes.remove(at);
                case 1 -> bytes.add(at, punctuation[random.nextInt(punctuation.length)]);
                default -> bytes.set(at, (byte) random.nextInt(256));
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static String deepDynamic(int depth) {
        String value = "[".repeat(depth) + "]".repeat(depth);
        return "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"d\",\"type\":\"dynamic\"}],"
               + "\"rows\":[[" + value + "]]}]}";
    }

    // ---- helpers ----

    private static List<List<Cell>> copy(List<List<Cell>> rows) {
        List<List<Cell>> out = new ArrayList<>();
        rows.forEach(r -> out.add(new ArrayList<>(r)));
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String preview(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        return s.length() <= 400 ? s : s.substring(0, 400) + "...(" + s.length() + " chars)";
    }

    private static void count(Map<String, int[]> tally, String label, Outcome outcome) {
        tally.computeIfAbsent(label, k -> new int[2])[outcome.ordinal()]++;
    }

    private static String describe(Map<String, int[]> tally) {
        StringBuilder b = new StringBuilder();
        tally.forEach((k, v) -> b.append(k).append(": ").append(v[0]).append(" results/").append(v[1])
                .append(" malformed; "));
        return b.toString();
    }

    /** Streams rows and keeps none, as the producer's row streaming does. */
    private static final class CountingHandler implements RowHandler {
        @Override
        public boolean startTable(int tableIndex, String name, List<Column> columns) {
            return true;
        }

        @Override
        public void row(Object[] values) {
        }
    }
}
