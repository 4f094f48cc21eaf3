package io.github.camelloganalytics.testkit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request as the emulator received it, with the bearer token redacted, and the status it was answered.
 *
 * @param time      when it arrived
 * @param method    the HTTP method
 * @param path      the path and query string, as sent
 * @param headers   the request headers (names as the JDK server normalises them, e.g. {@code Authorization});
 *                  the {@code Authorization} value is {@code Bearer <redacted>}
 * @param body      the request body as text (empty for none)
 * @param status    the status answered
 * @param requestId the id the emulator gave the request: the {@code correlationId} of its error body, as the live
 *                  service names a request (it sends no {@code x-ms-request-id})
 * @param detail    the precise reason behind an error answer (e.g. the parser's message behind a plain
 *                  {@code SyntaxError}), or null
 */
public record LoggedRequest(Instant time, String method, String path, Map<String, List<String>> headers, String body,
                            int status, String requestId, String detail) {

    /**
     * @param  name a header name, any case
     * @return      its first value, or null
     */
    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
