package io.github.camelloganalytics;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import io.github.camelloganalytics.auth.Credentials;
import io.github.camelloganalytics.client.LogAnalyticsClient;
import io.github.camelloganalytics.client.QueryRequest;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Runs KQL queries against the Azure Monitor Log Analytics query API and delivers the typed results.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "loganalytics", title = "Azure Monitor Log Analytics",
             syntax = "loganalytics:workspaceId",
             category = { Category.CLOUD, Category.MONITORING }, headersClass = LogAnalyticsConstants.class)
public class LogAnalyticsEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriParam
    private LogAnalyticsConfiguration configuration;

    private LogAnalyticsClient client;
    private List<String> additionalWorkspaces = List.of();
    private Clock clock = Clock.systemUTC();

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
        LogAnalyticsConsumer consumer = new LogAnalyticsConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The consumer's time source; tests set a fixed one to make windows deterministic. */
    Clock clock() {
        return clock;
    }

    void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        client = new LogAnalyticsClient(
                getComponent().connectionPool(configuration.getSslContextParameters(),
                        configuration.getConnectTimeout()),
                URI.create(getServiceUrl()), scope(),
                Credentials.resolve(configuration.getCredentialType(), configuration.getAccessToken(),
                        configuration.getTokenProvider()),
                configuration.getResponseTimeout());
        additionalWorkspaces = parseAdditionalWorkspaces();
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
        String workspaceId = message.getHeader(LogAnalyticsConstants.WORKSPACE_ID, configuration.getWorkspaceId(),
                String.class);
        if (workspaceId == null || workspaceId.isBlank()) {
            throw new IllegalArgumentException("No workspace: give it in the endpoint URI (loganalytics:<workspaceId>)"
                                               + " or the header " + LogAnalyticsConstants.WORKSPACE_ID);
        }
        String timespan = message.getHeader(LogAnalyticsConstants.TIMESPAN, configuration.getTimespan(), String.class);
        try {
            return QueryRequest.builder()
                    .workspaceId(workspaceId)
                    .query(query)
                    .timespan(timespan)
                    .additionalWorkspaces(additionalWorkspaces)
                    .serverTimeout(configuration.getServerTimeout())
                    .includeStatistics(configuration.isIncludeStatistics())
                    .includeVisualization(configuration.isIncludeVisualization())
                    .build();
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

    private String scope() {
        return configuration.getScope() != null ? configuration.getScope() : configuration.getCloud().directApiScope();
    }

    @Override
    public String getServiceUrl() {
        return configuration.getHost() != null ? configuration.getHost() : configuration.getCloud().queryHost();
    }

    @Override
    public String getServiceProtocol() {
        return "https";
    }

    public LogAnalyticsConfiguration getConfiguration() {
        return configuration;
    }

    /** The endpoint's options. */
    public void setConfiguration(LogAnalyticsConfiguration configuration) {
        this.configuration = configuration;
    }
}
