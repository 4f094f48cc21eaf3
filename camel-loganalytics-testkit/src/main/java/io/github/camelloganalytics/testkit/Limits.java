package io.github.camelloganalytics.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The service limits an emulator enforces, with the service's values as defaults. Change them before traffic
 * starts (e.g. a row limit of 10 to provoke the too-large partial error without half a million rows).
 */
public final class Limits {

    /** The API versions the ARM door accepts by default: the one Microsoft documents for the query API via ARM. */
    public static final List<String> DEFAULT_ARM_API_VERSIONS = List.of("2017-10-01");

    private volatile int rowLimit = 500_000;
    private volatile int maxConcurrentPerClient = 5;
    private volatile int maxQueuedPerClient = 200;
    private volatile Duration maxQueueWait = Duration.ofMinutes(3);
    private volatile String throttleRetryAfter = "10";
    private volatile Duration defaultServerTimeout = Duration.ofSeconds(180);
    private volatile List<String> armApiVersions = DEFAULT_ARM_API_VERSIONS;

    /** @return rows a result may hold; past it the result is truncated with the E_QUERY_RESULT_SET_TOO_LARGE partial error */
    public int rowLimit() {
        return rowLimit;
    }

    /**
     * @param  rowLimit rows a result may hold (service: 500,000)
     * @return          these limits
     */
    public Limits rowLimit(int rowLimit) {
        if (rowLimit < 1) {
            throw new IllegalArgumentException("rowLimit must be positive");
        }
        this.rowLimit = rowLimit;
        return this;
    }

    /** @return queries one client may have running at once; more wait in its queue */
    public int maxConcurrentPerClient() {
        return maxConcurrentPerClient;
    }

    /**
     * @param  max queries one client may have running at once (service: 5)
     * @return     these limits
     */
    public Limits maxConcurrentPerClient(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConcurrentPerClient must be positive");
        }
        this.maxConcurrentPerClient = max;
        return this;
    }

    /** @return queries that may wait in one client's queue; one more is answered 429 */
    public int maxQueuedPerClient() {
        return maxQueuedPerClient;
    }

    /**
     * @param  max queries that may wait in one client's queue (service: 200); 0 answers 429 as soon as all slots are
     *             busy
     * @return     these limits
     */
    public Limits maxQueuedPerClient(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("maxQueuedPerClient must not be negative");
        }
        this.maxQueuedPerClient = max;
        return this;
    }

    /** @return how long a query may wait in the queue before it is answered 429 */
    public Duration maxQueueWait() {
        return maxQueueWait;
    }

    /**
     * @param  wait how long a query may wait in the queue (service: 3 minutes)
     * @return      these limits
     */
    public Limits maxQueueWait(Duration wait) {
        this.maxQueueWait = Objects.requireNonNull(wait, "wait");
        return this;
    }

    /** @return the {@code Retry-After} value (seconds) sent with a 429 for a full queue */
    public String throttleRetryAfter() {
        return throttleRetryAfter;
    }

    /**
     * @param  seconds the {@code Retry-After} value sent with a 429 for a full queue
     * @return         these limits
     */
    public Limits throttleRetryAfter(String seconds) {
        this.throttleRetryAfter = Objects.requireNonNull(seconds, "seconds");
        return this;
    }

    /** @return the server timeout when the request sends no {@code Prefer: wait} */
    public Duration defaultServerTimeout() {
        return defaultServerTimeout;
    }

    /**
     * @param  timeout the server timeout when the request sends no {@code Prefer: wait} (service: 180 s)
     * @return         these limits
     */
    public Limits defaultServerTimeout(Duration timeout) {
        this.defaultServerTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    /** @return the {@code api-version} values the ARM door accepts */
    public List<String> armApiVersions() {
        return armApiVersions;
    }

    /**
     * @param  versions the {@code api-version} values the ARM door accepts
     * @return          these limits
     */
    public Limits armApiVersions(List<String> versions) {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("At least one ARM api-version is needed");
        }
        this.armApiVersions = List.copyOf(versions);
        return this;
    }
}
