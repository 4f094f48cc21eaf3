package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The facade wired to the real token endpoint: a token obtained over HTTPS with the sample client's secret opens
 * the sample workspace; the extension injects one emulator per class.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class LogAnalyticsEmulatorTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static LogAnalyticsEmulator staticEmulator;
    LogAnalyticsEmulator instanceEmulator;

    String clientCredentialsToken(LogAnalyticsEmulator emulator, String clientId, String secret, String scope)
            throws Exception {
        HttpClient https = HttpClient.newBuilder().sslContext(emulator.sslContext()).build();
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret="
                      + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&scope="
                      + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(emulator.authorityUrl() + "/"
                                                                              + emulator.tenantId() + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    HttpResponse<String> query(String url, String token, String kql) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("query", kql).toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    String direct(LogAnalyticsEmulator e, String workspace) {
        return e.queryUrl() + "/v1/workspaces/" + workspace + "/query";
    }

    @Test
    void theExtensionInjectsOneEmulatorIntoFieldsAndParameters(LogAnalyticsEmulator parameter) {
        assertNotNull(staticEmulator);
        assertSame(staticEmulator, instanceEmulator);
        assertSame(staticEmulator, parameter);
        assertTrue(parameter.queryUrl().startsWith("http://127.0.0.1:"));
        assertTrue(parameter.authorityUrl().startsWith("https://localhost:"));
    }

    @Test
    void aTokenFromTheEndpointOpensTheSampleWorkspace(LogAnalyticsEmulator emulator) throws Exception {
        String token = clientCredentialsToken(emulator, LogAnalyticsEmulator.SAMPLE_CLIENT_ID,
                LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET, Clients.DIRECT_API_SCOPE);
        HttpResponse<String> r = query(direct(emulator, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID), token,
                "Heartbeat | summarize count() by Computer");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(4, JSON.readTree(r.body()).get("tables").get(0).get("rows").size());
        assertEquals("Bearer <redacted>", emulator.requestLog().last().header("Authorization"));
    }

    @Test
    void anArmTokenOpensTheArmDoorAndNotTheDirectOne(LogAnalyticsEmulator emulator) throws Exception {
        String arm = clientCredentialsToken(emulator, LogAnalyticsEmulator.SAMPLE_CLIENT_ID,
                LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET, Clients.ARM_SCOPE);
        Workspace ws = emulator.sampleWorkspace();
        String url = emulator.queryUrl() + "/subscriptions/" + ws.subscriptionId() + "/resourceGroups/"
                     + ws.resourceGroup() + "/providers/Microsoft.OperationalInsights/workspaces/" + ws.name()
                     + "/api/query?api-version=2017-10-01";
        assertEquals(200, query(url, arm, "AzureActivity | take 3").statusCode());
        HttpResponse<String> wrongDoor = query(direct(emulator, ws.id()), arm, "AzureActivity | take 3");
        assertEquals(403, wrongDoor.statusCode());
        assertTrue(wrongDoor.body().contains("InvalidAuthenticationTokenAudience"));
        HttpResponse<String> directOnArm = query(url, emulator.token(), "AzureActivity | take 3");
        assertEquals(403, directOnArm.statusCode());
        assertTrue(directOnArm.body().contains("'https://api.loganalytics.io'"));
    }

    @Test
    void expiredTokensAndStrangersAreRefused(LogAnalyticsEmulator emulator) throws Exception {
        String expired = emulator.clients().expiredAppToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID,
                Clients.DIRECT_API_SCOPE);
        assertEquals(403, query(direct(emulator, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID), expired, "Heartbeat")
                .statusCode());
        String spId = emulator.clients().register("d1e2f3a4-0000-4000-8000-000000000001", "other-secret");
        String stranger = clientCredentialsToken(emulator, "d1e2f3a4-0000-4000-8000-000000000001", "other-secret",
                Clients.DIRECT_API_SCOPE);
        HttpResponse<String> denied = query(direct(emulator, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID), stranger,
                "Heartbeat");
        assertEquals(403, denied.statusCode());
        assertTrue(denied.body().contains("\"code\": \"InsufficientAccessError\""));
        Workspace refusing = emulator.workspace("abcdef01-0000-4000-8000-000000000002")
                .grant("d1e2f3a4-0000-4000-8000-000000000001").refuseClientCredentialsOnDirectApi(true);
        refusing.createTable("T", io.github.camelloganalytics.testkit.data.Column.of("x",
                io.github.camelloganalytics.testkit.data.ColumnType.LONG)).addRow(1L);
        HttpResponse<String> refused = query(direct(emulator, refusing.id()), stranger, "T");
        assertEquals(403, refused.statusCode());
        assertTrue(refused.body().contains("\"code\": \"UnauthorizedClient\""));
        assertTrue(refused.body().contains(spId), "names the caller's service principal");
    }

    @Test
    void newWorkspacesAreEmptyUntilATableHoldsARecord(LogAnalyticsEmulator emulator) throws Exception {
        Workspace ws = emulator.workspace("fedcba98-0000-4000-8000-000000000003");
        assertEquals(204, query(direct(emulator, ws.id()), emulator.token(), "Anything").statusCode());
        ws.createTable("Orders_CL", io.github.camelloganalytics.testkit.data.Column.of("TimeGenerated",
                io.github.camelloganalytics.testkit.data.ColumnType.DATETIME))
                .addRow(java.time.Instant.now());
        assertEquals(200, query(direct(emulator, ws.id()), emulator.token(), "Orders_CL").statusCode());
        assertTrue(ws.resourceId().endsWith("/workspaces/law-fedcba98"));
        emulator.removeWorkspace(ws.id());
        assertEquals(404, query(direct(emulator, ws.id()), emulator.token(), "Orders_CL").statusCode());
    }

    @Test
    void theStandaloneLinesAreThoseOfTheContract(LogAnalyticsEmulator emulator) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Standalone.print(emulator, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(7, lines.size());
        assertEquals("query API: " + emulator.queryUrl(), lines.get(0));
        assertEquals("token endpoint: " + emulator.authorityUrl(), lines.get(1));
        assertEquals("tenant: " + LogAnalyticsEmulator.SAMPLE_TENANT_ID, lines.get(2));
        assertEquals("client id: " + LogAnalyticsEmulator.SAMPLE_CLIENT_ID, lines.get(3));
        assertEquals("client secret: " + LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET, lines.get(4));
        assertEquals("workspace: " + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID, lines.get(5));
        assertTrue(lines.get(6).startsWith("token: "));
        String token = lines.get(6).substring("token: ".length());
        HttpResponse<String> r = query(direct(emulator, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID), token,
                "Heartbeat | take 1");
        assertEquals(200, r.statusCode(), "the printed token works on the direct API");
        JsonNode first = JSON.readTree(r.body()).get("tables").get(0);
        assertEquals(1, first.get("rows").size());
    }

    /** Nested classes share the enclosing class's emulator. */
    @Nested
    class NestedTests {
        @Test
        void sharesTheEnclosingEmulator(LogAnalyticsEmulator emulator) {
            assertSame(staticEmulator, emulator);
        }
    }
}
