package io.github.camelloganalytics.benchmarks;

/**
 * Where a contender puts every value it read, so that no reading can be optimised away. Primitive overloads keep
 * the floor from paying for boxing it would not otherwise do.
 */
public interface Sink {

    /** @param value a value read */
    void consume(Object value);

    /** @param value a value read */
    void consume(long value);

    /** @param value a value read */
    void consume(double value);

    /** @param value a value read */
    void consume(boolean value);

    /** A sink folding values into a number, for runs outside JMH. */
    final class Folding implements Sink {
        private long hash;

        @Override
        public void consume(Object value) {
            hash = 31 * hash + (value == null ? 0 : value.hashCode());
        }

        @Override
        public void consume(long value) {
            hash = 31 * hash + value;
        }

        @Override
        public void consume(double value) {
            hash = 31 * hash + Double.hashCode(value);
        }

        @Override
        public void consume(boolean value) {
            hash = 31 * hash + (value ? 1 : 0);
        }

        /** @return the fold of everything consumed */
        public long hash() {
            return hash;
        }
    }
}
