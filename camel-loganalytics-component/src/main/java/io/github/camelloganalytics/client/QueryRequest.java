package io.github.camelloganalytics.client;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One query, as the API takes it: the workspace it runs in, the KQL text, the time range, the other workspaces it
 * spans and the preferences sent in the {@code Prefer} header. Immutable; build with {@link #builder()}.
 */
public final class QueryRequest {

    private final String workspaceId;
    private final String query;
    private final String timespan;
    private final List<String> additionalWorkspaces;
    private final Duration serverTimeout;
    private final boolean includeStatistics;
    private final boolean includeVisualization;

    private QueryRequest(Builder b) {
        this.workspaceId = requireText(b.workspaceId, "workspaceId");
        this.query = requireText(b.query, "query");
        this.timespan = b.timespan;
        this.additionalWorkspaces = List.copyOf(b.additionalWorkspaces);
        this.serverTimeout = b.serverTimeout;
        this.includeStatistics = b.includeStatistics;
        this.includeVisualization = b.includeVisualization;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The workspace the query runs in. */
    public String getWorkspaceId() {
        return workspaceId;
    }

    /** The KQL text. */
    public String getQuery() {
        return query;
    }

    /** The ISO 8601 duration or interval the query covers, or null for the query's own filters only. */
    public String getTimespan() {
        return timespan;
    }

    /** Further workspaces a cross-workspace query spans; empty for a single workspace. */
    public List<String> getAdditionalWorkspaces() {
        return additionalWorkspaces;
    }

    /** How long the service may run the query ({@code Prefer: wait}), or null for its default. */
    public Duration getServerTimeout() {
        return serverTimeout;
    }

    /** Whether the service is asked for query statistics. */
    public boolean isIncludeStatistics() {
        return includeStatistics;
    }

    /** Whether the service is asked for the query's render instructions. */
    public boolean isIncludeVisualization() {
        return includeVisualization;
    }

    /**
     * The {@code Prefer} header value for this request, or null when nothing is preferred. The service takes its
     * preferences comma-separated in one header, as the Azure SDK sends them.
     */
    public String preferHeader() {
        StringBuilder prefer = new StringBuilder();
        if (serverTimeout != null) {
            prefer.append("wait=").append(serverTimeout.toSeconds());
        }
        if (includeStatistics) {
            prefer.append(prefer.length() > 0 ? "," : "").append("include-statistics=true");
        }
        if (includeVisualization) {
            prefer.append(prefer.length() > 0 ? "," : "").append("include-render=true");
        }
        return prefer.length() > 0 ? prefer.toString() : null;
    }

    @Override
    public String toString() {
        return "QueryRequest[workspace=" + workspaceId + ", timespan=" + timespan + ", query=" + query + "]";
    }

    /** Builds a {@link QueryRequest}. */
    public static final class Builder {
        private String workspaceId;
        private String query;
        private String timespan;
        private List<String> additionalWorkspaces = List.of();
        private Duration serverTimeout;
        private boolean includeStatistics;
        private boolean includeVisualization;

        private Builder() {
        }

        public Builder workspaceId(String workspaceId) {
            this.workspaceId = workspaceId;
            return this;
        }

        public Builder query(String query) {
            this.query = query;
            return this;
        }

        /** @throws IllegalArgumentException when the value is not an ISO 8601 duration or interval */
        public Builder timespan(String timespan) {
            this.timespan = timespan == null ? null : Timespan.validate(timespan);
            return this;
        }

        public Builder additionalWorkspaces(List<String> additionalWorkspaces) {
            this.additionalWorkspaces = Objects.requireNonNull(additionalWorkspaces, "additionalWorkspaces");
            return this;
        }

        public Builder serverTimeout(Duration serverTimeout) {
            this.serverTimeout = serverTimeout;
            return this;
        }

        public Builder includeStatistics(boolean includeStatistics) {
            this.includeStatistics = includeStatistics;
            return this;
        }

        public Builder includeVisualization(boolean includeVisualization) {
            this.includeVisualization = includeVisualization;
            return this;
        }

        public QueryRequest build() {
            return new QueryRequest(this);
        }
    }
}
