package io.github.camelloganalytics.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** The seeded randomness of one table's records, with the few shapes realistic telemetry needs. */
final class Rand {

    private final Random random;

    Rand(long seed, String table) {
        // per table, so that reading tables in another order gives the same records
        this.random = new Random(seed * 1_000_003L + table.hashCode());
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int lowInclusive, int highInclusive) {
        return lowInclusive + random.nextInt(highInclusive - lowInclusive + 1);
    }

    double real(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    /** @return a log-normal value with the given median: durations, sizes */
    double logNormal(double median, double sigma) {
        return median * Math.exp(random.nextGaussian() * sigma);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @SafeVarargs
    final <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    /** @return a version 4 UUID drawn from the seed */
    UUID uuid() {
        long hi = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lo = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    String publicIp() {
        return pick("20", "40", "52", "13", "104", "51", "86", "93") + "." + between(1, 254) + "." + between(0, 254)
               + "." + between(1, 254);
    }

    /** @return a jitter of up to the given duration, to the 100 ns tick */
    Duration jitter(Duration max) {
        return Duration.ofNanos((long) (random.nextDouble() * max.toNanos()) / 100 * 100);
    }

    /**
     * @param  t a moment
     * @return   how busy a service is then, 0.3 at night to 1.0 in working hours (UTC), lower at weekends
     */
    static double load(Instant t) {
        var dt = t.atOffset(ZoneOffset.UTC);
        int h = dt.getHour();
        double day = h >= 8 && h < 18 ? 1.0 : h >= 6 && h < 22 ? 0.6 : 0.3;
        int dow = dt.getDayOfWeek().getValue();
        return dow >= 6 ? day * 0.5 : day;
    }
}
