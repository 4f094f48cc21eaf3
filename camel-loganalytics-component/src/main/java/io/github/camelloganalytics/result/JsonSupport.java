package io.github.camelloganalytics.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one Jackson configuration used to read responses and the JSON inside {@code dynamic} values, and the
 * reading of plain JSON into maps and lists.
 */
final class JsonSupport {

    /**
     * A single cell may legitimately be a very large string (a dynamic column holding a big document), far beyond
     * Jackson's 20 MB default; the result itself is capped by the service at about 100 MB.
     */
    static final int MAX_STRING_LENGTH = 100_000_000;

    /**
     * Deep enough for any real dynamic value, shallow enough that reading it recursively cannot overflow the stack:
     * deeper input fails as a malformed result instead of a {@link StackOverflowError}.
     */
    static final int MAX_NESTING_DEPTH = 1000;

    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxStringLength(MAX_STRING_LENGTH)
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .build();

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(CONSTRAINTS)
            // the caller owns the HTTP stream and decides when to close or drain it
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(StreamReadFeature.USE_FAST_BIG_NUMBER_PARSER)
            // .NET serializers can write bare NaN/Infinity for real values; accepting them costs nothing
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonSupport() {
    }

    /**
     * Reads the value at the parser's current token as plain Java: objects become {@link LinkedHashMap}s, arrays
     * {@link ArrayList}s, integers Integer/Long/BigInteger by size, other numbers Double. Leaves the parser on the
     * value's last token.
     */
    static Object readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new MalformedResultException("Expected a JSON value but the input ended");
        }
        switch (t) {
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY:
                return readArray(p);
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                // a buffered parser may hold BigDecimals; plain JSON floats are Doubles everywhere else
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_EMBEDDED_OBJECT:
                return p.getEmbeddedObject();
            default:
                throw new MalformedResultException("Expected a JSON value but found " + t);
        }
    }

    /** Reads the object at the parser's current {@code START_OBJECT}; duplicate keys keep the last value. */
    static Map<String, Object> readObject(JsonParser p) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            map.put(name, readValue(p));
        }
        return map;
    }

    private static List<Object> readArray(JsonParser p) throws IOException {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(readValue(p));
        }
        return list;
    }
}
