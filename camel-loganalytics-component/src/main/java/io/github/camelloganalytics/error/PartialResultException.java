package io.github.camelloganalytics.error;

import io.github.camelloganalytics.result.QueryResult;

import java.util.Collection;
import java.util.Map;

/**
 * The service answered HTTP 200 with the tables and, beside them, an {@code error} ({@code PartialError}): the
 * result is not complete. The most common cause is a result over the service's limits (500,000 rows or about
 * 64 MB), when the rows are cut and the error's details name {@code E_QUERY_RESULT_SET_TOO_LARGE}
 * ({@link #isResultTooLarge()}). Raised unless {@code allowPartialErrors=true}.
 * <p>
 * What to do: {@link #getPartialResult()} holds the data that did arrive. For a result over the limits, narrow the
 * query (fewer columns, a filter, {@code summarize}) or split the time range; to accept incomplete data instead,
 * set {@code allowPartialErrors=true} and read header {@code CamelLogAnalyticsPartialError}.
 */
public class PartialResultException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /** The marker the service puts in the details of a partial error when a result exceeds its limits. */
    public static final String RESULT_SET_TOO_LARGE = "E_QUERY_RESULT_SET_TOO_LARGE";

    private final transient QueryResult partialResult;
    /** The service's error object: plain JSON maps and lists, small, and kept when the exception is serialized. */
    private final Map<String, Object> partialError;

    /**
     * Creates the exception without the partial data (for instance from a catalog entry's factory).
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public PartialResultException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        this(details, entry, null, cause);
    }

    /**
     * Creates the exception with the partial data; {@link ErrorCatalog#partialResult(QueryResult, String)} does
     * this for you.
     *
     * @param details       what the service said; not null
     * @param entry         the catalog entry that matched; not null
     * @param partialResult the tables that did arrive, with the error; or null
     * @param cause         the underlying cause, or null
     */
    public PartialResultException(ErrorDetails details, ErrorCatalog.Entry entry, QueryResult partialResult,
                                  Throwable cause) {
        super(details, entry, cause);
        this.partialResult = partialResult;
        this.partialError = partialResult == null ? null : partialResult.getError();
    }

    /**
     * The result as it arrived (tables cut short, with the error); null when not given, or after serialization.
     *
     * @return the result as it arrived (tables cut short, with the error); null when not given, or after serialization
     */
    public QueryResult getPartialResult() {
        return partialResult;
    }

    /**
     * The service's {@code error} object from beside the tables, as sent: the live service puts the reason in
     * {@code details[i].innererror} ({@code code} a negative number as text, {@code message}, {@code severity},
     * {@code severityName}) and sends no top-level {@code innererror}. Null when not given; kept when the exception is
     * serialized.
     *
     * @return the service's {@code error} object from beside the tables, as sent: the live service puts the reason in
     *         {@code details[i].innererror} ({@code code} a negative number as text, {@code message},
     *         {@code severity}, {@code severityName}) and sends no top-level {@code innererror}
     */
    public Map<String, Object> getPartialError() {
        return partialError;
    }

    /**
     * Whether the service cut the result for exceeding its row or size limits: {@code E_QUERY_RESULT_SET_TOO_LARGE}
     * appears in a code or message of the partial error (at any depth), or in the service message or inner codes.
     *
     * @return whether the service cut the result for exceeding its row or size limits:
     *         {@code E_QUERY_RESULT_SET_TOO_LARGE} appears in a code or message of the partial error (at any depth),
     *         or in the service message or inner codes
     */
    public boolean isResultTooLarge() {
        if (mentions(partialError)) {
            return true;
        }
        String message = getServiceMessage();
        return (message != null && message.contains(RESULT_SET_TOO_LARGE))
                || getDetails().getInnerCodes().contains(RESULT_SET_TOO_LARGE);
    }

    private static boolean mentions(Object node) {
        if (node instanceof String) {
            return ((String) node).contains(RESULT_SET_TOO_LARGE);
        }
        if (node instanceof Map) {
            return mentions(((Map<?, ?>) node).values());
        }
        if (node instanceof Collection) {
            for (Object v : (Collection<?>) node) {
                if (mentions(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
