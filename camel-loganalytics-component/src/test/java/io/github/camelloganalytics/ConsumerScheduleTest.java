package io.github.camelloganalytics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelloganalytics.state.JdbcStateRepository;
import io.github.camelloganalytics.testkit.Fault;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import io.github.camelloganalytics.testkit.Workspace;
import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The incremental consumer's guarantees, checked on random schedules (issue 14): the real consumer against the
 * emulator, under a clock the schedule moves, through record arrivals (late ones too: ingestion long after
 * {@code TimeGenerated}), query faults (429, 500, 503, 504, dropped and truncated bodies, malformed bodies, partial
 * results), route failures on chosen rows, state-repository read and write failures, restarts in a new CamelContext
 * on the same repository, and changes of the node that polls (one route stopped, another CamelContext's started).
 * After each schedule the faults stop and the consumer must catch up by itself; then, against the records the
 * emulator holds:
 * <ul>
 * <li>at least once: every record ingested at or after the first stored watermark and before the final one was
 * completed by the route;</li>
 * <li>every watermark written covers only completed records, and no watermark written is earlier than the one before
 * it;</li>
 * <li>the first watermark stored is the {@code startFrom} of a consumer's start, and no window starts before it;</li>
 * <li>liveness: within 40 polls of the faults stopping, the watermark reaches now minus {@code ingestionDelay}.</li>
 * </ul>
 * The default run is {@value #DEFAULT_SCHEDULES} schedules over a memory repository and {@value #DEFAULT_JDBC_SCHEDULES}
 * over {@code JdbcStateRepository} on an embedded PostgreSQL; {@code -Dconsumer.schedules=N} runs N of each, and
 * {@code -Dconsumer.seed=S} replays a run. The seed is printed. A failing schedule is shrunk (steps removed while it
 * still fails) and printed.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class ConsumerScheduleTest {

    static final int DEFAULT_SCHEDULES = 300;
    static final int DEFAULT_JDBC_SCHEDULES = 60;
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration START_FROM = Duration.ofMinutes(30);
    private static final String QUERY = "Events_CL | where ingestion_time() >= _windowStart"
                                        + " and ingestion_time() < _windowEnd | project Seq";
    private static final int CATCH_UP_POLLS = 40;

    static LogAnalyticsEmulator emulator;
    static EmbeddedPostgres postgres;
    /** The two nodes: CamelContexts that outlive schedules, since starting one costs more than a schedule. */
    static final CamelContext[] NODES = new CamelContext[2];
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final AtomicInteger ROUTES = new AtomicInteger();

    @BeforeAll
    static void startDatabaseAndNodes() throws Exception {
        postgres = EmbeddedPostgres.start();
        for (int i = 0; i < NODES.length; i++) {
            NODES[i] = new DefaultCamelContext();
            // the failures a schedule provokes are counted by the model, not logged by the thousand
            NODES[i].getRegistry().bind("quiet", new org.apache.camel.spi.ExceptionHandler() {
                @Override
                public void handleException(Throwable exception) {
                }

                @Override
                public void handleException(String message, Throwable exception) {
                }

                @Override
                public void handleException(String message, org.apache.camel.Exchange exchange, Throwable exception) {
                }
            });
            NODES[i].start();
        }
    }

    @AfterAll
    static void stopDatabaseAndNodes() throws Exception {
        for (CamelContext node : NODES) {
            node.stop();
        }
        postgres.close();
    }

    @Test
    void overAMemoryRepository() {
        run("memory", Integer.getInteger("consumer.schedules", DEFAULT_SCHEDULES), false);
    }

    @Test
    void overJdbcStateRepositoryOnPostgreSql() {
        run("jdbc", Integer.getInteger("consumer.schedules", DEFAULT_JDBC_SCHEDULES), true);
    }

    private void run(String store, int schedules, boolean jdbc) {
        long seed = Long.getLong("consumer.seed", System.nanoTime());
        System.out.printf("ConsumerScheduleTest[%s]: %d schedules, seed %d (replay with -Dconsumer.seed=%d)%n", store,
                schedules, seed, seed);
        Random random = new Random(seed);
        long started = System.nanoTime();
        int steps = 0;
        for (int i = 0; i < schedules; i++) {
            Schedule schedule = Schedule.generate(random);
            steps += schedule.steps().size();
            String failure = check(schedule, jdbc);
            if (failure != null) {
                Schedule smallest = shrink(schedule, jdbc);
                fail("Schedule " + i + " of seed " + seed + " (" + store + ") broke a guarantee: " + failure
                     + "\nshrunk to " + smallest.steps().size() + " steps: " + smallest + "\nfailure: "
                     + check(smallest, jdbc));
            }
        }
        System.out.printf("ConsumerScheduleTest[%s]: %d schedules, %d steps, seed %d: passed in %d s%n", store,
                schedules, steps, seed, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /** Removes steps one at a time while the schedule still fails, to show the smallest failing one found. */
    private Schedule shrink(Schedule failing, boolean jdbc) {
        Schedule current = failing;
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (int i = 0; i < current.steps().size(); i++) {
                List<Step> fewer = new ArrayList<>(current.steps());
                fewer.remove(i);
                Schedule candidate = current.withSteps(fewer);
                if (check(candidate, jdbc) != null) {
                    current = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return current;
    }

    /** Runs a schedule; returns what went wrong, or null. */
    private String check(Schedule schedule, boolean jdbc) {
        try (Run run = new Run(schedule, jdbc)) {
            long t = System.nanoTime();
            String result = run.execute();
            if (Boolean.getBoolean("consumer.trace")) {
                System.out.printf("schedule: %d steps, %d queries, %d ms (polls %d ms, routes %d ms)%n",
                        schedule.steps().size(), emulator.requestLog().size(), (System.nanoTime() - t) / 1_000_000,
                        run.pollNanos / 1_000_000, run.routeNanos / 1_000_000);
            }
            return result;
        } catch (Exception e) {
            return "the run itself failed: " + e;
        }
    }

    // ---- the schedule ----

    /** One thing that happens. */
    sealed interface Step permits Advance, Poll, QueryFault, FailRow, FailReads, FailWrites, Restart, LeaderChange {
    }

    /** Time passes; records whose ingestion time has come appear in the workspace. */
    record Advance(int seconds) implements Step {
    }

    record Poll() implements Step {
    }

    /** The next query meets this fault. */
    record QueryFault(String kind) implements Step {
    }

    /** The route fails the next time it meets this record. */
    record FailRow(long seq) implements Step {
    }

    /** The next n reads of the repository fail. */
    record FailReads(int n) implements Step {
    }

    /** The next n writes of the repository fail. */
    record FailWrites(int n) implements Step {
    }

    /** The node's CamelContext stops; a new one starts on the same repository. */
    record Restart() implements Step {
    }

    /** The polling node's route stops and the other node's starts. */
    record LeaderChange() implements Step {
    }

    /** A record: its sequence number, when it was generated and when it reached the workspace. */
    record Arrival(long seq, Instant generated, Instant ingested) {
    }

    record Schedule(boolean splitRows, Duration maxWindow, Duration ingestionDelay, int rowLimit,
                    List<Arrival> arrivals, List<Step> steps) {

        static final String[] FAULTS = { "429", "500", "503", "504", "drop", "truncated", "malformed", "partial" };

        static Schedule generate(Random random) {
            boolean splitRows = random.nextBoolean();
            Duration maxWindow = Duration.ofMinutes(2 + random.nextInt(29));
            Duration ingestionDelay = Duration.ofSeconds(random.nextInt(4) * 60L);
            int rowLimit = random.nextInt(4) == 0 ? 4 + random.nextInt(6) : 500_000;
            // records ingested from the first window's start to an hour after T0, at most one a second
            List<Arrival> arrivals = new ArrayList<>();
            Set<Long> seconds = new HashSet<>();
            int count = random.nextInt(40);
            for (long seq = 0; seq < count; seq++) {
                long second = random.nextInt((int) (START_FROM.toSeconds() + 3600));
                if (!seconds.add(second)) {
                    continue;
                }
                Instant ingested = T0.minus(START_FROM).plusSeconds(second);
                // mostly prompt; one in four later than any ingestionDelay here, up to 3 hours
                long lag = random.nextInt(4) == 0 ? 600 + random.nextInt(3 * 3600) : random.nextInt(240);
                arrivals.add(new Arrival(seq, ingested.minusSeconds(lag), ingested));
            }
            List<Step> steps = new ArrayList<>();
            int n = 10 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                int dice = random.nextInt(100);
                if (dice < 35) {
                    steps.add(new Advance(30 + random.nextInt(600)));
                } else if (dice < 60) {
                    steps.add(new Poll());
                } else if (dice < 72) {
                    steps.add(new QueryFault(FAULTS[random.nextInt(FAULTS.length)]));
                } else if (dice < 80 && count > 0) {
                    steps.add(new FailRow(random.nextInt(count)));
                } else if (dice < 85) {
                    steps.add(new FailReads(1 + random.nextInt(3)));
                } else if (dice < 91) {
                    steps.add(new FailWrites(1 + random.nextInt(3)));
                } else if (dice < 95) {
                    steps.add(new Restart());
                } else {
                    steps.add(new LeaderChange());
                }
            }
            return new Schedule(splitRows, maxWindow, ingestionDelay, rowLimit, arrivals, steps);
        }

        Schedule withSteps(List<Step> fewer) {
            return new Schedule(splitRows, maxWindow, ingestionDelay, rowLimit, arrivals, fewer);
        }
    }

    // ---- running one ----

    /** One schedule against a fresh workspace and repository; the model checks each write as it happens. */
    private static final class Run implements AutoCloseable {

        final Schedule schedule;
        final SimClock clock = new SimClock(T0);
        final Table events;
        final String workspaceId;
        final String table = "schedule_" + TABLES.incrementAndGet();
        final boolean jdbc;
        final Set<Long> completed = ConcurrentHashMap.newKeySet();
        final Set<Long> failOnce = ConcurrentHashMap.newKeySet();
        final AtomicInteger failReads = new AtomicInteger();
        final AtomicInteger failWrites = new AtomicInteger();
        final List<Instant> writes = new ArrayList<>();
        final List<Instant> consumerStarts = new ArrayList<>();
        final MemoryStateRepository memory = new MemoryStateRepository();
        final List<Arrival> pending;
        final List<Arrival> present = new ArrayList<>();
        /** The route on each node for this schedule, or null before it is added there. */
        final String[] routes = new String[2];
        int leader;
        String violation;
        StateRepository<String, String> reader;

        Run(Schedule schedule, boolean jdbc) {
            this.schedule = schedule;
            this.jdbc = jdbc;
            this.pending = new ArrayList<>(schedule.arrivals());
            Workspace workspace = emulator.workspace(UUID.randomUUID().toString());
            workspaceId = workspace.id();
            events = workspace.createTable("Events_CL", Column.of("TimeGenerated", ColumnType.DATETIME),
                    Column.of("Seq", ColumnType.LONG));
            emulator.faults().clear();
            emulator.limits().rowLimit(schedule.rowLimit());
        }

        String execute() throws Exception {
            arrive();
            addRoute(0);
            for (Step step : schedule.steps()) {
                apply(step);
                if (violation != null) {
                    return violation;
                }
            }
            // the faults stop: the consumer must catch up by itself
            emulator.faults().clear();
            failOnce.clear();
            failReads.set(0);
            failWrites.set(0);
            Instant lastArrival = T0.plus(Duration.ofHours(1));
            clock.advance(Duration.ofMinutes(30));
            if (clock.instant().isBefore(lastArrival.plus(schedule.ingestionDelay()).plusSeconds(60))) {
                clock.set(lastArrival.plus(schedule.ingestionDelay()).plusSeconds(60));
            }
            arrive();
            Instant target = clock.instant().minus(schedule.ingestionDelay());
            Instant watermark = null;
            for (int poll = 0; poll < CATCH_UP_POLLS; poll++) {
                poll();
                watermark = stored();
                if (violation != null) {
                    return violation;
                }
                if (watermark != null && !watermark.isBefore(target.minusSeconds(1))) {
                    break;
                }
            }
            if (watermark == null || watermark.isBefore(target.minusSeconds(1))) {
                return "no progress once the faults stopped: watermark " + watermark + " after " + CATCH_UP_POLLS
                       + " polls, expected " + target;
            }
            Instant first = writes.isEmpty() ? null : writes.get(0);
            if (first == null || consumerStarts.stream().noneMatch(s -> s.minus(START_FROM).equals(first))) {
                return "the first stored watermark " + first + " is no consumer's startFrom (starts at "
                       + consumerStarts + ")";
            }
            for (var request : emulator.requestLog().entries()) {
                String body = request.body();
                int at = body.indexOf("_windowStart = datetime(");
                if (at >= 0 && request.path().contains(workspaceId)) {
                    Instant start = Instant.parse(body.substring(at + 24, body.indexOf(')', at)));
                    if (start.isBefore(first)) {
                        return "a window starts at " + start + ", before the first stored watermark " + first;
                    }
                }
            }
            for (Arrival arrival : schedule.arrivals()) {
                boolean due = !arrival.ingested().isBefore(first) && arrival.ingested().isBefore(watermark);
                if (due && !completed.contains(arrival.seq())) {
                    return "record " + arrival + " was never completed by the route (watermark " + watermark + ")";
                }
            }
            return null;
        }

        void apply(Step step) throws Exception {
            if (step instanceof Advance advance) {
                clock.advance(Duration.ofSeconds(advance.seconds()));
                arrive();
            } else if (step instanceof Poll) {
                poll();
            } else if (step instanceof QueryFault fault) {
                script(emulator.faults().next(1), fault.kind());
            } else if (step instanceof FailRow row) {
                failOnce.add(row.seq());
            } else if (step instanceof FailReads reads) {
                failReads.set(reads.n());
            } else if (step instanceof FailWrites writes) {
                failWrites.set(writes.n());
            } else if (step instanceof Restart) {
                removeRoute(leader);
                addRoute(leader);
            } else if (step instanceof LeaderChange) {
                NODES[leader].getRouteController().stopRoute(routes[leader]);
                leader = 1 - leader;
                if (routes[leader] == null) {
                    addRoute(leader);
                } else {
                    consumerStarts.add(clock.instant());
                    NODES[leader].getRouteController().startRoute(routes[leader]);
                }
            }
        }

        static void script(Fault fault, String kind) {
            switch (kind) {
                case "429" -> fault.status(429).retryAfter("20");
                case "drop" -> fault.dropConnectionMidBody();
                case "truncated" -> fault.truncatedBody();
                case "malformed" -> fault.malformedBody();
                case "partial" -> fault.partialResult();
                default -> fault.status(Integer.parseInt(kind));
            }
        }

        /** Records whose ingestion time has come appear in the workspace, as the service shows them. */
        void arrive() {
            for (var it = pending.iterator(); it.hasNext();) {
                Arrival arrival = it.next();
                if (!arrival.ingested().isAfter(clock.instant())) {
                    events.addRow(arrival.generated(), arrival.seq()).ingestedAt(arrival.ingested());
                    present.add(arrival);
                    it.remove();
                }
            }
        }

        long pollNanos;
        long routeNanos;

        void poll() {
            long t = System.nanoTime();
            try {
                ((LogAnalyticsConsumer) NODES[leader].getRoute(routes[leader]).getConsumer()).poll();
            } catch (Exception expected) {
                // a failed poll is Camel's to log; what matters is what the consumer does next
            }
            pollNanos += System.nanoTime() - t;
        }

        Instant stored() {
            if (reader == null) {
                reader = repository(false);
            }
            String value = reader.getState(key());
            return value != null ? Instant.parse(value) : null;
        }

        String key() {
            return "export-" + workspaceId + "|loganalytics://" + workspaceId;
        }

        /** The shared store, behind the schedule's failures; each node gets its own instance of it. */
        StateRepository<String, String> repository(boolean faulty) {
            StateRepository<String, String> store = jdbc
                    ? new JdbcStateRepository(postgres.getPostgresDatabase(), table) : memory;
            if (jdbc) {
                ((JdbcStateRepository) store).start();
            }
            return faulty ? new Checked(store) : store;
        }

        /**
         * A new route, endpoint and consumer on the node, as a restart gives: nothing of an earlier consumer is kept
         * in memory, only the repository holds what was committed. The route id is the same on both nodes, as under
         * {@code master:}, so both use the same watermark key.
         */
        void addRoute(int node) throws Exception {
            long t = System.nanoTime();
            CamelContext context = NODES[node];
            String beans = "watermarks" + ROUTES.incrementAndGet();
            context.getRegistry().bind(beans, repository(true));
            String uri = "loganalytics:" + workspaceId + "?host=" + emulator.queryUrl() + "&accessToken=RAW("
                         + emulator.token() + ")&query=RAW(" + QUERY + ")&incremental=true&lookback=PT4H"
                         + "&startFrom=" + START_FROM + "&maxWindow=" + schedule.maxWindow() + "&ingestionDelay="
                         + schedule.ingestionDelay() + "&splitRows=" + schedule.splitRows()
                         + "&stateRepository=#" + beans + "&exceptionHandler=#quiet&startScheduler=false&minQueryInterval=0s";
            context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(clock);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the schedule's route failures are expected: the consumer's callback still sees each one
                    errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false));
                    from(uri).routeId("export-" + workspaceId).process(exchange -> {
                        Object body = exchange.getMessage().getBody();
                        List<Long> seqs = new ArrayList<>();
                        if (body instanceof Map<?, ?> row) {
                            seqs.add((Long) row.get("Seq"));
                        } else {
                            for (Object row : (List<?>) body) {
                                seqs.add((Long) ((Map<?, ?>) row).get("Seq"));
                            }
                        }
                        for (Long seq : seqs) {
                            if (failOnce.remove(seq)) {
                                throw new IllegalStateException("the route refused record " + seq);
                            }
                        }
                        completed.addAll(seqs);
                    });
                }
            });
            consumerStarts.add(clock.instant());
            routes[node] = "export-" + workspaceId;
            routeNanos += System.nanoTime() - t;
        }

        void removeRoute(int node) throws Exception {
            CamelContext context = NODES[node];
            var route = context.getRoute(routes[node]);
            var endpoint = route.getEndpoint();
            context.getRouteController().stopRoute(routes[node]);
            context.removeRoute(routes[node]);
            context.removeEndpoint(endpoint);
            routes[node] = null;
        }

        /** Fails reads and writes as scheduled, and checks every write against the model as it is made. */
        final class Checked extends ServiceSupport implements StateRepository<String, String> {
            private final StateRepository<String, String> store;

            Checked(StateRepository<String, String> store) {
                this.store = store;
            }

            @Override
            public String getState(String key) {
                if (failReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("the state store is unreachable (read)");
                }
                return store.getState(key);
            }

            @Override
            public void setState(String key, String value) {
                if (failWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("the state store is unreachable (write)");
                }
                Instant watermark = Instant.parse(value);
                if (!writes.isEmpty() && watermark.isBefore(writes.get(writes.size() - 1))) {
                    violation = "the watermark moved back from " + writes.get(writes.size() - 1) + " to " + value;
                }
                if (!writes.isEmpty()) {
                    for (Arrival arrival : present) {
                        if (!arrival.ingested().isBefore(writes.get(0)) && arrival.ingested().isBefore(watermark)
                            && !completed.contains(arrival.seq())) {
                            violation = "the watermark moved to " + value + " past record " + arrival
                                        + ", which the route had not completed";
                        }
                    }
                }
                writes.add(watermark);
                store.setState(key, value);
            }
        }

        @Override
        public void close() {
            for (int node = 0; node < NODES.length; node++) {
                if (routes[node] != null) {
                    try {
                        removeRoute(node);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            emulator.faults().clear();
            emulator.limits().rowLimit(500_000);
            emulator.removeWorkspace(workspaceId);
            emulator.requestLog().clear();
        }
    }

    /** The schedule's clock. */
    static final class SimClock extends Clock {
        private volatile Instant now;

        SimClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
