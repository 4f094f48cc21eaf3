package io.github.camelloganalytics.testkit;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Error bodies stay JSON whatever text they quote: an audience or a principal taken from a token the test made,
 * names and messages that hold quotes, backslashes and control characters.
 */
class ErrorBodiesTest {

    static final String HOSTILE = "a\"b\\c\u0001d\ne\u2028f</script>";

    private static JsonNode parse(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }

    @Test
    void anAudienceWithQuotesAndControlCharactersStaysJson() throws Exception {
        String body = ErrorBodies.invalidAudience(HOSTILE, List.of("https://x/\"y", "https://z/"));
        String message = parse(body).get("error").get("message").asText();
        assertTrue(message.contains("'" + HOSTILE + "'"), message);
        assertTrue(message.contains("'https://x/\"y','https://z/'"), message);
    }

    @Test
    void aPrincipalWithQuotesAndControlCharactersStaysJson() throws Exception {
        String body = ErrorBodies.unauthorizedClient(HOSTILE);
        assertEquals("The service principal does not have sufficient permissions to access this resource: " + HOSTILE,
                parse(body).get("error").get("innererror").get("message").asText());
    }

    @Test
    void quotedTextIsWhatJsonReadsBack() throws Exception {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        String text = all + HOSTILE;
        assertEquals(text, parse("\"" + ErrorBodies.json(text) + "\"").asText());
        assertEquals(text, parse(ErrorBodies.throttled(text)).get("error").get("message").asText());
        assertEquals(text, parse(ErrorBodies.withCorrelationId(ErrorBodies.throttled("x"), text))
                .get("error").get("correlationId").asText());
    }
}
