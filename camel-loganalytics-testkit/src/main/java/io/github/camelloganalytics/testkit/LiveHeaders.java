package io.github.camelloganalytics.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.Headers;

/**
 * The headers of every answer, as the live query API sends them (public recordings by Microsoft's SDK tests): no
 * {@code x-ms-request-id}; {@code retry-after: 0} on every response, successes included, but a 429 or a 503, which
 * carry a {@code Retry-After} only when one is set (the throttle's, a scripted one), so that "a 429 without
 * Retry-After" can still be scripted; {@code Via}; {@code Vary: Accept-Encoding}; {@code x-ms-client-request-id} echoed when
 * the client sent one; {@code Preference-Applied} when the request had a {@code Prefer} header.
 */
final class LiveHeaders {

    /** The header naming the preferences the emulator applied. */
    static final String PREFERENCE_APPLIED = "Preference-Applied";
    /** What the emulator puts in {@code Via}, where the live service names its front-end pod. */
    static final String VIA = "1.1 loganalytics-emulator";

    private LiveHeaders() {
    }

    /**
     * Sets the live service's headers on an answer.
     *
     * @param status  the answer's status
     * @param out     the answer's headers
     * @param in      the request's headers
     * @param answers the headers this answer sets itself (a scripted {@code Retry-After}, say), which win
     */
    static void apply(int status, Headers out, Headers in, Map<String, String> answers) {
        if (status != 429 && status != 503) {
            out.set("retry-after", "0");
        }
        out.set("Via", VIA);
        out.set("Vary", "Accept-Encoding");
        String clientRequestId = in.getFirst("x-ms-client-request-id");
        if (clientRequestId != null) {
            out.set("x-ms-client-request-id", clientRequestId);
        }
        answers.forEach(out::set);
    }

    /**
     * The value of {@code Preference-Applied}: each preference of the request the emulator honoured, as applied
     * ({@code wait} as the server timeout actually used), joined by commas; null when there was none.
     *
     * @param prefer        the request's preferences, by lower-case name
     * @param serverTimeout the server timeout applied
     * @return the header's value, or null
     */
    static String preferenceApplied(Map<String, String> prefer, Duration serverTimeout) {
        List<String> applied = new ArrayList<>();
        if (prefer.containsKey("wait")) {
            applied.add("wait=" + serverTimeout.toSeconds());
        }
        for (String flag : List.of("include-statistics", "include-render")) {
            if ("true".equalsIgnoreCase(prefer.get(flag))) {
                applied.add(flag + "=true");
            }
        }
        return applied.isEmpty() ? null : String.join(",", applied);
    }
}
