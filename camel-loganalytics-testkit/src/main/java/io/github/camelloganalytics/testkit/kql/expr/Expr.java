package io.github.camelloganalytics.testkit.kql.expr;

import io.github.camelloganalytics.testkit.data.ColumnType;

/** A resolved, typed scalar expression. */
public interface Expr {

    /** @return the expression's KQL type, known before any row is read */
    ColumnType type();

    /**
     * @param  frame the row and its context
     * @return       the value (of {@link #type()}'s Java class) or null
     */
    Object eval(Frame frame);

    /**
     * @param  type  the type
     * @param  value the value
     * @return       a constant
     */
    static Expr constant(ColumnType type, Object value) {
        return new Constant(type, value);
    }

    /**
     * A constant: a literal, or a let-bound scalar already evaluated.
     *
     * @param type  its type
     * @param value its value
     */
    record Constant(ColumnType type, Object value) implements Expr {
        @Override
        public Object eval(Frame frame) {
            return value;
        }
    }

    /**
     * A column of the input row.
     *
     * @param type  its type
     * @param index its index
     * @param name  its name
     */
    record ColumnRef(ColumnType type, int index, String name) implements Expr {
        @Override
        public Object eval(Frame frame) {
            return frame.value(index);
        }
    }

    /**
     * Any computed expression.
     *
     * @param type its type
     * @param body how it is computed
     */
    record Computed(ColumnType type, java.util.function.Function<Frame, Object> body) implements Expr {
        @Override
        public Object eval(Frame frame) {
            return body.apply(frame);
        }
    }
}
