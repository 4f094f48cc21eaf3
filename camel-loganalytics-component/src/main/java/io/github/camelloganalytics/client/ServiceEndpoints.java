package io.github.camelloganalytics.client;

import java.net.URI;
import java.util.Objects;

/**
 * Where each door of the service is for one configuration: the cloud's hosts and token scopes, unless a host or a
 * scope override replaces them (a proxy, the testkit's emulator, a custom app registration).
 * <p>
 * A host override replaces the host of whichever door a target uses, the query API's or Resource Manager's, so a
 * proxy or an emulator in front of both works with one setting. The scope still follows the door unless it is
 * overridden too, so that switching doors cannot leave a token of the wrong audience behind.
 */
public final class ServiceEndpoints {

    /**
     * The Resource Manager {@code api-version} Microsoft documents for the query API through Azure Resource Manager
     * (its operation {@code Query_Execute} in the {@code Microsoft.OperationalInsights} query specification).
     */
    public static final String DEFAULT_ARM_API_VERSION = "2017-10-01";

    private final Cloud cloud;
    private final URI host;
    private final String scope;
    private final String armApiVersion;

    /**
     * @param cloud         the cloud whose hosts and scopes apply
     * @param host          a base URL replacing the cloud's hosts, or null
     * @param scope         a token scope replacing the door's, or null
     * @param armApiVersion the {@code api-version} sent to Resource Manager, or null for
     *                      {@link #DEFAULT_ARM_API_VERSION}
     */
    public ServiceEndpoints(Cloud cloud, String host, String scope, String armApiVersion) {
        this.cloud = Objects.requireNonNull(cloud, "cloud");
        this.host = host == null || host.isBlank() ? null : URI.create(host);
        this.scope = scope == null || scope.isBlank() ? null : scope;
        this.armApiVersion = armApiVersion == null || armApiVersion.isBlank() ? DEFAULT_ARM_API_VERSION
                : armApiVersion;
    }

    /**
     * The cloud whose hosts and scopes apply.
     *
     * @return the cloud whose hosts and scopes apply
     */
    public Cloud getCloud() {
        return cloud;
    }

    /**
     * The base URL a target's queries go to.
     *
     * @param  target what a query is addressed to
     * @return        the base URL a target's queries go to
     */
    public URI baseUrl(ApiTarget target) {
        return host != null ? host : URI.create(target.host(cloud));
    }

    /**
     * The full query URL of a target, with the {@code api-version} Resource Manager needs.
     *
     * @param  target what a query is addressed to
     * @return        the full query URL of a target, with the {@code api-version} Resource Manager needs
     */
    public URI queryUri(ApiTarget target) {
        return target.queryUri(baseUrl(target), armApiVersion);
    }

    /**
     * The scope tokens for a target are asked for.
     *
     * @param  target what a query is addressed to
     * @return        the scope tokens for a target are asked for
     */
    public String scope(ApiTarget target) {
        return scope != null ? scope : target.scope(cloud);
    }
}
