package io.github.camelloganalytics.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted fault, for what has no cause a test can make: throttling, server errors, slowness, broken bodies.
 * Built fluently from {@link Faults}, e.g. {@code emulator.faults().next(3).status(429).retryAfter("1")}; it is
 * active from its first action on.
 *
 * <p>
 * A fault applies to queries that passed authentication and carry a query, i.e. that the service would run. Its
 * status wins over the query's own outcome; its delay comes first; its body action spoils the response the query
 * would otherwise get.
 */
public final class Fault {

    /** What a fault does to the body. */
    enum BodyAction {
        NONE,
        DROP_CONNECTION,
        TRUNCATED,
        MALFORMED,
        PARTIAL_RESULT
    }

    private final AtomicInteger remaining;
    private volatile String query;
    private volatile int status;
    private volatile String retryAfter;
    private volatile String body;
    private volatile Duration delay = Duration.ZERO;
    private volatile BodyAction bodyAction = BodyAction.NONE;
    private volatile boolean armed;

    Fault(int count, String query) {
        this.remaining = new AtomicInteger(count);
        this.query = query;
    }

    /**
     * Limits the fault to the next {@code n} matching calls.
     *
     * @param  n calls, at least 1
     * @return   this fault
     */
    public Fault next(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive");
        }
        remaining.set(n);
        return this;
    }

    /**
     * Limits the fault to calls whose query is exactly this text (ignoring surrounding white space).
     *
     * @param  kql the query
     * @return     this fault
     */
    public Fault forQuery(String kql) {
        this.query = Objects.requireNonNull(kql, "kql").trim();
        return this;
    }

    /**
     * Answers this status with the service's body for it (429 {@code ThrottledError}, 500, 502, 503, 504
     * {@code GatewayTimeout}...).
     *
     * @param  httpStatus the status
     * @return            this fault
     */
    public Fault status(int httpStatus) {
        this.status = httpStatus;
        armed = true;
        return this;
    }

    /**
     * Sends {@code Retry-After} with the scripted status.
     *
     * @param  seconds the header value, e.g. {@code "1"}
     * @return         this fault
     */
    public Fault retryAfter(String seconds) {
        this.retryAfter = Objects.requireNonNull(seconds, "seconds");
        return this;
    }

    /**
     * Replaces the body of the scripted status.
     *
     * @param  json the body
     * @return      this fault
     */
    public Fault body(String json) {
        this.body = Objects.requireNonNull(json, "json");
        return this;
    }

    /**
     * Waits this long before answering; past the request's server timeout ({@code Prefer: wait}) the answer is a
     * 504 {@code GatewayTimeout}, as the service's.
     *
     * @param  duration the delay
     * @return          this fault
     */
    public Fault delay(Duration duration) {
        this.delay = Objects.requireNonNull(duration, "duration");
        armed = true;
        return this;
    }

    /**
     * Sends the status line, headers and half the body, then closes the connection.
     *
     * @return this fault
     */
    public Fault dropConnectionMidBody() {
        bodyAction = BodyAction.DROP_CONNECTION;
        armed = true;
        return this;
    }

    /**
     * Sends a complete HTTP response whose JSON body is cut in half (the {@code Content-Length} says so).
     *
     * @return this fault
     */
    public Fault truncatedBody() {
        bodyAction = BodyAction.TRUNCATED;
        armed = true;
        return this;
    }

    /**
     * Sends a 200 whose body is not valid JSON.
     *
     * @return this fault
     */
    public Fault malformedBody() {
        bodyAction = BodyAction.MALFORMED;
        armed = true;
        return this;
    }

    /**
     * Answers the query with half its rows and a partial error beside them.
     *
     * @return this fault
     */
    public Fault partialResult() {
        bodyAction = BodyAction.PARTIAL_RESULT;
        armed = true;
        return this;
    }

    /** @return matching calls this fault still applies to */
    public int remaining() {
        return Math.max(0, remaining.get());
    }

    boolean tryConsume(String callQuery) {
        if (!armed) {
            return false;
        }
        String q = query;
        if (q != null && (callQuery == null || !q.equals(callQuery.trim()))) {
            return false;
        }
        while (true) {
            int r = remaining.get();
            if (r <= 0) {
                return false;
            }
            if (remaining.compareAndSet(r, r - 1)) {
                return true;
            }
        }
    }

    int status() {
        return status;
    }

    String retryAfterValue() {
        return retryAfter;
    }

    String bodyValue() {
        return body;
    }

    Duration delayValue() {
        return delay;
    }

    BodyAction bodyAction() {
        return bodyAction;
    }
}
