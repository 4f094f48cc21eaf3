package io.github.camelloganalytics.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
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

    /** Jackson's reading of JSON into plain Java (its UntypedObjectDeserializer), over {@link #FACTORY}. */
    private static final ObjectReader PLAIN = new ObjectMapper(FACTORY).readerFor(Object.class);

    /**
     * Reads the value at the parser's current token as plain Java, with Jackson: objects become
     * {@link java.util.LinkedHashMap}s (a duplicate key keeps its last value), arrays {@link java.util.ArrayList}s,
     * integers Integer/Long/BigInteger by size, other numbers Double, also from a buffer that holds BigDecimals.
     * The parser's next token is the one after the value.
     */
    static Object readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new MalformedResultException("Expected a JSON value but the input ended");
        }
        if (!t.isScalarValue() && !t.isStructStart()) {
            // Jackson would read on: from a field name, the rest of the object; from an end, nothing
            throw new MalformedResultException("Expected a JSON value but found " + t);
        }
        return PLAIN.readValue(p);
    }

    /** Reads the object at the parser's current {@code START_OBJECT}; duplicate keys keep the last value. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readObject(JsonParser p) throws IOException {
        return (Map<String, Object>) readValue(p);
    }
}
