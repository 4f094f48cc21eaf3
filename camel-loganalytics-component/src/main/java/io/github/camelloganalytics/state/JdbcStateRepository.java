package io.github.camelloganalytics.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link StateRepository} kept in one small table of any JDBC database, so that every node of a cluster
 * reads the same state: the {@code loganalytics} incremental consumer keeps its watermark here, under a key made of
 * its route and endpoint, and a node that takes over continues from what the previous leader committed.
 * <p>
 * The table ({@value #DEFAULT_TABLE} unless named otherwise) has the columns {@code state_key} (primary key),
 * {@code state_value} and {@code updated_at}; it is created at start when missing. Every read goes to the database,
 * never to a cache. A write is an atomic upsert built from standard SQL only (an update, else an insert, and the
 * update again if another node inserted the key first), so it needs no dialect and no driver beyond
 * {@code java.sql}. A conditional write ({@link #compareAndSetState}) is one {@code UPDATE ... WHERE state_value = ?}
 * (or an insert that a key already present makes fail), atomic in every database. Each call uses its own connection
 * from the {@link DataSource}, in auto-commit.
 */
public class JdbcStateRepository extends ServiceSupport implements ConditionalStateRepository {

    /** The table used when none is named. */
    public static final String DEFAULT_TABLE = "camel_loganalytics_state";

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");
    /** Keys are route and endpoint; values are instants. Both fit comfortably, in every database's VARCHAR. */
    private static final int MAX_KEY = 512;
    private static final int MAX_VALUE = 1024;

    private final DataSource dataSource;
    private final String table;

    /**
     * A repository in the table {@value #DEFAULT_TABLE}.
     *
     * @param dataSource where the table lives
     */
    public JdbcStateRepository(DataSource dataSource) {
        this(dataSource, DEFAULT_TABLE);
    }

    /**
     * A repository in a table of the given name.
     *
     * @param dataSource where the table lives
     * @param table      the table name, optionally schema-qualified; letters, digits and underscores only, since it
     *                   is part of the SQL text
     */
    public JdbcStateRepository(DataSource dataSource, String table) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Invalid table name '" + table + "': use letters, digits and"
                                               + " underscores, optionally schema.table");
        }
        this.table = table;
    }

    /**
     * The table the state is kept in.
     *
     * @return the table the state is kept in
     */
    public String getTable() {
        return table;
    }

    @Override
    protected void doStart() {
        try (Connection connection = dataSource.getConnection()) {
            if (!tableExists(connection)) {
                try (Statement create = connection.createStatement()) {
                    create.executeUpdate("CREATE TABLE " + table + " (state_key VARCHAR(" + MAX_KEY
                                         + ") NOT NULL PRIMARY KEY, state_value VARCHAR(" + MAX_VALUE
                                         + ") NOT NULL, updated_at TIMESTAMP NOT NULL)");
                } catch (SQLException e) {
                    // another node may have created it in the meantime; only a table still missing is a failure
                    if (!tableExists(connection)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot create the state table " + table + ": " + e.getMessage(), e);
        }
    }

    private boolean tableExists(Connection connection) {
        try (Statement probe = connection.createStatement()) {
            probe.executeQuery("SELECT state_key FROM " + table + " WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            rollbackQuietly(connection);
            return false;
        }
    }

    @Override
    public String getState(String key) {
        requireKey(key);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT state_value FROM " + table + " WHERE state_key = ?")) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot read the state of " + key + " from " + table + ": "
                                            + e.getMessage(), e);
        }
    }

    @Override
    public void setState(String key, String value) {
        requireKey(key);
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("State values are at most " + MAX_VALUE + " characters");
        }
        try (Connection connection = dataSource.getConnection()) {
            Timestamp now = Timestamp.from(Instant.now());
            if (update(connection, key, value, now) > 0) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (state_key, state_value, updated_at) VALUES (?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.setTimestamp(3, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                // SQLState class 23: integrity constraint, i.e. another node inserted the key first; ours is newer
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                rollbackQuietly(connection);
                if (update(connection, key, value, now) == 0) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot write the state of " + key + " to " + table + ": "
                                            + e.getMessage(), e);
        }
    }

    @Override
    public boolean compareAndSetState(String key, String expected, String value) {
        requireKey(key);
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("State values are at most " + MAX_VALUE + " characters");
        }
        try (Connection connection = dataSource.getConnection()) {
            Timestamp now = Timestamp.from(Instant.now());
            if (expected != null) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                                                                           + " SET state_value = ?, updated_at = ?"
                                                                           + " WHERE state_key = ? AND state_value = ?")) {
                    update.setString(1, value);
                    update.setTimestamp(2, now);
                    update.setString(3, key);
                    update.setString(4, expected);
                    return update.executeUpdate() > 0;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (state_key, state_value, updated_at) VALUES (?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, value);
                insert.setTimestamp(3, now);
                return insert.executeUpdate() > 0;
            } catch (SQLException e) {
                // SQLState class 23: integrity constraint, i.e. the key has a state already
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                rollbackQuietly(connection);
                return false;
            }
        } catch (SQLException e) {
            throw new RuntimeCamelException("Cannot write the state of " + key + " to " + table + ": "
                                            + e.getMessage(), e);
        }
    }

    private int update(Connection connection, String key, String value, Timestamp now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET state_value = ?, updated_at = ? WHERE state_key = ?")) {
            update.setString(1, value);
            update.setTimestamp(2, now);
            update.setString(3, key);
            return update.executeUpdate();
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
            throw new IllegalArgumentException("State keys are 1 to " + MAX_KEY + " characters");
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            // the connection is closed right after; nothing to keep
        }
    }

    @Override
    protected void doStop() {
        // connections are per call: nothing is held between them
    }

    @Override
    public String toString() {
        return "JdbcStateRepository[" + table + "]";
    }
}
