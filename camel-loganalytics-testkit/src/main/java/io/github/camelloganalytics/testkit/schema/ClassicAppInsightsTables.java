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
 * The classic Application Insights tables ({@code requests}, {@code dependencies}, {@code exceptions},
 * {@code pageViews}, {@code traces}, {@code customEvents}, {@code availabilityResults}) as Microsoft's migration guide
 * documents them: each column's name and type and the workspace-based column it maps to, read from the data file
 * {@value #RESOURCE} (which records the source repository, path and commit).
 *
 * <p>
 * The file is read once per class loader, on first use.
 */
public final class ClassicAppInsightsTables {

    /** Class-path location of the schemas. */
    public static final String RESOURCE = "/io/github/camelloganalytics/testkit/tables/classic-app-insights.json";

    private ClassicAppInsightsTables() {
    }

    /**
     * A classic table: its schema, the workspace-based table holding the same records, and where each column's value
     * comes from.
     *
     * @param schema         the classic table's name and columns, e.g. {@code requests} with {@code timestamp},
     *                       {@code name}, {@code success} ...
     * @param workspaceTable the workspace-based table of the same telemetry, e.g. {@code AppRequests}
     * @param itemType       what the classic {@code itemType} column says, e.g. {@code request}
     * @param sources        for each column (in order) the workspace-based column it maps to, or null for a column
     *                       the workspace-based table dropped ({@code appName}, {@code itemId})
     */
    public record ClassicTable(TableSchema schema, String workspaceTable, String itemType, List<String> sources) {

        /**
         * @param schema         the classic schema
         * @param workspaceTable the workspace-based table
         * @param itemType       the {@code itemType} value
         * @param sources        the mapped columns (nulls allowed)
         */
        public ClassicTable {
            sources = Collections.unmodifiableList(new ArrayList<>(sources));
        }
    }

    /** Initialised on first use. */
    private static final class Holder {
        static final Map<String, ClassicTable> TABLES = read();
    }

    /** @return every classic table, in the file's order */
    public static List<ClassicTable> all() {
        return new ArrayList<>(Holder.TABLES.values());
    }

    /** @return the classic tables' names */
    public static List<String> names() {
        return new ArrayList<>(Holder.TABLES.keySet());
    }

    /**
     * @param  name a classic table's name, e.g. {@code requests} (case-sensitive, as in KQL)
     * @return      the table, when it is one
     */
    public static Optional<ClassicTable> find(String name) {
        return Optional.ofNullable(Holder.TABLES.get(name));
    }

    private static Map<String, ClassicTable> read() {
        JsonNode root;
        try (InputStream in = ClassicAppInsightsTables.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, ClassicTable> tables = new LinkedHashMap<>();
        for (JsonNode t : root.get("tables")) {
            List<Column> columns = new ArrayList<>();
            List<String> sources = new ArrayList<>();
            for (JsonNode c : t.get("columns")) {
                columns.add(Column.of(c.get(0).asText(), ColumnType.ofKqlName(c.get(1).asText())));
                sources.add(c.get(2).isNull() ? null : c.get(2).asText());
            }
            String name = t.get("name").asText();
            tables.put(name, new ClassicTable(new TableSchema(name, columns), t.get("workspaceTable").asText(),
                    t.get("itemType").asText(), sources));
        }
        return Collections.unmodifiableMap(tables);
    }
}
