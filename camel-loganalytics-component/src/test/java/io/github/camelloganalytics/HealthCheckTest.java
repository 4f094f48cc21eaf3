package io.github.camelloganalytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.github.camelloganalytics.testkit.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.junit.jupiter.api.Test;

import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The readiness check asks the emulator {@code print 1} with a real token, reuses its answer for
 * {@code healthCheckInterval}, and reports the typed exception when the service refuses.
 */
class HealthCheckTest extends EmulatorTestSupport {

    static final String INSUFFICIENT_ACCESS = """
            {"error":{"message":"The provided credentials have insufficient access to perform the requested \
            operation","code":"InsufficientAccessError"}}""";

    static final String OTHER_WORKSPACE = "00000000-0000-4000-8000-000000000001";

    final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T12:00:00Z"));

    @Override
    void configure(CamelContext camelContext) throws Exception {
        camelContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:workspace").to(uri(SAMPLE_WORKSPACE_ID, "tokenProvider=#tokens"));
                from("direct:perMessage").to(uri("", "tokenProvider=#tokens"));
            }
        });
    }

    private HealthCheck.Result readiness(String id) {
        HealthCheckHelper.getHealthCheckRepository(context, "producers", HealthCheckRepository.class)
                .setEnabled(true);
        var results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(result -> result.getCheck().getId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no readiness check " + id + " among "
                                                      + results.stream().map(r -> r.getCheck().getId()).toList()));
    }

    private long probesSent() {
        return emulator.requestLog().entries().stream().map(LoggedRequest::body).filter(b -> b.contains("print 1")).count();
    }

    @Test
    void upThenReusedWithinTheIntervalThenDownWithTheTypedReason() {
        LogAnalyticsEndpoint endpoint = context.getEndpoint(uri(SAMPLE_WORKSPACE_ID, "tokenProvider=#tokens"),
                LogAnalyticsEndpoint.class);
        endpoint.setClock(clock);
        String id = "producer:loganalytics://" + SAMPLE_WORKSPACE_ID;

        HealthCheck.Result up = readiness(id);
        assertEquals(HealthCheck.State.UP, up.getState(), () -> up.getMessage().orElse(""));
        assertTrue(up.getCheck().isReadiness());
        assertEquals(false, up.getCheck().isLiveness());
        assertEquals(1, probesSent());

        emulator.faults().next(1).status(403).body(INSUFFICIENT_ACCESS);
        clock.advance(Duration.ofSeconds(29));
        assertEquals(HealthCheck.State.UP, readiness(id).getState());
        assertEquals(1, probesSent(), "a probe within 30 s reuses the last answer");

        clock.advance(Duration.ofSeconds(1));
        HealthCheck.Result down = readiness(id);
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertEquals(2, emulator.requestLog().size());
        String message = down.getMessage().orElseThrow();
        assertTrue(message.contains("insufficient access"), message);
        Map<String, Object> details = down.getDetails();
        assertEquals("io.github.camelloganalytics.error.AccessDeniedException", details.get("exception"));
        assertEquals(403, details.get(AbstractHealthCheck.SERVICE_STATUS_CODE));
        assertEquals("InsufficientAccessError", details.get(AbstractHealthCheck.SERVICE_ERROR_CODE));
        assertTrue(down.getError().orElseThrow() instanceof io.github.camelloganalytics.error.AccessDeniedException);

        clock.advance(Duration.ofSeconds(30));
        assertEquals(HealthCheck.State.UP, readiness(id).getState(), "the fault was used up: the service answers");
    }

    @Test
    void downWhenNoTokenCanBeHadAndNothingIsSent() throws Exception {
        context.getRegistry().bind("unreachable", (io.github.camelloganalytics.auth.TokenProvider) scope -> {
            throw new java.net.ConnectException("Connection refused: the token endpoint");
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:noToken").to(uri(OTHER_WORKSPACE, "tokenProvider=#unreachable&query=x"));
            }
        });
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                HealthCheckRepository.class);
        producers.setEnabled(true);
        HealthCheck check = producers.stream()
                .filter(c -> c.getId().equals("producer:loganalytics://" + OTHER_WORKSPACE)).findFirst().orElseThrow();
        HealthCheck.Result result = check.call();

        assertEquals(HealthCheck.State.DOWN, result.getState());
        String message = result.getMessage().orElseThrow();
        assertTrue(message.contains("No token for scope https://api.loganalytics.io/.default (ConnectException)")
                   && message.contains("Fix: "), message);
        assertTrue(result.getError().orElseThrow() instanceof io.github.camelloganalytics.error.AuthenticationException);
        assertEquals(0, probesSent());
    }

    @Test
    void anEndpointWithoutATargetOfItsOwnIsUnknown() {
        // Camel leaves UNKNOWN results out of its readiness summary, so the check is asked directly
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                HealthCheckRepository.class);
        producers.setEnabled(true);
        HealthCheck check = producers.stream().filter(c -> c.getId().equals("producer:loganalytics://")).findFirst().orElseThrow();
        HealthCheck.Result result = check.call();
        assertEquals(HealthCheck.State.UNKNOWN, result.getState());
        assertEquals(0, probesSent());
    }
}
