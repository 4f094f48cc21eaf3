package io.github.camelloganalytics.auth;

/**
 * How the component obtains its bearer tokens. Every type but {@link #ACCESS_TOKEN}, {@link #TOKEN_PROVIDER} and
 * {@link #AZURE_IDENTITY} goes through MSAL4J; tokens of every type but {@link #ACCESS_TOKEN} and
 * {@link #TOKEN_PROVIDER} are cached and renewed ahead of expiry.
 */
public enum CredentialType {
    /**
     * Picks the credential from what is configured: {@code tokenProvider}, {@code tokenCredential},
     * {@code accessToken}, {@code refreshToken}, {@code clientSecret}, {@code certificatePath} or
     * {@code federatedTokenFile}, whichever one is set; with none,
     * the Azure SDK's environment variables ({@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID} with
     * {@code AZURE_CLIENT_SECRET}, {@code AZURE_CLIENT_CERTIFICATE_PATH} or {@code AZURE_FEDERATED_TOKEN_FILE});
     * with none of those, the managed identity of the host ({@code AZURE_CLIENT_ID} or {@code clientId} names a
     * user-assigned one).
     */
    AUTO,
    /** An application's client secret ({@code tenantId}, {@code clientId}, {@code clientSecret}). */
    CLIENT_SECRET,
    /**
     * An application's certificate ({@code tenantId}, {@code clientId}, {@code certificatePath} to a PEM or PKCS#12
     * file, {@code certificatePassword} when the key or file is encrypted).
     */
    CLIENT_CERTIFICATE,
    /**
     * A federated client assertion read from {@code federatedTokenFile} (workload identity on Kubernetes), with
     * {@code tenantId} and {@code clientId}; the file is read again whenever a token is renewed, so a rotated
     * assertion is picked up.
     */
    CLIENT_ASSERTION,
    /**
     * The managed identity of the Azure host (VM, App Service, Functions, Container Apps, Arc): the system-assigned
     * one, or the user-assigned one whose client id is {@code clientId}.
     */
    MANAGED_IDENTITY,
    /**
     * Delegated access for a user: a refresh token ({@code refreshToken}) redeemed by the application
     * ({@code tenantId}, {@code clientId}, and {@code clientSecret} for a confidential application). Each answer
     * brings a new refresh token, which is used from then on.
     */
    REFRESH_TOKEN,
    /** A bearer token obtained elsewhere, given as the secret option {@code accessToken}; it is not renewed. */
    ACCESS_TOKEN,
    /** A {@link TokenProvider} bean, given as the option {@code tokenProvider}. */
    TOKEN_PROVIDER,
    /**
     * A {@code com.azure.core.credential.TokenCredential} of the Azure SDK, as every camel-azure component accepts:
     * the bean given as the option {@code tokenCredential} (azure-identity's {@code DefaultAzureCredential},
     * {@code WorkloadIdentityCredential}, {@code ClientSecretCredential}, ...), or without one a
     * {@code DefaultAzureCredential} with azure-identity's defaults. Needs {@code com.azure:azure-core} (with the
     * bean) or {@code com.azure:azure-identity} (without it) on the classpath; the component declares both as
     * optional dependencies. Its tokens are cached and renewed ahead of expiry like MSAL4J's.
     */
    AZURE_IDENTITY
}
