package io.github.camelloganalytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.error.LogAnalyticsException;

/**
 * The correlation id a failure's body names, the id Microsoft support asks for: {@code error.correlationId} in a
 * query API error body, {@code correlation_id} in a token endpoint one. Read only on failures, for the dev console
 * and the tracing span; the exception's message is left as it is.
 */
final class CorrelationIds {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CorrelationIds() {
    }

    /** @return the failure's correlation id, or null when its body names none (or is not JSON) */
    static String of(LogAnalyticsException error) {
        String body = error.getResponseBody();
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode id = root.path("error").path("correlationId");
            if (!id.isTextual()) {
                id = root.path("correlation_id");
            }
            return id.isTextual() ? id.asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
