package io.github.camelloganalytics.testkit.kql;

import java.util.List;

/** The parsed form of a query: plain data, checked and typed later against the tables it names. */
final class Ast {

    private Ast() {
    }

    /**
     * A whole query: its let statements, the source table and the operators piped after it. A query starting with
     * {@code print} has the {@code print} keyword as its source and the printed columns in {@code print}; otherwise
     * {@code print} is null.
     */
    record Query(List<Let> lets, Token source, List<Named> print, List<Op> ops) {
    }

    /** {@code let name = scalar;} */
    record Let(Token name, Expr value) {
    }

    /** A tabular operator. */
    sealed interface Op permits Where, Project, Extend, Take, Sort, Count, Summarize, Render {
        /** @return the operator's keyword, for error messages ({@code 'where' operator: ...}) */
        String keyword();
    }

    /** {@code where predicate}. */
    record Where(Expr predicate) implements Op {
        @Override
        public String keyword() {
            return "where";
        }
    }

    /** {@code project a, b = expr}. */
    record Project(List<Named> items) implements Op {
        @Override
        public String keyword() {
            return "project";
        }
    }

    /** {@code extend a = expr}. */
    record Extend(List<Named> items) implements Op {
        @Override
        public String keyword() {
            return "extend";
        }
    }

    /** {@code take N} / {@code limit N}. */
    record Take(String word, Expr count) implements Op {
        @Override
        public String keyword() {
            return word;
        }
    }

    /** {@code order by} / {@code sort by}. */
    record Sort(String word, List<SortKey> keys) implements Op {
        @Override
        public String keyword() {
            return word;
        }
    }

    /** {@code count}. */
    record Count() implements Op {
        @Override
        public String keyword() {
            return "count";
        }
    }

    /** {@code summarize [name =] count() [by ...]}. */
    record Summarize(String countName, List<Named> by) implements Op {
        @Override
        public String keyword() {
            return "summarize";
        }
    }

    /** {@code render visualization}. */
    record Render(String visualization) implements Op {
        @Override
        public String keyword() {
            return "render";
        }
    }

    /** An expression with an optional output name ({@code name = expr}). */
    record Named(String name, Expr expr) {
    }

    /** An order-by key. */
    record SortKey(Expr expr, boolean ascending) {
    }

    /** A scalar expression. */
    sealed interface Expr permits Literal, Name, Call, Unary, Binary, Between {
        /** @return the token where the expression starts, for messages */
        Token at();
    }

    /** A literal value already of its KQL type. */
    record Literal(Token at, Object value, io.github.camelloganalytics.testkit.data.ColumnType type) implements Expr {
    }

    /** A column or let name. */
    record Name(Token at) implements Expr {
    }

    /** A function call. */
    record Call(Token at, String function, List<Expr> args) implements Expr {
    }

    /** Unary minus. */
    record Unary(Token at, Expr operand) implements Expr {
    }

    /** A binary operator: comparison, string operator, and/or, arithmetic. */
    record Binary(Token at, String operator, Expr left, Expr right) implements Expr {
    }

    /** {@code x between (lo .. hi)} and {@code !between}. */
    record Between(Token at, Expr value, Expr low, Expr high, boolean negated) implements Expr {
    }
}
