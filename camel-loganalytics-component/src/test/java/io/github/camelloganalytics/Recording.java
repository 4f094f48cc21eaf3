package io.github.camelloganalytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One recorded exchange with the live query API (or one example of Microsoft's API specification), as kept under
 * {@code src/test/resources/recordings} (see the README there for the sources). Reads the Azure SDK's two recording
 * formats, {@code networkCallRecords} and the test proxy's {@code Entries}, and the specification's examples.
 */
record Recording(String query, String prefer, int status, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The first query call of a recording file. */
    static Recording load(String file) {
        JsonNode root;
        try (InputStream in = Recording.class.getResourceAsStream("/recordings/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no recording " + file);
            }
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root.has("Entries")) {
            for (JsonNode entry : root.get("Entries")) {
                if (entry.get("RequestUri").asText().endsWith("/query")) {
                    return new Recording(entry.path("RequestBody").path("query").asText(null),
                            entry.path("RequestHeaders").path("Prefer").asText(null), entry.get("StatusCode").asInt(),
                            headers(entry.get("ResponseHeaders"), null), text(entry.get("ResponseBody")));
                }
            }
        } else if (root.has("networkCallRecords")) {
            JsonNode response = root.get("networkCallRecords").get(0).get("Response");
            return new Recording(null, null, response.get("StatusCode").asInt(), headers(response, "StatusCode"),
                    response.get("Body").asText());
        } else if (root.has("responses")) {
            JsonNode ok = root.get("responses").get("200");
            JsonNode parameters = root.get("parameters");
            String query = parameters.has("query") ? parameters.get("query").asText()
                    : parameters.path("body").path("query").asText(null);
            return new Recording(query, null, 200, headers(ok.get("headers"), null), text(ok.get("body")));
        }
        throw new IllegalArgumentException("no query call in " + file);
    }

    private static String text(JsonNode body) {
        return body == null || body.isNull() ? null : body.isTextual() ? body.asText() : body.toString();
    }

    /** Response headers by lower-case name, without the recorder's own fields and the body. */
    private static Map<String, String> headers(JsonNode node, String skip) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (node == null) {
            return headers;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals(skip) && !e.getKey().equals("Body") && e.getValue().isTextual()) {
                headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
            }
        }
        return headers;
    }

    /** The body parsed. */
    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
