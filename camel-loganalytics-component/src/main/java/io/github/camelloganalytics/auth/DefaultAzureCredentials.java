package io.github.camelloganalytics.auth;

import com.azure.identity.DefaultAzureCredentialBuilder;

/**
 * Builds azure-identity's {@code DefaultAzureCredential}. A class of its own, returning {@code Object}, so that
 * {@link AzureIdentitySource} can be loaded with azure-core alone on the classpath (a TokenCredential bean given):
 * only this class needs azure-identity.
 */
final class DefaultAzureCredentials {

    private DefaultAzureCredentials() {
    }

    static Object create() {
        return new DefaultAzureCredentialBuilder().build();
    }
}
