package io.github.camelloganalytics.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a query API over the test verifier with the sample workspace, and talks to it over loopback. */
abstract class ServerTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    QueryApiServer server;
    Workspace sample;

    @BeforeEach
    void startServer() throws IOException {
        server = new QueryApiServer(new TestTokens()).start(0);
        sample = server.addWorkspace(SampleWorkspace.create(Instant.now())).grant(TestTokens.CLIENT);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    String directUrl(String workspaceId) {
        return server.baseUrl() + "/v1/workspaces/" + workspaceId + "/query";
    }

    HttpRequest.Builder post(String url, String query, String timespan) {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        if (timespan != null) {
            body.put("timespan", timespan);
        }
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestTokens.direct())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> query(String kql) throws IOException, InterruptedException {
        return send(post(directUrl(SampleWorkspace.ID), kql, null));
    }

    /** Runs a query that must succeed and returns the primary table. */
    JsonNode table(String kql) throws IOException, InterruptedException {
        HttpResponse<String> r = query(kql);
        if (r.statusCode() != 200) {
            throw new AssertionError("Expected 200 for " + kql + ", got " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).get("tables").get(0);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The body the error page shows after "Response:" under a heading: what the emulator must send verbatim. */
    static String specBody(String heading) throws IOException {
        String spec;
        try (var in = ServerTestSupport.class.getResourceAsStream("/spec/log-analytics-api-errors.txt")) {
            spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int at = spec.indexOf("\n" + heading + "\n");
        int response = spec.indexOf("Response:", at) + "Response:".length();
        int open = spec.indexOf("    {", response);
        int details = spec.indexOf("\n\nDetails:", open);
        return spec.substring(open, details);
    }
}
