package io.github.camelloganalytics.error;

/**
 * The response body grew past the client's limit, the option {@code maxResponseSize} (measured after gzip
 * decoding), and was not read further. It is a {@link MalformedResponseException}: no result is delivered.
 * <p>
 * What to do: the service itself cuts a result at 500,000 records or about 64 MB and answers with a partial error,
 * so a larger body comes from something else (a proxy, a wrong {@code host}, a broken server). For a legitimately
 * large result, raise {@code maxResponseSize} (and the heap with it), or narrow the query or its timespan.
 */
public class ResponseTooLargeException extends MalformedResponseException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public ResponseTooLargeException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
