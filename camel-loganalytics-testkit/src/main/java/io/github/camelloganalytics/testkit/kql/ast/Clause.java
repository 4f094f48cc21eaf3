package io.github.camelloganalytics.testkit.kql.ast;

import java.util.List;

/** The parts that sources and tabular operators are made of. */
public final class Clause {

    private Clause() {
    }

    /**
     * An item of {@code project}, {@code extend}, {@code summarize}, {@code print}...: an expression and the
     * name(s) it is given.
     *
     * @param names      the names written before {@code =}: none, one, or several
     * @param multiple   true for the form {@code (a, b) = f(x)}
     * @param expression the expression
     * @param span       where it is written
     */
    public record NamedExpression(List<String> names, boolean multiple, Expression expression, Span span)
            implements Node {

        /** @return the single name written ({@code a = ...}), or null (unnamed, or the multiple form) */
        public String name() {
            return !multiple && names.size() == 1 ? names.get(0) : null;
        }
    }

    /**
     * An operator parameter such as {@code kind=inner} or {@code hint.strategy=shuffle}.
     *
     * @param name  the parameter's name (dotted)
     * @param value its value: a string literal's content, or the words written
     * @param span  where it is written
     */
    public record OperatorParameter(String name, String value, Span span) implements Node {

        /**
         * @param  parameters parameters
         * @param  name       a name
         * @param  dflt       the default
         * @return            the value of the parameter so named, or the default
         */
        public static String value(List<OperatorParameter> parameters, String name, String dflt) {
            for (OperatorParameter p : parameters) {
                if (p.name().equals(name)) {
                    return p.value();
                }
            }
            return dflt;
        }
    }

    /**
     * {@code name:type}.
     *
     * @param name the column's name
     * @param type the type's name
     * @param span where it is written
     */
    public record ColumnDeclaration(String name, String type, Span span) implements Node {
    }

    /**
     * A table of {@code union} or {@code search in (...)}: an expression, or a name with wildcards.
     *
     * @param expression the expression, or null for a wildcard
     * @param pattern    the wildcard pattern, or null
     * @param span       where it is written
     */
    public record UnionItem(Expression expression, ColumnPattern pattern, Span span) implements Node {
    }

    /**
     * A column name with {@code *} wildcards ({@code Prop*}, {@code *Id}).
     *
     * @param parts the names and wildcards, in order
     * @param span  where it is written
     */
    public record ColumnPattern(List<Part> parts, Span span) implements Node {

        /** @return true when the pattern has a wildcard */
        public boolean wildcard() {
            return parts.stream().anyMatch(Part::wildcard);
        }
    }

    /**
     * A part of a {@link ColumnPattern}.
     *
     * @param name     the name part, or null for {@code *}
     * @param wildcard true for {@code *}
     */
    public record Part(String name, boolean wildcard) {
    }

    /**
     * A key of {@code sort} or {@code top}.
     *
     * @param expression the key
     * @param ascending  true when {@code asc} is written
     * @param nullsFirst true for {@code nulls first}, false for {@code nulls last}, null when not written
     * @param span       where it is written
     */
    public record SortKey(Expression expression, boolean ascending, Boolean nullsFirst, Span span) implements Node {
    }

    /**
     * {@code new = old} of {@code project-rename}.
     *
     * @param to   the new name
     * @param from the old name
     * @param span where it is written
     */
    public record Rename(String to, String from, Span span) implements Node {
    }

    /**
     * An item of {@code project-reorder}.
     *
     * @param pattern   the columns
     * @param direction {@code asc}, {@code desc}, another word written after, or null
     * @param span      where it is written
     */
    public record ReorderItem(ColumnPattern pattern, String direction, Span span) implements Node {
    }

    /**
     * A property of {@code render ... with (...)}.
     *
     * @param name  the property
     * @param value its value when written as an expression, else null
     * @param names its value when written as a list of names ({@code ycolumns=a, b})
     * @param span  where it is written
     */
    public record RenderProperty(String name, Expression value, List<String> names, Span span) implements Node {
    }

    /**
     * An item of {@code mv-expand} or {@code mv-apply}.
     *
     * @param name       the name given, or null
     * @param expression the array or bag
     * @param type       the type of {@code to typeof(...)}, or null
     * @param span       where it is written
     */
    public record MvExpandItem(String name, Expression expression, String type, Span span) implements Node {
    }

    /** A part of the pattern of {@code parse}. */
    public sealed interface ParsePart extends Node {
    }

    /**
     * {@code *} in a parse pattern.
     *
     * @param span where it is written
     */
    public record ParseWildcard(Span span) implements ParsePart {
    }

    /**
     * A string constant in a parse pattern.
     *
     * @param text the text
     * @param span where it is written
     */
    public record ParseText(String text, Span span) implements ParsePart {
    }

    /**
     * A capture {@code name[:type]} in a parse pattern.
     *
     * @param name the column
     * @param type the type's name, or null
     * @param span where it is written
     */
    public record ParseCapture(String name, String type, Span span) implements ParsePart {
    }

    /**
     * An item of {@code make-series}: {@code [name =] aggregation [default = value]}.
     *
     * @param name         the name given, or null
     * @param expression   the aggregation
     * @param defaultValue the default, or null
     * @param span         where it is written
     */
    public record MakeSeriesItem(String name, Expression expression, Expression defaultValue, Span span)
            implements Node {
    }

    /**
     * A level of {@code top-nested}: {@code [N] of col [with others = v] by agg [asc|desc]}.
     *
     * @param count      the N, or null
     * @param of         the column
     * @param others     the value of {@code with others}, or null
     * @param by         the aggregation
     * @param ascending  true when {@code asc} is written
     * @param span       where it is written
     */
    public record TopNestedLevel(Expression count, NamedExpression of, Expression others, NamedExpression by,
            boolean ascending, Span span) implements Node {
    }
}
