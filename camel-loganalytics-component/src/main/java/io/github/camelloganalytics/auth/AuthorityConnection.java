package io.github.camelloganalytics.auth;

import java.util.Objects;

import com.microsoft.aad.msal4j.AbstractApplicationBase;
import com.microsoft.aad.msal4j.AbstractClientApplicationBase;
import com.microsoft.aad.msal4j.IHttpClient;
import io.github.camelloganalytics.client.Cloud;

/**
 * How MSAL4J reaches the Entra ID authority (and a managed-identity endpoint): through the HTTP client it is given,
 * the component's own {@code MsalHttpClient}, so that token requests take the same proxy and proxy credentials, the
 * same TLS trust ({@code sslContextParameters}) and the same timeouts as the queries.
 *
 * @param httpClient sends MSAL4J's requests
 */
public record AuthorityConnection(IHttpClient httpClient) {

    /**
     * Checks that the client is there.
     *
     * @param httpClient sends MSAL4J's requests
     */
    public AuthorityConnection {
        Objects.requireNonNull(httpClient, "httpClient");
    }

    /** Gives any MSAL application builder the HTTP client. */
    <B extends AbstractApplicationBase.Builder<B>> B configure(B builder) {
        return builder.httpClient(httpClient);
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
}
