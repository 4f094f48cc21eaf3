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
     * decodes to gigabytes stops here too). An endpoint URI takes a number of bytes or a number and a unit, units being
     * multiples of 1024 as in the default: <code>128MB</code> (134217728), <code>512KB</code>, <code>1GB</code>
     * (<code>KiB</code>, <code>MiB</code>, <code>GiB</code> mean the same); other text is refused when the endpoint
     * is created. A larger one is not read further and the query fails with
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

    /**
     * Returns the {@code workspaceId} option: the id (a GUID) of the Log Analytics workspace to query.
     *
     * @return the option's value
     */
    public String getWorkspaceId() {
        return workspaceId;
    }

    /**
     * Sets the {@code workspaceId} option: the id (a GUID) of the Log Analytics workspace to query.
     *
     * @param workspaceId the option's value
     */
    public void setWorkspaceId(String workspaceId) {
        this.workspaceId = workspaceId;
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
     * Returns the {@code timespan} option: the time range the query covers, as an ISO 8601 duration back from now
     * ({@code PT1H}, {@code P1D}) or an ISO 8601 interval (<code>start/end</code>, <code>start/duration</code>).
     *
     * @return the option's value
     */
    public String getTimespan() {
        return timespan;
    }

    /**
     * Sets the {@code timespan} option: the time range the query covers, as an ISO 8601 duration back from now
     * ({@code PT1H}, {@code P1D}) or an ISO 8601 interval (<code>start/end</code>, <code>start/duration</code>).
     *
     * @param timespan the option's value
     */
    public void setTimespan(String timespan) {
        this.timespan = timespan;
    }

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
     * Returns the {@code serverTimeout} option: how long the service may run the query before it gives up, sent as
     * <code>Prefer: wait=N</code>: 1 to 600 seconds.
     *
     * @return the option's value
     */
    public Duration getServerTimeout() {
        return serverTimeout;
    }

    /**
     * Sets the {@code serverTimeout} option: how long the service may run the query before it gives up, sent as
     * <code>Prefer: wait=N</code>: 1 to 600 seconds.
     *
     * @param serverTimeout the option's value
     */
    public void setServerTimeout(Duration serverTimeout) {
        this.serverTimeout = serverTimeout;
    }

    /**
     * Returns the {@code includeStatistics} option: asks the service for the query's statistics (<code>Prefer:
     * include-statistics=true</code>); they arrive in the header {@code CamelLogAnalyticsStatistics}.
     *
     * @return the option's value
     */
    public boolean isIncludeStatistics() {
        return includeStatistics;
    }

    /**
     * Sets the {@code includeStatistics} option: asks the service for the query's statistics (<code>Prefer:
     * include-statistics=true</code>); they arrive in the header {@code CamelLogAnalyticsStatistics}.
     *
     * @param includeStatistics the option's value
     */
    public void setIncludeStatistics(boolean includeStatistics) {
        this.includeStatistics = includeStatistics;
    }

    /**
     * Returns the {@code includeVisualization} option: asks the service for the query's render instructions
     * (<code>Prefer: include-render=true</code>); they arrive in the header {@code CamelLogAnalyticsVisualization}.
     *
     * @return the option's value
     */
    public boolean isIncludeVisualization() {
        return includeVisualization;
    }

    /**
     * Sets the {@code includeVisualization} option: asks the service for the query's render instructions
     * (<code>Prefer: include-render=true</code>); they arrive in the header {@code CamelLogAnalyticsVisualization}.
     *
     * @param includeVisualization the option's value
     */
    public void setIncludeVisualization(boolean includeVisualization) {
        this.includeVisualization = includeVisualization;
    }

    /**
     * Returns the {@code allowPartialErrors} option: what to do with a result the service marks as incomplete (a 200
     * carrying an {@code error} beside the tables, e.g. when the result was truncated at the service's limits): false
     * raises {@code PartialResultException}, which carries the partial data; true delivers the data and puts the error
     * in the header {@code CamelLogAnalyticsPartialError}.
     *
     * @return the option's value
     */
    public boolean isAllowPartialErrors() {
        return allowPartialErrors;
    }

    /**
     * Sets the {@code allowPartialErrors} option: what to do with a result the service marks as incomplete (a 200
     * carrying an {@code error} beside the tables, e.g. when the result was truncated at the service's limits): false
     * raises {@code PartialResultException}, which carries the partial data; true delivers the data and puts the error
     * in the header {@code CamelLogAnalyticsPartialError}.
     *
     * @param allowPartialErrors the option's value
     */
    public void setAllowPartialErrors(boolean allowPartialErrors) {
        this.allowPartialErrors = allowPartialErrors;
    }

    /**
     * Returns the {@code outputFormat} option: the body of the answer: {@code ROWS}, the primary table as a
     * {@code List} of {@code Map}s, one per row, of typed values; {@code TABLES}, every table as a
     * {@code QueryResult}; {@code JSON}, the service's JSON as a String.
     *
     * @return the option's value
     */
    public LogAnalyticsOutputFormat getOutputFormat() {
        return outputFormat;
    }

    /**
     * Sets the {@code outputFormat} option: the body of the answer: {@code ROWS}, the primary table as a {@code List}
     * of {@code Map}s, one per row, of typed values; {@code TABLES}, every table as a {@code QueryResult};
     * {@code JSON}, the service's JSON as a String.
     *
     * @param outputFormat the option's value
     */
    public void setOutputFormat(LogAnalyticsOutputFormat outputFormat) {
        this.outputFormat = outputFormat;
    }

    /**
     * Returns the {@code failOnNoData} option: what to do when the service answers 204 No Content (the workspace holds
     * no data): false delivers an empty body and sets the header {@code CamelLogAnalyticsNoData} to true; true raises
     * {@code NoDataException}.
     *
     * @return the option's value
     */
    public boolean isFailOnNoData() {
        return failOnNoData;
    }

    /**
     * Sets the {@code failOnNoData} option: what to do when the service answers 204 No Content (the workspace holds no
     * data): false delivers an empty body and sets the header {@code CamelLogAnalyticsNoData} to true; true raises
     * {@code NoDataException}.
     *
     * @param failOnNoData the option's value
     */
    public void setFailOnNoData(boolean failOnNoData) {
        this.failOnNoData = failOnNoData;
    }

    /**
     * Returns the {@code honorRetryAfter} option: on a failure the service says may be retried (429, 500, 502, 503,
     * 504), sets the header {@code CamelRedeliveryDelay} to the wait the service asked for in
     * <code>Retry-After</code>, in milliseconds, so that Camel's redelivery waits exactly that long.
     *
     * @return the option's value
     */
    public boolean isHonorRetryAfter() {
        return honorRetryAfter;
    }

    /**
     * Sets the {@code honorRetryAfter} option: on a failure the service says may be retried (429, 500, 502, 503, 504),
     * sets the header {@code CamelRedeliveryDelay} to the wait the service asked for in <code>Retry-After</code>, in
     * milliseconds, so that Camel's redelivery waits exactly that long.
     *
     * @param honorRetryAfter the option's value
     */
    public void setHonorRetryAfter(boolean honorRetryAfter) {
        this.honorRetryAfter = honorRetryAfter;
    }

    /**
     * Returns the {@code splitRows} option: delivers one exchange per row of the primary table instead of one per poll.
     *
     * @return the option's value
     */
    public boolean isSplitRows() {
        return splitRows;
    }

    /**
     * Sets the {@code splitRows} option: delivers one exchange per row of the primary table instead of one per poll.
     *
     * @param splitRows the option's value
     */
    public void setSplitRows(boolean splitRows) {
        this.splitRows = splitRows;
    }

    /**
     * Returns the {@code incremental} option: makes each poll query the next time window: from the stored watermark
     * (or {@code startFrom}) up to now minus {@code ingestionDelay}, at most {@code maxWindow} long.
     *
     * @return the option's value
     */
    public boolean isIncremental() {
        return incremental;
    }

    /**
     * Sets the {@code incremental} option: makes each poll query the next time window: from the stored watermark (or
     * {@code startFrom}) up to now minus {@code ingestionDelay}, at most {@code maxWindow} long.
     *
     * @param incremental the option's value
     */
    public void setIncremental(boolean incremental) {
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
     * Returns the {@code stateRepository} option: where the incremental consumer keeps its watermark (the end of the
     * last completed window), read at every poll: a {@code FileStateRepository} survives restarts;
     * {@code JdbcStateRepository} is shared by the nodes of a cluster.
     *
     * @return the option's value
     */
    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * Sets the {@code stateRepository} option: where the incremental consumer keeps its watermark (the end of the last
     * completed window), read at every poll: a {@code FileStateRepository} survives restarts;
     * {@code JdbcStateRepository} is shared by the nodes of a cluster.
     *
     * @param stateRepository the option's value
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    /**
     * Returns the {@code startFrom} option: in incremental mode, where the first window starts when no watermark is
     * stored: an ISO 8601 instant (<code>2024-01-01T00:00:00Z</code>) or a duration back from now ({@code P1D}).
     *
     * @return the option's value
     */
    public String getStartFrom() {
        return startFrom;
    }

    /**
     * Sets the {@code startFrom} option: in incremental mode, where the first window starts when no watermark is
     * stored: an ISO 8601 instant (<code>2024-01-01T00:00:00Z</code>) or a duration back from now ({@code P1D}).
     *
     * @param startFrom the option's value
     */
    public void setStartFrom(String startFrom) {
        this.startFrom = startFrom;
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
     * Returns the {@code minQueryInterval} option: the shortest time between two queries of one consumer: a backlog
     * (after an outage, or a {@code startFrom} far back) is caught up window by window at most this fast, and a short
     * {@code delay} cannot make the consumer query more often.
     *
     * @return the option's value
     */
    public Duration getMinQueryInterval() {
        return minQueryInterval;
    }

    /**
     * Sets the {@code minQueryInterval} option: the shortest time between two queries of one consumer: a backlog
     * (after an outage, or a {@code startFrom} far back) is caught up window by window at most this fast, and a short
     * {@code delay} cannot make the consumer query more often.
     *
     * @param minQueryInterval the option's value
     */
    public void setMinQueryInterval(Duration minQueryInterval) {
        this.minQueryInterval = minQueryInterval;
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
     * Returns the {@code apiType} option: the door to the query API: {@code DIRECT}, the query API itself, addressed
     * by the workspace id in the URI or by {@code resourceId}; {@code ARM}, Azure Resource Manager, addressed by
     * {@code subscriptionId}, {@code resourceGroup} and {@code workspaceName}.
     *
     * @return the option's value
     */
    public LogAnalyticsApiType getApiType() {
        return apiType;
    }

    /**
     * Sets the {@code apiType} option: the door to the query API: {@code DIRECT}, the query API itself, addressed by
     * the workspace id in the URI or by {@code resourceId}; {@code ARM}, Azure Resource Manager, addressed by
     * {@code subscriptionId}, {@code resourceGroup} and {@code workspaceName}.
     *
     * @param apiType the option's value
     */
    public void setApiType(LogAnalyticsApiType apiType) {
        this.apiType = apiType;
    }

    /**
     * Returns the {@code subscriptionId} option: the subscription of the workspace, with <code>apiType=ARM</code>.
     *
     * @return the option's value
     */
    public String getSubscriptionId() {
        return subscriptionId;
    }

    /**
     * Sets the {@code subscriptionId} option: the subscription of the workspace, with <code>apiType=ARM</code>.
     *
     * @param subscriptionId the option's value
     */
    public void setSubscriptionId(String subscriptionId) {
        this.subscriptionId = subscriptionId;
    }

    /**
     * Returns the {@code resourceGroup} option: the resource group of the workspace, with <code>apiType=ARM</code>.
     *
     * @return the option's value
     */
    public String getResourceGroup() {
        return resourceGroup;
    }

    /**
     * Sets the {@code resourceGroup} option: the resource group of the workspace, with <code>apiType=ARM</code>.
     *
     * @param resourceGroup the option's value
     */
    public void setResourceGroup(String resourceGroup) {
        this.resourceGroup = resourceGroup;
    }

    /**
     * Returns the {@code workspaceName} option: the name (not the id) of the workspace, with <code>apiType=ARM</code>.
     *
     * @return the option's value
     */
    public String getWorkspaceName() {
        return workspaceName;
    }

    /**
     * Sets the {@code workspaceName} option: the name (not the id) of the workspace, with <code>apiType=ARM</code>.
     *
     * @param workspaceName the option's value
     */
    public void setWorkspaceName(String workspaceName) {
        this.workspaceName = workspaceName;
    }

    /**
     * Returns the {@code resourceId} option: the id of an Azure resource, for a resource-centric query
     * (<code>/v1{resourceId}/query</code>): it sees only that resource's records, in whichever workspaces hold them.
     *
     * @return the option's value
     */
    public String getResourceId() {
        return resourceId;
    }

    /**
     * Sets the {@code resourceId} option: the id of an Azure resource, for a resource-centric query
     * (<code>/v1{resourceId}/query</code>): it sees only that resource's records, in whichever workspaces hold them.
     *
     * @param resourceId the option's value
     */
    public void setResourceId(String resourceId) {
        this.resourceId = resourceId;
    }

    /**
     * Returns the {@code armApiVersion} option: the <code>api-version</code> sent to Azure Resource Manager with
     * <code>apiType=ARM</code>: the version Microsoft documents for the query API through ARM.
     *
     * @return the option's value
     */
    public String getArmApiVersion() {
        return armApiVersion;
    }

    /**
     * Sets the {@code armApiVersion} option: the <code>api-version</code> sent to Azure Resource Manager with
     * <code>apiType=ARM</code>: the version Microsoft documents for the query API through ARM.
     *
     * @param armApiVersion the option's value
     */
    public void setArmApiVersion(String armApiVersion) {
        this.armApiVersion = armApiVersion;
    }

    /**
     * Returns the {@code operation} option: {@code QUERY} runs one query.
     *
     * @return the option's value
     */
    public LogAnalyticsOperation getOperation() {
        return operation;
    }

    /**
     * Sets the {@code operation} option: {@code QUERY} runs one query.
     *
     * @param operation the option's value
     */
    public void setOperation(LogAnalyticsOperation operation) {
        this.operation = operation;
    }

    /**
     * Returns the {@code batchParallelism} option: with <code>operation=BATCH</code>, the most queries of this
     * endpoint in flight at once (1 to 20).
     *
     * @return the option's value
     */
    public int getBatchParallelism() {
        return batchParallelism;
    }

    /**
     * Sets the {@code batchParallelism} option: with <code>operation=BATCH</code>, the most queries of this endpoint
     * in flight at once (1 to 20).
     *
     * @param batchParallelism the option's value
     */
    public void setBatchParallelism(int batchParallelism) {
        this.batchParallelism = batchParallelism;
    }

    /**
     * Returns the {@code host} option: the base URL of the query API, instead of the cloud's (a proxy, or the
     * testkit's emulator); with <code>apiType=ARM</code> it replaces Resource Manager's host.
     *
     * @return the option's value
     */
    public String getHost() {
        return host;
    }

    /**
     * Sets the {@code host} option: the base URL of the query API, instead of the cloud's (a proxy, or the testkit's
     * emulator); with <code>apiType=ARM</code> it replaces Resource Manager's host.
     *
     * @param host the option's value
     */
    public void setHost(String host) {
        this.host = host;
    }

    /**
     * Returns the {@code scope} option: the OAuth 2.0 scope tokens are asked for, instead of the one the door
     * ({@code apiType}) accepts in the {@code cloud}.
     *
     * @return the option's value
     */
    public String getScope() {
        return scope;
    }

    /**
     * Sets the {@code scope} option: the OAuth 2.0 scope tokens are asked for, instead of the one the door
     * ({@code apiType}) accepts in the {@code cloud}.
     *
     * @param scope the option's value
     */
    public void setScope(String scope) {
        this.scope = scope;
    }

    /**
     * Returns the {@code credentialType} option: how the component obtains its bearer tokens: {@code CLIENT_SECRET},
     * {@code CLIENT_CERTIFICATE}, {@code CLIENT_ASSERTION} (workload identity), {@code MANAGED_IDENTITY} and
     * {@code REFRESH_TOKEN} through MSAL4J, with tokens cached and renewed ahead of expiry; {@code ACCESS_TOKEN}, a
     * token given in {@code accessToken}; {@code TOKEN_PROVIDER}, a bean given in {@code tokenProvider};
     * {@code AZURE_IDENTITY}, an Azure SDK {@code TokenCredential} given in {@code tokenCredential} (else a
     * {@code DefaultAzureCredential}); {@code AUTO}, the one credential option that is set, else the Azure SDK's
     * environment variables ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET},
     * {@code AZURE_CLIENT_CERTIFICATE_PATH}, {@code AZURE_FEDERATED_TOKEN_FILE}, {@code AZURE_AUTHORITY_HOST}), else
     * the host's managed identity.
     *
     * @return the option's value
     */
    public CredentialType getCredentialType() {
        return credentialType;
    }

    /**
     * Sets the {@code credentialType} option: how the component obtains its bearer tokens: {@code CLIENT_SECRET},
     * {@code CLIENT_CERTIFICATE}, {@code CLIENT_ASSERTION} (workload identity), {@code MANAGED_IDENTITY} and
     * {@code REFRESH_TOKEN} through MSAL4J, with tokens cached and renewed ahead of expiry; {@code ACCESS_TOKEN}, a
     * token given in {@code accessToken}; {@code TOKEN_PROVIDER}, a bean given in {@code tokenProvider};
     * {@code AZURE_IDENTITY}, an Azure SDK {@code TokenCredential} given in {@code tokenCredential} (else a
     * {@code DefaultAzureCredential}); {@code AUTO}, the one credential option that is set, else the Azure SDK's
     * environment variables ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID}, {@code AZURE_CLIENT_SECRET},
     * {@code AZURE_CLIENT_CERTIFICATE_PATH}, {@code AZURE_FEDERATED_TOKEN_FILE}, {@code AZURE_AUTHORITY_HOST}), else
     * the host's managed identity.
     *
     * @param credentialType the option's value
     */
    public void setCredentialType(CredentialType credentialType) {
        this.credentialType = credentialType;
    }

    /**
     * Returns the {@code tenantId} option: the Entra ID tenant (directory id or verified domain) of the application,
     * for {@code CLIENT_SECRET}, {@code CLIENT_CERTIFICATE}, {@code CLIENT_ASSERTION} and {@code REFRESH_TOKEN}.
     *
     * @return the option's value
     */
    public String getTenantId() {
        return tenantId;
    }

    /**
     * Sets the {@code tenantId} option: the Entra ID tenant (directory id or verified domain) of the application, for
     * {@code CLIENT_SECRET}, {@code CLIENT_CERTIFICATE}, {@code CLIENT_ASSERTION} and {@code REFRESH_TOKEN}.
     *
     * @param tenantId the option's value
     */
    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }

    /**
     * Returns the {@code clientId} option: the application (client) id; with {@code MANAGED_IDENTITY}, the client id
     * of a user-assigned identity (unset: the system-assigned one).
     *
     * @return the option's value
     */
    public String getClientId() {
        return clientId;
    }

    /**
     * Sets the {@code clientId} option: the application (client) id; with {@code MANAGED_IDENTITY}, the client id of a
     * user-assigned identity (unset: the system-assigned one).
     *
     * @param clientId the option's value
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    /**
     * Returns the {@code clientSecret} option: the application's client secret ({@code CLIENT_SECRET}; with
     * {@code REFRESH_TOKEN}, authenticates a confidential application).
     *
     * @return the option's value
     */
    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * Sets the {@code clientSecret} option: the application's client secret ({@code CLIENT_SECRET}; with
     * {@code REFRESH_TOKEN}, authenticates a confidential application).
     *
     * @param clientSecret the option's value
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    /**
     * Returns the {@code certificatePath} option: the application's certificate with its private key
     * ({@code CLIENT_CERTIFICATE}): a PEM file (certificate and PKCS#8 key, the key optionally encrypted) or a PKCS#12
     * file ({@code .pfx}, {@code .p12}).
     *
     * @return the option's value
     */
    public String getCertificatePath() {
        return certificatePath;
    }

    /**
     * Sets the {@code certificatePath} option: the application's certificate with its private key
     * ({@code CLIENT_CERTIFICATE}): a PEM file (certificate and PKCS#8 key, the key optionally encrypted) or a PKCS#12
     * file ({@code .pfx}, {@code .p12}).
     *
     * @param certificatePath the option's value
     */
    public void setCertificatePath(String certificatePath) {
        this.certificatePath = certificatePath;
    }

    /**
     * Returns the {@code certificatePassword} option: the password of the PKCS#12 file, or of the encrypted PEM key,
     * in {@code certificatePath}.
     *
     * @return the option's value
     */
    public String getCertificatePassword() {
        return certificatePassword;
    }

    /**
     * Sets the {@code certificatePassword} option: the password of the PKCS#12 file, or of the encrypted PEM key, in
     * {@code certificatePath}.
     *
     * @param certificatePassword the option's value
     */
    public void setCertificatePassword(String certificatePassword) {
        this.certificatePassword = certificatePassword;
    }

    /**
     * Returns the {@code refreshToken} option: a refresh token of the user the queries run for
     * ({@code REFRESH_TOKEN}); each renewal brings a new one, used from then on.
     *
     * @return the option's value
     */
    public String getRefreshToken() {
        return refreshToken;
    }

    /**
     * Sets the {@code refreshToken} option: a refresh token of the user the queries run for ({@code REFRESH_TOKEN});
     * each renewal brings a new one, used from then on.
     *
     * @param refreshToken the option's value
     */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    /**
     * Returns the {@code federatedTokenFile} option: the file holding a federated client assertion
     * ({@code CLIENT_ASSERTION}): on AKS with workload identity, what {@code AZURE_FEDERATED_TOKEN_FILE} names.
     *
     * @return the option's value
     */
    public String getFederatedTokenFile() {
        return federatedTokenFile;
    }

    /**
     * Sets the {@code federatedTokenFile} option: the file holding a federated client assertion
     * ({@code CLIENT_ASSERTION}): on AKS with workload identity, what {@code AZURE_FEDERATED_TOKEN_FILE} names.
     *
     * @param federatedTokenFile the option's value
     */
    public void setFederatedTokenFile(String federatedTokenFile) {
        this.federatedTokenFile = federatedTokenFile;
    }

    /**
     * Returns the {@code authorityHost} option: the Entra ID authority host, instead of the cloud's
     * (<code>https://login.microsoftonline.com</code> for {@code AZURE_PUBLIC}): a private authority or the testkit's
     * token endpoint.
     *
     * @return the option's value
     */
    public String getAuthorityHost() {
        return authorityHost;
    }

    /**
     * Sets the {@code authorityHost} option: the Entra ID authority host, instead of the cloud's
     * (<code>https://login.microsoftonline.com</code> for {@code AZURE_PUBLIC}): a private authority or the testkit's
     * token endpoint.
     *
     * @param authorityHost the option's value
     */
    public void setAuthorityHost(String authorityHost) {
        this.authorityHost = authorityHost;
    }

    /**
     * Returns the {@code accessToken} option: a bearer token for the query API obtained elsewhere, used as it is
     * (<code>credentialType=ACCESS_TOKEN</code>).
     *
     * @return the option's value
     */
    public String getAccessToken() {
        return accessToken;
    }

    /**
     * Sets the {@code accessToken} option: a bearer token for the query API obtained elsewhere, used as it is
     * (<code>credentialType=ACCESS_TOKEN</code>).
     *
     * @param accessToken the option's value
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    /**
     * Returns the {@code tokenCredential} option: an Azure SDK {@code com.azure.core.credential.TokenCredential} bean
     * (<code>credentialType=AZURE_IDENTITY</code>), such as azure-identity's {@code DefaultAzureCredential} or
     * {@code WorkloadIdentityCredential}, as the camel-azure components take it.
     *
     * @return the option's value
     */
    public Object getTokenCredential() {
        return tokenCredential;
    }

    /**
     * Sets the {@code tokenCredential} option: an Azure SDK {@code com.azure.core.credential.TokenCredential} bean
     * (<code>credentialType=AZURE_IDENTITY</code>), such as azure-identity's {@code DefaultAzureCredential} or
     * {@code WorkloadIdentityCredential}, as the camel-azure components take it.
     *
     * @param tokenCredential the option's value
     */
    public void setTokenCredential(Object tokenCredential) {
        this.tokenCredential = tokenCredential;
    }

    /**
     * Returns the {@code tokenProvider} option: a bean that supplies the bearer tokens
     * (<code>credentialType=TOKEN_PROVIDER</code>).
     *
     * @return the option's value
     */
    public TokenProvider getTokenProvider() {
        return tokenProvider;
    }

    /**
     * Sets the {@code tokenProvider} option: a bean that supplies the bearer tokens
     * (<code>credentialType=TOKEN_PROVIDER</code>).
     *
     * @param tokenProvider the option's value
     */
    public void setTokenProvider(TokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
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
     * Returns the {@code responseTimeout} option: the deadline for the whole answer, from sending the request to
     * reading its last byte, however the server trickles or withholds it.
     *
     * @return the option's value
     */
    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * Sets the {@code responseTimeout} option: the deadline for the whole answer, from sending the request to reading
     * its last byte, however the server trickles or withholds it.
     *
     * @param responseTimeout the option's value
     */
    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    /**
     * Returns the {@code sslContextParameters} option: TLS settings for the connections to the service (trust store,
     * key store, protocols); they apply to the connections to the Entra ID authority ({@code authorityHost}) as well.
     *
     * @return the option's value
     */
    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * Sets the {@code sslContextParameters} option: TLS settings for the connections to the service (trust store, key
     * store, protocols); they apply to the connections to the Entra ID authority ({@code authorityHost}) as well.
     *
     * @param sslContextParameters the option's value
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    /**
     * Returns the {@code healthCheckInterval} option: how long the component's readiness health check reuses its last
     * answer before it obtains a token and runs <code>print 1</code> again, so that frequent probes do not each query
     * the service.
     *
     * @return the option's value
     */
    public Duration getHealthCheckInterval() {
        return healthCheckInterval;
    }

    /**
     * Sets the {@code healthCheckInterval} option: how long the component's readiness health check reuses its last
     * answer before it obtains a token and runs <code>print 1</code> again, so that frequent probes do not each query
     * the service.
     *
     * @param healthCheckInterval the option's value
     */
    public void setHealthCheckInterval(Duration healthCheckInterval) {
        this.healthCheckInterval = healthCheckInterval;
    }

    /**
     * Returns the {@code maxResponseSize} option: the largest response body accepted, in bytes, counted after gzip
     * decoding (so a small compressed body that decodes to gigabytes stops here too).
     *
     * @return the option's value
     */
    public long getMaxResponseSize() {
        return maxResponseSize;
    }

    /**
     * Sets the {@code maxResponseSize} option: the largest response body accepted, in bytes, counted after gzip
     * decoding (so a small compressed body that decodes to gigabytes stops here too).
     *
     * @param maxResponseSize the option's value
     */
    public void setMaxResponseSize(long maxResponseSize) {
        this.maxResponseSize = maxResponseSize;
    }

    /**
     * Returns the {@code proxyHost} option: the HTTP proxy (host name or address) for the requests to the query API
     * and to the Entra ID token endpoint; HTTPS goes through it with {@code CONNECT}.
     *
     * @return the option's value
     */
    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * Sets the {@code proxyHost} option: the HTTP proxy (host name or address) for the requests to the query API and
     * to the Entra ID token endpoint; HTTPS goes through it with {@code CONNECT}.
     *
     * @param proxyHost the option's value
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    /**
     * Returns the {@code proxyPort} option: the port of {@code proxyHost}; 8080 when unset.
     *
     * @return the option's value
     */
    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * Sets the {@code proxyPort} option: the port of {@code proxyHost}; 8080 when unset.
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
     * Returns the {@code nonProxyHosts} option: hosts reached without the proxy, separated by <code>|</code>, with
     * <code>*</code> as a wildcard (<code>*.internal|10.*</code>), as the JVM's <code>http.nonProxyHosts</code>.
     *
     * @return the option's value
     */
    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    /**
     * Sets the {@code nonProxyHosts} option: hosts reached without the proxy, separated by <code>|</code>, with
     * <code>*</code> as a wildcard (<code>*.internal|10.*</code>), as the JVM's <code>http.nonProxyHosts</code>.
     *
     * @param nonProxyHosts the option's value
     */
    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    /**
     * A copy for one endpoint, so that its options do not change the component's.
     *
     * @return the copy
     */
    public LogAnalyticsConfiguration copy() {
        try {
            return (LogAnalyticsConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }
}
