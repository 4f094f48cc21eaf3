package io.github.camelloganalytics.testkit;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The scripted faults of an emulator; the first fault that matches a call applies to it. */
public final class Faults {

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /**
     * Starts a fault for the next {@code n} calls.
     *
     * @param  n calls, at least 1
     * @return   the fault, to say what it does
     */
    public Fault next(int n) {
        Fault f = new Fault(1, null).next(n);
        faults.add(f);
        return f;
    }

    /**
     * Starts a fault for every call of this query (limit it with {@link Fault#next(int)}).
     *
     * @param  kql the query, as sent
     * @return     the fault, to say what it does
     */
    public Fault forQuery(String kql) {
        Fault f = new Fault(Integer.MAX_VALUE, null).forQuery(kql);
        faults.add(f);
        return f;
    }

    /** Removes every scripted fault. */
    public void clear() {
        faults.clear();
    }

    /** @return the faults scripted and not used up */
    public List<Fault> pending() {
        return faults.stream().filter(f -> f.remaining() > 0).toList();
    }

    Optional<Fault> take(String query) {
        for (Fault f : faults) {
            if (f.tryConsume(query)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
