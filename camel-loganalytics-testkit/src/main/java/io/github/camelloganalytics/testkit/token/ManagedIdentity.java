package io.github.camelloganalytics.testkit.token;

/**
 * A managed identity the emulator's managed-identity endpoint hands tokens out for.
 *
 * @param tenantId       the tenant its tokens name
 * @param clientId       its application (client) id, what a user-assigned identity is asked for by
 * @param objectId       its service principal's object id ({@code oid}), also accepted as {@code object_id} /
 *                       {@code principal_id}
 * @param resourceId     its ARM resource id, also accepted as {@code mi_res_id} / {@code msi_res_id}; null for a
 *                       system-assigned identity
 * @param systemAssigned true for the one identity answered when the request names none
 */
public record ManagedIdentity(String tenantId, String clientId, String objectId, String resourceId,
                              boolean systemAssigned) {
}
