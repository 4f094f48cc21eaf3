package io.github.camelloganalytics.auth;

/**
 * The credential options of an endpoint, as one value: two endpoints with equal options share one MSAL application
 * and one token cache. Secrets take part in {@code equals} but never in {@link #toString()}.
 *
 * @param type               the credential type; {@link CredentialType#AUTO} until {@link Credentials#resolve}
 * @param tenantId           the Entra ID tenant, or null
 * @param clientId           the application (client) id, or the user-assigned managed identity's client id
 * @param clientSecret       secret; or null
 * @param certificatePath    a PEM or PKCS#12 file, or null
 * @param certificatePassword secret; the PKCS#12 or encrypted PEM key's password, or null
 * @param federatedTokenFile a file holding a federated client assertion, or null
 * @param refreshToken       secret; or null
 * @param accessToken        secret; or null
 * @param tokenProvider      a custom token source, or null
 * @param authorityHost      the Entra ID authority host, such as {@code https://login.microsoftonline.com}
 * @param tokenCredential    an Azure SDK {@code com.azure.core.credential.TokenCredential}, or null; typed
 *                           {@code Object} so that azure-core stays an optional dependency
 */
public record CredentialOptions(CredentialType type, String tenantId, String clientId, String clientSecret,
                                String certificatePath, String certificatePassword, String federatedTokenFile,
                                String refreshToken, String accessToken, TokenProvider tokenProvider,
                                String authorityHost, Object tokenCredential) {

    /**
     * Normalizes blank values to null, so that an empty option means unset.
     *
     * @param accessToken secret; or null
     * @param authorityHost the Entra ID authority host, such as {@code https://login.microsoftonline.com}
     * @param certificatePassword secret; the PKCS#12 or encrypted PEM key's password, or null
     * @param certificatePath a PEM or PKCS#12 file, or null
     * @param clientId the application (client) id, or the user-assigned managed identity's client id
     * @param clientSecret secret; or null
     * @param federatedTokenFile a file holding a federated client assertion, or null
     * @param refreshToken secret; or null
     * @param tenantId the Entra ID tenant, or null
     * @param tokenCredential an Azure SDK {@code com.azure.core.credential.TokenCredential}, or null; typed
     *         {@code Object} so that azure-core stays an optional dependency
     * @param tokenProvider a custom token source, or null
     * @param type the credential type; {@link CredentialType#AUTO} until {@link Credentials#resolve}
     */
    public CredentialOptions {
        type = type == null ? CredentialType.AUTO : type;
        tenantId = blankToNull(tenantId);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        certificatePath = blankToNull(certificatePath);
        certificatePassword = blankToNull(certificatePassword);
        federatedTokenFile = blankToNull(federatedTokenFile);
        refreshToken = blankToNull(refreshToken);
        accessToken = blankToNull(accessToken);
        authorityHost = blankToNull(authorityHost);
    }

    /**
     * @param  resolvedType the type {@link Credentials#resolve} chose
     * @return              these options with that type
     */
    public CredentialOptions withType(CredentialType resolvedType) {
        return new CredentialOptions(resolvedType, tenantId, clientId, clientSecret, certificatePath,
                certificatePassword, federatedTokenFile, refreshToken, accessToken, tokenProvider, authorityHost,
                tokenCredential);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        // names and paths only: this value may be logged, shown in JMX or end up in an exception message
        return "CredentialOptions[type=" + type + ", tenantId=" + tenantId + ", clientId=" + clientId
               + ", certificatePath=" + certificatePath + ", federatedTokenFile=" + federatedTokenFile
               + ", authorityHost=" + authorityHost + mask(", clientSecret", clientSecret)
               + mask(", certificatePassword", certificatePassword) + mask(", refreshToken", refreshToken)
               + mask(", accessToken", accessToken) + (tokenProvider != null ? ", tokenProvider=set" : "")
               + (tokenCredential != null ? ", tokenCredential=" + tokenCredential.getClass().getSimpleName() : "")
               + "]";
    }

    private static String mask(String name, String secret) {
        return secret == null ? "" : name + "=xxxxxx";
    }
}
