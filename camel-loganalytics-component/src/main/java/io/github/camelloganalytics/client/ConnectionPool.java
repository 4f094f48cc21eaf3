package io.github.camelloganalytics.client;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The pooled HTTP connections that every endpoint with the same TLS, connect and proxy settings shares.
 * <p>
 * It answers gzip-encoded responses transparently and decodes them while they are read. It never retries by
 * itself: retrying belongs to the route's error handler, which must see every failure; the one exception, a kept-alive
 * connection the server had already closed, is {@link LogAnalyticsClient}'s to retry.
 */
public final class ConnectionPool implements Closeable {

    /** Connections per host: above the service's 5 queued-per-user so a batch never waits for a connection. */
    private static final int MAX_PER_ROUTE = 20;
    private static final int MAX_TOTAL = 100;

    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient http;
    private volatile boolean closed;

    /**
     * @param sslContext     the TLS settings, or null for the JVM's defaults
     * @param connectTimeout how long to wait for a connection to be established
     */
    public ConnectionPool(SSLContext sslContext, Duration connectTimeout) {
        this(sslContext, connectTimeout, ProxySettings.NONE);
    }

    /**
     * @param sslContext     the TLS settings, or null for the JVM's defaults
     * @param connectTimeout how long to wait for a connection to be established
     * @param proxy          which requests go through which proxy
     */
    public ConnectionPool(SSLContext sslContext, Duration connectTimeout, ProxySettings proxy) {
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
                .setRoutePlanner(new ProxyRoutePlanner(proxy))
                .setDefaultCredentialsProvider(new ProxyCredentials(proxy))
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
    }

    CloseableHttpClient http() {
        return http;
    }

    /** @return whether {@link #close()} was called; a closed pool serves no request any more */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes every connection that is not lent out. After a kept-alive connection turned out closed by the server,
     * the others that idled as long are likely closed too; a retry must not meet one of them.
     */
    void closeIdle() {
        connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
    }

    /**
     * Connections currently lent out: zero when no query is running, or a response was not closed.
     *
     * @return connections currently lent out: zero when no query is running, or a response was not closed
     */
    public int leasedConnections() {
        return connections.getTotalStats().getLeased();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        http.close(CloseMode.GRACEFUL);
    }

    /** The proxy of {@link ProxySettings} for each target, else a direct route. */
    private static final class ProxyRoutePlanner extends DefaultRoutePlanner {

        private final ProxySettings proxy;

        ProxyRoutePlanner(ProxySettings proxy) {
            super(DefaultSchemePortResolver.INSTANCE);
            this.proxy = proxy;
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) {
            InetSocketAddress address = proxy.proxyFor(target.getSchemeName(), target.getHostName());
            return address == null ? null : new HttpHost("http", address.getHostString(), address.getPort());
        }
    }

    /** Answers a proxy's 407 with the settings' user name and password; nothing for any other host. */
    private static final class ProxyCredentials implements CredentialsProvider {

        private final ProxySettings proxy;

        ProxyCredentials(ProxySettings proxy) {
            this.proxy = proxy;
        }

        @Override
        public Credentials getCredentials(AuthScope scope, HttpContext context) {
            ProxySettings.Login login = proxy.loginFor(scope.getHost(), scope.getPort());
            return login == null ? null : new UsernamePasswordCredentials(login.username(), login.password());
        }
    }
}
