package io.github.camelloganalytics.testkit.kql.functions;

import java.util.List;
import java.util.function.Function;

import io.github.camelloganalytics.testkit.data.ColumnType;

/**
 * One aggregation of the catalogue: its name, arguments, the default name of its output column, the result type
 * and a factory of accumulators.
 *
 * @param name         the KQL name
 * @param minArgs      fewest arguments
 * @param maxArgs      most arguments
 * @param columnPrefix the output column's default name is {@code prefix + "_" + argumentName}, or
 *                     {@code prefix + "_"} without a named argument (e.g. {@code count_}, {@code sum_Amount})
 * @param resultType   the result type for the argument types
 * @param accumulator  makes an accumulator for one group, given the argument types
 */
public record AggregateFunction(String name, int minArgs, int maxArgs, String columnPrefix,
        ScalarFunction.ResultType resultType, Function<List<ColumnType>, Accumulator> accumulator) {

    /** Folds the rows of one group. */
    public interface Accumulator {
        /** @param args the aggregation's argument values for one row */
        void add(Object[] args);

        /** @return the group's result */
        Object result();
    }
}
