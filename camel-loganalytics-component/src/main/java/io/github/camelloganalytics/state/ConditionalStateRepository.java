package io.github.camelloganalytics.state;

import org.apache.camel.spi.StateRepository;

/**
 * A {@link StateRepository} that can replace a value only if it is still the one expected, atomically. The
 * {@code loganalytics} incremental consumer advances its watermark this way when its repository offers it, so that a
 * node that lost the lead (under {@code master:}, say) while its window was in the route cannot write its older
 * window end over what the new leader committed since: the write finds another value and is not made.
 */
public interface ConditionalStateRepository extends StateRepository<String, String> {

    /**
     * Sets the state of a key to a value only if its current state is the one expected, as one atomic step.
     *
     * @param  key      the key
     * @param  expected the state the key must have, or null if the key must have none
     * @param  value    the new state
     * @return          true if the state was set, false if the key's state was not the one expected
     */
    boolean compareAndSetState(String key, String expected, String value);
}
