package io.github.camelloganalytics.testkit.kql.ast;

import java.util.List;

/**
 * A whole query: its statements in order.
 *
 * @param statements the statements
 * @param span       where the query starts
 */
public record Query(List<Statement> statements, Span span) implements Node {
}
