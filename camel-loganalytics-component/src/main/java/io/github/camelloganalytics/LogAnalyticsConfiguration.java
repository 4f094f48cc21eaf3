package io.github.camelloganalytics;

import java.time.Duration;

import io.github.camelloganalytics.auth.CredentialType;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.client.Cloud;
import io.github.camelloganalytics.client.ServiceEndpoints;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The options of a {@code loganalytics} endpoint. Each can also be set once on the component, for every endpoint.
 */
@UriParams
public class LogAnalyticsConfiguration implements Cloneable {

    /**
     * The id (a GUID) of the Log Analytics workspace to query. The header {@code CamelLogAnalyticsWorkspaceId}
     * overrides it.
     */
    @UriPath
    private String workspaceId;

    /**
     * The KQL query to run. The header {@code CamelLogAnalyticsQuery} overrides it; with neither, the message body
     * is the query.
     */
    @UriParam
    private String query;

    /**
     * The time range the query covers, as an ISO 8601 duration back from now ({@code PT1H}, {@code P1D}) or an
     * ISO 8601 interval (<code>start/end</code>, <code>start/duration</code>). The service applies it to
     * {@code TimeGenerated} in addition to the query's own filters. The header {@code CamelLogAnalyticsTimespan}
     * overrides it.
     */
    @UriParam
    private String timespan;

    /**
     * Further workspaces a cross-workspace query spans, comma-separated (workspace ids, names or resource ids, as
     * the service accepts them).
     */
    @UriParam
    private String additionalWorkspaces;

    /**
     * How long the service may run the query before it gives up, sent as <code>Prefer: wait=N</code>: 1 to 600
     * seconds. Unset, the service's default (180 seconds) applies.
     */
    @UriParam(javaType = "java.time.Duration")
    private Duration serverTimeout;

    /**
     * Asks the service for the query's statistics (<code>Prefer: include-statistics=true</code>); they arrive in the
     * header {@code CamelLogAnalyticsStatistics}.
     */
    @UriParam(defaultValue = "false")
    private boolean includeStatistics;

    /**
     * Asks the service for the query's render instructions (<code>Prefer: include-render=true</code>); they arrive in
     * the header {@code CamelLogAnalyticsVisualization}.
     */
    @UriParam(defaultValue = "false")
    private boolean includeVisualization;

    /**
     * What to do with a result the service marks as incomplete (a 200 carrying an {@code error} beside the
     * tables, e.g. when the result was truncated at the service's limits): false raises
     * {@code PartialResultException}, which carries the partial data; true delivers the data and puts the error in
     * the header {@code CamelLogAnalyticsPartialError}.
     */
    @UriParam(defaultValue = "false")
    private boolean allowPartialErrors;

    /**
     * The body of the answer: {@code ROWS}, the primary table as a {@code List} of {@code Map}s, one per row, of
     * typed values; {@code TABLES}, every table as a {@code QueryResult}; {@code JSON}, the service's JSON as a String.
     */
    @UriParam(defaultValue = "ROWS")
    private LogAnalyticsOutputFormat outputFormat = LogAnalyticsOutputFormat.ROWS;

    /**
     * What to do when the service answers 204 No Content (the workspace holds no data): false delivers an empty
     * body and sets the header {@code CamelLogAnalyticsNoData} to true; true raises {@code NoDataException}.
     */
    @UriParam(defaultValue = "false")
    private boolean failOnNoData;

    /**
     * On a failure the service says may be retried (429, 500, 502, 503, 504), sets the header
     * {@code CamelRedeliveryDelay} to the wait the service asked for in <code>Retry-After</code>, in milliseconds, so
     * that Camel's redelivery waits exactly that long. It takes effect only where the route enables redelivery.
     */
    @UriParam(defaultValue = "true")
    private boolean honorRetryAfter = true;

    /**
     * Delivers one exchange per row of the primary table instead of one per poll. Rows go from the response into
     * the route while it is read, so the table is never held whole; the exchanges carry Camel's batch properties
     * ({@code CamelBatchIndex}; {@code CamelBatchSize} and {@code CamelBatchComplete} on the last row of a poll or
     * window, when the count is known).
     */
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean splitRows;

    /**
     * Makes each poll query the next time window: from the stored watermark (or {@code startFrom}) up to now minus
     * {@code ingestionDelay}, at most {@code maxWindow} long. The window is sent as the query's timespan, set in the
     * headers {@code CamelLogAnalyticsWindowStart}/{@code CamelLogAnalyticsWindowEnd}, and prepended to the query as
     * <code>let _windowStart = datetime(...); let _windowEnd = datetime(...);</code>. The watermark advances only when
     * every exchange of the window completed.
     */
    @UriParam(label = "consumer", defaultValue = "false")
    private boolean incremental;

    /**
     * In incremental mode, how far behind now a window ends, so that records arriving late are in the workspace
     * before their window is asked for. Records later than this are missed by a query on {@code TimeGenerated};
     * a query on {@code ingestion_time()} does not miss them.
     */
    @UriParam(label = "consumer", defaultValue = "PT5M", javaType = "java.time.Duration")
    private Duration ingestionDelay = Duration.ofMinutes(5);

    /**
     * Where the incremental consumer keeps its watermark (the end of the last completed window), read at every
     * poll: a {@code FileStateRepository} survives restarts; {@code JdbcStateRepository} is shared by the nodes of
     * a cluster. By default it is kept in memory and lost at restart.
     */
    @UriParam(label = "consumer")
    private StateRepository<String, String> stateRepository;

    /**
     * In incremental mode, where the first window starts when no watermark is stored: an ISO 8601 instant
     * (<code>2024-01-01T00:00:00Z</code>) or a duration back from now ({@code P1D}). By default now minus the
     * {@code timespan} option when that is a duration, else one hour back.
     */
    @UriParam(label = "consumer")
    private String startFrom;

    /**
     * In incremental mode, the longest window one query asks for: after an outage the backlog is caught up window
     * by window.
     */
    @UriParam(label = "consumer", defaultValue = "PT1H", javaType = "java.time.Duration")
    private Duration maxWindow = Duration.ofHours(1);

    /**
     * In incremental mode, how far before the window's start the timespan sent to the service reaches. The service
     * keeps only records whose {@code TimeGenerated} is inside the timespan, so a query that windows on
     * {@code ingestion_time()} needs this to see records generated before their window; a query windowed on
     * {@code TimeGenerated} needs none.
     */
    @UriParam(label = "consumer", defaultValue = "PT0S", javaType = "java.time.Duration")
    private Duration lookback = Duration.ZERO;

    /**
     * The shortest time between two queries of one consumer: a backlog (after an outage, or a {@code startFrom} far
     * back) is caught up window by window at most this fast, and a short {@code delay} cannot make the consumer query
     * more often. The default, one query a second, is 30 of the 200 requests per 30 seconds the service allows a
     * user; {@code 0s} turns pacing off.
     */
    @UriParam(label = "consumer", defaultValue = "PT1S", javaType = "java.time.Duration")
    private Duration minQueryInterval = Duration.ofSeconds(1);

    /**
     * The Azure cloud the workspace lives in: it sets the query API's and Resource Manager's hosts, the token
     * scopes and the Entra ID authority host together, from one table.
     */
    @UriParam(label = "common", defaultValue = "AZURE_PUBLIC")
    private Cloud cloud = Cloud.AZURE_PUBLIC;

    /**
     * The door to the query API: {@code DIRECT}, the query API itself, addressed by the workspace id in the URI or
     * by {@code resourceId}; {@code ARM}, Azure Resource Manager, addressed by {@code subscriptionId},
     * {@code resourceGroup} and {@code workspaceName}. Tokens are asked for the chosen door's audience.
     */
    @UriParam(label = "common", defaultValue = "DIRECT")
    private LogAnalyticsApiType apiType = LogAnalyticsApiType.DIRECT;

    /** The subscription of the workspace, with <code>apiType=ARM</code>. */
    @UriParam(label = "common")
    private String subscriptionId;

    /** The resource group of the workspace, with <code>apiType=ARM</code>. */
    @UriParam(label = "common")
    private String resourceGroup;

    /** The name (not the id) of the workspace, with <code>apiType=ARM</code>. */
    @UriParam(label = "common")
    private String workspaceName;

    /**
     * The id of an Azure resource, for a resource-centric query (<code>/v1{resourceId}/query</code>): it sees only that
     * resource's records, in whichever workspaces hold them. Starts with <code>/subscriptions/</code>; leave the
     * workspace id out of the URI.
     */
    @UriParam(label = "common")
    private String resourceId;

    /**
     * The <code>api-version</code> sent to Azure Resource Manager with <code>apiType=ARM</code>: the version Microsoft
     * documents for the query API through ARM.
     */
    @UriParam(label = "advanced", defaultValue = "2017-10-01")
    private String armApiVersion = ServiceEndpoints.DEFAULT_ARM_API_VERSION;

    /**
     * {@code QUERY} runs one query. {@code BATCH} runs each query of a list in the body (Strings, or
     * {@code io.github.camelloganalytics.client.QueryRequest}s with their own target, time range and preferences;
     * what an item leaves unset comes from the endpoint) as its own request, at most {@code batchParallelism} at
     * once, and the body out is a list in the same order whose items are each a result in {@code outputFormat} or
     * that query's {@code LogAnalyticsException}; the header {@code CamelLogAnalyticsBatchFailures} counts the
     * exceptions. A query answered 429 is sent again after its <code>Retry-After</code>, up to 3 times, without holding
     * up the others (not with <code>honorRetryAfter=false</code>). The service's deprecated <code>$batch</code>
     * endpoint is never used.
     */
    @UriParam(defaultValue = "QUERY")
    private LogAnalyticsOperation operation = LogAnalyticsOperation.QUERY;

    /**
     * With <code>operation=BATCH</code>, the most queries of this endpoint in flight at once (1 to 20). The service
     * runs 5 queries per user at once and queues the rest, so more rarely helps.
     */
    @UriParam(defaultValue = "5")
    private int batchParallelism = 5;

    /**
     * The base URL of the query API, instead of the cloud's (a proxy, or the testkit's emulator); with
     * <code>apiType=ARM</code> it replaces Resource Manager's host. The token scope still follows {@code cloud} and
     * {@code apiType} unless {@code scope} is set. Tokens are sent over plain {@code http} only to a loopback
     * address.
     */
    @UriParam(label = "advanced")
    private String host;

    /**
     * The OAuth 2.0 scope tokens are asked for, instead of the one the door ({@code apiType}) accepts in the
     * {@code cloud}.
     */
    @UriParam(label = "security")
    private String scope;

    /**
     * How the component obtains its bearer tokens: {@code CLIENT_SECRET}, {@code CLIENT_CERTIFICATE},
     * {@code CLIENT_ASSERTION} (workload identity), {@code MANAGED_IDENTITY} and {@code REFRESH_TOKEN} through
     * MSAL4J, with tokens cached and renewed ahead of expiry; {@code ACCESS_TOKEN}, a token given in
     * {@code accessToken}; {@code TOKEN_PROVIDER}, a bean given in {@code tokenProvider};
     * {@code AZURE_IDENTITY}, an Azure SDK {@code TokenCredential} given in {@code tokenCredential} (else a
     * {@code DefaultAzureCredential}); {@code AUTO}, the one
     * credential option that is set, else the Azure SDK's environment variables ({@code AZURE_TENANT_ID},
     * {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET}, {@code AZURE_CLIENT_CERTIFICATE_PATH},
     * {@code AZURE_FEDERATED_TOKEN_FILE}, {@code AZURE_AUTHORITY_HOST}), else the host's managed identity. The token
     * scope follows the target and {@code cloud} unless {@code scope} is set.
     */
    @UriParam(label = "security", defaultValue = "AUTO")
    private CredentialType credentialType = CredentialType.AUTO;

    /**
     * The Entra ID tenant (directory id or verified domain) of the application, for {@code CLIENT_SECRET},
     * {@code CLIENT_CERTIFICATE}, {@code CLIENT_ASSERTION} and {@code REFRESH_TOKEN}.
     */
    @UriParam(label = "security")
    private String tenantId;

    /**
     * The application (client) id; with {@code MANAGED_IDENTITY}, the client id of a user-assigned identity (unset:
     * the system-assigned one).
     */
    @UriParam(label = "security")
    private String clientId;

    /**
     * The application's client secret ({@code CLIENT_SECRET}; with {@code REFRESH_TOKEN}, authenticates a
     * confidential application).
     */
    @UriParam(label = "security", secret = true)
    private String clientSecret;

    /**
     * The application's certificate with its private key ({@code CLIENT_CERTIFICATE}): a PEM file (certificate and
     * PKCS#8 key, the key optionally encrypted) or a PKCS#12 file ({@code .pfx}, {@code .p12}).
     */
    @UriParam(label = "security")
    private String certificatePath;

    /**
     * The password of the PKCS#12 file, or of the encrypted PEM key, in {@code certificatePath}.
     */
    @UriParam(label = "security", secret = true)
    private String certificatePassword;

    /**
     * A refresh token of the user the queries run for ({@code REFRESH_TOKEN}); each renewal brings a new one, used
     * from then on. Once Entra ID refuses it (expired, revoked), queries fail with {@code InvalidGrantException}.
     */
    @UriParam(label = "security", secret = true)
    private String refreshToken;

    /**
     * The file holding a federated client assertion ({@code CLIENT_ASSERTION}): on AKS with workload identity,
     * what {@code AZURE_FEDERATED_TOKEN_FILE} names. It is read again for every new token, so rotation is picked up.
     */
    @UriParam(label = "security")
    private String federatedTokenFile;

    /**
     * The Entra ID authority host, instead of the cloud's (<code>https://login.microsoftonline.com</code> for
     * {@code AZURE_PUBLIC}): a private authority or the testkit's token endpoint. The connection to it uses
     * {@code sslContextParameters} too.
     */
    @UriParam(label = "security")
    private String authorityHost;

    /**
     * A bearer token for the query API obtained elsewhere, used as it is (<code>credentialType=ACCESS_TOKEN</code>).
     */
    @UriParam(label = "security", secret = true)
    private String accessToken;

    /**
     * A bean that supplies the bearer tokens (<code>credentialType=TOKEN_PROVIDER</code>).
     */
    @UriParam(label = "security")
    private TokenProvider tokenProvider;

    /**
     * An Azure SDK {@code com.azure.core.credential.TokenCredential} bean (<code>credentialType=AZURE_IDENTITY</code>),
     * such as azure-identity's {@code DefaultAzureCredential} or {@code WorkloadIdentityCredential}, as the
     * camel-azure components take it. Unset with {@code AZURE_IDENTITY}: a {@code DefaultAzureCredential}. Its
     * tokens are cached and renewed ahead of expiry. azure-core (for a bean) or azure-identity (for the default) must
     * be on the classpath: the component declares them optional.
     */
    @UriParam(label = "security")
    private Object tokenCredential;

    /**
     * How long to wait for a connection to the service to be established.
     */
    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration")
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * The deadline for the whole answer, from sending the request to reading its last byte, however the server
     * trickles or withholds it. Past it the request is aborted (its connection closed, no thread left reading) and
     * the query fails with {@code QueryTimeoutException}. Keep it above {@code serverTimeout} (the service runs a
     * query for at most 3 minutes by default, 10 at most) plus the time the largest answer takes to arrive.
     */
    @UriParam(label = "advanced", defaultValue = "3m", javaType = "java.time.Duration")
    private Duration responseTimeout = Duration.ofMinutes(3);

    /**
     * The largest response body accepted, in bytes, counted after gzip decoding (so a small compressed body that
     * decodes to gigabytes stops here too). A larger one is not read further and the query fails with
     * {@code ResponseTooLargeException} (a {@code MalformedResponseException}) naming this option, in every output
     * format. The service itself cuts a result at 500,000 records or about 64 MB (older documentation: 64,000,000
     * bytes) and says so with a partial error, so the default of 128 MiB (134217728) leaves room for the JSON around
     * the largest result it sends. A body in memory (outputFormat ROWS, TABLES or JSON) takes a multiple of its
     * size in heap: size the heap, or lower this limit, accordingly; {@code splitRows} on a consumer streams rows.
     */
    @UriParam(label = "advanced", defaultValue = "134217728")
    private long maxResponseSize = 128L * 1024 * 1024;

    /**
     * The HTTP proxy (host name or address) for the requests to the query API and to the Entra ID token endpoint;
     * HTTPS goes through it with {@code CONNECT}. Unset, the JVM's {@code https.proxyHost}/{@code http.proxyHost}
     * properties apply, else the {@code HTTPS_PROXY}/{@code HTTP_PROXY} environment variables, as the Azure SDK
     * reads them.
     */
    @UriParam(label = "proxy")
    private String proxyHost;

    /**
     * The port of {@code proxyHost}; 8080 when unset.
     */
    @UriParam(label = "proxy")
    private Integer proxyPort;

    /**
     * The user name for the proxy's Basic authentication.
     */
    @UriParam(label = "proxy,security", secret = true)
    private String proxyAuthUsername;

    /**
     * The password for the proxy's Basic authentication.
     */
    @UriParam(label = "proxy,security", secret = true)
    private String proxyAuthPassword;

    // in words: Camel's catalog generator drops the vertical bar and the asterisk from a description
    // (CatalogDescriptionsTest compares every description with its javadoc)
    /**
     * Hosts reached without the proxy, in the form of the JVM's http.nonProxyHosts: host names or addresses separated
     * by vertical bars, each of which may start or end with an asterisk as a wildcard.
     */
    @UriParam(label = "proxy")
    private String nonProxyHosts;

    /**
     * TLS settings for the connections to the service (trust store, key store, protocols); they apply to the
     * connections to the Entra ID authority ({@code authorityHost}) as well.
     */
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    /**
     * How long the component's readiness health check reuses its last answer before it obtains a token and runs
     * <code>print 1</code> again, so that frequent probes do not each query the service. {@code 0s} checks at every
     * probe. The check is registered in Camel's producers health-check repository
     * (<code>camel.health.producersEnabled=true</code>).
     */
    @UriParam(label = "health", defaultValue = "30s", javaType = "java.time.Duration")
    private Duration healthCheckInterval = Duration.ofSeconds(30);

    public String getWorkspaceId() {
        return workspaceId;
    }

    public void setWorkspaceId(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public String getTimespan() {
        return timespan;
    }

    public void setTimespan(String timespan) {
        this.timespan = timespan;
    }

    public String getAdditionalWorkspaces() {
        return additionalWorkspaces;
    }

    public void setAdditionalWorkspaces(String additionalWorkspaces) {
        this.additionalWorkspaces = additionalWorkspaces;
    }

    public Duration getServerTimeout() {
        return serverTimeout;
    }

    public void setServerTimeout(Duration serverTimeout) {
        this.serverTimeout = serverTimeout;
    }

    public boolean isIncludeStatistics() {
        return includeStatistics;
    }

    public void setIncludeStatistics(boolean includeStatistics) {
        this.includeStatistics = includeStatistics;
    }

    public boolean isIncludeVisualization() {
        return includeVisualization;
    }

    public void setIncludeVisualization(boolean includeVisualization) {
        this.includeVisualization = includeVisualization;
    }

    public boolean isAllowPartialErrors() {
        return allowPartialErrors;
    }

    public void setAllowPartialErrors(boolean allowPartialErrors) {
        this.allowPartialErrors = allowPartialErrors;
    }

    public LogAnalyticsOutputFormat getOutputFormat() {
        return outputFormat;
    }

    public void setOutputFormat(LogAnalyticsOutputFormat outputFormat) {
        this.outputFormat = outputFormat;
    }

    public boolean isFailOnNoData() {
        return failOnNoData;
    }

    public void setFailOnNoData(boolean failOnNoData) {
        this.failOnNoData = failOnNoData;
    }

    public boolean isHonorRetryAfter() {
        return honorRetryAfter;
    }

    public void setHonorRetryAfter(boolean honorRetryAfter) {
        this.honorRetryAfter = honorRetryAfter;
    }

    public boolean isSplitRows() {
        return splitRows;
    }

    public void setSplitRows(boolean splitRows) {
        this.splitRows = splitRows;
    }

    public boolean isIncremental() {
        return incremental;
    }

    public void setIncremental(boolean incremental) {
        this.incremental = incremental;
    }

    public Duration getIngestionDelay() {
        return ingestionDelay;
    }

    public void setIngestionDelay(Duration ingestionDelay) {
        this.ingestionDelay = ingestionDelay;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStartFrom() {
        return startFrom;
    }

    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
    }

    public Duration getMaxWindow() {
        return maxWindow;
    }

    public void setMaxWindow(Duration maxWindow) {
        this.maxWindow = maxWindow;
    }

    public Duration getMinQueryInterval() {
        return minQueryInterval;
    }

    public void setMinQueryInterval(Duration minQueryInterval) {
        this.minQueryInterval = minQueryInterval;
    }

    public Duration getLookback() {
        return lookback;
    }

    public void setLookback(Duration lookback) {
        this.lookback = lookback;
    }

    public Cloud getCloud() {
        return cloud;
    }

    public void setCloud(Cloud cloud) {
        this.cloud = cloud;
    }

    public LogAnalyticsApiType getApiType() {
        return apiType;
    }

    public void setApiType(LogAnalyticsApiType apiType) {
        this.apiType = apiType;
    }

    public String getSubscriptionId() {
        return subscriptionId;
    }

    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    public String getResourceGroup() {
        return resourceGroup;
    }

    public void setResourceGroup(String resourceGroup) {
        this.resourceGroup = resourceGroup;
    }

    public String getWorkspaceName() {
        return workspaceName;
    }

    public void setWorkspaceName(String workspaceName) {
        this.workspaceName = workspaceName;
    }

    public String getResourceId() {
        return resourceId;
    }

    public void setResourceId(String resourceId) {
        this.resourceId = resourceId;
    }

    public String getArmApiVersion() {
        return armApiVersion;
    }

    public void setArmApiVersion(String armApiVersion) {
        this.armApiVersion = armApiVersion;
    }

    public LogAnalyticsOperation getOperation() {
        return operation;
    }

    public void setOperation(LogAnalyticsOperation operation) {
        this.operation = operation;
    }

    public int getBatchParallelism() {
        return batchParallelism;
    }

    public void setBatchParallelism(int batchParallelism) {
        this.batchParallelism = batchParallelism;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public CredentialType getCredentialType() {
        return credentialType;
    }

    public void setCredentialType(CredentialType credentialType) {
        this.credentialType = credentialType;
    }

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getCertificatePath() {
        return certificatePath;
    }

    public void setCertificatePath(String certificatePath) {
        this.certificatePath = certificatePath;
    }

    public String getCertificatePassword() {
        return certificatePassword;
    }

    public void setCertificatePassword(String certificatePassword) {
        this.certificatePassword = certificatePassword;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getFederatedTokenFile() {
        return federatedTokenFile;
    }

    public void setFederatedTokenFile(String federatedTokenFile) {
        this.federatedTokenFile = federatedTokenFile;
    }

    public String getAuthorityHost() {
        return authorityHost;
    }

    public void setAuthorityHost(String authorityHost) {
        this.authorityHost = authorityHost;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public Object getTokenCredential() {
        return tokenCredential;
    }

    public void setTokenCredential(Object tokenCredential) {
        this.tokenCredential = tokenCredential;
    }

    public TokenProvider getTokenProvider() {
        return tokenProvider;
    }

    public void setTokenProvider(TokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    public void setHealthCheckInterval(Duration healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public String getProxyAuthPassword() {
        return proxyAuthPassword;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = proxyAuthPassword;
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    /** A copy for one endpoint, so that its options do not change the component's. */
    public LogAnalyticsConfiguration copy() {
        try {
            return (LogAnalyticsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
