package io.github.camelloganalytics.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

import org.apache.hc.core5.net.URIBuilder;

/**
 * What a query is addressed to, through which of the service's doors: a workspace by id on the direct API
 * ({@code /v1/workspaces/{id}/query}), a workspace through Azure Resource Manager
 * ({@code /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.OperationalInsights/workspaces/{name}/api/query}),
 * or an Azure resource whose logs a workspace holds ({@code /v1{resourceId}/query}). The door decides the host, the
 * path and the audience of the token, so they are derived here together and cannot disagree.
 * <p>
 * Immutable. Build with {@link #workspace(String)}, {@link #arm(String, String, String)} or
 * {@link #resource(String)}.
 */
public final class ApiTarget {

    private static final String RESOURCE_ID_PREFIX = "/subscriptions/";

    private final String workspaceId;
    private final String subscriptionId;
    private final String resourceGroup;
    private final String workspaceName;
    private final String resourceId;

    private ApiTarget(String workspaceId, String subscriptionId, String resourceGroup, String workspaceName,
                      String resourceId) {
        this.workspaceId = workspaceId;
        this.subscriptionId = subscriptionId;
        this.resourceGroup = resourceGroup;
        this.workspaceName = workspaceName;
        this.resourceId = resourceId;
    }

    /**
     * A workspace on the direct API.
     *
     * @param  workspaceId              the workspace id (a GUID)
     * @return                          the target
     * @throws IllegalArgumentException when the id is blank
     */
    public static ApiTarget workspace(String workspaceId) {
        return new ApiTarget(notDotSegment(requireText(workspaceId, "workspaceId"), "workspaceId"), null,
                null, null, null);
    }

    /**
     * A workspace through Azure Resource Manager.
     *
     * @param  subscriptionId           the subscription the workspace lives in
     * @param  resourceGroup            its resource group
     * @param  workspaceName            its name (not its id)
     * @return                          the target
     * @throws IllegalArgumentException naming the blank parts
     */
    public static ApiTarget arm(String subscriptionId, String resourceGroup, String workspaceName) {
        StringBuilder missing = new StringBuilder();
        appendIfBlank(missing, subscriptionId, "subscriptionId");
        appendIfBlank(missing, resourceGroup, "resourceGroup");
        appendIfBlank(missing, workspaceName, "workspaceName");
        if (missing.length() > 0) {
            throw new IllegalArgumentException("The ARM target needs " + missing);
        }
        return new ApiTarget(null, notDotSegment(subscriptionId.trim(), "subscriptionId"),
                notDotSegment(resourceGroup.trim(), "resourceGroup"), notDotSegment(workspaceName.trim(), "workspaceName"),
                null);
    }

    /**
     * An Azure resource, for a resource-centric query: it sees only the records of that resource, in whichever
     * workspaces hold them. A workspace's own resource id reaches the whole workspace.
     *
     * @param  resourceId               the resource id, starting {@code /subscriptions/}
     * @return                          the target
     * @throws IllegalArgumentException when the id does not start {@code /subscriptions/}
     */
    public static ApiTarget resource(String resourceId) {
        String id = requireText(resourceId, "resourceId");
        if (!id.toLowerCase(Locale.ROOT).startsWith(RESOURCE_ID_PREFIX) || id.endsWith("/")
                || id.contains("//")) {
            throw new IllegalArgumentException("A resource id has the form /subscriptions/{subscription}/resourceGroups/"
                                               + "{group}/providers/{provider}/{type}/{name}");
        }
        for (String segment : id.substring(1).split("/")) {
            notDotSegment(segment, "resourceId");
        }
        return new ApiTarget(null, null, null, null, id);
    }

    /**
     * Whether the query goes through Azure Resource Manager. The doors are named once, by the option type
     * {@code LogAnalyticsApiType} (DIRECT or ARM, the resource-centric form being the direct API's); a target knows
     * its door from which of its parts are set.
     */
    private boolean arm() {
        return subscriptionId != null;
    }

    /**
     * The workspace id of a direct API target by workspace id ({@link #workspace(String)}), else null.
     *
     * @return the workspace id of a direct API target by workspace id ({@link #workspace(String)}), else null
     */
    public String getWorkspaceId() {
        return workspaceId;
    }

    /**
     * The subscription of an ARM target ({@link #arm(String, String, String)}), else null.
     *
     * @return the subscription of an ARM target ({@link #arm(String, String, String)}), else null
     */
    public String getSubscriptionId() {
        return subscriptionId;
    }

    /**
     * The resource group of an ARM target ({@link #arm(String, String, String)}), else null.
     *
     * @return the resource group of an ARM target ({@link #arm(String, String, String)}), else null
     */
    public String getResourceGroup() {
        return resourceGroup;
    }

    /**
     * The workspace name of an ARM target ({@link #arm(String, String, String)}), else null.
     *
     * @return the workspace name of an ARM target ({@link #arm(String, String, String)}), else null
     */
    public String getWorkspaceName() {
        return workspaceName;
    }

    /**
     * The resource id of a resource-centric target ({@link #resource(String)}), else null.
     *
     * @return the resource id of a resource-centric target ({@link #resource(String)}), else null
     */
    public String getResourceId() {
        return resourceId;
    }

    /**
     * The base URL of this target's door in a cloud: Resource Manager's host for an ARM target, the query
     * API's otherwise.
     *
     * @param  cloud the cloud the workspace lives in
     * @return       the base URL of this target's door in a cloud: Resource Manager's host for an ARM target, the
     *               query API's otherwise
     */
    public String host(Cloud cloud) {
        return arm() ? cloud.armHost() : cloud.queryHost();
    }

    /**
     * The OAuth 2.0 scope whose tokens this target's door accepts in a cloud.
     *
     * @param  cloud the cloud the workspace lives in
     * @return       the OAuth 2.0 scope whose tokens this target's door accepts in a cloud
     */
    public String scope(Cloud cloud) {
        return arm() ? cloud.armScope() : cloud.directApiScope();
    }

    /**
     * The query URL of this target under a base URL.
     *
     * @param  base          the door's base URL (the cloud's, or a host override)
     * @param  armApiVersion the {@code api-version} Resource Manager is asked for; used by an ARM target only
     * @return               the URL, path segments encoded
     */
    public URI queryUri(URI base, String armApiVersion) {
        try {
            // segments go through the builder so that no id is spliced into the URL by hand
            URIBuilder uri = new URIBuilder(base);
            if (arm()) {
                uri.appendPathSegments("subscriptions", subscriptionId, "resourceGroups", resourceGroup,
                        "providers", "Microsoft.OperationalInsights", "workspaces", workspaceName, "api", "query")
                        .addParameter("api-version", armApiVersion);
            } else if (resourceId != null) {
                uri.appendPathSegments("v1");
                for (String segment : resourceId.substring(1).split("/")) {
                    uri.appendPathSegments(segment);
                }
                uri.appendPathSegments("query");
            } else {
                uri.appendPathSegments("v1", "workspaces", workspaceId, "query");
            }
            return uri.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot build the query URL from " + base, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiTarget t && Objects.equals(workspaceId, t.workspaceId)
               && Objects.equals(subscriptionId, t.subscriptionId) && Objects.equals(resourceGroup, t.resourceGroup)
               && Objects.equals(workspaceName, t.workspaceName) && Objects.equals(resourceId, t.resourceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workspaceId, subscriptionId, resourceGroup, workspaceName, resourceId);
    }

    @Override
    public String toString() {
        if (arm()) {
            return "ARM workspace " + subscriptionId + "/" + resourceGroup + "/" + workspaceName;
        }
        return resourceId != null ? "resource " + resourceId : "workspace " + workspaceId;
    }

    /**
     * Percent-encoding leaves {@code .} and {@code ..} as they are, and any server or proxy on the way resolves them
     * as dot segments, so such a value would move the query to another path instead of naming a target.
     */
    private static String notDotSegment(String value, String name) {
        if (".".equals(value) || "..".equals(value)) {
            throw new IllegalArgumentException(name + " '" + value + "' is a relative path segment, not a name or id");
        }
        return value;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.trim();
    }

    private static void appendIfBlank(StringBuilder missing, String value, String name) {
        if (value == null || value.isBlank()) {
            missing.append(missing.length() > 0 ? ", " : "").append(name);
        }
    }
}
