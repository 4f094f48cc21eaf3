package io.github.camelloganalytics.testkit.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;

/**
 * The schemas of standard Azure Monitor Logs tables (Heartbeat, Perf, AppRequests, SigninLogs, AzureDiagnostics...),
 * as Microsoft's table reference documents them, read from the data file {@value #RESOURCE} (which records the
 * source repository, paths and commit).
 *
 * <p>
 * The file is read once per class loader, on first use.
 */
public final class StandardTables {

    /** Class-path location of the schemas. */
    public static final String RESOURCE = "/io/github/camelloganalytics/testkit/tables/standard-tables.json";

    private StandardTables() {
    }

    /** Initialised on first use: a JVM that never asks for a standard table never reads the file. */
    private static final class Holder {
        static final Map<String, TableSchema> SCHEMAS = read();
    }

    /** @return every standard table's schema, in the file's order (the most queried tables first) */
    public static List<TableSchema> all() {
        return new ArrayList<>(Holder.SCHEMAS.values());
    }

    /** @return the standard tables' names */
    public static List<String> names() {
        return new ArrayList<>(Holder.SCHEMAS.keySet());
    }

    /**
     * @param  name a table name, e.g. {@code Syslog} (case-sensitive, as in KQL)
     * @return      its schema, when it is a standard table
     */
    public static Optional<TableSchema> find(String name) {
        return Optional.ofNullable(Holder.SCHEMAS.get(name));
    }

    /**
     * @param  name a standard table's name
     * @return      its schema
     * @throws IllegalArgumentException naming the table when it is not one of {@link #names()}
     */
    public static TableSchema get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "Not a standard table: " + name + " (the standard tables are " + names() + ")"));
    }

    private static Map<String, TableSchema> read() {
        JsonNode root;
        try (InputStream in = StandardTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, TableSchema> schemas = new LinkedHashMap<>();
        for (JsonNode t : root.get("tables")) {
            List<Column> columns = new ArrayList<>();
            for (JsonNode c : t.get("columns")) {
                columns.add(Column.of(c.get(0).asText(), ColumnType.ofKqlName(c.get(1).asText())));
            }
            String name = t.get("name").asText();
            schemas.put(name, new TableSchema(name, columns));
        }
        return Collections.unmodifiableMap(schemas);
    }
}
