package io.github.camelloganalytics;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;

import javax.net.ssl.SSLContext;

import io.github.camelloganalytics.auth.AuthorityConnection;
import io.github.camelloganalytics.auth.CachingTokenProvider;
import io.github.camelloganalytics.auth.CredentialOptions;
import io.github.camelloganalytics.auth.CredentialType;
import io.github.camelloganalytics.auth.Credentials;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.client.ConnectionPool;
import io.github.camelloganalytics.client.LogAnalyticsClient;
import io.github.camelloganalytics.client.MsalHttpClient;
import io.github.camelloganalytics.client.ProxySettings;
import io.github.camelloganalytics.error.ErrorCatalog;
import io.github.camelloganalytics.error.LogAnalyticsException;
import org.apache.camel.CamelContext;

import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.StringHelper;

/**
 * Runs KQL queries against the Azure Monitor Log Analytics query API.
 * <p>
 * The component holds the options shared by its endpoints and the pooled HTTP connections they share. Its
 * {@code healthCheckProducerEnabled} and {@code healthCheckConsumerEnabled} switch the producers' readiness checks
 * and the consumers' checks on or off, as for Camel's own components.
 */
@Component("loganalytics")
public class LogAnalyticsComponent extends HealthCheckComponent {

    /**
     * The poll delay of an incremental consumer whose URI sets no {@code delay}: a minute, since a window shorter
     * than that holds little and each poll is a query against the user's request budget; a backlog is caught up
     * within one poll regardless, paced by {@code minQueryInterval}.
     */
    static final long INCREMENTAL_DEFAULT_DELAY_MILLIS = 60_000;

    /** The options every endpoint of this component starts from. */
    @Metadata
    private LogAnalyticsConfiguration configuration = new LogAnalyticsConfiguration();

    private final Map<PoolKey, ConnectionPool> pools = new ConcurrentHashMap<>();
    private ExecutorService readAheadExecutor;
    private final Map<CredentialKey, TokenProvider> tokenProviders = new ConcurrentHashMap<>();
    private volatile UnaryOperator<String> environment = System::getenv;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LogAnalyticsConfiguration endpointConfiguration = configuration.copy();
        if (!remaining.isEmpty()) {
            endpointConfiguration.setWorkspaceId(remaining);
        }
        LogAnalyticsEndpoint endpoint = new LogAnalyticsEndpoint(uri, this, endpointConfiguration);
        QueryPathOptions.readSizes(parameters);
        ConfigurationValidator.validateOptionTexts(parameters, new LogAnalyticsEndpointConfigurer(),
                getCamelContext().getTypeConverter());
        boolean delayGiven = parameters.containsKey("delay");
        setProperties(endpoint, parameters);
        ConfigurationValidator.validate(endpointConfiguration, environment);
        QueryPathOptions.validate(endpointConfiguration);
        if (endpointConfiguration.isIncremental() && !delayGiven) {
            endpoint.setDelay(INCREMENTAL_DEFAULT_DELAY_MILLIS);
        }
        return endpoint;
    }

    /**
     * The options every endpoint of this component starts from.
     *
     * @return the component's options
     */
    public LogAnalyticsConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The options every endpoint of this component starts from.
     *
     * @param configuration the component's options
     */
    public void setConfiguration(LogAnalyticsConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * Where an endpoint's client takes its connections from, for the given TLS, connect and proxy settings:
     * endpoints that agree on them share one pool. The pool is looked up at each query, so an endpoint kept across
     * a stop and start of the component (or of its CamelContext) finds the new pool; while the component is
     * stopped, a query fails with {@code ComponentStoppedException}.
     */
    LogAnalyticsClient.PoolSource poolSource(LogAnalyticsEndpoint endpoint, SSLContextParameters sslContextParameters,
                                             Duration connectTimeout, ProxySettings proxy) {
        PoolKey key = new PoolKey(sslContextParameters, connectTimeout, proxy);
        return () -> running(endpoint).connectionPool(key);
    }

    /**
     * This component while it runs; after its CamelContext was stopped and started again, the context's new
     * instance under the endpoint's scheme, so that an endpoint object kept from before the restart works on.
     */
    LogAnalyticsComponent running(LogAnalyticsEndpoint endpoint) {
        if (isRunning()) {
            return this;
        }
        CamelContext context = endpoint.getCamelContext();
        if (context != null && context.isStarted()) {
            String scheme = StringHelper.before(endpoint.getEndpointUri(), ":");
            org.apache.camel.Component current = scheme != null ? context.hasComponent(scheme) : null;
            if (current instanceof LogAnalyticsComponent successor && successor != this && successor.isRunning()) {
                return successor;
            }
        }
        return this;
    }

    private ConnectionPool connectionPool(PoolKey key) throws LogAnalyticsException {
        if (!isRunning()) {
            throw ErrorCatalog.componentStopped("The loganalytics component", null);
        }
        return pools.computeIfAbsent(key, k -> {
            try {
                SSLContext sslContext = k.sslContextParameters() != null
                        ? k.sslContextParameters().createSSLContext(getCamelContext()) : null;
                return new ConnectionPool(sslContext, k.connectTimeout(), k.proxy());
            } catch (Exception e) {
                throw new RuntimeCamelException("Cannot create the TLS context from sslContextParameters", e);
            }
        });
    }

    /** Started or starting: pools and threads made now are closed by the next stop. */
    private boolean isRunning() {
        return isStarted() || isStarting();
    }

    /**
     * The proxy settings an endpoint's options, else the JVM's properties, else the environment give.
     */
    ProxySettings proxySettings(LogAnalyticsConfiguration config) {
        return ProxySettings.resolve(config.getProxyHost(), config.getProxyPort(), config.getProxyAuthUsername(),
                config.getProxyAuthPassword(), config.getNonProxyHosts(), System::getProperty, environment);
    }

    /**
     * The threads that read large response bodies ahead of their parsing, shared by every endpoint of this
     * component; created on first use, so a component that never meets a large body has none. Null while the
     * component is stopped: a body is then read in the caller's thread.
     */
    ExecutorService readAheadExecutor(LogAnalyticsEndpoint endpoint) {
        return running(endpoint).readAheadExecutor();
    }

    private synchronized ExecutorService readAheadExecutor() {
        if (!isRunning()) {
            return null;
        }
        if (readAheadExecutor == null) {
            readAheadExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this,
                    "LogAnalyticsReadAhead");
        }
        return readAheadExecutor;
    }

    /**
     * Connections lent out right now, over every pool of this component: zero whenever no query is running, so a
     * higher figure at rest means a response was never closed (a leak that would end in waiting for connections).
     *
     * @return the leased connections
     */
    public int leasedConnections() {
        return pools.values().stream().mapToInt(ConnectionPool::leasedConnections).sum();
    }

    /**
     * The token provider for an endpoint's credential options: endpoints whose credential options, TLS settings,
     * timeouts and proxy are equal share one MSAL application and one token cache, so each token is requested once
     * for all. MSAL4J sends through the same connection pool as the endpoint's queries ({@link MsalHttpClient}):
     * one proxy configuration with its credentials, one TLS context, one connect timeout for both.
     */
    TokenProvider tokenProvider(LogAnalyticsEndpoint endpoint, LogAnalyticsConfiguration config) {
        CredentialOptions options = EndpointCredentials.resolve(config, environment);
        if (options.type() == CredentialType.ACCESS_TOKEN || options.type() == CredentialType.TOKEN_PROVIDER) {
            return Credentials.create(options, null);
        }
        // the managed-identity endpoint is a link-local address of the host itself, never behind a proxy
        ProxySettings proxy = options.type() == CredentialType.MANAGED_IDENTITY ? ProxySettings.NONE
                : proxySettings(config);
        CredentialKey key = new CredentialKey(options, config.getSslContextParameters(), config.getConnectTimeout(),
                config.getResponseTimeout(), proxy);
        LogAnalyticsClient.PoolSource pools = poolSource(endpoint, config.getSslContextParameters(),
                config.getConnectTimeout(), proxy);
        return tokenProviders.computeIfAbsent(key, k -> Credentials.create(k.options(),
                new AuthorityConnection(new MsalHttpClient(pools, k.responseTimeout()))));
    }

    /**
     * Replaces the process environment that {@code credentialType=AUTO} reads; for tests, since a running JVM
     * cannot change its own environment.
     */
    void environment(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    UnaryOperator<String> environment() {
        return environment;
    }

    @Override
    protected void doStop() throws Exception {
        for (TokenProvider provider : tokenProviders.values()) {
            if (provider instanceof CachingTokenProvider caching) {
                caching.close();
            }
        }
        tokenProviders.clear();
        for (ConnectionPool pool : pools.values()) {
            try {
                pool.close();
            } catch (IOException e) {
                // closing is best effort: the JVM reclaims the sockets either way
            }
        }
        pools.clear();
        synchronized (this) {
            if (readAheadExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdown(readAheadExecutor);
                readAheadExecutor = null;
            }
        }
        super.doStop();
    }

    /**
     * One MSAL application per distinct credential. {@link CredentialOptions} compares secrets but never prints
     * them; SSLContextParameters compares by identity, as in {@link PoolKey}.
     */
    private record CredentialKey(CredentialOptions options, SSLContextParameters sslContextParameters,
                                 Duration connectTimeout, Duration responseTimeout, ProxySettings proxy) {
    }

    /** SSLContextParameters has no equals of its own: endpoints share a pool when they share the bean. */
    private record PoolKey(SSLContextParameters sslContextParameters, Duration connectTimeout, ProxySettings proxy) {
    }
}
