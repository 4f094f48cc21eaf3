package io.github.camelloganalytics.testkit.kql.functions;

/** Lets the planner bin values as {@code bin_at} does (make-series places each row in its bin). */
public final class MathFunctionsAccess {

    private MathFunctionsAccess() {
    }

    /**
     * @param  value the value
     * @param  size  the bin size
     * @param  at    the fixed point
     * @return       the bin's start
     */
    public static Object binAt(Object value, Object size, Object at) {
        return MathFunctions.bin(value, size, at);
    }
}
