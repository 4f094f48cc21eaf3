package io.github.camelloganalytics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.client.ApiTarget;
import io.github.camelloganalytics.client.LogAnalyticsClient;
import io.github.camelloganalytics.client.QueryRequest;
import io.github.camelloganalytics.client.ServiceEndpoints;
import org.apache.camel.Category;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.URISupport;

/**
 * Runs KQL queries against the Azure Monitor Log Analytics query API and delivers the typed results.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "loganalytics", title = "Azure Monitor Log Analytics",
             syntax = "loganalytics:workspaceId",
             category = { Category.CLOUD, Category.MONITORING }, headersClass = LogAnalyticsConstants.class)
@ManagedResource(description = "Managed Log Analytics endpoint")
public class LogAnalyticsEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriParam
    private LogAnalyticsConfiguration configuration;

    static final String NO_TARGET = "No target: give the workspace id in the endpoint URI"
                                    + " (loganalytics:<workspaceId>), the options apiType=ARM with subscriptionId,"
                                    + " resourceGroup and workspaceName, the option resourceId, or the header "
                                    + LogAnalyticsConstants.WORKSPACE_ID;

    private LogAnalyticsClient client;
    private List<String> additionalWorkspaces = List.of();
    private ApiTarget target;
    private Clock clock = Clock.systemUTC();
    private final QueryMetrics metrics = new QueryMetrics();
    private LogAnalyticsClient healthClient;

    /** The longest a health check's own query may take, whatever {@code responseTimeout} says. */
    static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(10);
    /** Options only a producer uses: a consumer given one in its URI is refused, naming it. */
    static final List<String> PRODUCER_ONLY_OPTIONS = List.of("operation", "batchParallelism");

    LogAnalyticsEndpoint(String uri, LogAnalyticsComponent component, LogAnalyticsConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public LogAnalyticsComponent getComponent() {
        return (LogAnalyticsComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new LogAnalyticsProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (configuration.getQuery() == null || configuration.getQuery().isBlank()) {
            throw new IllegalArgumentException("A loganalytics consumer needs the option query: from(...) has no"
                                               + " message to take the query from");
        }
        List<String> producerOnly = producerOnlyOptionsGiven();
        if (!producerOnly.isEmpty()) {
            throw new IllegalArgumentException("A loganalytics consumer does not take the producer's option(s) "
                                               + String.join(", ", producerOnly) + " (" + getEndpointUri().replaceAll(
                                                       "\\?.*", "") + "): remove them from the from(...) URI");
        }
        LogAnalyticsConsumer consumer = new LogAnalyticsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * The producer-only options this endpoint's own URI gives, and {@code operation} whatever set it to
     * {@code BATCH}: a consumer runs one query per poll or window.
     */
    private List<String> producerOnlyOptionsGiven() throws java.net.URISyntaxException {
        String query = URISupport.extractQuery(getEndpointUri());
        Map<String, Object> given = query != null ? URISupport.parseQuery(query) : Map.of();
        List<String> found = new ArrayList<>();
        for (String option : PRODUCER_ONLY_OPTIONS) {
            boolean batch = "operation".equals(option) && configuration.getOperation() == LogAnalyticsOperation.BATCH;
            if (given.containsKey(option) || batch) {
                found.add(option + "=" + (batch ? LogAnalyticsOperation.BATCH : given.get(option)));
            }
        }
        return found;
    }

    /** The consumer's and the health check's time source; tests set a fixed one to make them deterministic. */
    Clock clock() {
        return clock;
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        target = TargetOptions.resolve(configuration);
        client = newClient(configuration.getResponseTimeout());
        // a probe must answer a readiness check in seconds, not hold it for the queries' responseTimeout
        Duration probeTimeout = configuration.getResponseTimeout().compareTo(HEALTH_CHECK_TIMEOUT) < 0
                ? configuration.getResponseTimeout() : HEALTH_CHECK_TIMEOUT;
        healthClient = newClient(probeTimeout);
        additionalWorkspaces = parseAdditionalWorkspaces();
    }

    private LogAnalyticsClient newClient(Duration responseTimeout) {
        return new LogAnalyticsClient(
                getComponent().poolSource(this, configuration.getSslContextParameters(),
                        configuration.getConnectTimeout(), getComponent().proxySettings(configuration)),
                new ServiceEndpoints(configuration.getCloud(), configuration.getHost(), configuration.getScope(),
                        configuration.getArmApiVersion()),
                getComponent().tokenProvider(this, configuration),
                responseTimeout,
                configuration.getMaxResponseSize(),
                () -> getComponent().readAheadExecutor(this));
    }

    /** The client of the health checks: the same connections and tokens, a short response timeout of its own. */
    LogAnalyticsClient healthClient() {
        return healthClient;
    }

    LogAnalyticsClient client() {
        return client;
    }

    /**
     * The query an exchange asks for: the options, overridden by the message's headers, with the body as the
     * query when neither names one.
     */
    QueryRequest queryRequest(Message message) {
        String query = message.getHeader(LogAnalyticsConstants.QUERY, configuration.getQuery(), String.class);
        if (query == null || query.isBlank()) {
            query = message.getBody(String.class);
        }
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("No query: set the option query, the header "
                                               + LogAnalyticsConstants.QUERY + ", or a String body");
        }
        QueryRequest request = requestDefaults(message).query(query).build();
        if (request.getTarget() == null) {
            throw new IllegalArgumentException(NO_TARGET);
        }
        return request;
    }

    /**
     * What the options and the message's headers say about a query, its text aside: the target (the header
     * {@code CamelLogAnalyticsWorkspaceId} names a direct-API workspace instead of the endpoint's target), the time
     * range, the additional workspaces and the preferences. Batch items fill what they leave unset from it.
     */
    QueryRequest.Builder requestDefaults(Message message) {
        String workspaceId = message.getHeader(LogAnalyticsConstants.WORKSPACE_ID, String.class);
        String timespan = message.getHeader(LogAnalyticsConstants.TIMESPAN, configuration.getTimespan(), String.class);
        QueryRequest.Builder defaults = QueryRequest.builder()
                .target(workspaceId != null && !workspaceId.isBlank() ? ApiTarget.workspace(workspaceId) : target)
                .additionalWorkspaces(additionalWorkspaces)
                .serverTimeout(configuration.getServerTimeout())
                .includeStatistics(configuration.isIncludeStatistics())
                .includeVisualization(configuration.isIncludeVisualization());
        try {
            return defaults.timespan(timespan);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid timespan '" + timespan + "' (option timespan or header "
                                               + LogAnalyticsConstants.TIMESPAN + "): " + e.getMessage(), e);
        }
    }

    private List<String> parseAdditionalWorkspaces() {
        String workspaces = configuration.getAdditionalWorkspaces();
        if (workspaces == null || workspaces.isBlank()) {
            return List.of();
        }
        return Arrays.stream(workspaces.split(",")).map(String::trim).filter(w -> !w.isEmpty()).toList();
    }

    @Override
    public String getServiceUrl() {
        if (configuration.getHost() != null) {
            return configuration.getHost();
        }
        return configuration.getApiType() == LogAnalyticsApiType.ARM
                ? configuration.getCloud().armHost() : configuration.getCloud().queryHost();
    }

    @Override
    public String getServiceProtocol() {
        // a host option on plain http (the testkit, a loopback gateway) is reported as such
        String url = getServiceUrl();
        return url != null && url.regionMatches(true, 0, "http://", 0, 7) ? "http" : "https";
    }

    /**
     * The endpoint's options.
     *
     * @return the endpoint's options
     */
    public LogAnalyticsConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint's options.
     *
     * @param configuration the endpoint's options
     */
    public void setConfiguration(LogAnalyticsConfiguration configuration) {
        this.configuration = configuration;
    }

    QueryMetrics metrics() {
        return metrics;
    }

    ApiTarget apiTarget() {
        return target;
    }

    /** @return the target the endpoint's queries go to, unless a message names another */
    @ManagedAttribute(description = "The workspace or resource queried")
    public String getTarget() {
        return target != null ? target.toString() : "none (each message names its workspace)";
    }

    /**
     * @return every option that has a value, as {@code name=value}, with secrets masked and beans shown by their
     *         class
     */
    @ManagedAttribute(description = "The endpoint's options, secrets masked")
    public String getOptions() {
        return EndpointOptions.describe(this).toString();
    }

    /** @return the queries run, answered or failed */
    @ManagedAttribute(description = "Queries run, answered or failed")
    public long getQueryCount() {
        return metrics.queries();
    }

    /** @return the rows of the primary tables answered */
    @ManagedAttribute(description = "Rows of the primary tables answered")
    public long getRowCount() {
        return metrics.rows();
    }

    /** @return the queries that failed */
    @ManagedAttribute(description = "Queries that failed")
    public long getErrorCount() {
        return metrics.errors();
    }

    /** @return failed queries per exception class, as {@code {ThrottledException=2, ...}} */
    @ManagedAttribute(description = "Failed queries per exception class")
    public String getErrorsByException() {
        return metrics.errorsByClass().toString();
    }

    /** Starts the query, row and error counters again from zero. */
    @ManagedOperation(description = "Reset the query, row and error counters")
    public void resetStatistics() {
        metrics.reset();
    }
}
