package io.github.camelloganalytics.testkit.kql;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelloganalytics.testkit.kql.ast.AstBuilder;
import io.github.camelloganalytics.testkit.kql.ast.Query;
import io.github.camelloganalytics.testkit.kql.parse.KqlParsing;
import io.github.camelloganalytics.testkit.kql.plan.Plan;
import io.github.camelloganalytics.testkit.kql.plan.Resolver;

/**
 * The emulator's KQL engine, in the service's three phases: the whole query is parsed (text that is not KQL is a
 * {@link KqlSyntaxException}), then resolved against the tables and the let scope (an unknown table, column or
 * function, or a type error, is a {@link KqlSemanticException} however few rows there are; valid KQL the engine
 * does not run is a {@link NotSupportedByEmulatorException}), then run.
 *
 * <p>
 * The grammar ({@code src/main/antlr4/.../Kql.g4}) covers the language of Microsoft's KQL reference; the operators
 * and functions that run are listed in docs/testkit.md. The engine is a library: tests can call it without the
 * emulator.
 */
public final class KqlEngine {

    private KqlEngine() {
    }

    /**
     * Parses, resolves and runs a query.
     *
     * @param  query    the KQL text
     * @param  resolver finds the tables the query names
     * @param  now      the instant {@code now()} and {@code ago()} refer to, fixed for the whole query
     * @return          the primary result (the first tabular statement's)
     * @throws KqlSyntaxException   when the text is not KQL
     * @throws KqlSemanticException when it names an unknown table, column or function, mixes types, or (the
     *                              subclass {@link NotSupportedByEmulatorException}) uses KQL the emulator lacks
     */
    public static KqlResult run(String query, TableResolver resolver, Instant now) {
        Query tree = AstBuilder.build(KqlParsing.parse(query));
        Resolver.Resolved resolved = new Resolver(resolver, now).resolve(tree);
        Plan plan = resolved.plan();
        List<Object[]> rows = new ArrayList<>(plan.rows().size());
        for (Row r : plan.rows()) {
            rows.add(r.values());
        }
        return new KqlResult(plan.schema(), rows, resolved.visualization(), resolved.renderProperties());
    }

    /**
     * Parses a query without resolving or running it, e.g. to answer a syntax error before anything else.
     *
     * @param  query the KQL text
     * @throws KqlSyntaxException when the text is not KQL
     */
    public static void checkSyntax(String query) {
        AstBuilder.build(KqlParsing.parse(query));
    }
}
