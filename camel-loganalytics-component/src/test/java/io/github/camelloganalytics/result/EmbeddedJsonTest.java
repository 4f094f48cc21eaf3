package io.github.camelloganalytics.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link EmbeddedJson} against Jackson, the reference it must never differ from: for every text it accepts, the
 * value must be what {@link ColumnType#parseEmbedded} (Jackson) gives, down to the class of every number and
 * container; what it declines Jackson reads instead, so a dynamic cell always comes out as Jackson reads it.
 */
class EmbeddedJsonTest {

    private static final long SEED = 20261125L;

    /** Texts at every edge of the grammar, valid and not. */
    private static final List<String> EDGES = List.of(
            "{}", "[]", " { } ", "\t[\r\n]\n", "{\"a\":1}", "[1,2,3]", "[[[]]]", "{\"a\":{\"b\":{\"c\":[]}}}",
            "[0]", "[-0]", "[7]", "[-7]", "[2147483647]", "[2147483648]", "[-2147483648]", "[-2147483649]",
            "[9223372036854775807]", "[9223372036854775808]", "[-9223372036854775808]", "[123456789012345678]",
            "[1234567890123456789]", "[99999999999999999999999]",
            "[0.5]", "[-0.0]", "[0.0]", "[1e5]", "[1E5]", "[1e+5]", "[1e-5]", "[1.5e400]", "[-1e400]", "[4.9e-325]",
            "[0.1234567890123456789012345]", "[1.7976931348623157E308]",
            "[01]", "[00]", "[-]", "[+1]", "[.5]", "[1.]", "[1.e5]", "[1e]", "[1e+]", "[--1]", "[1x]", "[0x10]",
            "[NaN]", "[Infinity]", "[-Infinity]", "[+Infinity]", "[nan]",
            "[true]", "[false]", "[null]", "[tru]", "[truex]", "[nul]", "[nullnull]", "[True]", "[true false]",
            "[\"\"]", "[\"a\\\"b\"]", "[\"\\\\\"]", "[\"\\/\"]", "[\"\\b\\f\\n\\r\\t\"]", "[\"\\u00e9\"]",
            "[\"\\u00E9\\u20AC\"]", "[\"\\ud83d\\ude00\"]", "[\"\\ud83d\"]", "[\"\\ude00x\"]", "[\"\\u12\"]",
            "[\"\\u12g4\"]", "[\"\\x41\"]", "[\"\\'\"]", "[\"\\", "[\"abc", "[\"tab\there\"]", "[\"nul\u0000\"]",
            "[\"caf\u00e9 \u20ac \ud83d\ude00\"]", "[\"\ud83d\"]",
            "{\"a\":1,\"a\":2}", "{\"a\":1,}", "[1,]", "[,1]", "{,}", "{\"a\"}", "{\"a\":}", "{\"a\" 1}", "{a:1}",
            "{'a':1}", "{\"a\":1 \"b\":2}", "[1 2]", "{\"a\":1}}", "[1]]", "{\"a\":1", "[1", "{", "[",
            "{} ", "{} {}", "[] x", "{}\u000b", "\u000b{}", "\u00a0{}", "{}\u0000", "{/*c*/}", "[1 // c\n]",
            "# c\n{}", "{\"\":\"\"}", "{\"k\\u0000\":1}", "{\"k\nx\":1}", "{\"\\u0041\":\"\\u0042\"}",
            "[\"" + "x".repeat(40) + "\",\"" + "x".repeat(40) + "\"]",
            "{\"" + "k".repeat(1_001) + "\":1}", "{\"" + "k".repeat(60_000) + "\":1}",
            "[" + "1".repeat(70) + "]", "[0." + "1".repeat(70) + "]",
            "[".repeat(100) + "]".repeat(100), "[".repeat(101) + "]".repeat(101),
            "[".repeat(1_001) + "]".repeat(1_001), "{\"a\":".repeat(150) + "1" + "}".repeat(150));

    @Test
    void everyEdgeIsReadAsJacksonReadsIt() {
        int accepted = 0;
        for (String text : EDGES) {
            if (checkAgainstJackson(text)) {
                accepted++;
            }
        }
        // most edges are refused by both or read by both; a reader that declined everything would pass the check
        // above, so it must also have read the valid ones itself
        assertTrue(accepted >= 50, "accepted " + accepted + " of " + EDGES.size());
    }

    @Test
    void theShapesOfRealDynamicValuesAreReadWithoutJackson() {
        for (String text : List.of("{\"region\":\"westeurope\",\"attempt\":3,\"tags\":[\"a\",\"b\"]}",
                "{\"Resource\":\"/subscriptions/x\",\"ok\":true,\"n\":null,\"ratio\":0.25,\"big\":12345678901}",
                "[{\"k\":\"v\"},[],{}]", " [1, -2.5e3, \"\\\"quoted\\\" \\u00e9\"] ")) {
            Object fast = new ValueCache().embeddedJson().read(text.toCharArray(), 0, text.length());
            assertNotSame(EmbeddedJson.DECLINED, fast, text);
            assertSameValue(ColumnType.parseEmbedded(text), fast, text);
        }
    }

    @Test
    void readsFromTheMiddleOfABuffer() {
        char[] buffer = "xx{\"a\":[1]}yy".toCharArray();
        assertEquals(Map.of("a", List.of(1)), new ValueCache().embeddedJson().read(buffer, 2, 9));
    }

    @Test
    void keysAndShortValuesAreSharedAcrossCells() {
        EmbeddedJson reader = new ValueCache().embeddedJson();
        String text = "{\"region\":\"westeurope\",\"message\":\"" + "m".repeat(50) + "\"}";
        Map<?, ?> first = (Map<?, ?>) reader.read(text.toCharArray(), 0, text.length());
        Map<?, ?> second = (Map<?, ?>) reader.read(text.toCharArray(), 0, text.length());
        Iterator<?> a = first.keySet().iterator();
        Iterator<?> b = second.keySet().iterator();
        assertSame(a.next(), b.next());
        assertSame(first.get("region"), second.get("region"));
        assertNotSame(first.get("message"), second.get("message"), "long values are not cached");
    }

    @Test
    void generatedDocumentsAndTheirMutationsAreReadAsJacksonReadsThem() throws IOException {
        Random random = new Random(SEED);
        int accepted = 0;
        int cases = 0;
        for (int i = 0; i < 3_000; i++) {
            String document = write(randomValue(random, 0, true), random);
            if (checkAgainstJackson(document)) {
                accepted++;
            }
            cases++;
            for (int m = 0; m < 3; m++) {
                checkAgainstJackson(mutate(document, random));
                cases++;
            }
        }
        // the generated documents are valid JSON with finite numbers within a long: all of them read without Jackson
        assertEquals(3_000, accepted, "valid documents read without Jackson (seed " + SEED + ", " + cases
                + " cases)");
    }

    /** @return whether the fast reader accepted the text */
    private static boolean checkAgainstJackson(String text) {
        Object fast = new ValueCache().embeddedJson().read(text.toCharArray(), 0, text.length());
        Object dynamic = readAsDynamicCell(text);
        Object jackson = startsLikeContainer(text) ? ColumnType.parseEmbedded(text) : text;
        assertSameValue(jackson, dynamic, text);
        if (fast == EmbeddedJson.DECLINED) {
            return false;
        }
        assertSameValue(jackson, fast, text);
        return true;
    }

    private static boolean startsLikeContainer(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("{") || trimmed.startsWith("[");
    }

    /** The text as the string cell of a dynamic column, read the way the result reader reads it. */
    private static Object readAsDynamicCell(String text) {
        try (JsonParser p = JsonSupport.FACTORY.createParser(quoted(text))) {
            p.nextToken();
            return ColumnType.DYNAMIC.read(p, new ValueCache());
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    private static String quoted(String text) {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JsonSupport.FACTORY.createGenerator(out)) {
            gen.writeString(text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toString();
    }

    /** Equal, and of the same class all the way down: Integer is not Long, LinkedHashMap keeps its order. */
    private static void assertSameValue(Object expected, Object actual, String text) {
        String what = "for " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
        if (expected == null || actual == null) {
            assertEquals(expected, actual, what);
            return;
        }
        assertEquals(expected.getClass(), actual.getClass(), what);
        if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertEquals(new ArrayList<>(e.keySet()), new ArrayList<>(a.keySet()), what);
            for (Object key : e.keySet()) {
                assertSameValue(e.get(key), a.get(key), text);
            }
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertEquals(e.size(), a.size(), what);
            for (int i = 0; i < e.size(); i++) {
                assertSameValue(e.get(i), a.get(i), text);
            }
        } else {
            assertEquals(expected, actual, what);
        }
    }

    private static Object randomValue(Random random, int depth, boolean container) {
        // containers at the top, scalars only deep down
        int kind = container ? random.nextInt(2) : depth > 6 ? 2 + random.nextInt(5) : random.nextInt(7);
        switch (kind) {
            case 0: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(randomString(random), randomValue(random, depth + 1, false));
                }
                return map;
            }
            case 1: {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth + 1, false));
                }
                return list;
            }
            case 2:
                return randomString(random);
            case 3:
                return switch (random.nextInt(4)) {
                    case 0 -> random.nextInt(100);
                    case 1 -> random.nextInt();
                    case 2 -> random.nextLong();
                    default -> (long) random.nextInt() * random.nextInt(1000);
                };
            case 4:
                return switch (random.nextInt(4)) {
                    case 0 -> random.nextDouble();
                    case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(600) - 300);
                    case 2 -> (double) random.nextInt(1000) / 8;
                    default -> -random.nextDouble() * 1e20;
                };
            case 5:
                return random.nextBoolean();
            default:
                return null;
        }
    }

    private static final String ALPHABET = "abcXYZ09 _-/\\\"\t\n\u0001\u001f\u007f\u00e9\u20ac\ud83d\ude00{}[]:,";

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(random.nextInt(4) == 0 ? 60 : 12); i > 0; i--) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    /** JSON text of a value, with random whitespace and random escaping of the characters that allow it. */
    private static String write(Object value, Random random) {
        StringBuilder out = new StringBuilder();
        write(value, random, out);
        return out.toString();
    }

    private static void write(Object value, Random random, StringBuilder out) {
        space(random, out);
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                space(random, out);
                writeString((String) e.getKey(), random, out);
                space(random, out);
                out.append(':');
                write(e.getValue(), random, out);
            }
            space(random, out);
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), random, out);
            }
            space(random, out);
            out.append(']');
        } else if (value instanceof String s) {
            writeString(s, random, out);
        } else if (value instanceof Double d) {
            out.append(random.nextBoolean() ? d.toString() : d.toString().toLowerCase());
        } else {
            out.append(value);
        }
        space(random, out);
    }

    private static void writeString(String s, Random random, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || random.nextInt(20) == 0) {
                String hex = String.format("\\u%04x", (int) c);
                out.append(random.nextBoolean() ? hex : hex.toUpperCase().replace("\\U", "\\u"));
            } else if (c == '/' && random.nextBoolean()) {
                out.append("\\/");
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void space(Random random, StringBuilder out) {
        if (random.nextInt(4) == 0) {
            out.append(" \t\r\n".charAt(random.nextInt(4)));
        }
    }

    private static final String NOISE = "{}[]\",:\\ -+.eE0123456789tfnuNI\u000b\u0000x/";

    private static String mutate(String document, Random random) {
        StringBuilder s = new StringBuilder(document);
        for (int n = 1 + random.nextInt(3); n > 0; n--) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 1 -> {
                    if (s.length() > 0) {
                        s.deleteCharAt(at);
                    }
                }
                default -> {
                    if (s.length() > 0) {
                        s.setCharAt(at, NOISE.charAt(random.nextInt(NOISE.length())));
                    }
                }
            }
        }
        return s.length() == 0 ? "[" : s.toString();
    }
}
