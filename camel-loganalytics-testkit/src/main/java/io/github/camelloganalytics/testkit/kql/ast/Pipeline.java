package io.github.camelloganalytics.testkit.kql.ast;

import java.util.List;

/**
 * A tabular expression: a source and the operators piped after it.
 *
 * @param source    the source, or null for an operator chain without one (mv-apply's subquery)
 * @param operators the operators, in order
 * @param span      where it is written
 */
public record Pipeline(Source source, List<TabularOperator> operators, Span span) implements Statement.LetValue {

    /** @return the source's expression when the pipeline is one expression without operators, else null */
    public Expression singleExpression() {
        return operators.isEmpty() && source instanceof Source.Of s ? s.expression() : null;
    }
}
