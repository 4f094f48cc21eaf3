package io.github.camelloganalytics.testkit.kql.functions;

import java.util.List;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.expr.Frame;

/**
 * One scalar function of the catalogue: its name, how many arguments it takes, the type of its result for given
 * argument types, and its implementation.
 *
 * @param name       the KQL name
 * @param minArgs    fewest arguments
 * @param maxArgs    most arguments ({@link Integer#MAX_VALUE} for any number)
 * @param resultType the result type for the argument types; throws {@link IllegalArgumentException} naming the
 *                   argument when they do not fit
 * @param body       the implementation
 * @param nullInNullOut true when any null argument makes the result null without calling the body
 */
public record ScalarFunction(String name, int minArgs, int maxArgs, ResultType resultType, Body body,
        boolean nullInNullOut) {

    /** The result type of a call for its argument types. */
    @FunctionalInterface
    public interface ResultType {
        /**
         * @param  args the argument types
         * @return      the result type
         * @throws IllegalArgumentException when the arguments do not fit
         */
        ColumnType of(List<ColumnType> args);
    }

    /** A function's implementation. */
    @FunctionalInterface
    public interface Body {
        /**
         * @param  args  the argument values
         * @param  types the argument types
         * @param  frame the row being evaluated
         * @return       the result
         */
        Object apply(Object[] args, List<ColumnType> types, Frame frame);
    }

    /** Returns a fixed type whatever the arguments. */
    public static ResultType fixed(ColumnType type) {
        return args -> type;
    }

    /** Returns the type of argument {@code i}. */
    public static ResultType sameAs(int i) {
        return args -> args.get(i);
    }
}
