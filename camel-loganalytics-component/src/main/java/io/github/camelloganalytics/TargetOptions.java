package io.github.camelloganalytics;

import java.util.ArrayList;
import java.util.List;

import io.github.camelloganalytics.client.ApiTarget;

/**
 * Reads an endpoint's target from its options ({@code apiType}, the workspace id in the URI,
 * {@code subscriptionId}, {@code resourceGroup}, {@code workspaceName}, {@code resourceId}) and names the options
 * that are missing or contradict each other.
 */
final class TargetOptions {

    private TargetOptions() {
    }

    /**
     * @param  config                   the endpoint's options
     * @return                          the target, or null for a direct endpoint without a workspace id (the header
     *                                  {@code CamelLogAnalyticsWorkspaceId} or a batch item must name one)
     * @throws IllegalArgumentException naming the options that are missing or do not fit together
     */
    static ApiTarget resolve(LogAnalyticsConfiguration config) {
        String workspaceId = blankToNull(config.getWorkspaceId());
        String resourceId = blankToNull(config.getResourceId());
        List<String> armOptions = armOptionsSet(config);
        if (config.getApiType() == LogAnalyticsApiType.ARM) {
            if (workspaceId != null) {
                throw new IllegalArgumentException("apiType=ARM addresses the workspace by subscriptionId, resourceGroup"
                                                   + " and workspaceName, not by the workspace id '" + workspaceId
                                                   + "' in the URI: use loganalytics:?apiType=ARM&subscriptionId=...,"
                                                   + " or apiType=DIRECT for the workspace id");
            }
            if (resourceId != null) {
                throw new IllegalArgumentException("apiType=ARM and resourceId contradict each other: a resource-centric"
                                                   + " query goes through the direct API (apiType=DIRECT)");
            }
            if (armOptions.size() < 3) {
                List<String> missing = new ArrayList<>(List.of("subscriptionId", "resourceGroup", "workspaceName"));
                missing.removeAll(armOptions);
                throw new IllegalArgumentException("apiType=ARM needs the options subscriptionId, resourceGroup and"
                                                   + " workspaceName; missing: " + String.join(", ", missing));
            }
            return ApiTarget.arm(config.getSubscriptionId(), config.getResourceGroup(), config.getWorkspaceName());
        }
        if (!armOptions.isEmpty()) {
            throw new IllegalArgumentException("The options " + String.join(", ", armOptions) + " address a workspace"
                                               + " through Azure Resource Manager: set apiType=ARM (with"
                                               + " subscriptionId, resourceGroup and workspaceName), or remove them");
        }
        if (resourceId != null) {
            if (workspaceId != null) {
                throw new IllegalArgumentException("The workspace id '" + workspaceId + "' in the URI and resourceId"
                                                   + " contradict each other: a query goes to one target; use"
                                                   + " loganalytics:?resourceId=... for a resource-centric query");
            }
            try {
                return ApiTarget.resource(resourceId);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid value for option resourceId: '" + resourceId + "': "
                                                   + e.getMessage(), e);
            }
        }
        return workspaceId != null ? ApiTarget.workspace(workspaceId) : null;
    }

    private static List<String> armOptionsSet(LogAnalyticsConfiguration config) {
        List<String> set = new ArrayList<>();
        if (blankToNull(config.getSubscriptionId()) != null) {
            set.add("subscriptionId");
        }
        if (blankToNull(config.getResourceGroup()) != null) {
            set.add("resourceGroup");
        }
        if (blankToNull(config.getWorkspaceName()) != null) {
            set.add("workspaceName");
        }
        return set;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
