package io.github.camelloganalytics.springboot;

import java.time.Duration;

import io.github.camelloganalytics.LogAnalyticsApiType;
import io.github.camelloganalytics.LogAnalyticsConfiguration;
import io.github.camelloganalytics.LogAnalyticsOperation;
import io.github.camelloganalytics.LogAnalyticsOutputFormat;
import io.github.camelloganalytics.auth.CredentialType;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.client.Cloud;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.loganalytics.*} properties: one per option of the component, with the component's own
 * documentation. An unset property leaves the component's default; {@code LogAnalyticsComponentConfigurationTest}
 * fails when the component gains an option that has no property here.
 */
@ConfigurationProperties(prefix = "camel.component.loganalytics")
public class LogAnalyticsComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Further workspaces a cross-workspace query spans, comma-separated (workspace ids, names or resource ids, as
     * the service accepts them).
     */
    private String additionalWorkspaces;

    /**
     * What to do with a result the service marks as incomplete (a 200 carrying an error beside the tables, e.g. when
     * the result was truncated at the service's limits): false raises PartialResultException, which carries the
     * partial data; true delivers the data and puts the error in the header CamelLogAnalyticsPartialError. The
     * default is false.
     */
    private Boolean allowPartialErrors;

    /**
     * The door to the query API: DIRECT, the query API itself, addressed by the workspace id in the URI or by
     * resourceId; ARM, Azure Resource Manager, addressed by subscriptionId, resourceGroup and workspaceName. Tokens
     * are asked for the chosen door's audience. The default is DIRECT.
     */
    private LogAnalyticsApiType apiType;

    /**
     * With operation=BATCH, the most queries of this endpoint in flight at once (1 to 20). The service runs 5
     * queries per user at once and queues the rest, so more rarely helps. The default is 5.
     */
    private Integer batchParallelism;

    /**
     * The Azure cloud the workspace lives in: it sets the query API's and Resource Manager's hosts, the token scopes
     * and the Entra ID authority host together, from one table. The default is AZURE_PUBLIC.
     */
    private Cloud cloud;

    /**
     * The options every endpoint of this component starts from. Set it to a bean reference, #beanName.
     */
    private LogAnalyticsConfiguration configuration;

    /**
     * What to do when the service answers 204 No Content (the workspace holds no data): false delivers an empty body
     * and sets the header CamelLogAnalyticsNoData to true; true raises NoDataException. The default is false.
     */
    private Boolean failOnNoData;

    /**
     * On a failure the service says may be retried (429, 500, 502, 503, 504), sets the header CamelRedeliveryDelay
     * to the wait the service asked for in Retry-After, in milliseconds, so that Camel's redelivery waits
     * exactly that long. It takes effect only where the route enables redelivery. The default is true.
     */
    private Boolean honorRetryAfter;

    /**
     * Asks the service for the query's statistics (Prefer: include-statistics=true); they arrive in the
     * header CamelLogAnalyticsStatistics. The default is false.
     */
    private Boolean includeStatistics;

    /**
     * Asks the service for the query's render instructions (Prefer: include-render=true); they arrive in the
     * header CamelLogAnalyticsVisualization. The default is false.
     */
    private Boolean includeVisualization;

    /**
     * QUERY runs one query. BATCH runs each query of a list in the body (Strings, or
     * io.github.camelloganalytics.client.QueryRequests with their own target, time range and preferences; what an
     * item leaves unset comes from the endpoint) as its own request, at most batchParallelism at once, and the body
     * out is a list in the same order whose items are each a result in outputFormat or that query's
     * LogAnalyticsException; the header CamelLogAnalyticsBatchFailures counts the exceptions. A query answered 429
     * is sent again after its Retry-After, up to 3 times, without holding up the others (not with
     * honorRetryAfter=false). The service's deprecated $batch endpoint is never used. The default is QUERY.
     */
    private LogAnalyticsOperation operation;

    /**
     * The body of the answer: ROWS, the primary table as a List of Maps, one per row, of typed values; TABLES, every
     * table as a QueryResult; JSON, the service's JSON as a String. The default is ROWS.
     */
    private LogAnalyticsOutputFormat outputFormat;

    /**
     * The KQL query to run. The header CamelLogAnalyticsQuery overrides it; with neither, the message body is the
     * query.
     */
    private String query;

    /**
     * The resource group of the workspace, with apiType=ARM.
     */
    private String resourceGroup;

    /**
     * The id of an Azure resource, for a resource-centric query (/v1{resourceId}/query): it sees only that
     * resource's records, in whichever workspaces hold them. Starts with /subscriptions/; leave the workspace
     * id out of the URI.
     */
    private String resourceId;

    /**
     * How long the service may run the query before it gives up, sent as Prefer: wait=N: 1 to 600 seconds.
     * Unset, the service's default (180 seconds) applies.
     */
    private Duration serverTimeout;

    /**
     * The subscription of the workspace, with apiType=ARM.
     */
    private String subscriptionId;

    /**
     * The time range the query covers, as an ISO 8601 duration back from now (PT1H, P1D) or an ISO 8601 interval
     * (start/end, start/duration). The service applies it to TimeGenerated in addition to the query's
     * own filters. The header CamelLogAnalyticsTimespan overrides it.
     */
    private String timespan;

    /**
     * The name (not the id) of the workspace, with apiType=ARM.
     */
    private String workspaceName;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed
     * as a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party
     * component allows Camel to be alerted if an exception was thrown. Some components handle this internally only,
     * and therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to
     * hook into the 3rd party component and make this possible for future releases. By default the consumer will use
     * the org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level
     * and ignored. The default is false.
     */
    private Boolean bridgeErrorHandler;

    /**
     * Makes each poll query the next time window: from the stored watermark (or startFrom) up to now minus
     * ingestionDelay, at most maxWindow long. The window is sent as the query's timespan, set in the headers
     * CamelLogAnalyticsWindowStart/CamelLogAnalyticsWindowEnd, and prepended to the query as let _windowStart
     * = datetime(...); let _windowEnd = datetime(...);. The watermark advances only when every exchange of the
     * window completed. The default is false.
     */
    private Boolean incremental;

    /**
     * In incremental mode, how far behind now a window ends, so that records arriving late are in the workspace
     * before their window is asked for. Records later than this are missed by a query on TimeGenerated; a query on
     * ingestion_time() does not miss them. The default is PT5M.
     */
    private Duration ingestionDelay;

    /**
     * In incremental mode, how far before the window's start the timespan sent to the service reaches. The service
     * keeps only records whose TimeGenerated is inside the timespan, so a query that windows on ingestion_time()
     * needs this to see records generated before their window; a query windowed on TimeGenerated needs none. The
     * default is PT0S.
     */
    private Duration lookback;

    /**
     * The shortest time between two queries of one consumer: a backlog (after an outage, or a startFrom far back) is
     * caught up window by window at most this fast, and a short delay cannot make the consumer query more often. The
     * default, one query a second, is 30 of the 200 requests per 30 seconds the service allows a user; 0s turns
     * pacing off. The default is PT1S.
     */
    private Duration minQueryInterval;

    /**
     * Used for enabling or disabling all consumer based health checks from this component. The default is true.
     */
    private Boolean healthCheckConsumerEnabled;

    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by
     * default disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true. The default is true.
     */
    private Boolean healthCheckProducerEnabled;

    /**
     * In incremental mode, the longest window one query asks for: after an outage the backlog is caught up window by
     * window. The default is PT1H.
     */
    private Duration maxWindow;

    /**
     * Delivers one exchange per row of the primary table instead of one per poll. Rows go from the response into the
     * route while it is read, so the table is never held whole; the exchanges carry Camel's batch properties
     * (CamelBatchIndex; CamelBatchSize and CamelBatchComplete on the last row of a poll or window, when the count is
     * known). The default is false.
     */
    private Boolean splitRows;

    /**
     * In incremental mode, where the first window starts when no watermark is stored: an ISO 8601 instant
     * (2024-01-01T00:00:00Z) or a duration back from now (P1D). By default now minus the timespan option when that
     * is a duration, else one hour back.
     */
    private String startFrom;

    /**
     * Where the incremental consumer keeps its watermark (the end of the last completed window), read at every poll:
     * a FileStateRepository survives restarts; JdbcStateRepository is shared by the nodes of a cluster. By default
     * it is kept in memory and lost at restart. Set it to a bean reference, #beanName.
     */
    private StateRepository<String, String> stateRepository;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed
     * then creating and starting the producer may take a little time and prolong the total processing time of the
     * processing. The default is false.
     */
    private Boolean lazyStartProducer;

    /**
     * The api-version sent to Azure Resource Manager with apiType=ARM: the version Microsoft documents
     * for the query API through ARM. The default is 2017-10-01.
     */
    private String armApiVersion;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then
     * gets configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc. The default is true.
     */
    private Boolean autowiredEnabled;

    /**
     * How long to wait for a connection to the service to be established. The default is 10s.
     */
    private Duration connectTimeout;

    /**
     * The base URL of the query API, instead of the cloud's (a proxy, or the testkit's emulator); with
     * apiType=ARM it replaces Resource Manager's host. The token scope still follows cloud and apiType unless scope
     * is set. Tokens are sent over plain http only to a loopback address.
     */
    private String host;

    /**
     * The deadline for the whole answer, from sending the request to reading its last byte; past it the request is
     * aborted and the query fails with QueryTimeoutException. The default is 3m.
     */
    private Duration responseTimeout;

    /**
     * The largest response body accepted, in bytes, counted after gzip decoding; a larger one fails with
     * ResponseTooLargeException. The service cuts a result at 500,000 records or about 64 MB. The default is
     * 134217728 (128 MiB).
     */
    private Long maxResponseSize;

    /**
     * The HTTP proxy (host name or address) for the query API and the Entra ID token endpoint. Unset, the JVM's
     * https.proxyHost/http.proxyHost properties apply, else HTTPS_PROXY/HTTP_PROXY.
     */
    private String proxyHost;

    /**
     * The port of proxyHost; 8080 when unset.
     */
    private Integer proxyPort;

    /**
     * The user name for the proxy's Basic authentication.
     */
    private String proxyAuthUsername;

    /**
     * The password for the proxy's Basic authentication.
     */
    private String proxyAuthPassword;

    /**
     * Hosts reached without the proxy, |-separated, * a wildcard, as the JVM's http.nonProxyHosts.
     */
    private String nonProxyHosts;

    /**
     * How long the component's readiness health check reuses its last answer before it obtains a token and runs
     * print 1 again, so that frequent probes do not each query the service. 0s checks at every probe. The
     * check is registered in Camel's producers health-check repository (camel.health.producersEnabled=true).
     * The default is 30s.
     */
    private Duration healthCheckInterval;

    /**
     * A bearer token for the query API obtained elsewhere, used as it is (credentialType=ACCESS_TOKEN). A
     * secret: bind it from the environment or a secret store rather than writing it in a file.
     */
    private String accessToken;

    /**
     * The Entra ID authority host, instead of the cloud's (https://login.microsoftonline.com for
     * AZURE_PUBLIC): a private authority or the testkit's token endpoint. The connection to it uses
     * sslContextParameters too.
     */
    private String authorityHost;

    /**
     * The password of the PKCS#12 file, or of the encrypted PEM key, in certificatePath. A secret: bind it from the
     * environment or a secret store rather than writing it in a file.
     */
    private String certificatePassword;

    /**
     * The application's certificate with its private key (CLIENT_CERTIFICATE): a PEM file (certificate and PKCS#8
     * key, the key optionally encrypted) or a PKCS#12 file (.pfx, .p12).
     */
    private String certificatePath;

    /**
     * The application (client) id; with MANAGED_IDENTITY, the client id of a user-assigned identity (unset: the
     * system-assigned one).
     */
    private String clientId;

    /**
     * The application's client secret (CLIENT_SECRET; with REFRESH_TOKEN, authenticates a confidential application).
     * A secret: bind it from the environment or a secret store rather than writing it in a file.
     */
    private String clientSecret;

    /**
     * How the component obtains its bearer tokens: CLIENT_SECRET, CLIENT_CERTIFICATE, CLIENT_ASSERTION (workload
     * identity), MANAGED_IDENTITY and REFRESH_TOKEN through MSAL4J, with tokens cached and renewed ahead of expiry;
     * ACCESS_TOKEN, a token given in accessToken; TOKEN_PROVIDER, a bean given in tokenProvider; AUTO, the one
     * credential option that is set, else the Azure SDK's environment variables (AZURE_TENANT_ID, AZURE_CLIENT_ID,
     * AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH, AZURE_FEDERATED_TOKEN_FILE, AZURE_AUTHORITY_HOST), else
     * the host's managed identity. The token scope follows the target and cloud unless scope is set. The default is
     * AUTO.
     */
    private CredentialType credentialType;

    /**
     * The file holding a federated client assertion (CLIENT_ASSERTION): on AKS with workload identity, what
     * AZURE_FEDERATED_TOKEN_FILE names. It is read again for every new token, so rotation is picked up.
     */
    private String federatedTokenFile;

    /**
     * A refresh token of the user the queries run for (REFRESH_TOKEN); each renewal brings a new one, used from then
     * on. Once Entra ID refuses it (expired, revoked), queries fail with InvalidGrantException. A secret: bind it
     * from the environment or a secret store rather than writing it in a file.
     */
    private String refreshToken;

    /**
     * The OAuth 2.0 scope tokens are asked for, instead of the one the door (apiType) accepts in the cloud.
     */
    private String scope;

    /**
     * TLS settings for the connections to the service (trust store, key store, protocols); they apply to the
     * connections to the Entra ID authority (authorityHost) as well. Set it to a bean reference, #beanName.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * The Entra ID tenant (directory id or verified domain) of the application, for CLIENT_SECRET,
     * CLIENT_CERTIFICATE, CLIENT_ASSERTION and REFRESH_TOKEN.
     */
    private String tenantId;

    /**
     * A bean that supplies the bearer tokens (credentialType=TOKEN_PROVIDER). Set it to a bean reference,
     * #beanName.
     */
    private TokenProvider tokenProvider;

    /**
     * An Azure SDK com.azure.core.credential.TokenCredential bean (credentialType=AZURE_IDENTITY), such as
     * azure-identity's DefaultAzureCredential or WorkloadIdentityCredential, as the camel-azure components take it.
     * Unset with AZURE_IDENTITY: a DefaultAzureCredential. Its tokens are cached and renewed ahead of expiry.
     * azure-core (for a bean) or azure-identity (for the default) must be on the classpath: the component declares
     * them optional. Set it to a bean reference, #beanName.
     */
    private Object tokenCredential;

    /**
     * Returns the {@code additionalWorkspaces} option: further workspaces a cross-workspace query spans,
     * comma-separated (workspace ids, names or resource ids, as the service accepts them).
     *
     * @return the option's value
     */
    public String getAdditionalWorkspaces() {
        return additionalWorkspaces;
    }

    /**
     * Sets the {@code additionalWorkspaces} option: further workspaces a cross-workspace query spans, comma-separated
     * (workspace ids, names or resource ids, as the service accepts them).
     *
     * @param additionalWorkspaces the option's value
     */
    public void setAdditionalWorkspaces(String additionalWorkspaces) {
        this.additionalWorkspaces = additionalWorkspaces;
    }

    /**
     * Returns the {@code allowPartialErrors} option: what to do with a result the service marks as incomplete (a 200
     * carrying an error beside the tables, e.g. when the result was truncated at the service's limits): false raises
     * PartialResultException, which carries the partial data; true delivers the data and puts the error in the header
     * CamelLogAnalyticsPartialError.
     *
     * @return the option's value
     */
    public Boolean getAllowPartialErrors() {
        return allowPartialErrors;
    }

    /**
     * Sets the {@code allowPartialErrors} option: what to do with a result the service marks as incomplete (a 200
     * carrying an error beside the tables, e.g. when the result was truncated at the service's limits): false raises
     * PartialResultException, which carries the partial data; true delivers the data and puts the error in the header
     * CamelLogAnalyticsPartialError.
     *
     * @param allowPartialErrors the option's value
     */
    public void setAllowPartialErrors(Boolean allowPartialErrors) {
        this.allowPartialErrors = allowPartialErrors;
    }

    /**
     * Returns the {@code apiType} option: the door to the query API: DIRECT, the query API itself, addressed by the
     * workspace id in the URI or by resourceId; ARM, Azure Resource Manager, addressed by subscriptionId,
     * resourceGroup and workspaceName.
     *
     * @return the option's value
     */
    public LogAnalyticsApiType getApiType() {
        return apiType;
    }

    /**
     * Sets the {@code apiType} option: the door to the query API: DIRECT, the query API itself, addressed by the
     * workspace id in the URI or by resourceId; ARM, Azure Resource Manager, addressed by subscriptionId,
     * resourceGroup and workspaceName.
     *
     * @param apiType the option's value
     */
    public void setApiType(LogAnalyticsApiType apiType) {
        this.apiType = apiType;
    }

    /**
     * Returns the {@code batchParallelism} option: with operation=BATCH, the most queries of this endpoint in flight
     * at once (1 to 20).
     *
     * @return the option's value
     */
    public Integer getBatchParallelism() {
        return batchParallelism;
    }

    /**
     * Sets the {@code batchParallelism} option: with operation=BATCH, the most queries of this endpoint in flight at
     * once (1 to 20).
     *
     * @param batchParallelism the option's value
     */
    public void setBatchParallelism(Integer batchParallelism) {
        this.batchParallelism = batchParallelism;
    }

    /**
     * Returns the {@code cloud} option: the Azure cloud the workspace lives in: it sets the query API's and Resource
     * Manager's hosts, the token scopes and the Entra ID authority host together, from one table.
     *
     * @return the option's value
     */
    public Cloud getCloud() {
        return cloud;
    }

    /**
     * Sets the {@code cloud} option: the Azure cloud the workspace lives in: it sets the query API's and Resource
     * Manager's hosts, the token scopes and the Entra ID authority host together, from one table.
     *
     * @param cloud the option's value
     */
    public void setCloud(Cloud cloud) {
        this.cloud = cloud;
    }

    /**
     * Returns the {@code configuration} option: the options every endpoint of this component starts from.
     *
     * @return the option's value
     */
    public LogAnalyticsConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * Sets the {@code configuration} option: the options every endpoint of this component starts from.
     *
     * @param configuration the option's value
     */
    public void setConfiguration(LogAnalyticsConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * Returns the {@code failOnNoData} option: what to do when the service answers 204 No Content (the workspace holds
     * no data): false delivers an empty body and sets the header CamelLogAnalyticsNoData to true; true raises
     * NoDataException.
     *
     * @return the option's value
     */
    public Boolean getFailOnNoData() {
        return failOnNoData;
    }

    /**
     * Sets the {@code failOnNoData} option: what to do when the service answers 204 No Content (the workspace holds no
     * data): false delivers an empty body and sets the header CamelLogAnalyticsNoData to true; true raises
     * NoDataException.
     *
     * @param failOnNoData the option's value
     */
    public void setFailOnNoData(Boolean failOnNoData) {
        this.failOnNoData = failOnNoData;
    }

    /**
     * Returns the {@code honorRetryAfter} option: on a failure the service says may be retried (429, 500, 502, 503,
     * 504), sets the header CamelRedeliveryDelay to the wait the service asked for in Retry-After, in milliseconds, so
     * that Camel's redelivery waits exactly that long.
     *
     * @return the option's value
     */
    public Boolean getHonorRetryAfter() {
        return honorRetryAfter;
    }

    /**
     * Sets the {@code honorRetryAfter} option: on a failure the service says may be retried (429, 500, 502, 503, 504),
     * sets the header CamelRedeliveryDelay to the wait the service asked for in Retry-After, in milliseconds, so that
     * Camel's redelivery waits exactly that long.
     *
     * @param honorRetryAfter the option's value
     */
    public void setHonorRetryAfter(Boolean honorRetryAfter) {
        this.honorRetryAfter = honorRetryAfter;
    }

    /**
     * Returns the {@code includeStatistics} option: asks the service for the query's statistics (Prefer:
     * include-statistics=true); they arrive in the header CamelLogAnalyticsStatistics.
     *
     * @return the option's value
     */
    public Boolean getIncludeStatistics() {
        return includeStatistics;
    }

    /**
     * Sets the {@code includeStatistics} option: asks the service for the query's statistics (Prefer:
     * include-statistics=true); they arrive in the header CamelLogAnalyticsStatistics.
     *
     * @param includeStatistics the option's value
     */
    public void setIncludeStatistics(Boolean includeStatistics) {
        this.includeStatistics = includeStatistics;
    }

    /**
     * Returns the {@code includeVisualization} option: asks the service for the query's render instructions (Prefer:
     * include-render=true); they arrive in the header CamelLogAnalyticsVisualization.
     *
     * @return the option's value
     */
    public Boolean getIncludeVisualization() {
        return includeVisualization;
    }

    /**
     * Sets the {@code includeVisualization} option: asks the service for the query's render instructions (Prefer:
     * include-render=true); they arrive in the header CamelLogAnalyticsVisualization.
     *
     * @param includeVisualization the option's value
     */
    public void setIncludeVisualization(Boolean includeVisualization) {
        this.includeVisualization = includeVisualization;
    }

    /**
     * Returns the {@code operation} option: QUERY runs one query.
     *
     * @return the option's value
     */
    public LogAnalyticsOperation getOperation() {
        return operation;
    }

    /**
     * Sets the {@code operation} option: QUERY runs one query.
     *
     * @param operation the option's value
     */
    public void setOperation(LogAnalyticsOperation operation) {
        this.operation = operation;
    }

    /**
     * Returns the {@code outputFormat} option: the body of the answer: ROWS, the primary table as a List of Maps, one
     * per row, of typed values; TABLES, every table as a QueryResult; JSON, the service's JSON as a String.
     *
     * @return the option's value
     */
    public LogAnalyticsOutputFormat getOutputFormat() {
        return outputFormat;
    }

    /**
     * Sets the {@code outputFormat} option: the body of the answer: ROWS, the primary table as a List of Maps, one per
     * row, of typed values; TABLES, every table as a QueryResult; JSON, the service's JSON as a String.
     *
     * @param outputFormat the option's value
     */
    public void setOutputFormat(LogAnalyticsOutputFormat outputFormat) {
        this.outputFormat = outputFormat;
    }

    /**
     * Returns the {@code query} option: the KQL query to run.
     *
     * @return the option's value
     */
    public String getQuery() {
        return query;
    }

    /**
     * Sets the {@code query} option: the KQL query to run.
     *
     * @param query the option's value
     */
    public void setQuery(String query) {
        this.query = query;
    }

    /**
     * Returns the {@code resourceGroup} option: the resource group of the workspace, with apiType=ARM.
     *
     * @return the option's value
     */
    public String getResourceGroup() {
        return resourceGroup;
    }

    /**
     * Sets the {@code resourceGroup} option: the resource group of the workspace, with apiType=ARM.
     *
     * @param resourceGroup the option's value
     */
    public void setResourceGroup(String resourceGroup) {
        this.resourceGroup = resourceGroup;
    }

    /**
     * Returns the {@code resourceId} option: the id of an Azure resource, for a resource-centric query
     * (/v1{resourceId}/query): it sees only that resource's records, in whichever workspaces hold them.
     *
     * @return the option's value
     */
    public String getResourceId() {
        return resourceId;
    }

    /**
     * Sets the {@code resourceId} option: the id of an Azure resource, for a resource-centric query
     * (/v1{resourceId}/query): it sees only that resource's records, in whichever workspaces hold them.
     *
     * @param resourceId the option's value
     */
    public void setResourceId(String resourceId) {
        this.resourceId = resourceId;
    }

    /**
     * Returns the {@code serverTimeout} option: how long the service may run the query before it gives up, sent as
     * Prefer: wait=N: 1 to 600 seconds.
     *
     * @return the option's value
     */
    public Duration getServerTimeout() {
        return serverTimeout;
    }

    /**
     * Sets the {@code serverTimeout} option: how long the service may run the query before it gives up, sent as
     * Prefer: wait=N: 1 to 600 seconds.
     *
     * @param serverTimeout the option's value
     */
    public void setServerTimeout(Duration serverTimeout) {
        this.serverTimeout = serverTimeout;
    }

    /**
     * Returns the {@code subscriptionId} option: the subscription of the workspace, with apiType=ARM.
     *
     * @return the option's value
     */
    public String getSubscriptionId() {
        return subscriptionId;
    }

    /**
     * Sets the {@code subscriptionId} option: the subscription of the workspace, with apiType=ARM.
     *
     * @param subscriptionId the option's value
     */
    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    /**
     * Returns the {@code timespan} option: the time range the query covers, as an ISO 8601 duration back from now
     * (PT1H, P1D) or an ISO 8601 interval (start/end, start/duration).
     *
     * @return the option's value
     */
    public String getTimespan() {
        return timespan;
    }

    /**
     * Sets the {@code timespan} option: the time range the query covers, as an ISO 8601 duration back from now (PT1H,
     * P1D) or an ISO 8601 interval (start/end, start/duration).
     *
     * @param timespan the option's value
     */
    public void setTimespan(String timespan) {
        this.timespan = timespan;
    }

    /**
     * Returns the {@code workspaceName} option: the name (not the id) of the workspace, with apiType=ARM.
     *
     * @return the option's value
     */
    public String getWorkspaceName() {
        return workspaceName;
    }

    /**
     * Sets the {@code workspaceName} option: the name (not the id) of the workspace, with apiType=ARM.
     *
     * @param workspaceName the option's value
     */
    public void setWorkspaceName(String workspaceName) {
        this.workspaceName = workspaceName;
    }

    /**
     * Returns the {@code bridgeErrorHandler} option: allows for bridging the consumer to the Camel routing Error
     * Handler, which mean any exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming
     * messages, or the likes, will now be processed as a message and handled by the routing Error Handler.
     *
     * @return the option's value
     */
    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    /**
     * Sets the {@code bridgeErrorHandler} option: allows for bridging the consumer to the Camel routing Error Handler,
     * which mean any exceptions (if possible) occurred while the Camel consumer is trying to pickup incoming messages,
     * or the likes, will now be processed as a message and handled by the routing Error Handler.
     *
     * @param bridgeErrorHandler the option's value
     */
    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    /**
     * Returns the {@code incremental} option: makes each poll query the next time window: from the stored watermark
     * (or startFrom) up to now minus ingestionDelay, at most maxWindow long.
     *
     * @return the option's value
     */
    public Boolean getIncremental() {
        return incremental;
    }

    /**
     * Sets the {@code incremental} option: makes each poll query the next time window: from the stored watermark (or
     * startFrom) up to now minus ingestionDelay, at most maxWindow long.
     *
     * @param incremental the option's value
     */
    public void setIncremental(Boolean incremental) {
        this.incremental = incremental;
    }

    /**
     * Returns the {@code ingestionDelay} option: in incremental mode, how far behind now a window ends, so that
     * records arriving late are in the workspace before their window is asked for.
     *
     * @return the option's value
     */
    public Duration getIngestionDelay() {
        return ingestionDelay;
    }

    /**
     * Sets the {@code ingestionDelay} option: in incremental mode, how far behind now a window ends, so that records
     * arriving late are in the workspace before their window is asked for.
     *
     * @param ingestionDelay the option's value
     */
    public void setIngestionDelay(Duration ingestionDelay) {
        this.ingestionDelay = ingestionDelay;
    }

    /**
     * Returns the {@code minQueryInterval} option: the shortest time between two queries of one consumer: a backlog
     * (after an outage, or a startFrom far back) is caught up window by window at most this fast, and a short delay
     * cannot make the consumer query more often.
     *
     * @return the option's value
     */
    public Duration getMinQueryInterval() {
        return minQueryInterval;
    }

    /**
     * Sets the {@code minQueryInterval} option: the shortest time between two queries of one consumer: a backlog
     * (after an outage, or a startFrom far back) is caught up window by window at most this fast, and a short delay
     * cannot make the consumer query more often.
     *
     * @param minQueryInterval the option's value
     */
    public void setMinQueryInterval(Duration minQueryInterval) {
        this.minQueryInterval = minQueryInterval;
    }

    /**
     * Returns the {@code healthCheckConsumerEnabled} option: used for enabling or disabling all consumer based health
     * checks from this component.
     *
     * @return the option's value
     */
    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    /**
     * Sets the {@code healthCheckConsumerEnabled} option: used for enabling or disabling all consumer based health
     * checks from this component.
     *
     * @param healthCheckConsumerEnabled the option's value
     */
    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    /**
     * Returns the {@code healthCheckProducerEnabled} option: used for enabling or disabling all producer based health
     * checks from this component.
     *
     * @return the option's value
     */
    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    /**
     * Sets the {@code healthCheckProducerEnabled} option: used for enabling or disabling all producer based health
     * checks from this component.
     *
     * @param healthCheckProducerEnabled the option's value
     */
    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    /**
     * Returns the {@code lookback} option: in incremental mode, how far before the window's start the timespan sent to
     * the service reaches.
     *
     * @return the option's value
     */
    public Duration getLookback() {
        return lookback;
    }

    /**
     * Sets the {@code lookback} option: in incremental mode, how far before the window's start the timespan sent to
     * the service reaches.
     *
     * @param lookback the option's value
     */
    public void setLookback(Duration lookback) {
        this.lookback = lookback;
    }

    /**
     * Returns the {@code maxWindow} option: in incremental mode, the longest window one query asks for: after an
     * outage the backlog is caught up window by window.
     *
     * @return the option's value
     */
    public Duration getMaxWindow() {
        return maxWindow;
    }

    /**
     * Sets the {@code maxWindow} option: in incremental mode, the longest window one query asks for: after an outage
     * the backlog is caught up window by window.
     *
     * @param maxWindow the option's value
     */
    public void setMaxWindow(Duration maxWindow) {
        this.maxWindow = maxWindow;
    }

    /**
     * Returns the {@code splitRows} option: delivers one exchange per row of the primary table instead of one per poll.
     *
     * @return the option's value
     */
    public Boolean getSplitRows() {
        return splitRows;
    }

    /**
     * Sets the {@code splitRows} option: delivers one exchange per row of the primary table instead of one per poll.
     *
     * @param splitRows the option's value
     */
    public void setSplitRows(Boolean splitRows) {
        this.splitRows = splitRows;
    }

    /**
     * Returns the {@code startFrom} option: in incremental mode, where the first window starts when no watermark is
     * stored: an ISO 8601 instant (2024-01-01T00:00:00Z) or a duration back from now (P1D).
     *
     * @return the option's value
     */
    public String getStartFrom() {
        return startFrom;
    }

    /**
     * Sets the {@code startFrom} option: in incremental mode, where the first window starts when no watermark is
     * stored: an ISO 8601 instant (2024-01-01T00:00:00Z) or a duration back from now (P1D).
     *
     * @param startFrom the option's value
     */
    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    /**
     * Returns the {@code stateRepository} option: where the incremental consumer keeps its watermark (the end of the
     * last completed window), read at every poll: a FileStateRepository survives restarts; JdbcStateRepository is
     * shared by the nodes of a cluster.
     *
     * @return the option's value
     */
    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Sets the {@code stateRepository} option: where the incremental consumer keeps its watermark (the end of the last
     * completed window), read at every poll: a FileStateRepository survives restarts; JdbcStateRepository is shared by
     * the nodes of a cluster.
     *
     * @param stateRepository the option's value
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    /**
     * Returns the {@code lazyStartProducer} option: whether the producer should be started lazy (on the first message).
     *
     * @return the option's value
     */
    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    /**
     * Sets the {@code lazyStartProducer} option: whether the producer should be started lazy (on the first message).
     *
     * @param lazyStartProducer the option's value
     */
    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    /**
     * Returns the {@code armApiVersion} option: the api-version sent to Azure Resource Manager with apiType=ARM: the
     * version Microsoft documents for the query API through ARM.
     *
     * @return the option's value
     */
    public String getArmApiVersion() {
        return armApiVersion;
    }

    /**
     * Sets the {@code armApiVersion} option: the api-version sent to Azure Resource Manager with apiType=ARM: the
     * version Microsoft documents for the query API through ARM.
     *
     * @param armApiVersion the option's value
     */
    public void setArmApiVersion(String armApiVersion) {
        this.armApiVersion = armApiVersion;
    }

    /**
     * Returns the {@code autowiredEnabled} option: whether autowiring is enabled.
     *
     * @return the option's value
     */
    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    /**
     * Sets the {@code autowiredEnabled} option: whether autowiring is enabled.
     *
     * @param autowiredEnabled the option's value
     */
    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    /**
     * Returns the {@code connectTimeout} option: how long to wait for a connection to the service to be established.
     *
     * @return the option's value
     */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * Sets the {@code connectTimeout} option: how long to wait for a connection to the service to be established.
     *
     * @param connectTimeout the option's value
     */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /**
     * Returns the {@code host} option: the base URL of the query API, instead of the cloud's (a proxy, or the
     * testkit's emulator); with apiType=ARM it replaces Resource Manager's host.
     *
     * @return the option's value
     */
    public String getHost() {
        return host;
    }

    /**
     * Sets the {@code host} option: the base URL of the query API, instead of the cloud's (a proxy, or the testkit's
     * emulator); with apiType=ARM it replaces Resource Manager's host.
     *
     * @param host the option's value
     */
    public void setHost(String host) {
        this.host = host;
    }

    /**
     * Returns the {@code maxResponseSize} option: the largest response body accepted, in bytes, counted after gzip
     * decoding; a larger one fails with ResponseTooLargeException.
     *
     * @return the option's value
     */
    public Long getMaxResponseSize() {
        return maxResponseSize;
    }

    /**
     * Sets the {@code maxResponseSize} option: the largest response body accepted, in bytes, counted after gzip
     * decoding; a larger one fails with ResponseTooLargeException.
     *
     * @param maxResponseSize the option's value
     */
    public void setMaxResponseSize(Long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    /**
     * Returns the {@code proxyHost} option: the HTTP proxy (host name or address) for the query API and the Entra ID
     * token endpoint.
     *
     * @return the option's value
     */
    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * Sets the {@code proxyHost} option: the HTTP proxy (host name or address) for the query API and the Entra ID
     * token endpoint.
     *
     * @param proxyHost the option's value
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    /**
     * Returns the {@code proxyPort} option: the port of proxyHost; 8080 when unset.
     *
     * @return the option's value
     */
    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * Sets the {@code proxyPort} option: the port of proxyHost; 8080 when unset.
     *
     * @param proxyPort the option's value
     */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    /**
     * Returns the {@code proxyAuthUsername} option: the user name for the proxy's Basic authentication.
     *
     * @return the option's value
     */
    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    /**
     * Sets the {@code proxyAuthUsername} option: the user name for the proxy's Basic authentication.
     *
     * @param proxyAuthUsername the option's value
     */
    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    /**
     * Returns the {@code proxyAuthPassword} option: the password for the proxy's Basic authentication.
     *
     * @return the option's value
     */
    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    /**
     * Sets the {@code proxyAuthPassword} option: the password for the proxy's Basic authentication.
     *
     * @param proxyAuthPassword the option's value
     */
    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    /**
     * Returns the {@code nonProxyHosts} option: hosts reached without the proxy, |-separated, * a wildcard, as the
     * JVM's http.nonProxyHosts.
     *
     * @return the option's value
     */
    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    /**
     * Sets the {@code nonProxyHosts} option: hosts reached without the proxy, |-separated, * a wildcard, as the JVM's
     * http.nonProxyHosts.
     *
     * @param nonProxyHosts the option's value
     */
    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    /**
     * Returns the {@code responseTimeout} option: the deadline for the whole answer, from sending the request to
     * reading its last byte; past it the request is aborted and the query fails with QueryTimeoutException.
     *
     * @return the option's value
     */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * Sets the {@code responseTimeout} option: the deadline for the whole answer, from sending the request to reading
     * its last byte; past it the request is aborted and the query fails with QueryTimeoutException.
     *
     * @param responseTimeout the option's value
     */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /**
     * Returns the {@code healthCheckInterval} option: how long the component's readiness health check reuses its last
     * answer before it obtains a token and runs print 1 again, so that frequent probes do not each query the service.
     * 0s checks at every probe.
     *
     * @return the option's value
     */
    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    /**
     * Sets the {@code healthCheckInterval} option: how long the component's readiness health check reuses its last
     * answer before it obtains a token and runs print 1 again, so that frequent probes do not each query the service.
     * 0s checks at every probe.
     *
     * @param healthCheckInterval the option's value
     */
    public void setHealthCheckInterval(Duration healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    /**
     * Returns the {@code accessToken} option: a bearer token for the query API obtained elsewhere, used as it is
     * (credentialType=ACCESS_TOKEN).
     *
     * @return the option's value
     */
    public String getAccessToken() {
        return accessToken;
    }

    /**
     * Sets the {@code accessToken} option: a bearer token for the query API obtained elsewhere, used as it is
     * (credentialType=ACCESS_TOKEN).
     *
     * @param accessToken the option's value
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    /**
     * Returns the {@code authorityHost} option: the Entra ID authority host, instead of the cloud's
     * (https://login.microsoftonline.com for AZURE_PUBLIC): a private authority or the testkit's token endpoint.
     *
     * @return the option's value
     */
    public String getAuthorityHost() {
        return authorityHost;
    }

    /**
     * Sets the {@code authorityHost} option: the Entra ID authority host, instead of the cloud's
     * (https://login.microsoftonline.com for AZURE_PUBLIC): a private authority or the testkit's token endpoint.
     *
     * @param authorityHost the option's value
     */
    public void setAuthorityHost(String authorityHost) {
        this.authorityHost = authorityHost;
    }

    /**
     * Returns the {@code certificatePassword} option: the password of the PKCS#12 file, or of the encrypted PEM key,
     * in certificatePath.
     *
     * @return the option's value
     */
    public String getCertificatePassword() {
        return certificatePassword;
    }

    /**
     * Sets the {@code certificatePassword} option: the password of the PKCS#12 file, or of the encrypted PEM key, in
     * certificatePath.
     *
     * @param certificatePassword the option's value
     */
    public void setCertificatePassword(String certificatePassword) {
        this.certificatePassword = certificatePassword;
    }

    /**
     * Returns the {@code certificatePath} option: the application's certificate with its private key
     * (CLIENT_CERTIFICATE): a PEM file (certificate and PKCS#8 key, the key optionally encrypted) or a PKCS#12 file
     * (.pfx, .p12).
     *
     * @return the option's value
     */
    public String getCertificatePath() {
        return certificatePath;
    }

    /**
     * Sets the {@code certificatePath} option: the application's certificate with its private key
     * (CLIENT_CERTIFICATE): a PEM file (certificate and PKCS#8 key, the key optionally encrypted) or a PKCS#12 file
     * (.pfx, .p12).
     *
     * @param certificatePath the option's value
     */
    public void setCertificatePath(String certificatePath) {
        this.certificatePath = certificatePath;
    }

    /**
     * Returns the {@code clientId} option: the application (client) id; with MANAGED_IDENTITY, the client id of a
     * user-assigned identity (unset: the system-assigned one).
     *
     * @return the option's value
     */
    public String getClientId() {
        return clientId;
    }

    /**
     * Sets the {@code clientId} option: the application (client) id; with MANAGED_IDENTITY, the client id of a
     * user-assigned identity (unset: the system-assigned one).
     *
     * @param clientId the option's value
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /**
     * Returns the {@code clientSecret} option: the application's client secret (CLIENT_SECRET; with REFRESH_TOKEN,
     * authenticates a confidential application).
     *
     * @return the option's value
     */
    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * Sets the {@code clientSecret} option: the application's client secret (CLIENT_SECRET; with REFRESH_TOKEN,
     * authenticates a confidential application).
     *
     * @param clientSecret the option's value
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    /**
     * Returns the {@code credentialType} option: how the component obtains its bearer tokens: CLIENT_SECRET,
     * CLIENT_CERTIFICATE, CLIENT_ASSERTION (workload identity), MANAGED_IDENTITY and REFRESH_TOKEN through MSAL4J,
     * with tokens cached and renewed ahead of expiry; ACCESS_TOKEN, a token given in accessToken; TOKEN_PROVIDER, a
     * bean given in tokenProvider; AUTO, the one credential option that is set, else the Azure SDK's environment
     * variables (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH,
     * AZURE_FEDERATED_TOKEN_FILE, AZURE_AUTHORITY_HOST), else the host's managed identity.
     *
     * @return the option's value
     */
    public CredentialType getCredentialType() {
        return credentialType;
    }

    /**
     * Sets the {@code credentialType} option: how the component obtains its bearer tokens: CLIENT_SECRET,
     * CLIENT_CERTIFICATE, CLIENT_ASSERTION (workload identity), MANAGED_IDENTITY and REFRESH_TOKEN through MSAL4J,
     * with tokens cached and renewed ahead of expiry; ACCESS_TOKEN, a token given in accessToken; TOKEN_PROVIDER, a
     * bean given in tokenProvider; AUTO, the one credential option that is set, else the Azure SDK's environment
     * variables (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH,
     * AZURE_FEDERATED_TOKEN_FILE, AZURE_AUTHORITY_HOST), else the host's managed identity.
     *
     * @param credentialType the option's value
     */
    public void setCredentialType(CredentialType credentialType) {
        this.credentialType = credentialType;
    }

    /**
     * Returns the {@code federatedTokenFile} option: the file holding a federated client assertion (CLIENT_ASSERTION):
     * on AKS with workload identity, what AZURE_FEDERATED_TOKEN_FILE names.
     *
     * @return the option's value
     */
    public String getFederatedTokenFile() {
        return federatedTokenFile;
    }

    /**
     * Sets the {@code federatedTokenFile} option: the file holding a federated client assertion (CLIENT_ASSERTION): on
     * AKS with workload identity, what AZURE_FEDERATED_TOKEN_FILE names.
     *
     * @param federatedTokenFile the option's value
     */
    public void setFederatedTokenFile(String federatedTokenFile) {
        this.federatedTokenFile = federatedTokenFile;
    }

    /**
     * Returns the {@code refreshToken} option: a refresh token of the user the queries run for (REFRESH_TOKEN); each
     * renewal brings a new one, used from then on.
     *
     * @return the option's value
     */
    public String getRefreshToken() {
        return refreshToken;
    }

    /**
     * Sets the {@code refreshToken} option: a refresh token of the user the queries run for (REFRESH_TOKEN); each
     * renewal brings a new one, used from then on.
     *
     * @param refreshToken the option's value
     */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    /**
     * Returns the {@code scope} option: the OAuth 2.0 scope tokens are asked for, instead of the one the door
     * (apiType) accepts in the cloud.
     *
     * @return the option's value
     */
    public String getScope() {
        return scope;
    }

    /**
     * Sets the {@code scope} option: the OAuth 2.0 scope tokens are asked for, instead of the one the door (apiType)
     * accepts in the cloud.
     *
     * @param scope the option's value
     */
    public void setScope(String scope) {
        this.scope = scope;
    }

    /**
     * Returns the {@code sslContextParameters} option: TLS settings for the connections to the service (trust store,
     * key store, protocols); they apply to the connections to the Entra ID authority (authorityHost) as well.
     *
     * @return the option's value
     */
    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Sets the {@code sslContextParameters} option: TLS settings for the connections to the service (trust store, key
     * store, protocols); they apply to the connections to the Entra ID authority (authorityHost) as well.
     *
     * @param sslContextParameters the option's value
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    /**
     * Returns the {@code tenantId} option: the Entra ID tenant (directory id or verified domain) of the application,
     * for CLIENT_SECRET, CLIENT_CERTIFICATE, CLIENT_ASSERTION and REFRESH_TOKEN.
     *
     * @return the option's value
     */
    public String getTenantId() {
        return tenantId;
    }

    /**
     * Sets the {@code tenantId} option: the Entra ID tenant (directory id or verified domain) of the application, for
     * CLIENT_SECRET, CLIENT_CERTIFICATE, CLIENT_ASSERTION and REFRESH_TOKEN.
     *
     * @param tenantId the option's value
     */
    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    /**
     * Returns the {@code tokenCredential} option: an Azure SDK com.azure.core.credential.TokenCredential bean
     * (credentialType=AZURE_IDENTITY), such as azure-identity's DefaultAzureCredential or WorkloadIdentityCredential,
     * as the camel-azure components take it.
     *
     * @return the option's value
     */
    public Object getTokenCredential() {
        return tokenCredential;
    }

    /**
     * Sets the {@code tokenCredential} option: an Azure SDK com.azure.core.credential.TokenCredential bean
     * (credentialType=AZURE_IDENTITY), such as azure-identity's DefaultAzureCredential or WorkloadIdentityCredential,
     * as the camel-azure components take it.
     *
     * @param tokenCredential the option's value
     */
    public void setTokenCredential(Object tokenCredential) {
        this.tokenCredential = tokenCredential;
    }

    /**
     * Returns the {@code tokenProvider} option: a bean that supplies the bearer tokens (credentialType=TOKEN_PROVIDER).
     *
     * @return the option's value
     */
    public TokenProvider getTokenProvider() {
        return tokenProvider;
    }

    /**
     * Sets the {@code tokenProvider} option: a bean that supplies the bearer tokens (credentialType=TOKEN_PROVIDER).
     *
     * @param tokenProvider the option's value
     */
    public void setTokenProvider(TokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
    }
}
