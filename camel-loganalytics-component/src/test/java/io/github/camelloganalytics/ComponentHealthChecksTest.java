package io.github.camelloganalytics;

import java.time.Duration;
import java.util.List;

import io.github.camelloganalytics.error.QueryTimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health checks the Camel way (issue 22 item 6, issue 14's liveness): producers register their check while they run,
 * consumers report what their polls met, the component switches each kind, and a probe is bounded by its own short
 * timeout.
 */
class ComponentHealthChecksTest extends ConsumerTestSupport {

    private static final String QUERY = TABLE + " | project Seq";

    private static List<String> producerCheckIds(CamelContext context) {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                HealthCheckRepository.class);
        producers.setEnabled(true);
        return producers.stream().map(HealthCheck::getId).filter(id -> id.contains("loganalytics")).toList();
    }

    @Test
    void aConsumerOnlyEndpointHasNoProducerCheckAndAProducerHasOneWhileItRuns() throws Exception {
        CamelContext context = start(incremental(QUERY, ""));
        assertEquals(List.of(), producerCheckIds(context), "the consumer's endpoint registers no producer check");

        String to = uri(QUERY, "&timespan=PT1H");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ask").routeId("ask").to(to);
            }
        });
        assertEquals(List.of("producer:loganalytics://" + workspace.id()), producerCheckIds(context));

        context.getRouteController().stopRoute("ask");
        context.removeRoute("ask");
        assertEquals(List.of(), producerCheckIds(context), "a stopped producer's check is gone");
    }

    @Test
    void theComponentSwitchesEachKindOff() throws Exception {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        LogAnalyticsComponent component = new LogAnalyticsComponent();
        component.setHealthCheckProducerEnabled(false);
        component.setHealthCheckConsumerEnabled(false);
        context.addComponent("loganalytics", component);
        String from = incremental(QUERY, "");
        String to = uri(QUERY, "&timespan=PT1H");
        context.getEndpoint(from, LogAnalyticsEndpoint.class).setClock(clock);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("export").to("mock:out");
                from("direct:ask").routeId("ask").to(to);
            }
        });
        context.start();

        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                HealthCheckRepository.class);
        producers.setEnabled(true);
        assertTrue(producers.stream().filter(c -> c.getId().contains("loganalytics")).noneMatch(HealthCheck::isEnabled));
        assertFalse(consumer(context).getHealthCheck().isEnabled());
    }

    @Test
    void theConsumerIsDownWhileItCannotQueryOrCommitAndUpOnceItCommits() throws Exception {
        for (int seq = 0; seq < 30; seq++) {
            addEvent(seq, T0.plus(Duration.ofMinutes(seq)), Duration.ZERO);
        }
        ConsumerRegressionTest.FlakyStateRepository repository = new ConsumerRegressionTest.FlakyStateRepository();
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        context.getRegistry().bind("flaky", repository);
        String uri = incremental(QUERY, "&stateRepository=#flaky");
        context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(clock);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("export").process(received::add);
            }
        });
        context.start();
        LogAnalyticsConsumer consumer = consumer(context);
        assertEquals("loganalytics-consumer-export", consumer.getHealthCheck().getId());
        // where Camel's readiness looks: the consumers repository, whose check for the route calls the consumer's
        HealthCheckRepository consumers = HealthCheckHelper.getHealthCheckRepository(context, "consumers",
                HealthCheckRepository.class);
        consumers.setEnabled(true);
        HealthCheck check = consumers.stream().filter(c -> c.getId().equals("consumer:export"))
                .findFirst().orElseThrow(() -> new AssertionError("no consumer check in the consumers repository"));
        assertEquals(HealthCheck.State.UP, check.call().getState(), "a consumer that has met no failure yet");

        clock.set(T0.plus(Duration.ofMinutes(15)));
        emulator.faults().next(1).status(503);
        assertThrows(Exception.class, consumer::poll);
        HealthCheck.Result queryDown = check.call();
        assertEquals(HealthCheck.State.DOWN, queryDown.getState());
        assertEquals("Query", queryDown.getDetails().get("failed.step"));
        assertEquals(503, queryDown.getDetails().get(org.apache.camel.impl.health.AbstractHealthCheck.SERVICE_STATUS_CODE));

        repository.failWritesOf = T0.plus(Duration.ofMinutes(10)).toString();
        repository.failWrites.set(2);
        consumer.poll();                                    // delivered; its commit refused
        HealthCheck.Result writeDown = check.call();
        assertEquals(HealthCheck.State.DOWN, writeDown.getState());
        assertEquals("Storing the watermark", writeDown.getDetails().get("failed.step"));
        assertThrows(IllegalStateException.class, consumer::poll);   // the write, tried again, refused again
        assertEquals(HealthCheck.State.DOWN, check.call().getState());

        consumer.poll();                                    // the database is back: the pending end is stored
        HealthCheck.Result up = check.call();
        assertEquals(HealthCheck.State.UP, up.getState(), () -> up.getMessage().orElse(""));
        assertEquals(T0.plus(Duration.ofMinutes(10)).toString(), up.getDetails().get("watermark"));
        assertEquals(2, emulator.requestLog().size(), "the delivered window was not asked again");

        repository.failReads.set(1);
        clock.set(T0.plus(Duration.ofMinutes(25)));
        assertThrows(IllegalStateException.class, consumer::poll);   // the watermark cannot be read
        HealthCheck.Result readDown = check.call();
        assertEquals(HealthCheck.State.DOWN, readDown.getState());
        assertEquals("Reading the watermark", readDown.getDetails().get("failed.step"));
        assertEquals(2, emulator.requestLog().size(), "nothing is asked without the watermark");

        consumer.poll();
        assertEquals(HealthCheck.State.UP, check.call().getState());
        assertEquals(T0.plus(Duration.ofMinutes(20)).toString(), check.call().getDetails().get("watermark"));
    }

    @Test
    void aProbeGivesUpAfterItsOwnShortTimeoutNotTheQueriesThreeMinutes() throws Exception {
        String to = uri(QUERY, "&timespan=PT1H&healthCheckInterval=0s");
        CamelContext context = start(incremental(QUERY, ""), new RouteBuilder() {
            @Override
            public void configure() {
                from(incremental(QUERY, "")).routeId("export").to("mock:out");
                from("direct:ask").routeId("ask").to(to);
            }
        });
        emulator.faults().forQuery(LogAnalyticsHealthCheck.PROBE_QUERY).next(1).delay(Duration.ofSeconds(20));
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers",
                HealthCheckRepository.class);
        producers.setEnabled(true);
        HealthCheck check = producers.stream().filter(c -> c.getId().contains("loganalytics")).findFirst()
                .orElseThrow();

        long started = System.nanoTime();
        HealthCheck.Result result = check.call();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        assertEquals(HealthCheck.State.DOWN, result.getState());
        assertInstanceOf(QueryTimeoutException.class, result.getError().orElseThrow());
        // bounded by the check's 10 s, far from the default responseTimeout of 3 minutes; generous for a loaded host
        assertTrue(seconds < 35, "the probe took " + seconds + " s");
    }
}
