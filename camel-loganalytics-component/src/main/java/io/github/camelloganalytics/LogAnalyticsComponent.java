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
import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

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
        ConfigurationValidator.validateOptionTexts(parameters, new LogAnalyticsEndpointConfigurer(),
                getCamelContext().getTypeConverter());
        boolean delayGiven = parameters.containsKey("delay");
        setProperties(endpoint, parameters);
        ConfigurationValidator.validate(endpointConfiguration, environment);
        if (endpointConfiguration.isIncremental() && !delayGiven) {
            endpoint.setDelay(INCREMENTAL_DEFAULT_DELAY_MILLIS);
        }
        return endpoint;
    }

    public LogAnalyticsConfiguration getConfiguration() {
        return configuration;
    }

    /** The options every endpoint of this component starts from. */
    public void setConfiguration(LogAnalyticsConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * The connection pool for the given TLS and connect settings: endpoints that agree on them share one.
     */
    ConnectionPool connectionPool(SSLContextParameters sslContextParameters, Duration connectTimeout) {
        return pools.computeIfAbsent(new PoolKey(sslContextParameters, connectTimeout), key -> {
            try {
                SSLContext sslContext = key.sslContextParameters() != null
                        ? key.sslContextParameters().createSSLContext(getCamelContext()) : null;
                return new ConnectionPool(sslContext, key.connectTimeout());
            } catch (Exception e) {
                throw new RuntimeCamelException("Cannot create the TLS context from sslContextParameters", e);
            }
        });
    }

    /**
     * The threads that read large response bodies ahead of their parsing, shared by every endpoint of this
     * component; created on first use, so a component that never meets a large body has none.
     */
    synchronized ExecutorService readAheadExecutor() {
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
     * The token provider for an endpoint's credential options: endpoints whose credential options, TLS settings and
     * timeouts are equal share one MSAL application and one token cache, so each token is requested once for all.
     */
    TokenProvider tokenProvider(LogAnalyticsConfiguration config) {
        CredentialOptions options = EndpointCredentials.resolve(config, environment);
        if (options.type() == CredentialType.ACCESS_TOKEN || options.type() == CredentialType.TOKEN_PROVIDER) {
            return Credentials.create(options, null);
        }
        CredentialKey key = new CredentialKey(options, config.getSslContextParameters(), config.getConnectTimeout(),
                config.getResponseTimeout());
        return tokenProviders.computeIfAbsent(key, k -> Credentials.create(k.options(), new AuthorityConnection(
                k.sslContextParameters() != null ? sslContext(k.sslContextParameters()).getSocketFactory() : null,
                k.connectTimeout(), k.readTimeout())));
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

    private SSLContext sslContext(SSLContextParameters parameters) {
        try {
            return parameters.createSSLContext(getCamelContext());
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot create the TLS context from sslContextParameters", e);
        }
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
                                 Duration connectTimeout, Duration readTimeout) {
    }

    /** SSLContextParameters has no equals of its own: endpoints share a pool when they share the bean. */
    private record PoolKey(SSLContextParameters sslContextParameters, Duration connectTimeout) {
    }
}
