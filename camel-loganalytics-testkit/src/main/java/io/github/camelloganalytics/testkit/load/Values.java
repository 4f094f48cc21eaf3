package io.github.camelloganalytics.testkit.load;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelloganalytics.testkit.data.ColumnType;

/** Turns what a data file holds (JSON values or CSV text) into what a column of a given type accepts. */
final class Values {

    static final ObjectMapper JSON = new ObjectMapper();

    private Values() {
    }

    static boolean parsesAsJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /**
     * @param  value a JSON value of a data file
     * @param  type  the column's type
     * @return       a value {@link ColumnType#coerce} reads as that type, or null
     */
    static Object fromJson(JsonNode value, ColumnType type) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (type == ColumnType.DYNAMIC) {
            // the service writes dynamic values as JSON text inside a string: a saved response replays as the value
            return value.isTextual() ? dynamicText(value.textValue()) : value;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isContainerNode()) {
            return value.toString();
        }
        return value.asText();
    }

    /**
     * @param  text a CSV field, or null
     * @param  type the column's type
     * @return      a value {@link ColumnType#coerce} reads as that type, or null for an empty non-string field
     */
    static Object fromText(String text, ColumnType type) {
        if (text == null) {
            return null;
        }
        if (text.isEmpty()) {
            return type == ColumnType.STRING ? "" : null;
        }
        if (type == ColumnType.DYNAMIC) {
            return dynamicText(text);
        }
        return type == ColumnType.STRING ? text : text.trim();
    }

    private static JsonNode dynamicText(String text) {
        String t = text.trim();
        if (t.startsWith("{") || t.startsWith("[") || t.startsWith("\"") || t.equals("null") || t.equals("true")
                || t.equals("false") || (!t.isEmpty() && (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-'))) {
            try {
                return JSON.readTree(t);
            } catch (IOException e) {
                // not JSON: the value is the text itself
            }
        }
        return JSON.getNodeFactory().textNode(text);
    }
}
