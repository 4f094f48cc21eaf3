package io.github.camelloganalytics.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * Turns the body of a successful response into the caller's result while it is read from the connection.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface BodyReader<T> {

    /**
     * @param  body      the decoded response body, never empty; the caller closes it
     * @return           the result
     * @throws IOException when the body cannot be read; a {@code MalformedResultException} says it is not the
     *                     documented shape
     */
    T read(InputStream body) throws IOException;
}
