package io.github.camelloganalytics.auth;

import java.net.Proxy;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLSocketFactory;

import com.microsoft.aad.msal4j.AbstractApplicationBase;
import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import io.github.camelloganalytics.client.Cloud;

/**
 * How MSAL4J reaches the Entra ID authority: the TLS trust (the endpoint's {@code sslContextParameters}, so that one
 * TLS setting covers the query API and the authority alike) and the timeouts.
 *
 * @param sslSocketFactory the TLS settings, or null for the JVM's defaults
 * @param connectTimeout   how long to wait for a connection to the authority
 * @param readTimeout      how long to wait for the authority's answer
 * @param proxy            the HTTP proxy to the authority, or null to go direct
 */
public record AuthorityConnection(SSLSocketFactory sslSocketFactory, Duration connectTimeout, Duration readTimeout,
                                  Proxy proxy) {

    /**
     * Checks that both timeouts are there.
     *
     * @param connectTimeout how long to wait for a connection to the authority
     * @param proxy the HTTP proxy to the authority, or null to go direct
     * @param readTimeout how long to wait for the authority's answer
     * @param sslSocketFactory the TLS settings, or null for the JVM's defaults
     */
    public AuthorityConnection {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /**
     * A direct connection, without proxy.
     *
     * @param sslSocketFactory the TLS settings, or null for the JVM's defaults
     * @param connectTimeout   how long to wait for a connection to the authority
     * @param readTimeout      how long to wait for the authority's answer
     */
    public AuthorityConnection(SSLSocketFactory sslSocketFactory, Duration connectTimeout, Duration readTimeout) {
        this(sslSocketFactory, connectTimeout, readTimeout, null);
    }

    /** Applies TLS, timeouts and the proxy to any MSAL application builder. */
    <B extends AbstractApplicationBase.Builder<B>> B configure(B builder) {
        if (sslSocketFactory != null) {
            builder.sslSocketFactory(sslSocketFactory);
        }
        if (proxy != null && proxy.type() != Proxy.Type.DIRECT) {
            builder.proxy(proxy);
        }
        return builder.connectTimeoutForDefaultHttpClient(millis(connectTimeout))
                .readTimeoutForDefaultHttpClient(millis(readTimeout));
    }

    /**
     * Points a client application at {@code authorityHost/tenant/}. For a host that is not one of the Azure clouds'
     * (a sovereign proxy, the testkit), MSAL4J's authority validation and instance discovery are switched off: both
     * would ask the public cloud about a host it does not know, and fail or leave the configured host.
     */
    static <B extends AbstractClientApplicationBase.Builder<B>> B authority(B builder, String authorityHost,
                                                                         String tenantId) throws Exception {
        String host = authorityHost.endsWith("/") ? authorityHost.substring(0, authorityHost.length() - 1)
                : authorityHost;
        builder.authority(host + "/" + tenantId + "/");
        if (!isCloudAuthority(host)) {
            builder.validateAuthority(false).instanceDiscovery(false);
        }
        return builder;
    }

    private static boolean isCloudAuthority(String host) {
        for (Cloud cloud : Cloud.values()) {
            if (cloud.authorityHost().equalsIgnoreCase(host)) {
                return true;
            }
        }
        return false;
    }

    private static Integer millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
