package io.github.camelloganalytics.auth;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.microsoft.aad.msal4j.MsalServiceException;

/**
 * Tokens from an Azure SDK {@code TokenCredential} ({@link CredentialType#AZURE_IDENTITY}); {@link CachingTokenProvider}
 * decides when to ask it.
 * <p>
 * azure-core is an optional dependency: nothing outside this class names its types, and {@link #check(Object)} finds
 * out whether it is there before this class's azure-core code runs, so that an application without it that never
 * chooses this credential type never needs it.
 */
final class AzureIdentitySource implements TokenSource {

    static final String TOKEN_CREDENTIAL = "com.azure.core.credential.TokenCredential";
    private static final String DEFAULT_AZURE_CREDENTIAL = "com.azure.identity.DefaultAzureCredentialBuilder";

    private final TokenCredential credential;

    private AzureIdentitySource(TokenCredential credential) {
        this.credential = credential;
    }

    /**
     * @param  credential the {@code tokenCredential} option (already {@link #check(Object) checked}), or null for a
     *                    {@code DefaultAzureCredential}
     * @return            the source
     */
    static TokenSource of(Object credential) {
        return new AzureIdentitySource((TokenCredential) (credential != null ? credential
                : DefaultAzureCredentials.create()));
    }

    /**
     * Checks, without touching azure-core's classes, that what {@code AZURE_IDENTITY} needs is on the classpath and
     * that the bean is a {@code TokenCredential}.
     *
     * @throws IllegalArgumentException naming the option, the bean's class and the missing artifact
     */
    static void check(Object credential) {
        Class<?> type = load(TOKEN_CREDENTIAL);
        if (type == null) {
            throw new IllegalArgumentException("credentialType=AZURE_IDENTITY needs com.azure:azure-core on the"
                                               + " classpath (com.azure:azure-identity brings it): add the dependency");
        }
        if (credential == null) {
            if (load(DEFAULT_AZURE_CREDENTIAL) == null) {
                throw new IllegalArgumentException("credentialType=AZURE_IDENTITY without the option tokenCredential"
                                                   + " builds a DefaultAzureCredential, which needs"
                                                   + " com.azure:azure-identity on the classpath: add it, or give"
                                                   + " a TokenCredential bean as tokenCredential");
            }
        } else if (!type.isInstance(credential)) {
            throw new IllegalArgumentException("Invalid value for option tokenCredential: a "
                                               + credential.getClass().getName() + " is not a " + TOKEN_CREDENTIAL);
        }
    }

    /** What the token cache's log lines call the credential: its class, never its content. */
    static String describe(Object credential) {
        return credential != null ? credential.getClass().getSimpleName() : "DefaultAzureCredential";
    }

    @Override
    public AccessToken fetch(String scope) throws Exception {
        com.azure.core.credential.AccessToken token;
        try {
            token = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
        } catch (RuntimeException e) {
            // azure-identity wraps MSAL4J's refusal (invalid_client, invalid_grant ...) in its own exception: the
            // catalogue knows the OAuth error underneath
            throw MsalErrors.translate(msalCause(e), "the TokenCredential's authority", scope);
        }
        if (token == null || token.getToken() == null || token.getExpiresAt() == null) {
            throw MsalErrors.translate(new IllegalStateException(describe(credential) + " returned no token"),
                    "the TokenCredential's authority", scope);
        }
        return new AccessToken(token.getToken(), token.getExpiresAt().toInstant());
    }

    private static Throwable msalCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MsalServiceException) {
                return t;
            }
        }
        return thrown;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AzureIdentitySource.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "AzureIdentitySource[" + describe(credential) + "]";
    }
}
