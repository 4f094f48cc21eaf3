package io.github.camelloganalytics.error;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the service (or the client, when there was no answer) said about one failed request, as plain values.
 * Immutable; build one with {@link #builder()}.
 * <p>
 * For a query API error body {@code {"error":{"code","message","innererror":{...}}}} the {@link #getCode() code} is
 * {@code error.code}, the {@link #getInnerCode() inner code} is the first-level {@code innererror.code}, the
 * {@link #getInnerCodes() inner codes} are every {@code innererror.code} down the chain, and the
 * {@link #getServiceMessage() service message} is the deepest message. For a token endpoint body
 * {@code {"error":"invalid_grant","error_description":...,"error_codes":[...]}} the code is the {@code error} string,
 * the service message is {@code error_description} and {@link #getErrorCodes()} holds {@code error_codes}.
 */
public final class ErrorDetails implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The most characters of a response body kept in {@link #getResponseBody()}: 64 KiB. */
    public static final int MAX_BODY_CHARS = 64 * 1024;

    /** The HTTP status, 0 when there was no response. */
    private final int status;
    /** The service's {@code error.code} or the token endpoint's {@code error}; may be null. */
    private final String code;
    /** The first-level {@code innererror.code}; may be null. */
    private final String innerCode;
    /** Every {@code innererror.code}, first level first. */
    private final List<String> innerCodes;
    /** The most specific message the service gave; may be null. */
    private final String serviceMessage;
    /** The raw response body, at most {@link #MAX_BODY_CHARS} characters; may be null. */
    private final String responseBody;
    /** The request id of the failed request; may be null. */
    private final String requestId;
    /** The error body's {@code correlationId}; may be null. */
    private final String correlationId;
    /** How long the service asked to wait ({@code Retry-After}); may be null. */
    private final Duration retryAfter;
    /** The token endpoint's {@code error_codes}. */
    private final List<Integer> errorCodes;

    private ErrorDetails(Builder b) {
        this.status = b.status;
        this.code = b.code;
        this.innerCodes = b.innerCodes == null ? List.of() : List.copyOf(b.innerCodes);
        this.innerCode = b.innerCode != null ? b.innerCode : (innerCodes.isEmpty() ? null : innerCodes.get(0));
        this.serviceMessage = b.serviceMessage;
        this.responseBody = cap(b.responseBody);
        this.requestId = b.requestId;
        this.correlationId = b.correlationId;
        this.retryAfter = b.retryAfter == null ? null : (b.retryAfter.isNegative() ? Duration.ZERO : b.retryAfter);
        this.errorCodes = b.errorCodes == null ? List.of() : List.copyOf(b.errorCodes);
    }

    private static String cap(String body) {
        if (body == null || body.length() <= MAX_BODY_CHARS) {
            return body;
        }
        return body.substring(0, MAX_BODY_CHARS);
    }

    /**
     * A new, empty builder.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The details of a failure that had no HTTP response (status 0), such as a client-side timeout.
     *
     * @param requestId the request id the client sent or was given, or null
     * @param message   what happened, in words; becomes the service message
     * @return the details
     */
    public static ErrorDetails withoutResponse(String requestId, String message) {
        return builder().requestId(requestId).serviceMessage(message).build();
    }

    /**
     * A builder pre-filled with these details, to derive a changed copy.
     *
     * @return this builder
     */
    public Builder toBuilder() {
        return new Builder().status(status).code(code).innerCodes(innerCodes).innerCode(innerCode)
                .serviceMessage(serviceMessage).responseBody(responseBody).requestId(requestId).correlationId(correlationId)
                .retryAfter(retryAfter).errorCodes(errorCodes);
    }

    /**
     * The HTTP status of the response, or 0 when there was no HTTP response.
     *
     * @return the HTTP status of the response, or 0 when there was no HTTP response
     */
    public int getStatus() {
        return status;
    }

    /**
     * The service's {@code error.code} (or the token endpoint's {@code error}), or null.
     *
     * @return the service's {@code error.code} (or the token endpoint's {@code error}), or null
     */
    public String getCode() {
        return code;
    }

    /**
     * The first-level {@code innererror.code}, or null.
     *
     * @return the first-level {@code innererror.code}, or null
     */
    public String getInnerCode() {
        return innerCode;
    }

    /**
     * Every {@code innererror.code} from the first level down to the deepest; empty when there is none.
     *
     * @return every {@code innererror.code} from the first level down to the deepest; empty when there is none
     */
    public List<String> getInnerCodes() {
        return innerCodes;
    }

    /**
     * The most specific message the service gave: the deepest {@code innererror.message}, else
     * {@code error.message}, else (token endpoint) {@code error_description}; or null.
     *
     * @return the most specific message the service gave: the deepest {@code innererror.message}, else
     *         {@code error.message}, else (token endpoint) {@code error_description}; or null
     */
    public String getServiceMessage() {
        return serviceMessage;
    }

    /**
     * The raw response body, at most {@link #MAX_BODY_CHARS} characters; null when there was none.
     *
     * @return the raw response body, at most {@link #MAX_BODY_CHARS} characters; null when there was none
     */
    public String getResponseBody() {
        return responseBody;
    }

    /**
     * The request id: the client request id the component sent as {@code x-ms-client-request-id} (which the service
     * echoes), or the service's own {@code x-ms-request-id} when it sent one; for token requests, the token request's
     * correlation id. Null when unknown.
     *
     * @return the request id: the client request id the component sent as {@code x-ms-client-request-id} (which the
     *         service echoes), or the service's own {@code x-ms-request-id} when it sent one; for token requests, the
     *         token request's correlation id
     */
    public String getRequestId() {
        return requestId;
    }

    /**
     * The service's {@code error.correlationId}: the id Microsoft support asks for, which the query API puts in every
     * error body; null when the body had none (a proxy's page, a failure without response).
     *
     * @return the service's {@code error.correlationId}: the id Microsoft support asks for, which the query API puts
     *         in every error body; null when the body had none (a proxy's page, a failure without response)
     */
    public String getCorrelationId() {
        return correlationId;
    }

    /**
     * How long the service asked to wait before trying again ({@code Retry-After} on a 429 or a 503), never negative;
     * or null. {@link Duration#ZERO} means "at once": the live service sends {@code retry-after: 0}.
     *
     * @return how long the service asked to wait before trying again ({@code Retry-After} on a 429 or a 503), never
     *         negative; or null
     */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    /**
     * The token endpoint's {@code error_codes} (AADSTS numbers); empty when there were none.
     *
     * @return the token endpoint's {@code error_codes} (AADSTS numbers); empty when there were none
     */
    public List<Integer> getErrorCodes() {
        return errorCodes;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ErrorDetails)) {
            return false;
        }
        ErrorDetails d = (ErrorDetails) o;
        return status == d.status && Objects.equals(code, d.code) && Objects.equals(innerCode, d.innerCode)
                && innerCodes.equals(d.innerCodes) && Objects.equals(serviceMessage, d.serviceMessage)
                && Objects.equals(responseBody, d.responseBody) && Objects.equals(requestId, d.requestId)
                && Objects.equals(correlationId, d.correlationId)
                && Objects.equals(retryAfter, d.retryAfter) && errorCodes.equals(d.errorCodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, code, innerCode, innerCodes, serviceMessage, responseBody, requestId, correlationId,
                retryAfter, errorCodes);
    }

    /** The values without the response body, for logs. */
    @Override
    public String toString() {
        return "ErrorDetails[status=" + status + ", code=" + code + ", innerCodes=" + innerCodes
                + ", serviceMessage=" + serviceMessage + ", requestId=" + requestId
                + (correlationId == null ? "" : ", correlationId=" + correlationId) + ", retryAfter=" + retryAfter
                + (errorCodes.isEmpty() ? "" : ", errorCodes=" + errorCodes) + "]";
    }

    /** Builds an {@link ErrorDetails}; every value is optional. */
    public static final class Builder {
        private int status;
        private String code;
        private String innerCode;
        private List<String> innerCodes;
        private String serviceMessage;
        private String responseBody;
        private String requestId;
        private String correlationId;
        private Duration retryAfter;
        private List<Integer> errorCodes;

        private Builder() {
        }

        /**
         * The HTTP status, 0 when there was no response.
         *
         * @param status the HTTP status, 0 when there was no response
         * @return this builder
         */
        public Builder status(int status) {
            this.status = status;
            return this;
        }

        /**
         * The service's {@code error.code} or the token endpoint's {@code error}.
         *
         * @param code the service's {@code error.code} or the token endpoint's {@code error}
         * @return this builder
         */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /**
         * The first-level inner code; when not set, the first of {@link #innerCodes(List)}.
         *
         * @param innerCode the first-level inner code; when not set, the first of {@link #innerCodes(List)}
         * @return this builder
         */
        public Builder innerCode(String innerCode) {
            this.innerCode = innerCode;
            return this;
        }

        /**
         * The chain of inner codes, first level first.
         *
         * @param innerCodes the chain of inner codes, first level first
         * @return this builder
         */
        public Builder innerCodes(List<String> innerCodes) {
            this.innerCodes = innerCodes == null ? null : new ArrayList<>(innerCodes);
            return this;
        }

        /**
         * The most specific message.
         *
         * @param serviceMessage the most specific message
         * @return this builder
         */
        public Builder serviceMessage(String serviceMessage) {
            this.serviceMessage = serviceMessage;
            return this;
        }

        /**
         * The raw body; cut to {@link #MAX_BODY_CHARS} characters.
         *
         * @param responseBody the raw body; cut to {@link #MAX_BODY_CHARS} characters
         * @return this builder
         */
        public Builder responseBody(String responseBody) {
            this.responseBody = responseBody;
            return this;
        }

        /**
         * The service's request id.
         *
         * @param requestId the service's request id
         * @return this builder
         */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /**
         * The service's {@code error.correlationId}.
         *
         * @param correlationId the service's {@code error.correlationId}
         * @return this builder
         */
        public Builder correlationId(String correlationId) {
            this.correlationId = correlationId;
            return this;
        }

        /**
         * How long the service asked to wait; a negative value is kept as zero.
         *
         * @param retryAfter how long the service asked to wait; a negative value is kept as zero
         * @return this builder
         */
        public Builder retryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
            return this;
        }

        /**
         * The token endpoint's {@code error_codes}.
         *
         * @param errorCodes the token endpoint's {@code error_codes}
         * @return this builder
         */
        public Builder errorCodes(List<Integer> errorCodes) {
            this.errorCodes = errorCodes == null ? null : new ArrayList<>(errorCodes);
            return this;
        }

        /**
         * The immutable details.
         *
         * @return the immutable details
         */
        public ErrorDetails build() {
            return new ErrorDetails(this);
        }
    }
}
