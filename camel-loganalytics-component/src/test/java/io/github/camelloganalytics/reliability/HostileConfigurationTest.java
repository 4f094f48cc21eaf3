package io.github.camelloganalytics.reliability;

import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.LogAnalyticsConstants;
import io.github.camelloganalytics.auth.CredentialType;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.LoggedRequest;
import io.github.camelloganalytics.testkit.token.SelfSignedCertificate;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Wrong and hostile configuration: every endpoint option the component's metadata lists, given an invalid value,
 * fails at endpoint creation with a message naming the option and the value; a plain-http {@code host} that is not
 * loopback is refused with every credential type; query text and workspace ids reach the service encoded, whatever
 * characters they hold.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class HostileConfigurationTest {

    static LogAnalyticsEmulator emulator;

    private static final String METADATA = "META-INF/io/github/camelloganalytics/loganalytics.json";
    private static final String BASE = "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID
                                       + "?tokenProvider=#tokens&host=http://127.0.0.1:9";

    /**
     * Options where every value is valid at endpoint creation: free text the service itself judges (KQL, names and
     * ids it answers 400 or 404 for; a target's name or id is refused only as a dot segment, below), secrets whose worth only the token endpoint knows, and Camel's map of custom
     * scheduler properties. Hostile characters in the ones that reach a URL or a JSON body are tested below.
     */
    private static final Set<String> EVERY_VALUE_VALID = Set.of(
            "query", "additionalWorkspaces", "tenantId", "clientId", "clientSecret", "certificatePassword", "refreshToken", "accessToken", "scope",
            "schedulerProperties", "proxyAuthUsername", "proxyAuthPassword",
            "nonProxyHosts");

    /**
     * Invalid values per option; a type's generic bad value is added for every option of that type. Durations are
     * written as {@link java.time.Duration#toString()} writes them, the form the refusal quotes.
     */
    private static final Map<String, List<String>> INVALID = Map.ofEntries(
            Map.entry("batchParallelism", List.of("0", "21", "-1")),
            Map.entry("serverTimeout", List.of("PT0S", "PT10M1S", "PT-5S")),
            Map.entry("connectTimeout", List.of("PT0S", "PT-1S")),
            Map.entry("responseTimeout", List.of("PT0S", "PT-1S")),
            Map.entry("maxWindow", List.of("PT0S", "PT-1H")),
            Map.entry("ingestionDelay", List.of("PT-1S")),
            Map.entry("lookback", List.of("PT-1S")),
            Map.entry("healthCheckInterval", List.of("PT-1S")),
            Map.entry("timespan", List.of("yesterday", "PT", "2024-13-01T00:00:00Z/PT1H")),
            Map.entry("startFrom", List.of("soon", "2024-02-30T00:00:00Z")),
            Map.entry("host", List.of("ftp://example.com", "not a url", "http://example.com",
                    "http://10.0.0.1", "http://localhost.example.com")),
            Map.entry("authorityHost", List.of("http://login.microsoftonline.com", "login.microsoftonline.com")),
            Map.entry("armApiVersion", List.of("latest", "2017-10-01;x")),
            Map.entry("resourceId", List.of("subscriptions/no-leading-slash", "/subscriptions/../x",
                    "/subscriptions/s/resourceGroups/g/providers/p/t/..")),
            // percent-encoding keeps dots, and a dot segment would move the query to another path
            Map.entry("workspaceId", List.of("..", ".")),
            Map.entry("subscriptionId", List.of("..")),
            Map.entry("resourceGroup", List.of("..")),
            Map.entry("workspaceName", List.of(".")),
            Map.entry("maxResponseSize", List.of("0", "-1")),
            Map.entry("proxyHost", List.of("http://proxy.example.com", "proxy.example.com:8080", "a b")),
            Map.entry("proxyPort", List.of("0", "65536")),
            Map.entry("certificatePath", List.of("/nonexistent/client.pem")),
            Map.entry("federatedTokenFile", List.of("/nonexistent/token")));

    /**
     * Options Camel's DefaultComponent reads itself before the component sees the URI: its refusal quotes the value
     * and the URI, where the option stands next to it, but the cause alone does not name the option.
     */
    private static final Set<String> READ_BY_CAMEL = Set.of("bridgeErrorHandler", "lazyStartProducer", "scheduler");

    /** What a value of each metadata type that cannot be of that type looks like. */
    private static final Map<String, String> NOT_OF_TYPE = Map.of(
            "boolean", "maybe", "integer", "many", "duration", "eventually", "enum", "NOT_A_VALUE",
            "object", "#noSuchBean");

    @TempDir
    Path dir;

    private CamelContext context;
    private ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        emulator.requestLog().clear();
        context = new DefaultCamelContext();
        context.getRegistry().bind("tokens", (TokenProvider) scope -> emulator.clients()
                .appToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, scope));
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamel() {
        context.stop();
    }

    @Test
    void everyOptionWithAnInvalidValueFailsAtEndpointCreationNamingIt() throws Exception {
        JsonNode properties;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(METADATA)) {
            assertNotNull(in, METADATA);
            properties = new ObjectMapper().readTree(in).get("properties");
        }
        Set<String> untested = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        int cases = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            String name = option.getKey();
            List<String> values = new ArrayList<>(INVALID.getOrDefault(name, List.of()));
            String notOfType = NOT_OF_TYPE.get(option.getValue().get("type").asText());
            if (notOfType != null) {
                values.add(notOfType);
            }
            if (EVERY_VALUE_VALID.contains(name)) {
                assertFalse(INVALID.containsKey(name), name + " is listed both as free and with invalid values");
                continue;
            }
            if (values.isEmpty()) {
                untested.add(name);
            }
            for (String value : values) {
                String problem = refusal(name, value, uriWith(name, value.replace(" ", "%20")));
                if (problem != null) {
                    problems.add(problem);
                }
                cases++;
            }
        }
        assertTrue(untested.isEmpty(), "options with neither an invalid value nor a reason: " + untested);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        System.out.println("HostileConfigurationTest: " + properties.size() + " options in " + METADATA + ", "
                           + cases + " invalid values refused, " + EVERY_VALUE_VALID.size() + " free");
    }

    @Test
    void plainHttpHostThatIsNotLoopbackIsRefusedWithEveryCredentialType() throws Exception {
        Path pem = Files.writeString(dir.resolve("client.pem"), SelfSignedCertificate.forCommonName("x").toPem());
        Path assertion = Files.writeString(dir.resolve("assertion.jwt"), "header.payload.signature");
        String client = "tenantId=" + LogAnalyticsEmulator.SAMPLE_TENANT_ID + "&clientId="
                        + LogAnalyticsEmulator.SAMPLE_CLIENT_ID;
        Map<CredentialType, String> options = new LinkedHashMap<>();
        options.put(CredentialType.AUTO, "");
        options.put(CredentialType.CLIENT_SECRET, client + "&clientSecret=RAW(s3cret)");
        options.put(CredentialType.CLIENT_CERTIFICATE, client + "&certificatePath=" + pem);
        options.put(CredentialType.CLIENT_ASSERTION, client + "&federatedTokenFile=" + assertion);
        options.put(CredentialType.MANAGED_IDENTITY, "");
        options.put(CredentialType.REFRESH_TOKEN, client + "&refreshToken=RAW(refresh)");
        options.put(CredentialType.ACCESS_TOKEN, "accessToken=RAW(token)");
        options.put(CredentialType.TOKEN_PROVIDER, "tokenProvider=#tokens");
        context.getRegistry().bind("azureCredential",
                (com.azure.core.credential.TokenCredential) request -> reactor.core.publisher.Mono.empty());
        options.put(CredentialType.AZURE_IDENTITY, "tokenCredential=#azureCredential");
        assertEquals(Set.of(CredentialType.values()), options.keySet(), "every credential type is covered");
        for (Map.Entry<CredentialType, String> e : options.entrySet()) {
            String base = "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "?credentialType=" + e.getKey()
                          + (e.getValue().isEmpty() ? "" : "&" + e.getValue());
            // the same options on loopback are accepted: only the host makes the difference
            assertNotNull(context.getEndpoint(base + "&host=http://127.0.0.1:9"), e.getKey().name());
            assertNotNull(context.getEndpoint(base + "&host=https://example.com"), e.getKey().name());
            for (String host : List.of("http://example.com", "http://192.168.1.10:8080", "http://[fe80::1]")) {
                assertRefused("host", host, base + "&host=" + host);
            }
        }
    }

    @Test
    void queryTextReachesTheServiceAsJsonWhateverItHolds() throws Exception {
        String uri = "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "?tokenProvider=#tokens&host="
                     + emulator.queryUrl();
        List<String> queries = List.of(
                "Heartbeat | where Computer == \"a\\\"b\" | take 1",
                "Heartbeat\n| where Computer != 'x'\r\n| take 1",
                "Heartbeat | where Computer == \"ünïcødé 漢字 😀\" | take 1",
                "Heartbeat | where Computer == \"../../?a=b&c#d\" | take 1",
                "Heartbeat | where Computer == \"\\u0000\\t}\\\"]\" | take 1");
        ObjectMapper json = new ObjectMapper();
        for (String query : queries) {
            emulator.requestLog().clear();
            template.request(uri, ex -> ex.getMessage().setHeader(LogAnalyticsConstants.QUERY, query));
            LoggedRequest sent = emulator.requestLog().last();
            assertEquals("/v1/workspaces/" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "/query", sent.path());
            assertEquals(query, json.readTree(sent.body()).get("query").asText(), sent.body());
        }
    }

    @Test
    void workspaceIdsAreEncodedIntoOnePathSegment() throws Exception {
        String uri = "loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "?tokenProvider=#tokens&host="
                     + emulator.queryUrl() + "&query=Heartbeat";
        List<String> ids = List.of("../../subscriptions/x", "a?b=c&d=e#f", "\"quoted\"", "line\nbreak", "ünï 漢",
                "a/b", "%2e%2e", "x y+z", "...");
        for (String id : List.of(".", "..")) {
            emulator.requestLog().clear();
            Exception failure = template.request(uri,
                    ex -> ex.getMessage().setHeader(LogAnalyticsConstants.WORKSPACE_ID, id)).getException();
            assertTrue(failure instanceof IllegalArgumentException && failure.getMessage().contains("workspaceId '"
                       + id + "'"), String.valueOf(failure));
            assertEquals(0, emulator.requestLog().size(), "nothing sent for " + id);
        }
        for (String id : ids) {
            emulator.requestLog().clear();
            template.request(uri, ex -> ex.getMessage().setHeader(LogAnalyticsConstants.WORKSPACE_ID, id));
            assertEquals(1, emulator.requestLog().size(), "one request for " + id);
            String path = emulator.requestLog().last().path();
            String prefix = "/v1/workspaces/";
            String suffix = "/query";
            assertTrue(path.startsWith(prefix) && path.endsWith(suffix), path);
            String segment = path.substring(prefix.length(), path.length() - suffix.length());
            assertFalse(segment.matches(".*[/?#&\"\\s].*"), "raw reserved character in " + path);
            assertEquals(id, URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8), path);
        }
    }

    /** The option set on an endpoint that is valid but for it, with the target it belongs to. */
    private static String uriWith(String option, String value) {
        String rest = "?tokenProvider=#tokens&host=http://127.0.0.1:9";
        return switch (option) {
            case "workspaceId" -> "loganalytics:" + value + rest;
            case "certificatePath" -> BASE.replace("tokenProvider=#tokens", "credentialType=CLIENT_CERTIFICATE"
                    + "&tenantId=t&clientId=c") + "&certificatePath=" + value;
            case "federatedTokenFile" -> BASE.replace("tokenProvider=#tokens", "credentialType=CLIENT_ASSERTION"
                    + "&tenantId=t&clientId=c") + "&federatedTokenFile=" + value;
            case "resourceId" -> "loganalytics:" + rest + "&resourceId=" + value;
            case "subscriptionId", "resourceGroup", "workspaceName" -> {
                Map<String, String> arm = new LinkedHashMap<>(Map.of("subscriptionId", "s", "resourceGroup", "g",
                        "workspaceName", "w"));
                arm.put(option, value);
                StringBuilder b = new StringBuilder("loganalytics:" + rest + "&apiType=ARM");
                arm.forEach((k, v) -> b.append('&').append(k).append('=').append(v));
                yield b.toString();
            }
            default -> BASE + "&" + option + "=" + value;
        };
    }

    private void assertRefused(String option, String value, String uri) {
        String problem = refusal(option, value, uri);
        if (problem != null) {
            fail(problem);
        }
    }

    /** Null when the endpoint is refused naming the option and the value, else what went wrong. */
    private String refusal(String option, String value, String uri) {
        try {
            context.getEndpoint(uri);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String message = String.valueOf(t.getMessage());
                // Camel's ResolveEndpointFailedException quotes the whole URI; the cause must name them itself
                if (!(t instanceof org.apache.camel.ResolveEndpointFailedException) && message.contains(option)
                    && message.contains(value)) {
                    return null;
                }
                if (READ_BY_CAMEL.contains(option) && message.contains(option + "=") && t.getCause() != null
                    && String.valueOf(t.getCause().getMessage()).contains(value.replace("#", ""))) {
                    return null;
                }
            }
            return "option " + option + "='" + value + "' refused without naming both: " + e;
        }
        return "option " + option + "='" + value + "' accepted at endpoint creation: " + uri;
    }
}
