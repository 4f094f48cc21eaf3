package io.github.camelloganalytics.client;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The pooled HTTP connections that every endpoint with the same TLS and connect settings shares.
 * <p>
 * It answers gzip-encoded responses transparently and decodes them while they are read. It never retries by
 * itself: retrying belongs to the route's error handler, which must see every failure.
 */
public final class ConnectionPool implements Closeable {

    /** Connections per host: above the service's 5 queued-per-user so a batch never waits for a connection. */
    private static final int MAX_PER_ROUTE = 20;
    private static final int MAX_TOTAL = 100;

    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient http;

    /**
     * @param sslContext     the TLS settings, or null for the JVM's defaults
     * @param connectTimeout how long to wait for a connection to be established
     */
    public ConnectionPool(SSLContext sslContext, Duration connectTimeout) {
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(sslContext != null
                        ? new DefaultClientTlsStrategy(sslContext) : DefaultClientTlsStrategy.createDefault())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .build())
                .setMaxConnPerRoute(MAX_PER_ROUTE)
                .setMaxConnTotal(MAX_TOTAL)
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    CloseableHttpClient http() {
        return http;
    }

    /** Connections currently lent out: zero when no query is running, or a response was not closed. */
    public int leasedConnections() {
        return connections.getTotalStats().getLeased();
    }

    @Override
    public void close() throws IOException {
        http.close(CloseMode.GRACEFUL);
    }
}
