package io.github.camelloganalytics.result;

import java.io.IOException;

/**
 * The response body is not the shape the Log Analytics query API documents: not JSON, cut short, a row whose
 * length differs from its table's column count, an unknown column type, or a value that cannot be of its column's
 * type. The message says what was expected and, when known, where: the table, the row and the column.
 * <p>
 * It is an {@link IOException} because it is a failure to read the response; an I/O failure of the stream itself
 * (a reset connection, a read timeout) is never turned into this exception, so the two can be told apart.
 */
public class MalformedResultException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was expected, what was found and where
     */
    public MalformedResultException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and where
     * @param cause   the parser's or converter's own failure, kept for its details
     */
    public MalformedResultException(String message, Throwable cause) {
        super(message, cause);
    }
}
