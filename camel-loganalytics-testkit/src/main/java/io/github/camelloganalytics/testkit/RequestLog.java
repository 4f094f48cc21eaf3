package io.github.camelloganalytics.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every request an emulator answered, oldest first, for tests to assert on (what the component sent, which
 * headers, how often it retried). An entry is recorded before the response is sent, so it is there when the
 * client sees the answer.
 */
public final class RequestLog {

    private final List<LoggedRequest> entries = new CopyOnWriteArrayList<>();

    void add(LoggedRequest request) {
        entries.add(request);
    }

    /** @return a snapshot of the entries, oldest first */
    public List<LoggedRequest> entries() {
        return new ArrayList<>(entries);
    }

    /** @return the number of entries */
    public int size() {
        return entries.size();
    }

    /**
     * @return the newest entry
     * @throws IllegalStateException when there is none
     */
    public LoggedRequest last() {
        if (entries.isEmpty()) {
            throw new IllegalStateException("No request was received");
        }
        return entries.get(entries.size() - 1);
    }

    /** Forgets every entry. */
    public void clear() {
        entries.clear();
    }
}
