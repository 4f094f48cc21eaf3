package io.github.camelloganalytics.testkit.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelloganalytics.testkit.data.ColumnType;

import org.junit.jupiter.api.Test;

/** Inferred types are those a user expects. */
class TypeInferenceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ColumnType ofText(String... values) {
        TypeInference t = new TypeInference();
        for (String v : values) {
            t.accept(v);
        }
        return t.type();
    }

    static ColumnType ofJson(String... values) throws Exception {
        TypeInference t = new TypeInference();
        for (String v : values) {
            t.accept(JSON.readTree(v));
        }
        return t.type();
    }

    @Test
    void text() {
        assertEquals(ColumnType.DATETIME, ofText("2026-03-01T12:00:00Z", "2026-03-01T12:00:00.1234567+01:00", "2026-03-02"));
        assertEquals(ColumnType.LONG, ofText("1", "-42", "", "9000000000"));
        assertEquals(ColumnType.REAL, ofText("1", "2.5", "1e3"));
        assertEquals(ColumnType.BOOL, ofText("true", "FALSE", "True"));
        assertEquals(ColumnType.DYNAMIC, ofText("{\"a\":1}", "[1,2]"));
        assertEquals(ColumnType.STRING, ofText("1", "x"));
        assertEquals(ColumnType.STRING, ofText("{not json}"));
        assertEquals(ColumnType.STRING, ofText("", ""));
        assertEquals(ColumnType.STRING, ofText("2026-03-01T12:00:00Z", "yesterday"));
    }

    @Test
    void json() throws Exception {
        assertEquals(ColumnType.LONG, ofJson("1", "null", "-7"));
        assertEquals(ColumnType.REAL, ofJson("1", "2.5"));
        assertEquals(ColumnType.REAL, ofJson("123456789012345678901234567890"));
        assertEquals(ColumnType.BOOL, ofJson("true", "false"));
        assertEquals(ColumnType.DATETIME, ofJson("\"2026-03-01T12:00:00Z\""));
        assertEquals(ColumnType.DYNAMIC, ofJson("{\"a\":[1]}", "[]"));
        assertEquals(ColumnType.STRING, ofJson("\"42\""));
        assertEquals(ColumnType.STRING, ofJson("1", "true"));
    }
}
