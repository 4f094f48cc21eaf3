package io.github.camelloganalytics.testkit.kql.ast;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelloganalytics.testkit.data.ColumnType;

/**
 * A scalar expression as written (or, where the grammar cannot tell, a name or call that the resolver may find
 * to denote a table).
 */
public sealed interface Expression extends Node {

    /**
     * A literal: a string, number, bool, timespan or typed literal ({@code datetime(...)}, {@code guid(...)}),
     * its value already read.
     *
     * @param type  its type
     * @param value its value, of the type's Java class (null for a typed null)
     * @param span  where it is written
     */
    record Literal(ColumnType type, Object value, Span span) implements Expression {
    }

    /**
     * {@code dynamic(...)}: a JSON value.
     *
     * @param value the value
     * @param span  where it is written
     */
    record DynamicLiteral(JsonNode value, Span span) implements Expression {
    }

    /**
     * A name: a column, a let name, a table.
     *
     * @param name the name, brackets and quotes removed
     * @param span where it is written
     */
    record Name(String name, Span span) implements Expression {
    }

    /**
     * A function call {@code f(args)}.
     *
     * @param function  the function's name
     * @param arguments its arguments
     * @param span      where it is written
     */
    record Call(String function, List<Argument> arguments, Span span) implements Expression {
    }

    /**
     * A call on an expression, {@code x.f(args)} (entity references such as {@code cluster('c').database('d')}).
     *
     * @param target    the expression before the dot
     * @param function  the function's name
     * @param arguments its arguments
     * @param span      where it is written
     */
    record MemberCall(Expression target, String function, List<Argument> arguments, Span span)
            implements Expression {
    }

    /**
     * A member access {@code x.name} or {@code x['name']}.
     *
     * @param target the expression before it
     * @param member the member's name
     * @param span   where it is written
     */
    record Member(Expression target, String member, Span span) implements Expression {
    }

    /**
     * An index {@code x[i]}.
     *
     * @param target the expression indexed
     * @param index  the index
     * @param span   where it is written
     */
    record Index(Expression target, Expression index, Span span) implements Expression {
    }

    /**
     * {@code -x} or {@code +x}.
     *
     * @param operator {@code -} or {@code +}
     * @param operand  the operand
     * @param span     where it is written
     */
    record Unary(String operator, Expression operand, Span span) implements Expression {
    }

    /**
     * A binary operator: arithmetic ({@code * / % + -}), comparison ({@code == != <> < <= > >= =~ !~} and the
     * string operators such as {@code has}, {@code !contains_cs}), {@code matches regex}, {@code and}, {@code or}.
     *
     * @param operator the operator as written ({@code matches regex} for the regex match)
     * @param left     the left operand
     * @param right    the right operand
     * @param span     where it is written
     */
    record Binary(String operator, Expression left, Expression right, Span span) implements Expression {
    }

    /**
     * {@code x in (...)} and its forms {@code !in}, {@code in~}, {@code !in~}, {@code has_any}, {@code has_all}.
     *
     * @param operator the operator as written
     * @param value    the value tested
     * @param items    the list (scalars, dynamic arrays or tabular expressions)
     * @param span     where it is written
     */
    record In(String operator, Expression value, List<Argument> items, Span span) implements Expression {
    }

    /**
     * {@code x between (low .. high)} or {@code !between}.
     *
     * @param negated true for {@code !between}
     * @param value   the value tested
     * @param low     the lower bound
     * @param high    the upper bound
     * @param span    where it is written
     */
    record Between(boolean negated, Expression value, Expression low, Expression high, Span span)
            implements Expression {
    }

    /**
     * {@code (...)}: a parenthesized expression or subquery.
     *
     * @param pipeline what is inside
     * @param span     where it is written
     */
    record Parenthesized(Pipeline pipeline, Span span) implements Expression {
    }

    /**
     * {@code [a, b]}: an array of expressions.
     *
     * @param items the items
     * @param span  where it is written
     */
    record Array(List<Expression> items, Span span) implements Expression {
    }

    /**
     * A function argument: {@code *}, an expression or subquery, or {@code name = value}.
     *
     * @param name  the name of a named argument, or null
     * @param value the value, or null for {@code *}
     * @param span  where it is written
     */
    record Argument(String name, Pipeline value, Span span) implements Node {

        /** @return true for {@code *} */
        public boolean star() {
            return value == null;
        }

        /** @return the value when it is one expression without operators, else null */
        public Expression expression() {
            return value == null ? null : value.singleExpression();
        }
    }
}
