package io.github.camelloganalytics.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every documented error, provoked by its cause, with the status and the body compared byte for byte against the
 * error page (a copy of which is in the test resources).
 */
class DocumentedErrorsTest extends ServerTestSupport {

    HttpRequest.Builder bare(String url) {
        return HttpRequest.newBuilder(URI.create(url));
    }

    String armUrl(String apiVersion) {
        return server.baseUrl() + "/subscriptions/" + SampleWorkspace.SUBSCRIPTION_ID + "/resourceGroups/"
               + SampleWorkspace.RESOURCE_GROUP + "/providers/Microsoft.OperationalInsights/workspaces/"
               + SampleWorkspace.NAME + "/api/query" + (apiVersion == null ? "" : "?api-version=" + apiVersion);
    }

    HttpRequest.Builder postWith(String url, String token, String query) {
        return bare(url).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}"));
    }

    @Test
    void noAuthorizationHeaderIs401AuthenticationFailed() throws Exception {
        HttpResponse<String> r = send(bare(directUrl(SampleWorkspace.ID)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"Heartbeat\"}")));
        assertEquals(401, r.statusCode());
        assertEquals(specBody("No Authentication Provided"), withoutCorrelationId(r.body()));
    }

    @Test
    void aTokenThatDoesNotVerifyIs403InvalidAuthenticationToken() throws Exception {
        HttpResponse<String> r = send(postWith(directUrl(SampleWorkspace.ID), "eyJhbGciOi.tampered.x", "Heartbeat"));
        assertEquals(403, r.statusCode());
        assertEquals(specBody("Invalid Authentication Token"), withoutCorrelationId(r.body()));
        HttpResponse<String> basic = send(bare(directUrl(SampleWorkspace.ID)).header("Authorization", "Basic abc")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, basic.statusCode());
    }

    @Test
    void aDirectApiTokenOnTheArmDoorIs403InvalidAuthenticationTokenAudience() throws Exception {
        HttpResponse<String> r = send(postWith(armUrl("2017-10-01"), TestTokens.direct(), "Heartbeat"));
        assertEquals(403, r.statusCode());
        assertEquals(specBody("Invalid Token Audience"), withoutCorrelationId(r.body()));
    }

    @Test
    void anArmTokenOnTheDirectDoorNamesTheDirectAudiences() throws Exception {
        String arm = TestTokens.token(TestTokens.ARM, TestTokens.CLIENT, TestTokens.PRINCIPAL, true);
        HttpResponse<String> r = send(postWith(directUrl(SampleWorkspace.ID), arm, "Heartbeat"));
        assertEquals(403, r.statusCode());
        String expected = specBody("Invalid Token Audience")
                .replace("'https://api.loganalytics.io'", "'https://management.azure.com/'")
                .replace("'https://management.core.windows.net/','https://management.azure.com/'",
                        "'https://api.loganalytics.io','https://api.loganalytics.azure.com'");
        assertEquals(expected, withoutCorrelationId(r.body()));
    }

    @Test
    void clientCredentialsOnARefusingDirectApiIs403UnauthorizedClient() throws Exception {
        sample.refuseClientCredentialsOnDirectApi(true);
        String app = TestTokens.token(TestTokens.DIRECT, TestTokens.CLIENT, TestTokens.PRINCIPAL, true);
        HttpResponse<String> r = send(postWith(directUrl(SampleWorkspace.ID), app, "Heartbeat | take 1"));
        assertEquals(403, r.statusCode());
        assertEquals(specBody("Client Credentials to Direct API"), withoutCorrelationId(r.body()));
        // the same service principal through ARM is fine
        String armApp = TestTokens.token(TestTokens.ARM, TestTokens.CLIENT, TestTokens.PRINCIPAL, true);
        assertEquals(200, send(postWith(armUrl("2017-10-01"), armApp, "Heartbeat | take 1")).statusCode());
        // and a user's (delegated) token on the direct API too
        assertEquals(200, send(postWith(directUrl(SampleWorkspace.ID), TestTokens.direct(), "Heartbeat | take 1"))
                .statusCode());
    }

    @Test
    void aClientWithoutAccessIs403InsufficientAccessError() throws Exception {
        String stranger = TestTokens.token(TestTokens.DIRECT, "55555555-5555-5555-5555-555555555555",
                "66666666-6666-6666-6666-666666666666", true);
        HttpResponse<String> r = send(postWith(directUrl(SampleWorkspace.ID), stranger, "Heartbeat"));
        assertEquals(403, r.statusCode());
        assertEquals(specBody("Insufficient Permissions"), withoutCorrelationId(r.body()));
        sample.grant("55555555-5555-5555-5555-555555555555");
        assertEquals(200, send(postWith(directUrl(SampleWorkspace.ID), stranger, "Heartbeat | take 1")).statusCode());
        sample.revoke("55555555-5555-5555-5555-555555555555");
        assertEquals(403, send(postWith(directUrl(SampleWorkspace.ID), stranger, "Heartbeat")).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v1/workspaces/x/querry", "/v2/workspaces/x/query", "/v1/$batch", "/", "/v1/workspaces" })
    void anUnknownPathIs404PathNotFoundError(String path) throws Exception {
        HttpResponse<String> r = send(postWith(server.baseUrl() + path, TestTokens.direct(), "Heartbeat"));
        assertEquals(404, r.statusCode());
        assertEquals(specBody("Path Not Found"), withoutCorrelationId(r.body()));
    }

    @Test
    void anUnsupportedVerbIs404PathNotFoundError() throws Exception {
        HttpResponse<String> r = send(bare(directUrl(SampleWorkspace.ID)).header("Authorization",
                "Bearer " + TestTokens.direct()).DELETE());
        assertEquals(404, r.statusCode());
        assertEquals(specBody("Path Not Found"), withoutCorrelationId(r.body()));
        HttpResponse<String> put = send(bare(directUrl(SampleWorkspace.ID)).header("Authorization",
                "Bearer " + TestTokens.direct()).PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(404, put.statusCode());
    }

    @Test
    void aPostWithoutJsonOrContentTypeIsAnEmpty200() throws Exception {
        HttpResponse<String> noType = send(bare(directUrl(SampleWorkspace.ID))
                .header("Authorization", "Bearer " + TestTokens.direct())
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"Heartbeat\"}")));
        assertEquals(200, noType.statusCode());
        assertEquals("", noType.body());
        HttpResponse<String> notJson = send(bare(directUrl(SampleWorkspace.ID))
                .header("Authorization", "Bearer " + TestTokens.direct()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("query=Heartbeat")));
        assertEquals(200, notJson.statusCode());
        assertEquals("", notJson.body());
        HttpResponse<String> empty = send(bare(directUrl(SampleWorkspace.ID))
                .header("Authorization", "Bearer " + TestTokens.direct()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, empty.statusCode());
        assertEquals("", empty.body());
    }

    @Test
    void aWorkspaceWithoutDataIs204() throws Exception {
        server.addWorkspace(new Workspace("00000000-0000-0000-0000-000000000204", "s", "g", "empty"))
                .grant(TestTokens.CLIENT);
        HttpResponse<String> r = send(post(directUrl("00000000-0000-0000-0000-000000000204"), "Heartbeat", null));
        assertEquals(204, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    void badKqlIs400SyntaxError() throws Exception {
        for (String kql : new String[] { "Heartbeat | wher Computer == 'x'", "Heartbeat | where (", "Heartbeat |",
                "Heartbeat | summarize avg(OSMajorVersion) by", "Heartbeat | where tostring(Computer) == == 'a'",
                "Heartbeat | join (AzureActivity on Computer", "Heartbeat | where Computer == 'unterminated" }) {
            HttpResponse<String> r = query(kql);
            assertEquals(400, r.statusCode(), kql);
            assertEquals(specBody("Query Syntax Error"), withoutCorrelationId(r.body()), kql);
            assertTrue(server.requestLog().last().detail().startsWith("Query could not be parsed at"));
        }
    }

    @Test
    void detailedSyntaxErrorsNameTheToken() throws Exception {
        server.detailedSyntaxErrors(true);
        HttpResponse<String> r = query("Heartbeat | wher Computer == 'x'");
        assertEquals(400, r.statusCode());
        assertEquals("{\"error\":{\"message\":\"The request had some invalid properties\",\"code\":\"BadArgumentError\","
                     + "\"innererror\":{\"code\":\"SyntaxError\",\"message\":\"A recognition error occurred in the query.\","
                     + "\"innererror\":{\"code\":\"SYN0002\",\"message\":\"Query could not be parsed at 'wher' on line [1,12]\","
                     + "\"line\":1,\"pos\":12,\"token\":\"wher\"}}}}", withoutCorrelationId(r.body()));
    }

    @Test
    void anUnknownTableOrColumnIs400SemanticError() throws Exception {
        HttpResponse<String> table = query("Foo | where TimeGenerated > ago(1h)");
        assertEquals(400, table.statusCode());
        assertEquals("{\"error\":{\"message\":\"The request had some invalid properties\",\"code\":\"BadArgumentError\","
                     + "\"innererror\":{\"code\":\"SemanticError\",\"message\":\"A semantic error occurred.\","
                     + "\"innererror\":{\"code\":\"SEM0100\",\"message\":\"'where' operator: Failed to resolve table or "
                     + "column expression named 'Foo'\"}}}}", withoutCorrelationId(table.body()));
        HttpResponse<String> column = query("Heartbeat | project Computer, Nope");
        assertEquals(400, column.statusCode());
        assertTrue(column.body().contains("\"code\":\"SemanticError\""));
        assertTrue(column.body().contains("'project' operator: Failed to resolve scalar expression named 'Nope'"));
        HttpResponse<String> types = query("Heartbeat | where Computer > 5");
        assertEquals(400, types.statusCode());
        assertTrue(types.body().contains("Cannot compare values of types string and long"), types.body());
    }

    @Test
    void anUnknownWorkspaceIs404WorkspaceNotFoundError() throws Exception {
        HttpResponse<String> r = send(post(directUrl("12345678-0000-0000-0000-000000000000"), "Heartbeat", null));
        assertEquals(404, r.statusCode());
        assertEquals("{\"error\":{\"message\":\"The workspace could not be found\",\"code\":\"WorkspaceNotFoundError\","
                     + "\"innererror\":{\"code\":\"ResourceNotFound\",\"message\":\"Workspace "
                     + "'12345678-0000-0000-0000-000000000000' was not found\"}}}", withoutCorrelationId(r.body()));
    }

    @Test
    void theArmDoorChecksItsApiVersion() throws Exception {
        String arm = TestTokens.token(TestTokens.ARM, TestTokens.CLIENT, TestTokens.PRINCIPAL, true);
        HttpResponse<String> missing = send(postWith(armUrl(null), arm, "Heartbeat | take 1"));
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("\"code\":\"MissingApiVersionParameter\""));
        HttpResponse<String> retired = send(postWith(armUrl("2017-01-01-preview"), arm, "Heartbeat | take 1"));
        assertEquals(400, retired.statusCode());
        assertTrue(retired.body().contains("\"code\":\"InvalidApiVersionParameter\""));
        HttpResponse<String> ok = send(postWith(armUrl("2017-10-01"), arm, "Heartbeat | take 2"));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals(2, JSON.readTree(ok.body()).get("tables").get(0).get("rows").size());
        server.limits().armApiVersions(java.util.List.of("2025-01-01"));
        assertEquals(400, send(postWith(armUrl("2017-10-01"), arm, "Heartbeat | take 1")).statusCode());
        HttpResponse<String> get = send(bare(armUrl("2025-01-01") + "&query=" + enc("Heartbeat | take 1"))
                .header("Authorization", "Bearer " + arm).GET());
        assertEquals(200, get.statusCode());
    }

    @Test
    void resourceCentricQueriesSeeTheResourcesRecords() throws Exception {
        String url = server.baseUrl() + "/v1" + SampleWorkspace.VM_RESOURCE_ID + "/query";
        HttpResponse<String> r = send(post(url, "AzureActivity | summarize count() by _ResourceId", null));
        assertEquals(200, r.statusCode(), r.body());
        var rows = JSON.readTree(r.body()).get("tables").get(0).get("rows");
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).get(0).asText().equalsIgnoreCase(SampleWorkspace.VM_RESOURCE_ID));
        HttpResponse<String> whole = send(post(server.baseUrl() + "/v1" + sample.resourceId() + "/query",
                "Heartbeat | take 1", null));
        assertEquals(200, whole.statusCode());
        HttpResponse<String> unknown = send(post(server.baseUrl()
                                                 + "/v1/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/virtualMachines/z/query",
                "Heartbeat", null));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("ResourceNotFoundError"));
    }

    @Test
    void crossWorkspaceQueriesUnionTheNamedWorkspaces() throws Exception {
        Workspace other = server.addWorkspace(SampleWorkspaceCopy.of("c0ffee00-0000-0000-0000-000000000001"))
                .grant(TestTokens.CLIENT);
        long one = table("Heartbeat | count").get("rows").get(0).get(0).asLong();
        HttpResponse<String> r = send(bare(directUrl(SampleWorkspace.ID))
                .header("Authorization", "Bearer " + TestTokens.direct()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"Heartbeat | count\",\"workspaces\":[\""
                                                          + other.id() + "\"]}")));
        assertEquals(2 * one, JSON.readTree(r.body()).get("tables").get(0).get("rows").get(0).get(0).asLong());
        HttpResponse<String> unknown = send(bare(directUrl(SampleWorkspace.ID) + "?workspaces=nope")
                .header("Authorization", "Bearer " + TestTokens.direct()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"Heartbeat | count\"}")));
        assertEquals(404, unknown.statusCode());
    }

    /** A second workspace with the sample tables, for cross-workspace queries. */
    static final class SampleWorkspaceCopy {
        static Workspace of(String id) {
            Workspace ws = new Workspace(id, "s", "g", "copy");
            SampleWorkspace.create(java.time.Instant.now()).tables().forEach(ws::addTable);
            return ws;
        }
    }

    /**
     * The body without the {@code correlationId} the emulator adds after the error's code, as the live service does:
     * the rest must be the documented body byte for byte.
     */
    private static String withoutCorrelationId(String body) {
        String stripped = body.replaceFirst(",\\s*\"correlationId\":\\s*\"[0-9a-f-]{36}\"", "");
        assertTrue(!stripped.equals(body), "no correlationId in " + body);
        return stripped;
    }
}
