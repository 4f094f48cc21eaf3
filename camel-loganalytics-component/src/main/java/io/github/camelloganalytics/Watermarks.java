package io.github.camelloganalytics;

import java.util.Objects;

import io.github.camelloganalytics.state.ConditionalStateRepository;
import org.apache.camel.spi.StateRepository;

/**
 * Advances a watermark only from the value it was read at. With a {@link ConditionalStateRepository} (such as
 * {@code JdbcStateRepository}) the check and the write are one atomic step; with any other repository they are a
 * read and a write made while holding the repository's monitor, which is atomic for every node of one JVM sharing the
 * instance and narrows, but cannot close, the race between JVMs.
 */
final class Watermarks {

    private final StateRepository<String, String> repository;

    Watermarks(StateRepository<String, String> repository) {
        this.repository = repository;
    }

    /**
     * Sets the key to value if it still holds expected (null: no value yet).
     *
     * @return false if another writer (another node) changed the key since it was read: nothing was written
     */
    boolean advance(String key, String expected, String value) {
        if (repository instanceof ConditionalStateRepository conditional) {
            return conditional.compareAndSetState(key, expected, value);
        }
        synchronized (repository) {
            if (!Objects.equals(repository.getState(key), expected)) {
                return false;
            }
            repository.setState(key, value);
            return true;
        }
    }
}
