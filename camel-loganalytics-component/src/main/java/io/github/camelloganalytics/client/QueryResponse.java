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
    private final String preferenceApplied;

    private QueryResponse(T body, boolean noData, String requestId, String preferenceApplied) {
        this.body = body;
        this.noData = noData;
        this.requestId = requestId;
        this.preferenceApplied = preferenceApplied;
    }

    static <T> QueryResponse<T> of(T body, String requestId, String preferenceApplied) {
        return new QueryResponse<>(body, false, requestId, preferenceApplied);
    }

    static <T> QueryResponse<T> noData(String requestId, String preferenceApplied) {
        return new QueryResponse<>(null, true, requestId, preferenceApplied);
    }

    /**
     * The body, or null when {@link #isNoData()}.
     *
     * @return the body, or null when {@link #isNoData()}
     */
    public T getBody() {
        return body;
    }

    /**
     * True when the service answered 204 No Content: the workspace holds no data.
     *
     * @return true when the service answered 204 No Content: the workspace holds no data
     */
    public boolean isNoData() {
        return noData;
    }

    /**
     * The request id: the service's own {@code x-ms-request-id} when it sends one (the live query API does not), else
     * the client request id this component sent as {@code x-ms-client-request-id}, which the service echoes.
     *
     * @return the request id: the service's own {@code x-ms-request-id} when it sends one (the live query API does
     *         not), else the client request id this component sent as {@code x-ms-client-request-id}, which the
     *         service echoes
     */
    public String getRequestId() {
        return requestId;
    }

    /**
     * The service's {@code Preference-Applied} header: which of the {@code Prefer} preferences it applied, and how
     * ({@code wait=10} when {@code wait=5} was asked, say); null when it sent none.
     *
     * @return the service's {@code Preference-Applied} header: which of the {@code Prefer} preferences it applied, and
     *         how ({@code wait=10} when {@code wait=5} was asked, say); null when it sent none
     */
    public String getPreferenceApplied() {
        return preferenceApplied;
    }
}
