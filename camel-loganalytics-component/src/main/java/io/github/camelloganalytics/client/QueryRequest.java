package io.github.camelloganalytics.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One query, as the API takes it: what it is addressed to ({@link ApiTarget}), the KQL text, the time range, the
 * other workspaces it spans and the preferences sent in the {@code Prefer} header. Immutable; build with
 * {@link #builder()}.
 * <p>
 * A request may leave its target, time range, workspaces and preferences unset: in a batch
 * ({@code operation=BATCH}) the endpoint's settings fill them ({@link #withDefaults(Builder)}), so an item states
 * only what differs, e.g. {@code QueryRequest.builder().query("Heartbeat | count").target(ApiTarget.workspace(id)).build()}.
 */
public final class QueryRequest {

    private final ApiTarget target;
    private final String query;
    private final String timespan;
    private final List<String> additionalWorkspaces;
    private final Duration serverTimeout;
    private final Boolean includeStatistics;
    private final Boolean includeVisualization;

    private QueryRequest(Builder b) {
        if (b.query == null || b.query.isBlank()) {
            throw new IllegalArgumentException("query is required");
        }
        this.target = b.target;
        this.query = b.query;
        this.timespan = b.timespan;
        this.additionalWorkspaces = b.additionalWorkspaces == null ? null : List.copyOf(b.additionalWorkspaces);
        this.serverTimeout = b.serverTimeout;
        this.includeStatistics = b.includeStatistics;
        this.includeVisualization = b.includeVisualization;
    }

    /**
     * A builder with nothing set; a query is required.
     *
     * @return a builder with nothing set; a query is required
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * This request with what it leaves unset taken from {@code defaults}: the target, time range, additional
     * workspaces, server timeout and the two include preferences, each on its own.
     *
     * @param  defaults                 the settings to fall back on (e.g. an endpoint's); its query is ignored
     * @return                          the completed request (this one when nothing was unset)
     * @throws IllegalArgumentException never for a valid request: the defaults' values were checked when set
     */
    public QueryRequest withDefaults(Builder defaults) {
        Builder b = new Builder();
        b.target = target != null ? target : defaults.target;
        b.query = query;
        b.timespan = timespan != null ? timespan : defaults.timespan;
        b.additionalWorkspaces = additionalWorkspaces != null ? additionalWorkspaces : defaults.additionalWorkspaces;
        b.serverTimeout = serverTimeout != null ? serverTimeout : defaults.serverTimeout;
        b.includeStatistics = includeStatistics != null ? includeStatistics : defaults.includeStatistics;
        b.includeVisualization = includeVisualization != null ? includeVisualization : defaults.includeVisualization;
        return new QueryRequest(b);
    }

    /**
     * What the query is addressed to, or null when the request leaves it to an endpoint's setting.
     *
     * @return what the query is addressed to, or null when the request leaves it to an endpoint's setting
     */
    public ApiTarget getTarget() {
        return target;
    }

    /**
     * The workspace id of a direct-API target, else null.
     *
     * @return the workspace id of a direct-API target, else null
     */
    public String getWorkspaceId() {
        return target != null ? target.getWorkspaceId() : null;
    }

    /**
     * The KQL text.
     *
     * @return the KQL text
     */
    public String getQuery() {
        return query;
    }

    /**
     * The ISO 8601 duration or interval the query covers, or null for the query's own filters only.
     *
     * @return the ISO 8601 duration or interval the query covers, or null for the query's own filters only
     */
    public String getTimespan() {
        return timespan;
    }

    /**
     * Further workspaces a cross-workspace query spans; empty for a single workspace.
     *
     * @return further workspaces a cross-workspace query spans; empty for a single workspace
     */
    public List<String> getAdditionalWorkspaces() {
        return additionalWorkspaces != null ? additionalWorkspaces : List.of();
    }

    /**
     * How long the service may run the query ({@code Prefer: wait}), or null for its default.
     *
     * @return how long the service may run the query ({@code Prefer: wait}), or null for its default
     */
    public Duration getServerTimeout() {
        return serverTimeout;
    }

    /**
     * Whether the service is asked for query statistics.
     *
     * @return whether the service is asked for query statistics
     */
    public boolean isIncludeStatistics() {
        return Boolean.TRUE.equals(includeStatistics);
    }

    /**
     * Whether the service is asked for the query's render instructions.
     *
     * @return whether the service is asked for the query's render instructions
     */
    public boolean isIncludeVisualization() {
        return Boolean.TRUE.equals(includeVisualization);
    }

    /**
     * The {@code Prefer} header value for this request, or null when nothing is preferred. The service takes its
     * preferences comma-separated in one header, as the Azure SDK sends them.
     *
     * @return the {@code Prefer} header value for this request, or null when nothing is preferred
     */
    public String preferHeader() {
        StringBuilder prefer = new StringBuilder();
        if (serverTimeout != null) {
            prefer.append("wait=").append(serverTimeout.toSeconds());
        }
        if (isIncludeStatistics()) {
            prefer.append(prefer.length() > 0 ? "," : "").append("include-statistics=true");
        }
        if (isIncludeVisualization()) {
            prefer.append(prefer.length() > 0 ? "," : "").append("include-render=true");
        }
        return prefer.length() > 0 ? prefer.toString() : null;
    }

    @Override
    public String toString() {
        return "QueryRequest[target=" + target + ", timespan=" + timespan + ", query=" + query + "]";
    }

    /** Builds a {@link QueryRequest}; what is not set stays unset (see {@link QueryRequest#withDefaults}). */
    public static final class Builder {
        private ApiTarget target;
        private String query;
        private String timespan;
        private List<String> additionalWorkspaces;
        private Duration serverTimeout;
        private Boolean includeStatistics;
        private Boolean includeVisualization;

        private Builder() {
        }

        /**
         * What the query is addressed to: a direct workspace, an ARM workspace or a resource.
         *
         * @param target what the query is addressed to: a direct workspace, an ARM workspace or a resource
         * @return this builder
         */
        public Builder target(ApiTarget target) {
            this.target = target;
            return this;
        }

        /**
         * Shorthand for {@code target(ApiTarget.workspace(workspaceId))}.
         *
         * @param workspaceId shorthand for {@code target(ApiTarget.workspace(workspaceId))}
         * @return this builder
         */
        public Builder workspaceId(String workspaceId) {
            this.target = ApiTarget.workspace(workspaceId);
            return this;
        }

        /**
         * The KQL text; required.
         *
         * @param query the KQL text; required
         * @return this builder
         */
        public Builder query(String query) {
            this.query = query;
            return this;
        }

        /**
         * The time range the query covers.
         *
         * @param timespan an ISO 8601 duration back from now ({@code PT1H}) or an ISO 8601 interval
         *                 (<code>start/end</code>, <code>start/duration</code>); null for the query's own filters only
         * @return this builder
         * @throws IllegalArgumentException when the value is not an ISO 8601 duration or interval
         */
        public Builder timespan(String timespan) {
            this.timespan = timespan == null ? null : Timespan.validate(timespan);
            return this;
        }

        /**
         * Further workspaces the query spans (ids, names or resource ids); an empty list spans none.
         *
         * @param additionalWorkspaces further workspaces the query spans (ids, names or resource ids); an empty list
         *         spans none
         * @return this builder
         */
        public Builder additionalWorkspaces(List<String> additionalWorkspaces) {
            this.additionalWorkspaces = Objects.requireNonNull(additionalWorkspaces, "additionalWorkspaces");
            return this;
        }

        /**
         * How long the service may run the query, 1 to 600 seconds ({@code Prefer: wait}).
         *
         * @param serverTimeout how long the service may run the query, 1 to 600 seconds ({@code Prefer: wait})
         * @return this builder
         */
        public Builder serverTimeout(Duration serverTimeout) {
            this.serverTimeout = serverTimeout;
            return this;
        }

        /**
         * Whether to ask for query statistics ({@code Prefer: include-statistics=true}).
         *
         * @param includeStatistics whether to ask for query statistics ({@code Prefer: include-statistics=true})
         * @return this builder
         */
        public Builder includeStatistics(boolean includeStatistics) {
            this.includeStatistics = includeStatistics;
            return this;
        }

        /**
         * Whether to ask for render instructions ({@code Prefer: include-render=true}).
         *
         * @param includeVisualization whether to ask for render instructions ({@code Prefer: include-render=true})
         * @return this builder
         */
        public Builder includeVisualization(boolean includeVisualization) {
            this.includeVisualization = includeVisualization;
            return this;
        }

        /**
         * Builds the immutable request.
         *
         * @return the request
         * @throws IllegalArgumentException when no query is set
         */
        public QueryRequest build() {
            return new QueryRequest(this);
        }
    }
}
