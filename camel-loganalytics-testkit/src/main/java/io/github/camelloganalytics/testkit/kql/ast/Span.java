package io.github.camelloganalytics.testkit.kql.ast;

/**
 * Where a syntax node starts in the query text, and the node's text as error messages quote it (its tokens without
 * the whitespace between them, as the service quotes an expression).
 *
 * @param line   the line, from 1
 * @param column the position in the line, from 0
 * @param text   the node's tokens
 */
public record Span(int line, int column, String text) {
}
