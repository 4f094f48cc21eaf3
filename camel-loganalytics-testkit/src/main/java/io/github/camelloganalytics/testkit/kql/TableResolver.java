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
}
