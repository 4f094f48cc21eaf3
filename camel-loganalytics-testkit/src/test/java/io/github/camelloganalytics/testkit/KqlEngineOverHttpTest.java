package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * The KQL engine as a user of the emulator meets it: queries the old subset answered SyntaxError now run, and
 * valid KQL the engine lacks is a 400 whose innererror code is NotSupportedByEmulator.
 */
class KqlEngineOverHttpTest extends ServerTestSupport {

    @Test
    void queriesWithBinDcountArgMaxIffParseJsonJoinAndMvExpandRun() throws Exception {
        String[] queries = {
            "Heartbeat | summarize count() by bin(TimeGenerated, 1h)",
            "Heartbeat | summarize dcount(Computer)",
            "Heartbeat | summarize arg_max(TimeGenerated, *) by Computer",
            "AppRequests | extend Status = iff(Success, 'ok', 'failed') | summarize count() by Status",
            "AppRequests | extend P = parse_json(tostring(Properties)) | project P.retries",
            "AppRequests | join kind=leftouter (Heartbeat | summarize by Computer) on $left.AppRoleName == "
                    + "$right.Computer",
            "print a = dynamic([1, 2, 3]) | mv-expand a",
            "Heartbeat | top 3 by TimeGenerated" };
        for (String q : queries) {
            HttpResponse<String> r = query(q);
            assertEquals(200, r.statusCode(), q + " -> " + r.body());
        }
        JsonNode t = JSON.readTree(query("Heartbeat | summarize Computers = dcount(Computer)").body())
                .get("tables").get(0);
        assertEquals("Computers", t.get("columns").get(0).get("name").asText());
        assertEquals("long", t.get("columns").get(0).get("type").asText());
        assertEquals(4, t.get("rows").get(0).get(0).asInt());
    }

    @Test
    void validKqlTheEngineLacksIsNotSupportedByEmulator() throws Exception {
        HttpResponse<String> r = query("Heartbeat\n| evaluate autocluster()");
        assertEquals(400, r.statusCode());
        JsonNode inner = JSON.readTree(r.body()).get("error").get("innererror");
        assertEquals("SemanticError", inner.get("code").asText());
        assertEquals("NotSupportedByEmulator", inner.get("innererror").get("code").asText());
        String message = inner.get("innererror").get("message").asText();
        assertTrue(message.contains("'autocluster'") && message.contains("line 2, position 2"), message);
    }
}
