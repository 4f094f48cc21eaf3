package io.github.camelloganalytics.testkit.kql.ast;

import java.util.List;

import io.github.camelloganalytics.testkit.kql.ast.Clause.ColumnPattern;
import io.github.camelloganalytics.testkit.kql.ast.Clause.MakeSeriesItem;
import io.github.camelloganalytics.testkit.kql.ast.Clause.MvExpandItem;
import io.github.camelloganalytics.testkit.kql.ast.Clause.NamedExpression;
import io.github.camelloganalytics.testkit.kql.ast.Clause.OperatorParameter;
import io.github.camelloganalytics.testkit.kql.ast.Clause.ParsePart;
import io.github.camelloganalytics.testkit.kql.ast.Clause.RenderProperty;
import io.github.camelloganalytics.testkit.kql.ast.Clause.ReorderItem;
import io.github.camelloganalytics.testkit.kql.ast.Clause.Rename;
import io.github.camelloganalytics.testkit.kql.ast.Clause.SortKey;
import io.github.camelloganalytics.testkit.kql.ast.Clause.TopNestedLevel;
import io.github.camelloganalytics.testkit.kql.ast.Clause.UnionItem;

/**
 * An operator after a pipe. Each carries its keyword as error messages name it ({@code filter} reads
 * {@code where}, {@code order} reads {@code sort}; other spellings as written).
 */
public sealed interface TabularOperator extends Node {

    /** @return the operator's keyword */
    String keyword();

    /**
     * {@code where predicate}.
     *
     * @param keyword   the keyword
     * @param predicate the predicate
     * @param span      where it is written
     */
    record Where(String keyword, Expression predicate, Span span) implements TabularOperator {
    }

    /**
     * {@code project items}.
     *
     * @param keyword the keyword
     * @param items   the columns
     * @param span    where it is written
     */
    record Project(String keyword, List<NamedExpression> items, Span span) implements TabularOperator {
    }

    /**
     * {@code extend items}.
     *
     * @param keyword the keyword
     * @param items   the columns
     * @param span    where it is written
     */
    record Extend(String keyword, List<NamedExpression> items, Span span) implements TabularOperator {
    }

    /**
     * {@code project-away patterns}.
     *
     * @param keyword  the keyword
     * @param patterns the columns
     * @param span     where it is written
     */
    record ProjectAway(String keyword, List<ColumnPattern> patterns, Span span) implements TabularOperator {
    }

    /**
     * {@code project-keep patterns}.
     *
     * @param keyword  the keyword
     * @param patterns the columns
     * @param span     where it is written
     */
    record ProjectKeep(String keyword, List<ColumnPattern> patterns, Span span) implements TabularOperator {
    }

    /**
     * {@code project-rename new = old, ...}.
     *
     * @param keyword the keyword
     * @param renames the renames
     * @param span    where it is written
     */
    record ProjectRename(String keyword, List<Rename> renames, Span span) implements TabularOperator {
    }

    /**
     * {@code project-reorder items}.
     *
     * @param keyword the keyword
     * @param items   the columns and their order
     * @param span    where it is written
     */
    record ProjectReorder(String keyword, List<ReorderItem> items, Span span) implements TabularOperator {
    }

    /**
     * {@code summarize [aggregations] [by keys]}.
     *
     * @param keyword      the keyword
     * @param parameters   its parameters
     * @param aggregations the aggregations
     * @param by           the keys (empty without {@code by})
     * @param span         where it is written
     */
    record Summarize(String keyword, List<OperatorParameter> parameters, List<NamedExpression> aggregations,
            List<NamedExpression> by, Span span) implements TabularOperator {
    }

    /**
     * {@code sort by keys}.
     *
     * @param keyword the keyword
     * @param keys    the keys
     * @param span    where it is written
     */
    record Sort(String keyword, List<SortKey> keys, Span span) implements TabularOperator {
    }

    /**
     * {@code top N by key}.
     *
     * @param keyword the keyword
     * @param count   N
     * @param key     the key
     * @param span    where it is written
     */
    record Top(String keyword, Expression count, SortKey key, Span span) implements TabularOperator {
    }

    /**
     * {@code take N} or {@code limit N}.
     *
     * @param keyword the keyword
     * @param count   N
     * @param span    where it is written
     */
    record Take(String keyword, Expression count, Span span) implements TabularOperator {
    }

    /**
     * {@code count}.
     *
     * @param keyword the keyword
     * @param span    where it is written
     */
    record Count(String keyword, Span span) implements TabularOperator {
    }

    /**
     * {@code distinct columns} or {@code distinct *}.
     *
     * @param keyword the keyword
     * @param items   the columns, empty for {@code *}
     * @param span    where it is written
     */
    record Distinct(String keyword, List<NamedExpression> items, Span span) implements TabularOperator {
    }

    /**
     * {@code render kind [with (properties)]}.
     *
     * @param keyword    the keyword
     * @param kind       the visualization
     * @param properties the properties
     * @param span       where it is written
     */
    record Render(String keyword, String kind, List<RenderProperty> properties, Span span)
            implements TabularOperator {
    }

    /**
     * {@code join [kind=...] (right) on conditions}.
     *
     * @param keyword    the keyword
     * @param parameters its parameters
     * @param right      the right table (a {@link Expression.Parenthesized} subquery, or a table's expression)
     * @param conditions the conditions, empty without {@code on}
     * @param span       where it is written
     */
    record Join(String keyword, List<OperatorParameter> parameters, Expression right, List<Expression> conditions,
            Span span) implements TabularOperator {
    }

    /**
     * {@code lookup [kind=...] (right) on conditions}.
     *
     * @param keyword    the keyword
     * @param parameters its parameters
     * @param right      the right table (a {@link Expression.Parenthesized} subquery, or a table's expression)
     * @param conditions the conditions
     * @param span       where it is written
     */
    record Lookup(String keyword, List<OperatorParameter> parameters, Expression right, List<Expression> conditions,
            Span span) implements TabularOperator {
    }

    /**
     * {@code union tables}, after a pipe.
     *
     * @param keyword    the keyword
     * @param parameters its parameters
     * @param items      the tables
     * @param span       where it is written
     */
    record Union(String keyword, List<OperatorParameter> parameters, List<UnionItem> items, Span span)
            implements TabularOperator {
    }

    /**
     * {@code mv-expand items [limit N]}.
     *
     * @param keyword    the keyword
     * @param parameters its parameters
     * @param items      the columns expanded
     * @param limit      the limit, or null
     * @param span       where it is written
     */
    record MvExpand(String keyword, List<OperatorParameter> parameters, List<MvExpandItem> items, Expression limit,
            Span span) implements TabularOperator {
    }

    /**
     * {@code mv-apply items on (subquery)}.
     *
     * @param keyword    the keyword
     * @param parameters its parameters
     * @param items      the columns expanded
     * @param limit      the limit, or null
     * @param subquery   the subquery (its source null when it has none)
     * @param span       where it is written
     */
    record MvApply(String keyword, List<OperatorParameter> parameters, List<MvExpandItem> items, Expression limit,
            Pipeline subquery, Span span) implements TabularOperator {
    }

    /**
     * {@code parse} or {@code parse-where}.
     *
     * @param keyword    the keyword
     * @param parameters its parameters
     * @param input      the text parsed
     * @param parts      the pattern
     * @param span       where it is written
     */
    record Parse(String keyword, List<OperatorParameter> parameters, Expression input, List<ParsePart> parts,
            Span span) implements TabularOperator {
    }

    /**
     * {@code make-series items on axis [from a] [to b] step s [by keys]}.
     *
     * @param keyword    the keyword
     * @param parameters its parameters
     * @param items      the aggregations
     * @param axis       the axis
     * @param from       the start, or null
     * @param to         the end, or null
     * @param step       the step
     * @param by         the keys
     * @param span       where it is written
     */
    record MakeSeries(String keyword, List<OperatorParameter> parameters, List<MakeSeriesItem> items,
            Expression axis, Expression from, Expression to, Expression step, List<NamedExpression> by, Span span)
            implements TabularOperator {
    }

    /**
     * {@code serialize [columns]}.
     *
     * @param keyword the keyword
     * @param items   the columns added
     * @param span    where it is written
     */
    record Serialize(String keyword, List<NamedExpression> items, Span span) implements TabularOperator {
    }

    /**
     * {@code as name}.
     *
     * @param keyword the keyword
     * @param name    the name bound
     * @param span    where it is written
     */
    record As(String keyword, String name, Span span) implements TabularOperator {
    }

    /**
     * {@code search predicate}, after a pipe.
     *
     * @param keyword   the keyword
     * @param predicate a term or a predicate
     * @param span      where it is written
     */
    record Search(String keyword, Expression predicate, Span span) implements TabularOperator {
    }

    /**
     * {@code sample N}.
     *
     * @param keyword the keyword
     * @param count   N
     * @param span    where it is written
     */
    record Sample(String keyword, Expression count, Span span) implements TabularOperator {
    }

    /**
     * {@code sample-distinct N of column}.
     *
     * @param keyword the keyword
     * @param count   N
     * @param column  the column
     * @param span    where it is written
     */
    record SampleDistinct(String keyword, Expression count, Expression column, Span span)
            implements TabularOperator {
    }

    /**
     * {@code getschema}.
     *
     * @param keyword the keyword
     * @param span    where it is written
     */
    record Getschema(String keyword, Span span) implements TabularOperator {
    }

    /**
     * {@code evaluate plugin(args) [: (schema)]}.
     *
     * @param keyword      the keyword
     * @param parameters   its parameters
     * @param plugin       the plugin
     * @param arguments    its arguments
     * @param outputSchema true when an output schema is written
     * @param span         where it is written
     */
    record Evaluate(String keyword, List<OperatorParameter> parameters, String plugin,
            List<Expression.Argument> arguments, boolean outputSchema, Span span) implements TabularOperator {
    }

    /**
     * {@code top-nested levels}.
     *
     * @param keyword the keyword
     * @param levels  the levels
     * @param span    where it is written
     */
    record TopNested(String keyword, List<TopNestedLevel> levels, Span span) implements TabularOperator {
    }

    /**
     * {@code invoke function(args)}.
     *
     * @param keyword   the keyword
     * @param function  the function
     * @param arguments its arguments after the implicit table
     * @param span      where it is written
     */
    record Invoke(String keyword, String function, List<Expression.Argument> arguments, Span span)
            implements TabularOperator {
    }

    /**
     * An operator the grammar accepts and the engine does not run ({@code fork}, {@code facet}...).
     *
     * @param keyword the keyword
     * @param span    where it is written
     */
    record Other(String keyword, Span span) implements TabularOperator {
    }
}
