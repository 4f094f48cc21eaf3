package io.github.camelloganalytics.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The emulator's clock: what {@code now()} and {@code ago()} mean in a query, where a relative {@code timespan}
 * ends, and where the sample workspace's records end. It follows the system clock unless fixed at an instant or set
 * off it by a duration, so that time-relative queries give the same answer on every run:
 *
 * <pre>{@code
 * emulator.clock().fixAt(Instant.parse("2026-03-01T12:00:00Z")); // now() is always this instant
 * emulator.clock().offsetBy(Duration.ofDays(-1));                 // now() runs, a day behind the system clock
 * emulator.clock().advance(Duration.ofMinutes(5));                // moves either kind forward
 * }</pre>
 *
 * Thread-safe; changes apply to the next query.
 */
public final class EmulatorClock extends Clock {

    private record State(Clock base, Duration offset) {
    }

    private volatile State state = new State(Clock.systemUTC(), Duration.ZERO);

    /** @return a clock following the system clock */
    public static EmulatorClock system() {
        return new EmulatorClock();
    }

    /**
     * Stops the clock at an instant.
     *
     * @param  instant the instant {@code now()} answers from now on
     * @return         this clock
     */
    public EmulatorClock fixAt(Instant instant) {
        state = new State(Clock.fixed(Objects.requireNonNull(instant, "instant"), ZoneOffset.UTC), Duration.ZERO);
        return this;
    }

    /**
     * Makes the clock run with the system clock, set off by a duration.
     *
     * @param  offset added to the system clock (negative for the past)
     * @return        this clock
     */
    public EmulatorClock offsetBy(Duration offset) {
        state = new State(Clock.systemUTC(), Objects.requireNonNull(offset, "offset"));
        return this;
    }

    /**
     * Makes the clock follow another clock (a test's own).
     *
     * @param  clock the clock to follow
     * @return       this clock
     */
    public EmulatorClock follow(Clock clock) {
        state = new State(Objects.requireNonNull(clock, "clock"), Duration.ZERO);
        return this;
    }

    /**
     * Moves the clock, fixed or running, by a duration.
     *
     * @param  by how far (negative to go back)
     * @return    this clock
     */
    public synchronized EmulatorClock advance(Duration by) {
        State s = state;
        state = new State(s.base(), s.offset().plus(by));
        return this;
    }

    /** @return this clock, following the system clock again */
    public EmulatorClock useSystemTime() {
        state = new State(Clock.systemUTC(), Duration.ZERO);
        return this;
    }

    @Override
    public Instant instant() {
        State s = state;
        return s.base().instant().plus(s.offset());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** @return a clock of the given zone reading this clock's instants */
    @Override
    public Clock withZone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return this;
        }
        EmulatorClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public String toString() {
        return "EmulatorClock[" + state.base() + (state.offset().isZero() ? "" : " " + state.offset()) + "]";
    }
}
