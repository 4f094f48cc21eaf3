package io.github.camelloganalytics.result;

import com.fasterxml.jackson.core.io.NumberInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON that a {@code dynamic} value carries as text (the query API sends every dynamic cell as a string,
 * e.g. {@code "{\"region\":\"westeurope\"}"}) straight from the outer parser's character buffer: no String of the
 * cell, no parser per cell. Building a Jackson parser for each of a result's cells cost more than reading the rest
 * of the row.
 * <p>
 * It reads only strict JSON of the shapes dynamic values are made of, and declines everything else (NaN, numbers
 * beyond a long or with more than {@value #MAX_NUMBER_LENGTH} characters, deep nesting, long keys, any syntax error)
 * by returning {@link #DECLINED}; the caller then reads the text with Jackson, which decides. So what it returns is
 * always what Jackson would have returned: the same {@link LinkedHashMap}s, {@link ArrayList}s, Integers (Longs when
 * beyond an int), Doubles, Strings, Booleans and nulls.
 * <p>
 * Hand-written rather than a Jackson parser per cell because of docs/performance.md ("What was done for the floor
 * target", ROWS at 100,000 rows): a parser per dynamic cell topped the JFR profile, and reading the cell here took
 * the bytes allocated per row from 1,927 to 1,071.
 * <p>
 * Keys and short strings are shared through the read's {@link ValueCache}, as Jackson shares keys: a result's dynamic
 * values repeat the same keys and many of the same values in every row. One instance per read; not thread-safe.
 */
final class EmbeddedJson {

    /** Returned when the text is not of the shapes this reader handles; Jackson must decide. */
    static final Object DECLINED = new Object();

    /** Far below Jackson's nesting limit, so a text nested deeper is left to Jackson and its limit. */
    private static final int MAX_DEPTH = 100;
    /** Below Jackson's number length limit; a longer number goes to Jackson, which decides. */
    static final int MAX_NUMBER_LENGTH = 64;
    /** Below Jackson's name length limit. */
    private static final int MAX_KEY_LENGTH = 1_000;

    /** Thrown to unwind from any depth when the text is declined; preallocated, without a stack trace. */
    private static final RuntimeException DECLINE = new RuntimeException(null, null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private final ValueCache cache;
    private final StringBuilder unescaped = new StringBuilder();
    private char[] text;
    private int pos;
    private int end;

    /** @param cache where keys and short strings are shared */
    EmbeddedJson(ValueCache cache) {
        this.cache = cache;
    }

    /**
     * Reads one JSON object or array, with JSON whitespace around it and nothing else.
     *
     * @param  chars  the buffer holding the text
     * @param  offset where the text starts
     * @param  length its length
     * @return        the value, or {@link #DECLINED}
     */
    Object read(char[] chars, int offset, int length) {
        text = chars;
        pos = offset;
        end = offset + length;
        try {
            skipWhitespace();
            if (peek() != '{' && peek() != '[') {
                // a dynamic string is JSON only when it holds an object or an array; "42" stays text
                return DECLINED;
            }
            Object value = value(0);
            skipWhitespace();
            return pos == end ? value : DECLINED;
        } catch (RuntimeException e) {
            if (e == DECLINE) {
                return DECLINED;
            }
            throw e;
        } finally {
            text = null;
        }
    }

    private Object value(int depth) {
        char c = peek();
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                pos++;
                return string(false);
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw DECLINE;
        }
    }

    private Map<String, Object> object(int depth) {
        if (depth > MAX_DEPTH) {
            throw DECLINE;
        }
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            if (peek() != '"') {
                throw DECLINE;
            }
            pos++;
            String key = string(true);
            skipWhitespace();
            if (peek() != ':') {
                throw DECLINE;
            }
            pos++;
            skipWhitespace();
            map.put(key, value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw DECLINE;
            }
            skipWhitespace();
        }
    }

    private List<Object> array(int depth) {
        if (depth > MAX_DEPTH) {
            throw DECLINE;
        }
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw DECLINE;
            }
            skipWhitespace();
        }
    }

    /**
     * A string whose opening quote was just passed; the position ends after its closing quote. Keys are always
     * shared, values when short.
     */
    private String string(boolean key) {
        int start = pos;
        for (int i = start; i < end; i++) {
            char c = text[i];
            if (c == '"') {
                pos = i + 1;
                int length = i - start;
                if (key && length > MAX_KEY_LENGTH) {
                    throw DECLINE;
                }
                return key || length <= ValueCache.MAX_SHARED_LENGTH ? cache.string(text, start, length)
                        : new String(text, start, length);
            }
            if (c == '\\' || c < 0x20) {
                String s = escaped(start, i);
                if (key && s.length() > MAX_KEY_LENGTH) {
                    throw DECLINE;
                }
                return s;
            }
        }
        throw DECLINE;
    }

    /** The rest of a string with escapes, from {@code i}; {@code start..i} is plain text. */
    private String escaped(int start, int i) {
        StringBuilder out = unescaped;
        out.setLength(0);
        out.append(text, start, i - start);
        while (i < end) {
            char c = text[i++];
            if (c == '"') {
                pos = i;
                return out.toString();
            }
            if (c < 0x20) {
                // Jackson refuses raw control characters in strings
                throw DECLINE;
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i >= end) {
                throw DECLINE;
            }
            c = text[i++];
            switch (c) {
                case '"', '\\', '/' -> out.append(c);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 > end) {
                        throw DECLINE;
                    }
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(text[i++], 16);
                        if (d < 0) {
                            throw DECLINE;
                        }
                        code = code << 4 | d;
                    }
                    out.append((char) code);
                }
                default -> throw DECLINE;
            }
        }
        throw DECLINE;
    }

    private Object literal(String word, Object value) {
        int n = word.length();
        if (pos + n > end) {
            throw DECLINE;
        }
        for (int k = 1; k < n; k++) {
            if (text[pos + k] != word.charAt(k)) {
                throw DECLINE;
            }
        }
        pos += n;
        return value;
    }

    /** JSON's number grammar exactly; an integer becomes Integer or Long, anything else a Double, as in Jackson. */
    private Object number() {
        int start = pos;
        int i = pos;
        boolean negative = text[i] == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        while (i < end && text[i] >= '0' && text[i] <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && text[intStart] == '0')) {
            // no digit, or a leading zero: not JSON, Jackson decides
            throw DECLINE;
        }
        boolean integral = true;
        if (i < end && text[i] == '.') {
            integral = false;
            int fraction = ++i;
            while (i < end && text[i] >= '0' && text[i] <= '9') {
                i++;
            }
            if (i == fraction) {
                throw DECLINE;
            }
        }
        if (i < end && (text[i] == 'e' || text[i] == 'E')) {
            integral = false;
            i++;
            if (i < end && (text[i] == '+' || text[i] == '-')) {
                i++;
            }
            int exponent = i;
            while (i < end && text[i] >= '0' && text[i] <= '9') {
                i++;
            }
            if (i == exponent) {
                throw DECLINE;
            }
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            throw DECLINE;
        }
        pos = i;
        if (!integral) {
            return NumberInput.parseDouble(text, start, i - start, true);
        }
        if (intDigits > 19) {
            // beyond any long: Jackson makes it a BigInteger
            throw DECLINE;
        }
        // accumulated negatively, because a long reaches one further below zero than above
        long v = 0;
        try {
            for (int k = intStart; k < i; k++) {
                v = Math.subtractExact(Math.multiplyExact(v, 10), text[k] - '0');
            }
            if (!negative) {
                v = Math.negateExact(v);
            }
        } catch (ArithmeticException e) {
            throw DECLINE;
        }
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            // not a conditional expression: that would promote the Integer to a long
            return (int) v;
        }
        return v;
    }

    private char peek() {
        if (pos >= end) {
            throw DECLINE;
        }
        return text[pos];
    }

    /** JSON's whitespace only: Jackson refuses other control characters, so those are declined by the caller. */
    private void skipWhitespace() {
        while (pos < end) {
            char c = text[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }
}
