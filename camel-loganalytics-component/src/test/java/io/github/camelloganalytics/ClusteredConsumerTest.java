package io.github.camelloganalytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import io.github.camelloganalytics.state.JdbcStateRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The watermark in a real PostgreSQL: a restarted context resumes from it, and two nodes under Camel's
 * {@code master:} component with a real ZooKeeper hand the stream over without a gap.
 */
class ClusteredConsumerTest extends ConsumerTestSupport {

    private static final String QUERY = TABLE + " | project Seq";
    /** Bounds every wait, so a broken failover fails the test instead of hanging it; never asserted on. */
    private static final long MAX_WAIT_MILLIS = 60_000;

    static EmbeddedPostgres postgres;
    static TestingServer zookeeper;
    private static int tables;

    @BeforeAll
    static void startServers() throws Exception {
        postgres = EmbeddedPostgres.start();
        zookeeper = new TestingServer(true);
    }

    @AfterAll
    static void stopServers() throws Exception {
        zookeeper.close();
        postgres.close();
    }

    /** A repository on the shared database, in a table of the test's own; each node gets its own instance. */
    private static String newTable() {
        return "watermarks_" + (++tables);
    }

    @Test
    void aRestartResumesFromTheWatermarkInTheDatabase() throws Exception {
        String table = newTable();
        for (int seq = 0; seq < 240; seq++) {
            addEvent(seq, T0.plusSeconds(30L * seq), Duration.ZERO);
        }
        String uri = incremental(QUERY, "&maxWindow=PT1H&stateRepository=#watermarks");
        clock.set(T0.plus(Duration.ofMinutes(65)));
        CamelContext first = startNode(uri, table, null);
        consumer(first).poll();
        first.stop();
        assertEquals(LongStream.range(0, 120).boxed().toList(), receivedSeqs());

        emulator.requestLog().clear();
        clock.set(T0.plus(Duration.ofMinutes(125)));
        CamelContext second = startNode(uri, table, null);
        consumer(second).poll();

        assertEquals(LongStream.range(0, 240).boxed().toList(), receivedSeqs());
        assertEquals(1, emulator.requestLog().size());
        assertTrue(emulator.requestLog().last().body().contains("let _windowStart = datetime("
                                                               + T0.plus(Duration.ofHours(1)) + ");"));
        assertEquals(T0.plus(Duration.ofHours(2)).toString(),
                new JdbcStateRepository(postgres.getPostgresDatabase(), table).getState("export|loganalytics://"
                                                                                         + workspace.id()));
    }

    @Test
    void theFollowerTakesOverFromTheLeadersWatermarkWithoutAGap() throws Exception {
        String table = newTable();
        List<String[]> deliveries = new CopyOnWriteArrayList<>();     // node, seq
        String uri = uri(QUERY, "&incremental=true&startFrom=" + T0 + "&maxWindow=PT10M&delay=20&splitRows=true"
                                + "&stateRepository=#watermarks");
        CamelContext node1 = startNode(uri, table, "node-1", deliveries);
        CamelContext node2 = startNode(uri, table, "node-2", deliveries);
        JdbcStateRepository reader = new JdbcStateRepository(postgres.getPostgresDatabase(), table);
        reader.start();

        long seq = 0;
        String leader = null;
        // the route's id and the endpoint: the same on every node
        String key = "export|loganalytics://" + workspace.id();
        for (int minute = 0; minute < 60; minute++) {
            // two records a minute keep arriving, and time goes on
            addEvent(seq++, clock.instant(), Duration.ZERO);
            addEvent(seq++, clock.instant().plusSeconds(30), Duration.ZERO);
            clock.advance(Duration.ofMinutes(1));
            Instant caughtUp = clock.instant().minus(Duration.ofMinutes(5));
            if (minute >= 5) {
                awaitCondition(() -> reader.getState(key) != null
                                     && !Instant.parse(reader.getState(key)).isBefore(caughtUp));
            }
            if (minute == 30) {
                leader = deliveries.get(deliveries.size() - 1)[0];
                (leader.equals("node-1") ? node1 : node2).stop();       // the leader goes away mid stream
            }
        }

        List<Long> delivered = new ArrayList<>();
        Map<String, Integer> perNode = new HashMap<>();
        for (String[] d : deliveries) {
            delivered.add(Long.parseLong(d[1]));
            perNode.merge(d[0], 1, Integer::sum);
        }
        // every record up to the last committed window end: the first 110 minutes' worth of two a minute
        long expected = 2L * 55;
        Set<Long> distinct = new HashSet<>(delivered);
        assertEquals(LongStream.range(0, expected).boxed().collect(java.util.stream.Collectors.toSet()), distinct);
        int duplicates = delivered.size() - distinct.size();
        System.out.printf("failover: leader %s stopped; rows per node %s; %d rows, %d duplicates%n", leader, perNode,
                delivered.size(), duplicates);
        assertEquals(2, perNode.size(), "both nodes delivered: " + perNode);
        assertNotEquals(null, leader);
        // a window is at most 10 minutes, two rows a minute: only the window in flight at failover can repeat
        assertTrue(duplicates <= 20, "duplicates: " + duplicates);
    }

    private CamelContext startNode(String uri, String table, String clusterNode) throws Exception {
        return startNode(uri, table, clusterNode, null);
    }

    /**
     * A node: its own CamelContext and its own JdbcStateRepository instance on the shared database; with a cluster
     * node id, the route runs under {@code master:} with a ZooKeeper cluster service.
     */
    private CamelContext startNode(String uri, String table, String clusterNode, List<String[]> deliveries)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        context.getRegistry().bind("watermarks", new JdbcStateRepository(postgres.getPostgresDatabase(), table));
        context.getEndpoint(uri, LogAnalyticsEndpoint.class).setClock(clock);
        if (clusterNode != null) {
            ZooKeeperClusterService cluster = new ZooKeeperClusterService();
            cluster.setId(clusterNode);
            cluster.setNodes(zookeeper.getConnectString());
            cluster.setBasePath("/camel/loganalytics");
            context.addService(cluster);
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (clusterNode == null) {
                    from(uri).routeId("export").process(received::add);
                } else {
                    from("master:export:" + uri).routeId("export").process(exchange -> deliveries.add(new String[] {
                            clusterNode, String.valueOf(exchange.getMessage().getBody(Map.class).get("Seq")) }));
                }
            }
        });
        context.start();
        return context;
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("the consumers did not catch up within " + MAX_WAIT_MILLIS + " ms");
            }
            Thread.sleep(10);
        }
    }
}
