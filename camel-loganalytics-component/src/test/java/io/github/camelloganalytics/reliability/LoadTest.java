package io.github.camelloganalytics.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.LogAnalyticsConstants;
import io.github.camelloganalytics.error.ServiceUnavailableException;
import io.github.camelloganalytics.error.ThrottledException;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight routes, 500 queries each, at once against the emulator, with a seeded plan that makes one query in ten fail
 * first with a 429 (Retry-After 0) or a 503, once or twice: every exchange completes through Camel's redelivery,
 * each exactly once, and connections and threads stay bounded.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class LoadTest {

    private static final int ROUTES = 8;
    private static final int QUERIES_PER_ROUTE = 500;
    private static final long SEED = 20261125L;

    static LogAnalyticsEmulator emulator;

    /** The first attempts of one exchange the plan spoils, and with which status. */
    record PlannedFault(String id, int status, int times) {
    }

    @Test
    void everyExchangeCompletesOnceAfterRedeliveryWithBoundedConnectionsAndThreads() throws Exception {
        List<PlannedFault> plan = plan();
        for (PlannedFault fault : plan) {
            var scripted = emulator.faults().forQuery(query(fault.id())).next(fault.times()).status(fault.status());
            if (fault.status() == 429) {
                scripted.retryAfter("0");
            }
        }
        Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        LongAdder redelivered = new LongAdder();
        LongAdder failed = new LongAdder();

        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(ThrottledException.class, ServiceUnavailableException.class)
                        .maximumRedeliveries(3).redeliveryDelay(1);
                for (int r = 0; r < ROUTES; r++) {
                    from("direct:load-" + r).routeId("load-" + r)
                            .to("loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "?host="
                                + emulator.queryUrl() + "&accessToken=RAW(" + emulator.token() + ")")
                            .process(e -> {
                                List<?> rows = e.getMessage().getBody(List.class);
                                String id = (String) ((Map<?, ?>) rows.get(0)).get("Id");
                                delivered.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                                if (e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) > 0) {
                                    redelivered.increment();
                                }
                            });
                }
            }
        });
        context.start();
        LogAnalyticsComponent component = context.getComponent("loganalytics", LogAnalyticsComponent.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ProducerTemplate template = context.createProducerTemplate();
        template.requestBodyAndHeader("direct:load-0", null, LogAnalyticsConstants.QUERY, query("warm-up"));
        // the warm-up opened a connection and started Camel's lazily created services: count from here
        delivered.clear();
        emulator.requestLog().clear();
        int threadsBefore = threads.getThreadCount();

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger peakLeased = new AtomicInteger();
        AtomicInteger peakThreads = new AtomicInteger(threadsBefore);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peakLeased.accumulateAndGet(component.leasedConnections(), Math::max);
                peakThreads.accumulateAndGet(threads.getThreadCount(), Math::max);
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "load-sampler");
        long started = System.nanoTime();
        sampler.start();
        ExecutorService senders = Executors.newFixedThreadPool(ROUTES);
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < ROUTES; r++) {
            int route = r;
            done.add(senders.submit(() -> {
                for (int n = 0; n < QUERIES_PER_ROUTE; n++) {
                    String query = query(id(route, n));
                    Exchange exchange = template.request("direct:load-" + route,
                            e -> e.getMessage().setHeader(LogAnalyticsConstants.QUERY, query));
                    if (exchange.getException() != null) {
                        failed.increment();
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get(5, TimeUnit.MINUTES);
        }
        senders.shutdown();
        assertTrue(senders.awaitTermination(1, TimeUnit.MINUTES));
        running.set(false);
        sampler.join();
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        int leasedAfter = component.leasedConnections();
        int threadsAfter = threads.getThreadCount();
        context.stop();

        int faultAttempts = plan.stream().mapToInt(PlannedFault::times).sum();
        System.out.printf("LoadTest: %d exchanges in %d ms; plan: %d faulted exchanges (%d x 429, %d x 503),"
                          + " %d failed attempts; requests seen %d; leased connections peak %d, after %d;"
                          + " JVM threads before %d, peak %d, after %d%n",
                ROUTES * QUERIES_PER_ROUTE, elapsedMs, plan.size(),
                plan.stream().filter(f -> f.status() == 429).count(),
                plan.stream().filter(f -> f.status() == 503).count(), faultAttempts,
                emulator.requestLog().size(), peakLeased.get(), leasedAfter, threadsBefore, peakThreads.get(),
                threadsAfter);

        assertEquals(0, failed.sum(), "every exchange completed");
        Set<String> expected = ConcurrentHashMap.newKeySet();
        for (int r = 0; r < ROUTES; r++) {
            for (int n = 0; n < QUERIES_PER_ROUTE; n++) {
                expected.add(id(r, n));
            }
        }
        assertEquals(expected, delivered.keySet(), "none lost");
        assertTrue(delivered.values().stream().allMatch(c -> c.get() == 1), "none duplicated");
        assertEquals(plan.size(), redelivered.sum(), "exactly the planned exchanges needed redelivery");
        assertEquals(ROUTES * QUERIES_PER_ROUTE + faultAttempts, emulator.requestLog().size(),
                "each planned failure asked once more, nothing else");
        assertEquals(List.of(), emulator.faults().pending(), "every planned fault was met");
        assertThrottledAsPlanned(plan);
        assertTrue(peakLeased.get() <= ROUTES, "at most one connection per route: " + peakLeased.get());
        assertEquals(0, leasedAfter, "every connection returned");
        // the emulator shares the JVM: its cached pool keeps about one idle thread per concurrent request for a
        // minute, so the bound is a few threads per route, far below one per query or per redelivery
        assertTrue(peakThreads.get() - threadsBefore <= 3 * ROUTES,
                "threads bounded: " + threadsBefore + " before, " + peakThreads.get() + " at peak");
        assertTrue(threadsAfter - threadsBefore <= 2 * ROUTES,
                "no thread per query left behind: " + threadsBefore + " before, " + threadsAfter + " after");
    }

    /** Seeded: one exchange in ten fails first, half with 429 and half with 503, a fifth of them twice. */
    private static List<PlannedFault> plan() {
        Random random = new Random(SEED);
        List<PlannedFault> plan = new ArrayList<>();
        for (int r = 0; r < ROUTES; r++) {
            for (int n = 0; n < QUERIES_PER_ROUTE; n++) {
                if (random.nextInt(10) == 0) {
                    plan.add(new PlannedFault(id(r, n), random.nextBoolean() ? 429 : 503,
                            random.nextInt(5) == 0 ? 2 : 1));
                }
            }
        }
        return plan;
    }

    private static void assertThrottledAsPlanned(List<PlannedFault> plan) {
        long throttledAnswers = emulator.requestLog().entries().stream().filter(r -> r.status() == 429).count();
        assertEquals(plan.stream().filter(f -> f.status() == 429).mapToInt(PlannedFault::times).sum(),
                throttledAnswers);
    }

    private static String id(int route, int n) {
        return "load-" + route + "-" + n;
    }

    private static String query(String id) {
        return "print Id = '" + id + "'";
    }
}
