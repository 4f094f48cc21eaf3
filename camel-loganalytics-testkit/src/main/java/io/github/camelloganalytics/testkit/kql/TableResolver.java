package io.github.camelloganalytics.testkit.kql;

import java.util.Optional;

/** Finds the table a query names. */
@FunctionalInterface
public interface TableResolver {

    /**
     * @param  name the table name as written in the query (case-sensitive, as in KQL)
     * @return      the table, or empty when the target has none of that name
     */
    Optional<SourceTable> resolve(String name);

    /**
     * The names of the tables the target has, in any order, for {@code union T*} and {@code search} without a
     * table list: the engine matches wildcards against them (in alphabetical order) and then resolves only the
     * tables it reads. The default lists none, and such queries are then answered {@code NotSupportedByEmulator}.
     *
     * @return the table names
     */
    default java.util.List<String> tableNames() {
        return java.util.List.of();
    }
}
