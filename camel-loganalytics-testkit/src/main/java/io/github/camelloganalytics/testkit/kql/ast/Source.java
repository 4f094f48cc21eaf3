package io.github.camelloganalytics.testkit.kql.ast;

import java.util.List;

import io.github.camelloganalytics.testkit.kql.ast.Clause.ColumnDeclaration;
import io.github.camelloganalytics.testkit.kql.ast.Clause.NamedExpression;
import io.github.camelloganalytics.testkit.kql.ast.Clause.OperatorParameter;
import io.github.camelloganalytics.testkit.kql.ast.Clause.UnionItem;

/** What a pipeline starts with. */
public sealed interface Source extends Node {

    /**
     * An expression that gives a table: a table name, a let name, a function call, a subquery.
     *
     * @param expression the expression
     * @param span       where it is written
     */
    record Of(Expression expression, Span span) implements Source {
    }

    /**
     * {@code print a, b = x}.
     *
     * @param items the columns
     * @param span  where it is written
     */
    record Print(List<NamedExpression> items, Span span) implements Source {
    }

    /**
     * {@code range column from a to b step s}.
     *
     * @param column the column's name
     * @param from   the first value
     * @param to     the last value
     * @param step   the step
     * @param span   where it is written
     */
    record Range(String column, Expression from, Expression to, Expression step, Span span) implements Source {
    }

    /**
     * {@code datatable (columns) [values]}.
     *
     * @param columns the columns
     * @param values  the values, row after row
     * @param span    where it is written
     */
    record Datatable(List<ColumnDeclaration> columns, List<Expression> values, Span span) implements Source {
    }

    /**
     * {@code union} as a source.
     *
     * @param parameters its parameters ({@code kind}, {@code withsource})
     * @param items      the tables
     * @param span       where it is written
     */
    record Union(List<OperatorParameter> parameters, List<UnionItem> items, Span span) implements Source {
    }

    /**
     * {@code search [in (tables)] predicate}.
     *
     * @param parameters its parameters
     * @param tables     the tables of {@code in (...)}, empty when none is named
     * @param predicate  a term or a predicate
     * @param span       where it is written
     */
    record Search(List<OperatorParameter> parameters, List<UnionItem> tables, Expression predicate, Span span)
            implements Source {
    }

    /**
     * A source the grammar accepts and the engine does not run ({@code find}, {@code externaldata},
     * {@code evaluate} as a source).
     *
     * @param keyword its first word
     * @param span    where it is written
     */
    record Other(String keyword, Span span) implements Source {
    }
}
