package io.github.camelloganalytics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelloganalytics.error.QuerySyntaxException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.telemetry.Span;
import org.apache.camel.telemetry.SpanContextPropagationExtractor;
import org.apache.camel.telemetry.SpanContextPropagationInjector;
import org.apache.camel.telemetry.SpanLifecycleManager;
import org.apache.camel.telemetry.Tracer;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * camel-telemetry finds {@link LogAnalyticsSpanDecorator} through its ServiceLoader file and the spans of
 * {@code loganalytics} endpoints carry the target, request id, row count and, for a failure, the error code and
 * correlation id. The tracer is camel-telemetry's own; only where spans end up (here a list) is the test's.
 */
class TracingTest extends WireMockTestSupport {

    private static final String ROWS = """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"Computer","type":"string"}],
              "rows":[["vm-1"],["vm-2"]]}]}
            """;
    /** A syntax error as the service answers it, with the correlation id its error bodies carry. */
    private static final String SYNTAX_ERROR = """
            {"error":{"message":"The request had some invalid properties","code":"BadArgumentError",
              "correlationId":"0c7f1c4a-7d2e-4b8b-9b1e-2f3c4d5e6f70",
              "innererror":{"code":"SyntaxError","message":"A recognition error occurred in the query."}}}
            """;

    private final RecordingTracer tracer = new RecordingTracer();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        tracer.init(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:query").to(loganalytics("query=Heartbeat"));
            }
        };
    }

    @Test
    void anAnsweredQueryIsTaggedWithTargetRequestIdAndRows() {
        wireMock.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("x-ms-request-id", "req-42")
                .withBody(ROWS)));

        template.requestBody("direct:query", (Object) null);

        Map<String, String> tags = loganalyticsSpan().tags;
        assertEquals("camel-loganalytics", loganalyticsSpan().component);
        assertEquals("workspace " + WORKSPACE, tags.get(LogAnalyticsSpanDecorator.TARGET));
        assertEquals(WORKSPACE, tags.get(LogAnalyticsSpanDecorator.WORKSPACE_ID));
        assertEquals("req-42", tags.get(LogAnalyticsSpanDecorator.REQUEST_ID));
        assertEquals("2", tags.get(LogAnalyticsSpanDecorator.ROW_COUNT));
        assertFalse(tags.containsKey(LogAnalyticsSpanDecorator.ERROR_CODE));
        assertFalse(loganalyticsSpan().error);
        // no token, in any tag
        assertTrue(tags.values().stream().noneMatch(v -> v.contains(TOKEN)), tags.toString());
    }

    @Test
    void aFailedQueryIsTaggedWithErrorCodeStatusAndCorrelationId() {
        wireMock.stubFor(post(urlPathEqualTo(QUERY_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("x-ms-request-id", "req-43")
                .withBody(SYNTAX_ERROR)));

        Exchange out = template.request("direct:query", e -> e.getMessage().setBody(null));

        assertInstanceOf(QuerySyntaxException.class, out.getException());
        RecordedSpan span = loganalyticsSpan();
        assertTrue(span.error);
        assertEquals("BadArgumentError", span.tags.get(LogAnalyticsSpanDecorator.ERROR_CODE));
        assertEquals("0c7f1c4a-7d2e-4b8b-9b1e-2f3c4d5e6f70", span.tags.get(LogAnalyticsSpanDecorator.CORRELATION_ID));
        assertEquals("req-43", span.tags.get(LogAnalyticsSpanDecorator.REQUEST_ID));
        assertEquals("400", span.tags.get("http.status_code"));
    }

    @Test
    void theWorkspaceHeaderIsTheTarget() {
        String other = "0f0e0d0c-0b0a-4909-8807-060504030201";
        wireMock.stubFor(post(urlPathEqualTo("/v1/workspaces/" + other + "/query")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(ROWS)));

        template.requestBodyAndHeader("direct:query", null, LogAnalyticsConstants.WORKSPACE_ID, other);

        assertEquals("workspace " + other, loganalyticsSpan().tags.get(LogAnalyticsSpanDecorator.TARGET));
    }

    private RecordedSpan loganalyticsSpan() {
        List<RecordedSpan> spans = tracer.spans.stream()
                .filter(s -> "camel-loganalytics".equals(s.component)).toList();
        assertEquals(1, spans.size(), "spans: " + tracer.spans);
        return spans.get(0);
    }

    /** A span as a tracing backend would receive it. */
    static final class RecordedSpan implements Span {
        final String name;
        final Map<String, String> tags = new ConcurrentHashMap<>();
        volatile String component;
        volatile boolean error;

        RecordedSpan(String name) {
            this.name = name;
        }

        @Override
        public void log(Map<String, String> fields) {
        }

        @Override
        public void setTag(String key, String value) {
            tags.put(key, value);
        }

        @Override
        public void setComponent(String component) {
            this.component = component;
        }

        @Override
        public void setError(boolean isError) {
            this.error = isError;
        }

        @Override
        public String toString() {
            return name + "(" + component + ")" + tags;
        }
    }

    /** camel-telemetry's tracer with a backend that keeps the closed spans. */
    static final class RecordingTracer extends Tracer {
        final List<RecordedSpan> spans = new CopyOnWriteArrayList<>();

        @Override
        protected void initTracer() {
            setSpanLifecycleManager(new SpanLifecycleManager() {
                @Override
                public Span create(String spanName, Span parent, SpanContextPropagationExtractor extractor) {
                    return new RecordedSpan(spanName);
                }

                @Override
                public void activate(Span span) {
                }

                @Override
                public void deactivate(Span span) {
                }

                @Override
                public void close(Span span) {
                    spans.add((RecordedSpan) span);
                }

                @Override
                public void inject(Span span, SpanContextPropagationInjector injector, boolean includeTracing) {
                }
            });
        }
    }
}
