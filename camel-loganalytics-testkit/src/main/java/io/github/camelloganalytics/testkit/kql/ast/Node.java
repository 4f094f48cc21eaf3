package io.github.camelloganalytics.testkit.kql.ast;

/**
 * A node of the KQL syntax tree: immutable, built once from the parse tree by {@link AstBuilder}, carrying where it
 * was written (the lists it holds are unmodifiable copies). The resolver and the run phase read these nodes only, never the parser's classes.
 */
public interface Node {

    /** @return where the node starts and its text */
    Span span();
}
