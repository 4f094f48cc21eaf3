package io.github.camelloganalytics.testkit.kql.ast;

import java.util.List;

/** A statement of a query or of a function body. */
public sealed interface Statement extends Node {

    /**
     * {@code let name = value}.
     *
     * @param name  the name bound
     * @param value a tabular or scalar expression, or a function
     * @param span  where it is written
     */
    record Let(String name, LetValue value, Span span) implements Statement {
    }

    /**
     * {@code set option [= value]}: a request option.
     *
     * @param name the option
     * @param span where it is written
     */
    record Set(String name, Span span) implements Statement {
    }

    /**
     * A tabular expression statement.
     *
     * @param pipeline the expression
     * @param span     where it is written
     */
    record Tabular(Pipeline pipeline, Span span) implements Statement {
    }

    /**
     * A statement the grammar accepts and the engine does not run ({@code declare query_parameters},
     * {@code alias database}).
     *
     * @param keyword its first word
     * @param span    where it is written
     */
    record Other(String keyword, Span span) implements Statement {
    }

    /** What a let statement binds: a {@link Lambda} or a {@link Pipeline}. */
    sealed interface LetValue extends Node permits Lambda, Pipeline {
    }

    /**
     * A user-defined function: {@code (parameters) { body }}.
     *
     * @param parameters its parameters
     * @param body       its statements, the last one the result
     * @param span       where it is written
     */
    record Lambda(List<Parameter> parameters, List<Statement> body, Span span) implements LetValue {
    }

    /**
     * A function parameter: {@code name:type [= default]} or a tabular {@code name:(col:type, ...)}.
     *
     * @param name         its name
     * @param scalarType   its scalar type's name, or null for a tabular parameter
     * @param defaultValue its default, or null
     * @param span         where it is written
     */
    record Parameter(String name, String scalarType, Expression defaultValue, Span span) implements Node {

        /** @return true for a tabular parameter */
        public boolean tabular() {
            return scalarType == null;
        }
    }
}
