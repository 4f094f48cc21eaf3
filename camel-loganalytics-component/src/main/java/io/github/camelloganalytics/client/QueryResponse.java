package io.github.camelloganalytics.client;

/**
 * What a successful query answered: its body as the {@link BodyReader} made it, or no body when the workspace held
 * no data (204), and the service's request id.
 *
 * @param <T> the body type
 */
public final class QueryResponse<T> {

    private final T body;
    private final boolean noData;
    private final String requestId;

    private QueryResponse(T body, boolean noData, String requestId) {
        this.body = body;
        this.noData = noData;
        this.requestId = requestId;
    }

    static <T> QueryResponse<T> of(T body, String requestId) {
        return new QueryResponse<>(body, false, requestId);
    }

    static <T> QueryResponse<T> noData(String requestId) {
        return new QueryResponse<>(null, true, requestId);
    }

    /** The body, or null when {@link #isNoData()}. */
    public T getBody() {
        return body;
    }

    /** True when the service answered 204 No Content: the workspace holds no data. */
    public boolean isNoData() {
        return noData;
    }

    /** The service's request id ({@code x-ms-request-id}), or the client request id this component sent. */
    public String getRequestId() {
        return requestId;
    }
}
