package io.github.camelloganalytics;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;

import io.github.camelloganalytics.client.ConnectionPool;
import org.apache.camel.Endpoint;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Runs KQL queries against the Azure Monitor Log Analytics query API.
 * <p>
 * The component holds the options shared by its endpoints and the pooled HTTP connections they share.
 */
@Component("loganalytics")
public class LogAnalyticsComponent extends DefaultComponent {

    /** The options every endpoint of this component starts from. */
    @Metadata
    private LogAnalyticsConfiguration configuration = new LogAnalyticsConfiguration();

    private final Map<PoolKey, ConnectionPool> pools = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        LogAnalyticsConfiguration endpointConfiguration = configuration.copy();
        if (!remaining.isEmpty()) {
            endpointConfiguration.setWorkspaceId(remaining);
        }
        LogAnalyticsEndpoint endpoint = new LogAnalyticsEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        ConfigurationValidator.validate(endpointConfiguration);
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

    @Override
    protected void doStop() throws Exception {
        for (ConnectionPool pool : pools.values()) {
            try {
                pool.close();
            } catch (IOException e) {
                // closing is best effort: the JVM reclaims the sockets either way
            }
        }
        pools.clear();
        super.doStop();
    }

    /** SSLContextParameters has no equals of its own: endpoints share a pool when they share the bean. */
    private record PoolKey(SSLContextParameters sslContextParameters, Duration connectTimeout) {
    }
}
