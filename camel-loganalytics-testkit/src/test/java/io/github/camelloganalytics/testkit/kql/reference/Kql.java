package io.github.camelloganalytics.testkit.kql.reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.kql.KqlEngine;
import io.github.camelloganalytics.testkit.kql.KqlResult;
import io.github.camelloganalytics.testkit.kql.TableResolver;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** Runs queries for the reference tests and shows results as the service's text forms. */
final class Kql {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private Kql() {
    }

    static KqlResult run(String query) {
        return run(query, name -> Optional.empty());
    }

    static KqlResult run(String query, TableResolver tables) {
        return KqlEngine.run(query, tables, NOW);
    }

    /** @return the rows, each value as {@code tostring()} gives it */
    static List<List<String>> text(String query) {
        List<List<String>> out = new ArrayList<>();
        for (Object[] row : run(query).rows()) {
            List<String> r = new ArrayList<>();
            for (Object v : row) {
                r.add(v == null ? null : Values.text(v));
            }
            out.add(r);
        }
        return out;
    }

    /** @return the single value of a one-row, one-column result */
    static Object one(String query) {
        KqlResult r = run(query);
        if (r.rows().size() != 1 || r.columns().size() != 1) {
            throw new AssertionError("Expected one value from " + query + ", got " + r.columns() + " "
                    + r.rows().stream().map(Arrays::toString).toList());
        }
        return r.rows().get(0)[0];
    }

    /** @return the column names and types as {@code name:type} */
    static List<String> schema(String query) {
        return run(query).columns().stream().map(c -> c.name() + ":" + c.type().kqlName()).toList();
    }

    static List<String> names(KqlResult r) {
        return r.columns().stream().map(Column::name).toList();
    }

    static List<List<String>> rows(String... rows) {
        List<List<String>> out = new ArrayList<>();
        for (String r : rows) {
            out.add(Arrays.asList(r.split("\\|", -1)));
        }
        return out;
    }
}
