package io.github.camelloganalytics;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelloganalytics.state.ConditionalStateRepository;
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
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.master.MasterConsumer;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.apache.curator.test.TestingServer;
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
 * A third set of schedules runs the route under {@code master:} on nodes of a real ZooKeeper cluster (Camel's
 * {@code ZooKeeperClusterService} against curator-test's {@code TestingServer}), each node a CamelContext with its own
 * {@code JdbcStateRepository} on the shared PostgreSQL; there a leader change is real: the leader leaves the cluster
 * (its cluster service stops, closing its ZooKeeper session) between steps, while a chosen record is in its route
 * (mid-window) or while it writes the watermark (mid-commit), a new node joins, and the new leader may poll at once,
 * while the old one is still inside its window. After each schedule the faults stop and the consumer must catch up by itself; then, against the records the
 * emulator holds:
 * <ul>
 * <li>at least once: every record ingested at or after the first stored watermark and before the final one was
 * completed by the route;</li>
 * <li>every watermark written covers only completed records, and no watermark written is earlier than the one before
 * it;</li>
 * <li>the first watermark stored is the {@code startFrom} of a consumer's start, and no window starts before it;</li>
 * <li>liveness: within 40 polls of the faults stopping, the watermark reaches now minus {@code ingestionDelay}.</li>
 * </ul>
 * The default run is {@value #DEFAULT_SCHEDULES} schedules over a memory repository, {@value #DEFAULT_JDBC_SCHEDULES}
 * over {@code JdbcStateRepository} on an embedded PostgreSQL and {@value #DEFAULT_MASTER_SCHEDULES} under
 * {@code master:}; {@code -Dconsumer.schedules=N} runs N of each, and
 * {@code -Dconsumer.seed=S} replays a run. The seed is printed. A failing schedule is shrunk (steps removed while it
 * still fails) and printed.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
class ConsumerScheduleTest {

    static final int DEFAULT_SCHEDULES = 300;
    static final int DEFAULT_JDBC_SCHEDULES = 25;
    static final int DEFAULT_MASTER_SCHEDULES = 10;
    /** Bounds every wait for ZooKeeper's election, so a lost leader fails the schedule rather than hanging it. */
    private static final long ELECTION_WAIT_MILLIS = 30_000;
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Duration START_FROM = Duration.ofMinutes(30);
    private static final String QUERY = "Events_CL | where ingestion_time() >= _windowStart"
                                        + " and ingestion_time() < _windowEnd | project Seq";
    private static final int CATCH_UP_POLLS = 40;

    static LogAnalyticsEmulator emulator;
    static EmbeddedPostgres postgres;
    static TestingServer zookeeper;
    /** The two nodes: CamelContexts that outlive schedules, since starting one costs more than a schedule. */
    static final CamelContext[] NODES = new CamelContext[2];
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final AtomicInteger ROUTES = new AtomicInteger();
    private static final AtomicInteger CLUSTER_NODES = new AtomicInteger();
    /** What the leader changes of a run met: each moment's count, and the old leaders' writes the store refused. */
    private static final Map<Moment, AtomicInteger> LOSSES = new java.util.EnumMap<>(Moment.class);
    private static final AtomicInteger STALE_WRITES_REFUSED = new AtomicInteger();
    /** The failures a schedule provokes are counted by the model, not logged by the thousand. */
    private static final org.apache.camel.spi.ExceptionHandler QUIET = new org.apache.camel.spi.ExceptionHandler() {
        @Override
        public void handleException(Throwable exception) {
        }

        @Override
        public void handleException(String message, Throwable exception) {
        }

        @Override
        public void handleException(String message, org.apache.camel.Exchange exchange, Throwable exception) {
        }
    };

    @BeforeAll
    static void startServersAndNodes() throws Exception {
        postgres = EmbeddedPostgres.start();
        zookeeper = new TestingServer(true);
        for (int i = 0; i < NODES.length; i++) {
            NODES[i] = new DefaultCamelContext();
            NODES[i].getRegistry().bind("quiet", QUIET);
            NODES[i].start();
        }
    }

    @AfterAll
    static void stopServersAndNodes() throws Exception {
        for (CamelContext node : NODES) {
            node.stop();
        }
        zookeeper.close();
        postgres.close();
    }

    /** Where a schedule runs: the store, and whether the nodes elect their leader under {@code master:}. */
    enum Mode {
        MEMORY,
        JDBC,
        MASTER;

        boolean jdbc() {
            return this != MEMORY;
        }
    }

    @Test
    void overAMemoryRepository() {
        run(Mode.MEMORY, Integer.getInteger("consumer.schedules", DEFAULT_SCHEDULES));
    }

    @Test
    void overJdbcStateRepositoryOnPostgreSql() {
        run(Mode.JDBC, Integer.getInteger("consumer.schedules", DEFAULT_JDBC_SCHEDULES));
    }

    @Test
    void throughLeaderChangesUnderMasterWithZooKeeper() {
        run(Mode.MASTER, Integer.getInteger("consumer.schedules", DEFAULT_MASTER_SCHEDULES));
    }

    private void run(Mode mode, int schedules) {
        String store = mode.name().toLowerCase(java.util.Locale.ROOT);
        long seed = Long.getLong("consumer.seed", System.nanoTime());
        System.out.printf("ConsumerScheduleTest[%s]: %d schedules, seed %d (replay with -Dconsumer.seed=%d)%n", store,
                schedules, seed, seed);
        Random random = new Random(seed);
        for (Moment moment : Moment.values()) {
            LOSSES.put(moment, new AtomicInteger());
        }
        STALE_WRITES_REFUSED.set(0);
        long started = System.nanoTime();
        int steps = 0;
        int leaderChanges = 0;
        for (int i = 0; i < schedules; i++) {
            Schedule schedule = Schedule.generate(random, mode == Mode.MASTER);
            steps += schedule.steps().size();
            leaderChanges += (int) schedule.steps().stream().filter(LeaderLoss.class::isInstance).count();
            String failure = check(schedule, mode);
            if (failure != null) {
                Schedule smallest = shrink(schedule, mode);
                fail("Schedule " + i + " of seed " + seed + " (" + store + ") broke a guarantee: " + failure
                     + "\nshrunk to " + smallest.steps().size() + " steps: " + smallest + "\nfailure: "
                     + check(smallest, mode));
            }
        }
        System.out.printf("ConsumerScheduleTest[%s]: %d schedules, %d steps, seed %d: passed in %d s%n", store,
                schedules, steps, seed, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        if (mode == Mode.MASTER) {
            System.out.printf("ConsumerScheduleTest[%s]: %d leader losses scheduled, %s taken; %d writes of a node that"
                              + " had lost the lead refused by the store%n", store, leaderChanges, LOSSES,
                    STALE_WRITES_REFUSED.get());
        }
    }

    /**
     * Removes steps one at a time while the schedule still fails, to show the smallest failing one found; for at most
     * five minutes, since a schedule with leader changes takes seconds.
     */
    private Schedule shrink(Schedule failing, Mode mode) {
        Schedule current = failing;
        boolean smaller = true;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (smaller && System.nanoTime() < deadline) {
            smaller = false;
            for (int i = 0; i < current.steps().size(); i++) {
                List<Step> fewer = new ArrayList<>(current.steps());
                fewer.remove(i);
                Schedule candidate = current.withSteps(fewer);
                if (check(candidate, mode) != null) {
                    current = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return current;
    }

    /** Runs a schedule; returns what went wrong, or null. */
    private String check(Schedule schedule, Mode mode) {
        try (Run run = new Run(schedule, mode)) {
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
    sealed interface Step
            permits Advance, Poll, QueryFault, FailRow, FailReads, FailWrites, Restart, LeaderChange, LeaderLoss {
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

    /** When a leader under {@code master:} leaves the cluster. */
    enum Moment {
        /** Between two steps. */
        NOW,
        /** When its route meets the record {@code seq}: in the middle of a window. */
        ON_ROW,
        /** When it next writes the watermark: in the middle of a commit. */
        ON_WRITE
    }

    /**
     * Under {@code master:}: the leader leaves the cluster at the moment given, a new node joins, another node is
     * elected; with {@code pollAtOnce} the new leader polls as soon as it leads, while the old one may still be in
     * its window or write.
     */
    record LeaderLoss(Moment at, long seq, boolean pollAtOnce) implements Step {
    }

    /** A record: its sequence number, when it was generated and when it reached the workspace. */
    record Arrival(long seq, Instant generated, Instant ingested) {
    }

    record Schedule(boolean splitRows, Duration maxWindow, Duration ingestionDelay, int rowLimit,
                    List<Arrival> arrivals, List<Step> steps) {

        static final String[] FAULTS = { "429", "500", "503", "504", "drop", "truncated", "malformed", "partial" };

        static Schedule generate(Random random, boolean master) {
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
                } else if (master) {
                    steps.add(new Poll());
                } else if (dice < 95) {
                    steps.add(new Restart());
                } else {
                    steps.add(new LeaderChange());
                }
            }
            // each costs camel-master's fixed second before a new leader starts its consumer: one to three a schedule
            for (int losses = master ? 1 + random.nextInt(3) : 0; losses > 0; losses--) {
                steps.add(random.nextInt(steps.size() + 1), leaderLoss(random, count));
            }
            return new Schedule(splitRows, maxWindow, ingestionDelay, rowLimit, arrivals, steps);
        }

        static LeaderLoss leaderLoss(Random random, int records) {
            Moment at = Moment.values()[random.nextInt(Moment.values().length)];
            if (at == Moment.ON_ROW && records == 0) {
                at = Moment.NOW;
            }
            return new LeaderLoss(at, at == Moment.ON_ROW ? random.nextInt(records) : -1, random.nextBoolean());
        }

        Schedule withSteps(List<Step> fewer) {
            return new Schedule(splitRows, maxWindow, ingestionDelay, rowLimit, arrivals, fewer);
        }
    }

    // ---- running one ----

    /** One schedule against a fresh workspace and repository; the model checks each write as it happens. */
    private static final class Run implements AutoCloseable {

        /**
         * The consumer {@code master:} runs while its node leads. Camel gives no accessor for it, and the schedule
         * polls it by hand ({@code startScheduler=false}), so it is read from the master consumer's field.
         */
        private static final Field DELEGATED;

        static {
            try {
                DELEGATED = MasterConsumer.class.getDeclaredField("delegatedConsumer");
                DELEGATED.setAccessible(true);
            } catch (NoSuchFieldException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final Schedule schedule;
        final Mode mode;
        final MutableClock clock = new MutableClock(T0);
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
        /** Under {@code master:}: the nodes in the cluster, the one leading, and those that left it. */
        final List<ClusterNode> cluster = new ArrayList<>();
        final List<ClusterNode> departed = new ArrayList<>();
        ClusterNode master;
        /** A leader loss waiting for its moment (a record in the route, a write). */
        LeaderLoss armed;
        String violation;
        StateRepository<String, String> reader;

        Run(Schedule schedule, Mode mode) {
            this.schedule = schedule;
            this.mode = mode;
            this.jdbc = mode.jdbc();
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
            if (mode == Mode.MASTER) {
                cluster.add(startNode());
                cluster.add(startNode());
                master = awaitLeader(null);
                consumerStarts.add(clock.instant());
            } else {
                addRoute(0);
            }
            for (Step step : schedule.steps()) {
                apply(step);
                stopDeparted();
                if (violation != null) {
                    return violation;
                }
            }
            // the faults stop: the consumer must catch up by itself (a leader loss still armed may come during it)
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
            } else if (step instanceof LeaderLoss loss) {
                if (loss.at() == Moment.NOW) {
                    moveLead(loss);
                } else {
                    armed = loss;
                }
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
                LogAnalyticsConsumer consumer = mode == Mode.MASTER ? delegate(master)
                        : (LogAnalyticsConsumer) NODES[leader].getRoute(routes[leader]).getConsumer();
                consumer.poll();
            } catch (Exception expected) {
                // a failed poll is Camel's to log; what matters is what the consumer does next
            }
            pollNanos += System.nanoTime() - t;
        }

        Instant stored() {
            if (reader == null) {
                reader = repository(false, null);
            }
            String value = reader.getState(key());
            return value != null ? Instant.parse(value) : null;
        }

        String key() {
            return routeId() + "|loganalytics://" + workspaceId;
        }

        /** The same on every node, as under {@code master:}, so every node uses the same watermark key. */
        String routeId() {
            return "export-" + workspaceId;
        }

        /** The shared store, behind the schedule's failures; each node gets its own instance of it. */
        StateRepository<String, String> repository(boolean faulty, ClusterNode node) {
            StateRepository<String, String> store = jdbc
                    ? new JdbcStateRepository(postgres.getPostgresDatabase(), table) : memory;
            if (jdbc) {
                ((JdbcStateRepository) store).start();
            }
            if (!faulty) {
                return store;
            }
            return jdbc ? new ConditionalChecked(store, node) : new Checked(store, node);
        }

        String uri(String repository) {
            return "loganalytics:" + workspaceId + "?host=" + emulator.queryUrl() + "&accessToken=RAW("
                   + emulator.token() + ")&query=RAW(" + QUERY + ")&incremental=true&lookback=PT4H"
                   + "&startFrom=" + START_FROM + "&maxWindow=" + schedule.maxWindow() + "&ingestionDelay="
                   + schedule.ingestionDelay() + "&splitRows=" + schedule.splitRows()
                   + "&stateRepository=#" + repository + "&exceptionHandler=#quiet&startScheduler=false"
                   + "&minQueryInterval=0s";
        }

        /**
         * What every node's route does: takes the records, fails the ones the schedule says once, and, on the
         * leading node, sets off a leader loss armed for a record it meets (so the lead moves mid-window).
         */
        Processor route(ClusterNode node) {
            return exchange -> {
                Object body = exchange.getMessage().getBody();
                List<Long> seqs = new ArrayList<>();
                if (body instanceof Map<?, ?> row) {
                    seqs.add((Long) row.get("Seq"));
                } else {
                    for (Object row : (List<?>) body) {
                        seqs.add((Long) ((Map<?, ?>) row).get("Seq"));
                    }
                }
                LeaderLoss loss = armed;
                if (loss != null && loss.at() == Moment.ON_ROW && node != null && node == master
                    && seqs.contains(loss.seq())) {
                    moveLead(loss);
                }
                for (Long seq : seqs) {
                    if (failOnce.remove(seq)) {
                        throw new IllegalStateException("the route refused record " + seq);
                    }
                }
                completed.addAll(seqs);
            };
        }

        /** A node under {@code master:}: its CamelContext and its cluster service. */
        static final class ClusterNode {
            CamelContext context;
            ZooKeeperClusterService service;
        }

        /**
         * A new node joins the cluster: a CamelContext with its own ZooKeeper cluster service and its own repository
         * instance on the shared database, running the schedule's route under {@code master:}.
         */
        ClusterNode startNode() throws Exception {
            long t = System.nanoTime();
            ClusterNode node = new ClusterNode();
            CamelContext context = new DefaultCamelContext();
            context.getShutdownStrategy().setTimeout(10);
            context.getRegistry().bind("quiet", QUIET);
            context.getRegistry().bind("watermarks", repository(true, node));
            ZooKeeperClusterService service = new ZooKeeperClusterService();
            service.setId("node-" + CLUSTER_NODES.incrementAndGet());
            service.setNodes(zookeeper.getConnectString());
            service.setBasePath("/camel/schedules");
            context.addService(service);
            String uri = uri("watermarks");
            context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(clock);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false));
                    from("master:" + table + ":" + uri).routeId(routeId()).process(route(node));
                }
            });
            node.context = context;
            node.service = service;
            context.start();
            routeNanos += System.nanoTime() - t;
            return node;
        }

        /** The consumer of a node while it leads and runs it, else null. */
        LogAnalyticsConsumer delegate(ClusterNode node) {
            if (!(node.context.getRoute(routeId()).getConsumer() instanceof MasterConsumer consumer)
                || !consumer.isMaster()) {
                return null;
            }
            try {
                return DELEGATED.get(consumer) instanceof LogAnalyticsConsumer running && running.isStarted()
                        ? running : null;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Waits (bounded) until exactly one node of the cluster other than the one leaving leads and runs. */
        ClusterNode awaitLeader(ClusterNode leaving) throws InterruptedException {
            long deadline = System.currentTimeMillis() + ELECTION_WAIT_MILLIS;
            while (true) {
                List<ClusterNode> leading = new ArrayList<>();
                for (ClusterNode node : cluster) {
                    if (node != leaving && delegate(node) != null) {
                        leading.add(node);
                    }
                }
                if (leading.size() == 1) {
                    return leading.get(0);
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(leading.size() + " nodes lead after " + ELECTION_WAIT_MILLIS
                                                    + " ms");
                }
                Thread.sleep(2);
            }
        }

        /**
         * The leader leaves the cluster: a new node joins, the leader's cluster service stops (closing its ZooKeeper
         * session, as when its host is cut off), and another node is elected. The old leader may be in the middle of
         * a window or a write: it goes on with them when this returns, and its CamelContext is stopped only after the
         * step. With {@code pollAtOnce}, the new leader polls at once, before the old one is done.
         */
        void moveLead(LeaderLoss loss) throws Exception {
            armed = null;
            LOSSES.get(loss.at()).incrementAndGet();
            ClusterNode old = master;
            cluster.add(startNode());
            Thread leaving = new Thread(() -> old.service.stop(), "leaving-" + old.service.getId());
            leaving.start();
            master = awaitLeader(old);
            leaving.join(ELECTION_WAIT_MILLIS);
            cluster.remove(old);
            departed.add(old);
            consumerStarts.add(clock.instant());
            Instant before = stored();
            if (loss.pollAtOnce()) {
                poll();
            }
            if (Boolean.getBoolean("consumer.trace")) {
                System.out.printf("leader loss %s: watermark %s, after the new leader's poll %s%n", loss, before,
                        stored());
            }
        }

        void stopDeparted() {
            for (ClusterNode node : departed) {
                node.context.stop();
            }
            departed.clear();
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
            context.getRegistry().bind(beans, repository(true, null));
            String uri = uri(beans);
            context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(clock);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // the schedule's route failures are expected: the consumer's callback still sees each one
                    errorHandler(defaultErrorHandler().logExhausted(false).logStackTrace(false));
                    from(uri).routeId(routeId()).process(route(null));
                }
            });
            consumerStarts.add(clock.instant());
            routes[node] = routeId();
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

        /**
         * Fails reads and writes as scheduled, sets off a leader loss armed for the leader's next write (so the lead
         * moves mid-commit), and checks every write against the model as it is made.
         */
        class Checked extends ServiceSupport implements StateRepository<String, String> {
            final StateRepository<String, String> store;
            final ClusterNode node;

            Checked(StateRepository<String, String> store, ClusterNode node) {
                this.store = store;
                this.node = node;
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
                beforeWrite();
                made(value);
                store.setState(key, value);
            }

            void beforeWrite() {
                LeaderLoss loss = armed;
                if (loss != null && loss.at() == Moment.ON_WRITE && node != null && node == master) {
                    try {
                        moveLead(loss);
                    } catch (Exception e) {
                        throw new IllegalStateException("the leader change failed", e);
                    }
                }
                if (failWrites.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    throw new IllegalStateException("the state store is unreachable (write)");
                }
            }

            /** A write that is made: the model checks it. */
            void made(String value) {
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
            }
        }

        /** The same over a store that writes conditionally, as {@code JdbcStateRepository} does. */
        final class ConditionalChecked extends Checked implements ConditionalStateRepository {

            ConditionalChecked(StateRepository<String, String> store, ClusterNode node) {
                super(store, node);
            }

            @Override
            public boolean compareAndSetState(String key, String expected, String value) {
                beforeWrite();
                boolean written = ((ConditionalStateRepository) store).compareAndSetState(key, expected, value);
                if (written) {
                    made(value);
                } else if (node != null && node != master) {
                    STALE_WRITES_REFUSED.incrementAndGet();
                }
                return written;
            }
        }

        @Override
        public void close() {
            departed.addAll(cluster);
            cluster.clear();
            stopDeparted();
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
}
