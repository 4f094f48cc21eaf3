package io.github.camelloganalytics.result;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The plain Java values JSON becomes where a cell is not of its column's type or a dynamic value is a JSON
 * container: the same Java types whether the parser reads the response or the buffer ResultReader copies a table
 * into when its rows come before its columns (a TokenBuffer with forceUseOfBigDecimal).
 */
class JsonSupportTest {

    static final String JSON = "{\"i\":1,\"l\":12345678901,\"big\":123456789012345678901234567890,\"d\":1.5,"
            + "\"e\":2E3,\"nan\":NaN,\"s\":\"x\",\"t\":true,\"f\":false,\"z\":null,"
            + "\"a\":[1,2.25,[\"y\",{\"k\":-0.5}]],\"dup\":1,\"dup\":2}";

    static Map<String, Object> expected() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("k", -0.5);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("i", 1);
        m.put("l", 12345678901L);
        m.put("big", new BigInteger("123456789012345678901234567890"));
        m.put("d", 1.5);
        m.put("e", 2000.0);
        m.put("nan", Double.NaN);
        m.put("s", "x");
        m.put("t", true);
        m.put("f", false);
        m.put("z", null);
        m.put("a", Arrays.asList(1, 2.25, Arrays.asList("y", inner)));
        m.put("dup", 2);
        return m;
    }

    @Test
    void readsJsonAsMapsListsAndNumbersBySize() throws IOException {
        try (JsonParser p = JsonSupport.FACTORY.createParser(JSON + " 7")) {
            p.nextToken();
            Object value = JsonSupport.readValue(p);
            assertEquals(expected(), value);
            assertInstanceOf(LinkedHashMap.class, value);
            assertInstanceOf(ArrayList.class, ((Map<?, ?>) value).get("a"));
            // the parser goes on after the value
            assertEquals(JsonToken.VALUE_NUMBER_INT, p.nextToken());
        }
    }

    @Test
    void floatsAreDoublesAlsoFromTheBufferResultReaderFills() throws IOException {
        try (JsonParser source = JsonSupport.FACTORY.createParser(JSON)) {
            source.nextToken();
            TokenBuffer buffer = new TokenBuffer(source).forceUseOfBigDecimal(true);
            buffer.copyCurrentStructure(source);
            try (JsonParser p = buffer.asParser(JsonSupport.CONSTRAINTS)) {
                p.nextToken();
                Map<?, ?> value = (Map<?, ?>) JsonSupport.readValue(p);
                assertEquals(expected().keySet(), value.keySet());
                assertEquals(1.5, value.get("d"));
                assertEquals(2000.0, value.get("e"));
                assertEquals(-0.5, ((Map<?, ?>) ((List<?>) ((List<?>) value.get("a")).get(2)).get(1)).get("k"));
                assertEquals(1, value.get("i"));
            }
        }
    }

    @Test
    void readObjectReadsTheObjectAtTheParser() throws IOException {
        try (JsonParser p = JsonSupport.FACTORY.createParser("{\"a\":{\"b\":[]}}")) {
            p.nextToken();
            assertEquals(Map.of("a", Map.of("b", List.of())), JsonSupport.readObject(p));
        }
    }

    @Test
    void aTokenThatIsNoValueIsAMalformedResult() throws IOException {
        try (JsonParser p = JsonSupport.FACTORY.createParser("{\"a\":1}")) {
            p.nextToken();
            p.nextToken();
            assertEquals(JsonToken.FIELD_NAME, p.currentToken());
            assertThrows(MalformedResultException.class, () -> JsonSupport.readValue(p));
        }
        try (JsonParser p = JsonSupport.FACTORY.createParser("")) {
            p.nextToken();
            assertThrows(MalformedResultException.class, () -> JsonSupport.readValue(p));
        }
        try (JsonParser p = JsonSupport.FACTORY.createParser("[]")) {
            p.nextToken();
            p.nextToken();
            assertThrows(MalformedResultException.class, () -> JsonSupport.readValue(p));
        }
    }

    @Test
    void nestingBeyondTheLimitFailsWithoutOverflowingTheStack() throws IOException {
        String deep = "[".repeat(JsonSupport.MAX_NESTING_DEPTH + 5) + "]".repeat(JsonSupport.MAX_NESTING_DEPTH + 5);
        try (JsonParser p = JsonSupport.FACTORY.createParser(deep)) {
            p.nextToken();
            assertThrows(IOException.class, () -> JsonSupport.readValue(p));
        }
    }
}
