package io.github.camelloganalytics.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.net.ssl.TrustManagerFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.error.AccessDeniedException;
import io.github.camelloganalytics.error.AuthenticationException;
import io.github.camelloganalytics.error.EmptyResponseException;
import io.github.camelloganalytics.error.InvalidGrantException;
import io.github.camelloganalytics.error.InvalidQueryException;
import io.github.camelloganalytics.error.InvalidTokenAudienceException;
import io.github.camelloganalytics.error.InvalidTokenException;
import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.error.MalformedResponseException;
import io.github.camelloganalytics.error.MissingAuthenticationException;
import io.github.camelloganalytics.error.NoDataException;
import io.github.camelloganalytics.error.PartialResultException;
import io.github.camelloganalytics.error.PathNotFoundException;
import io.github.camelloganalytics.error.QuerySemanticException;
import io.github.camelloganalytics.error.QuerySyntaxException;
import io.github.camelloganalytics.error.QueryTimeoutException;
import io.github.camelloganalytics.error.ServiceUnavailableException;
import io.github.camelloganalytics.error.ThrottledException;
import io.github.camelloganalytics.error.UnauthorizedClientException;
import io.github.camelloganalytics.error.WorkspaceNotFoundException;
import io.github.camelloganalytics.testkit.Clients;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_CLIENT_ID;
import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET;
import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_TENANT_ID;
import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every documented error and every scripted fault, on the producer and on the incremental consumer: the route's
 * {@code onException} for the contract's exact class receives it, its message gives cause and fix, no connection
 * stays leased, the next query on the same component succeeds, and the consumer commits no watermark.
 * <p>
 * Errors with a cause a test can make come from that cause at the emulator; what only a broken service or a proxy
 * sends (an HTML page, a wrong content type, a huge body, a spec body the component never provokes) from WireMock.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class FaultMatrixTest {

    private static final String HEARTBEATS = "Heartbeat | project TimeGenerated, Computer";
    private static final String WIREMOCK_WORKSPACE = "b5e7a1d2-3c4f-4a6b-9c8d-0e1f2a3b4c5d";
    private static final String MATRIX_CLIENT = "fault-matrix-client";
    /** A workspace whose one table answers with about 2 MB: large enough that the body is read ahead. */
    private static final String LARGE_WORKSPACE = "7d3c1b2a-4e5f-4a6b-8c9d-0a1b2c3d4e5f";
    private static final String LARGE_QUERY = "LargeEvents";

    /** Cases whose request reaches no query server, or is logged only after the client gave up on it. */
    private static final Set<String> NEVER_LOGGED_IN_TIME = Set.of("connection refused", "expired refresh token",
            "response timeout");
    private static final AtomicInteger CASES = new AtomicInteger();

    static LogAnalyticsEmulator emulator;
    static WireMockServer wireMock;

    private CamelContext context;

    record Case(String name, Class<? extends LogAnalyticsException> expected, Supplier<String> endpoint,
                boolean onConsumer) {

        Case(String name, Class<? extends LogAnalyticsException> expected, Supplier<String> endpoint) {
            this(name, expected, endpoint, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void start() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
        emulator.clients().register(MATRIX_CLIENT, "fault-matrix-secret");
        Table large = emulator.workspace(LARGE_WORKSPACE).createTable(LARGE_QUERY,
                Column.of("TimeGenerated", ColumnType.DATETIME), Column.of("Message", ColumnType.STRING));
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 12_000; i++) {
            large.addRow(start.plusSeconds(i), "event " + i + " " + UUID.nameUUIDFromBytes(new byte[] {(byte) i,
                    (byte) (i >> 8)}) + " " + "x".repeat(100));
        }
    }

    @AfterAll
    static void stop() {
        wireMock.stop();
    }

    @AfterEach
    void clean() {
        if (context != null) {
            context.stop();
        }
        emulator.faults().clear();
        wireMock.resetAll();
    }

    static Stream<Case> cases() {
        return Stream.of(
                // documented errors, from their causes at the emulator
                new Case("syntax error", QuerySyntaxException.class,
                        () -> emulatorUri(SAMPLE_WORKSPACE_ID, "Heartbeat | wher Computer == 'x'", "")),
                new Case("semantic error", QuerySemanticException.class,
                        () -> emulatorUri(SAMPLE_WORKSPACE_ID, "Heartbeat | where NoSuchColumn == 1", "")),
                new Case("expired token", InvalidTokenException.class,
                        () -> emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS, token(emulator.clients()
                                .expiredAppToken(SAMPLE_CLIENT_ID, Clients.DIRECT_API_SCOPE)))),
                new Case("token for another audience", InvalidTokenAudienceException.class,
                        () -> emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS,
                                token(emulator.clients().appToken(SAMPLE_CLIENT_ID, Clients.ARM_SCOPE)))),
                new Case("client without access", AccessDeniedException.class,
                        () -> emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS,
                                token(emulator.clients().appToken(MATRIX_CLIENT, Clients.DIRECT_API_SCOPE)))),
                new Case("client credentials refused on the direct API", UnauthorizedClientException.class, () -> {
                    String id = UUID.randomUUID().toString();
                    emulator.workspace(id).refuseClientCredentialsOnDirectApi(true);
                    return emulatorUri(id, HEARTBEATS, "");
                }),
                new Case("unknown workspace", WorkspaceNotFoundException.class,
                        () -> emulatorUri(UUID.randomUUID().toString(), HEARTBEATS, "")),
                new Case("unknown path (host behind a wrong prefix)", PathNotFoundException.class,
                        () -> "loganalytics:" + SAMPLE_WORKSPACE_ID + "?host=" + emulator.queryUrl() + "/wrong-prefix"
                              + "&query=RAW(" + HEARTBEATS + ")" + token(emulator.token())),
                new Case("workspace without data, failOnNoData", NoDataException.class, () -> emulatorUri(
                        emulator.workspace(UUID.randomUUID().toString()).id(), "Heartbeat", "&failOnNoData=true")),
                new Case("expired refresh token", InvalidGrantException.class, () -> {
                    String refreshToken = emulator.tokenEndpoint().issueRefreshToken(SAMPLE_TENANT_ID,
                            SAMPLE_CLIENT_ID, "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");
                    emulator.tokenEndpoint().expireRefreshToken(refreshToken);
                    return "loganalytics:" + SAMPLE_WORKSPACE_ID + "?host=" + emulator.queryUrl() + "&query=RAW("
                           + HEARTBEATS + ")&authorityHost=" + emulator.authorityUrl()
                           + "&sslContextParameters=#emulatorTls&credentialType=REFRESH_TOKEN&tenantId="
                           + SAMPLE_TENANT_ID + "&clientId=" + SAMPLE_CLIENT_ID + "&clientSecret=RAW("
                           + SAMPLE_CLIENT_SECRET + ")&refreshToken=RAW(" + refreshToken + ")";
                }),
                // scripted faults at the emulator
                new Case("429 with Retry-After", ThrottledException.class, () -> {
                    emulator.faults().next(1).status(429).retryAfter("7");
                    return emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS, "");
                }),
                new Case("429 without Retry-After", ThrottledException.class, () -> {
                    emulator.faults().next(1).status(429);
                    return emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS, "");
                }),
                statusCase(500, ServiceUnavailableException.class),
                statusCase(502, ServiceUnavailableException.class),
                statusCase(503, ServiceUnavailableException.class),
                statusCase(504, QueryTimeoutException.class),
                // over the result limits: the consumer splits the window instead (ConsumerFailureTest), so producer only
                new Case("partial result over the limits", PartialResultException.class, () -> {
                    emulator.faults().next(1).partialResult();
                    return emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS, "");
                }, false),
                new Case("response timeout", QueryTimeoutException.class, () -> {
                    emulator.faults().next(1).delay(Duration.ofMillis(1500));
                    return emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS, "&responseTimeout=PT0.3S");
                }),
                new Case("connection refused", ServiceUnavailableException.class,
                        () -> "loganalytics:" + SAMPLE_WORKSPACE_ID + "?host=http://127.0.0.1:" + closedPort()
                              + "&query=RAW(" + HEARTBEATS + ")" + token(emulator.token())),
                new Case("connection dropped mid-body", ServiceUnavailableException.class, () -> {
                    emulator.faults().next(1).dropConnectionMidBody();
                    return emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS, "");
                }),
                new Case("truncated JSON", MalformedResponseException.class, () -> {
                    emulator.faults().next(1).truncatedBody();
                    return emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS, "");
                }),
                // a large body is read ahead on another thread: its faults must come out the same
                new Case("connection dropped mid-body, large result read ahead", ServiceUnavailableException.class,
                        () -> {
                            emulator.faults().next(1).dropConnectionMidBody();
                            return emulatorUri(LARGE_WORKSPACE, LARGE_QUERY, "");
                        }, false),
                new Case("truncated JSON, large result read ahead", MalformedResponseException.class, () -> {
                    emulator.faults().next(1).truncatedBody();
                    return emulatorUri(LARGE_WORKSPACE, LARGE_QUERY, "");
                }, false),
                new Case("non-JSON body", MalformedResponseException.class, () -> {
                    emulator.faults().next(1).malformedBody();
                    return emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS, "");
                }),
                // what only a proxy or a broken service sends, from WireMock
                new Case("401 without Authorization (spec body)", MissingAuthenticationException.class,
                        () -> wireMockUri(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"message\":\"Authentication failed. The 'Authorization'"
                                          + " header is missing.\",\"code\":\"AuthenticationFailed\"}}"))),
                new Case("401 with another code", AuthenticationException.class,
                        () -> wireMockUri(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"message\":\"Token rejected\",\"code\":\"Unauthorized\"}}"))),
                new Case("400 BadArgumentError without inner code", InvalidQueryException.class,
                        () -> wireMockUri(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"message\":\"The request had some invalid properties\","
                                          + "\"code\":\"BadArgumentError\"}}"))),
                new Case("partial result, not over the limits", PartialResultException.class,
                        () -> wireMockUri(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                                .withBody("{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":"
                                          + "\"Computer\",\"type\":\"string\"}],\"rows\":[[\"vm1\"]]}],"
                                          + "\"error\":{\"code\":\"PartialError\",\"message\":\"There were some"
                                          + " errors when processing your query.\",\"details\":[{\"code\":"
                                          + "\"EngineError\",\"message\":\"Something went wrong processing your"
                                          + " query on the server.\",\"innererror\":{\"code\":\"-2133196798\","
                                          + "\"message\":\"Query ran out of memory (E_LOW_MEMORY_CONDITION)\"}}]}}"))),
                new Case("empty 200", EmptyResponseException.class,
                        () -> wireMockUri(aResponse().withStatus(200))),
                new Case("unlisted status 418", LogAnalyticsException.class,
                        () -> wireMockUri(aResponse().withStatus(418).withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"message\":\"I'm a teapot\",\"code\":\"Teapot\"}}"))),
                new Case("HTML error page from a proxy (502)", ServiceUnavailableException.class,
                        () -> wireMockUri(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                                .withBody("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502"
                                          + " Bad Gateway</h1></center><hr><center>nginx</center></body></html>"))),
                new Case("HTML login page from a proxy (200)", MalformedResponseException.class,
                        () -> wireMockUri(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                                .withBody("<!DOCTYPE html><html><body><form action=\"/login\">Sign in to continue"
                                          + "</form></body></html>"))),
                new Case("wrong Content-Type (XML)", MalformedResponseException.class,
                        () -> wireMockUri(aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                                .withBody("<?xml version=\"1.0\"?><tables><table name=\"PrimaryResult\"/></tables>"))),
                new Case("huge error body (8 MiB)", ServiceUnavailableException.class,
                        () -> wireMockUri(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"code\":\"InternalServerError\",\"message\":\""
                                          + "x".repeat(8 * 1024 * 1024) + "\"}}"))));
    }

    static Stream<Case> consumerCases() {
        return cases().filter(Case::onConsumer);
    }

    private static Case statusCase(int status, Class<? extends LogAnalyticsException> expected) {
        return new Case(status + " scripted", expected, () -> {
            emulator.faults().next(1).status(status);
            return emulatorUri(SAMPLE_WORKSPACE_ID, HEARTBEATS, "");
        });
    }

    @ParameterizedTest(name = "producer: {0}")
    @MethodSource("cases")
    void producer(Case c) throws Exception {
        String uri = c.endpoint().get();
        List<Exception> caught = startContext(c, uri, false);

        context.createProducerTemplate().sendBody("direct:query", null);

        assertCaught(c, caught);
        assertNextQuerySucceeds();
    }

    @ParameterizedTest(name = "consumer: {0}")
    @MethodSource("consumerCases")
    void consumer(Case c) throws Exception {
        emulator.requestLog().clear();
        RecordingStateRepository watermarks = new RecordingStateRepository();
        String uri = c.endpoint().get() + "&incremental=true&maxWindow=PT1H&stateRepository=#watermarks"
                     + "&bridgeErrorHandler=true&initialDelay=0&delay=3600000";
        // a minute apart per case, so no request of another case starts at this one's watermark
        Instant watermark = Instant.now().minus(Duration.ofHours(3)).minus(Duration.ofMinutes(CASES.incrementAndGet()))
                .truncatedTo(ChronoUnit.SECONDS);
        List<Exception> caught = startContext(c, uri, true, watermarks, watermark);

        context.getEndpoint("mock:caught", MockEndpoint.class).expectedMessageCount(1);
        MockEndpoint.assertIsSatisfied(context);
        context.getRouteController().stopRoute("consumer");

        assertCaught(c, caught);
        assertEquals(watermark.toString(), watermarks.getState(watermarks.seededKey), "the watermark did not move");
        assertEquals(List.of(), watermarks.writesAfterSeed, "nothing committed");
        if (!NEVER_LOGGED_IN_TIME.contains(c.name())) {
            // the window asked for started at the seeded watermark: the repository was this consumer's; a server
            // may log a request of an earlier case late, so look for this case's among them
            assertTrue(Stream.concat(emulator.requestLog().entries().stream().map(r -> r.body()),
                    wireMock.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString()))
                    .anyMatch(body -> body.contains("\"timespan\":\"" + watermark + "/")), "asked from " + watermark);
        }
        assertEquals(0, context.getEndpoint("mock:delivered", MockEndpoint.class).getReceivedCounter(),
                "nothing delivered from the failed window");
        assertNextQuerySucceeds();
    }

    private List<Exception> startContext(Case c, String uri, boolean asConsumer) throws Exception {
        return startContext(c, uri, asConsumer, null, null);
    }

    private List<Exception> startContext(Case c, String uri, boolean asConsumer, RecordingStateRepository watermarks,
                                         Instant watermark)
            throws Exception {
        List<Exception> caught = new CopyOnWriteArrayList<>();
        context = new DefaultCamelContext();
        context.getRegistry().bind("emulatorTls", emulatorTls());
        if (watermarks != null) {
            context.getRegistry().bind("watermarks", watermarks);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // Camel picks the closest class: only the contract's exact class reaches mock:caught
                onException(c.expected()).handled(true)
                        .process(e -> caught.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                        .to("mock:caught");
                onException(Exception.class).handled(true)
                        .process(e -> caught.add(e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                        .to("mock:other");
                if (asConsumer) {
                    from(uri).routeId("consumer").to("mock:delivered");
                } else {
                    from("direct:query").to(uri);
                }
                from("direct:good").to(emulatorUri(SAMPLE_WORKSPACE_ID, "Heartbeat | take 5", ""));
            }
        });
        if (watermarks != null) {
            watermarks.seed(consumerKey(uri), watermark.toString());
        }
        context.start();
        return caught;
    }

    /** The consumer's watermark key: its route and its endpoint without options. */
    private String consumerKey(String uri) {
        return "consumer|" + URISupport.sanitizeUri(context.getEndpoint(uri).getEndpointBaseUri());
    }

    private void assertCaught(Case c, List<Exception> caught) {
        assertEquals(1, caught.size(), () -> "one failure seen: " + caught);
        Exception e = caught.get(0);
        assertEquals(c.expected(), e.getClass(), () -> "the contract's class: " + e);
        assertEquals(1, context.getEndpoint("mock:caught", MockEndpoint.class).getReceivedCounter());
        assertEquals(0, context.getEndpoint("mock:other", MockEndpoint.class).getReceivedCounter());
        String message = e.getMessage();
        assertTrue(message.contains("Cause: ") && message.contains(" Fix: "), message);
        assertTrue(message.length() < 4096, () -> "a bounded message, not the body: " + message.length() + " chars");
        LogAnalyticsException failure = (LogAnalyticsException) e;
        assertTrue(failure.getResponseBody() == null || failure.getResponseBody().length() <= 64 * 1024,
                "the kept body is bounded");
        if (c.name().equals("429 with Retry-After")) {
            assertEquals(Duration.ofSeconds(7), failure.getRetryAfter());
        }
        if (c.name().equals("429 without Retry-After")) {
            assertNull(failure.getRetryAfter());
        }
        assertFalse(message.contains(emulator.token()), "no token in the message");
        // past responseTimeout the deadline's timer thread aborts the request, and the lease is given back as that
        // abort completes, which may be just after the exception reached the route
        await("no connection leased after the failure").atMost(Duration.ofSeconds(30))
                .until(() -> component().leasedConnections() == 0);
    }

    private void assertNextQuerySucceeds() {
        List<?> rows = context.createProducerTemplate().requestBody("direct:good", null, List.class);
        assertEquals(5, rows.size());
        assertEquals(0, component().leasedConnections(), "no connection leased after the next query");
    }

    private LogAnalyticsComponent component() {
        return context.getComponent("loganalytics", LogAnalyticsComponent.class);
    }

    private static String emulatorUri(String workspace, String query, String options) {
        String withToken = options.contains("accessToken=") ? options : token(emulator.token()) + options;
        return "loganalytics:" + workspace + "?host=" + emulator.queryUrl() + "&query=RAW(" + query + ")" + withToken;
    }

    private static String token(String token) {
        return "&accessToken=RAW(" + token + ")";
    }

    private static String wireMockUri(ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(anyUrl()).willReturn(response));
        return "loganalytics:" + WIREMOCK_WORKSPACE + "?host=http://127.0.0.1:" + wireMock.port()
               + "&query=RAW(" + HEARTBEATS + ")&accessToken=wiremock-token";
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SSLContextParameters emulatorTls() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(emulator.tokenEndpoint().trustStore());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setTrustManager(factory.getTrustManagers()[0]);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** A memory repository that records every write after the one the test seeds. */
    static final class RecordingStateRepository extends MemoryStateRepository {
        final List<Map.Entry<String, String>> writesAfterSeed = new CopyOnWriteArrayList<>();
        String seededKey;

        void seed(String key, String value) {
            super.setState(key, value);
            seededKey = key;
        }

        @Override
        public void setState(String key, String value) {
            writesAfterSeed.add(Map.entry(key, value));
            super.setState(key, value);
        }
    }
}
