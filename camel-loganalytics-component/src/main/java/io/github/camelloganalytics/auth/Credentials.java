package io.github.camelloganalytics.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import com.microsoft.aad.msal4j.ClientCredentialFactory;

/**
 * Picks the {@link TokenProvider} a {@link CredentialType} and its options call for, and says which option is
 * missing, or which ones contradict each other, when they do not fit together.
 */
public final class Credentials {

    /** The Azure SDK's environment variables, read by {@link CredentialType#AUTO}. */
    public static final String AZURE_TENANT_ID = "AZURE_TENANT_ID";
    /** See {@link #AZURE_TENANT_ID}. */
    public static final String AZURE_CLIENT_ID = "AZURE_CLIENT_ID";
    /** See {@link #AZURE_TENANT_ID}. */
    public static final String AZURE_CLIENT_SECRET = "AZURE_CLIENT_SECRET";
    /** See {@link #AZURE_TENANT_ID}. */
    public static final String AZURE_CLIENT_CERTIFICATE_PATH = "AZURE_CLIENT_CERTIFICATE_PATH";
    /** See {@link #AZURE_TENANT_ID}. */
    public static final String AZURE_CLIENT_CERTIFICATE_PASSWORD = "AZURE_CLIENT_CERTIFICATE_PASSWORD";
    /** See {@link #AZURE_TENANT_ID}. */
    public static final String AZURE_FEDERATED_TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";
    /** See {@link #AZURE_TENANT_ID}. */
    public static final String AZURE_AUTHORITY_HOST = "AZURE_AUTHORITY_HOST";

    /** The options that carry a credential (as opposed to naming the tenant, client or authority). */
    private static final List<String> CREDENTIAL_OPTIONS = List.of("tokenProvider", "tokenCredential",
            "accessToken", "refreshToken", "clientSecret", "certificatePath", "certificatePassword",
            "federatedTokenFile");

    private static final Map<CredentialType, Set<String>> ALLOWED = Map.of(
            CredentialType.CLIENT_SECRET, Set.of("clientSecret"),
            CredentialType.CLIENT_CERTIFICATE, Set.of("certificatePath", "certificatePassword"),
            CredentialType.CLIENT_ASSERTION, Set.of("federatedTokenFile"),
            CredentialType.MANAGED_IDENTITY, Set.of(),
            CredentialType.REFRESH_TOKEN, Set.of("refreshToken", "clientSecret"),
            CredentialType.ACCESS_TOKEN, Set.of("accessToken"),
            CredentialType.TOKEN_PROVIDER, Set.of("tokenProvider"),
            CredentialType.AZURE_IDENTITY, Set.of("tokenCredential"));

    private Credentials() {
    }

    /**
     * @param  type                     the credential type
     * @param  accessToken              the {@code accessToken} option, or null
     * @param  tokenProvider            the {@code tokenProvider} option, or null
     * @return                          the token provider
     * @throws IllegalArgumentException naming the missing or contradictory options
     */
    public static TokenProvider resolve(CredentialType type, String accessToken, TokenProvider tokenProvider) {
        CredentialOptions options = resolve(new CredentialOptions(type, null, null, null, null, null, null, null,
                accessToken, tokenProvider, null, null), name -> null, "https://login.microsoftonline.com");
        if (options.type() != CredentialType.ACCESS_TOKEN && options.type() != CredentialType.TOKEN_PROVIDER) {
            throw new IllegalArgumentException("No credential is configured: set the option accessToken or"
                                               + " tokenProvider");
        }
        return create(options, null);
    }

    /**
     * Decides the credential type ({@link CredentialType#AUTO} included) and checks that its options are complete
     * and consistent. Nothing is read from the network.
     *
     * @param  options                  the endpoint's options
     * @param  environment              the process environment (what {@code System::getenv} gives)
     * @param  cloudAuthorityHost       the authority host of the endpoint's cloud, used when neither the option
     *                                  {@code authorityHost} nor {@code AZURE_AUTHORITY_HOST} (for AUTO) names one
     * @return                          the options with a concrete type and the authority host filled in
     * @throws IllegalArgumentException naming the missing or contradictory options, never a secret's value
     */
    public static CredentialOptions resolve(CredentialOptions options, UnaryOperator<String> environment,
                                            String cloudAuthorityHost) {
        CredentialOptions resolved = options.type() == CredentialType.AUTO ? auto(options, environment) : options;
        if (resolved.authorityHost() == null) {
            resolved = new CredentialOptions(resolved.type(), resolved.tenantId(), resolved.clientId(),
                    resolved.clientSecret(), resolved.certificatePath(), resolved.certificatePassword(),
                    resolved.federatedTokenFile(), resolved.refreshToken(), resolved.accessToken(),
                    resolved.tokenProvider(), cloudAuthorityHost, resolved.tokenCredential());
        }
        check(resolved, options.type() == CredentialType.AUTO);
        return resolved;
    }

    /**
     * Builds the token provider of resolved options. MSAL-backed types get a {@link CachingTokenProvider} over a new
     * MSAL4J application; share it between endpoints with equal options.
     *
     * @param  options    options from {@link #resolve(CredentialOptions, UnaryOperator, String)}
     * @param  connection TLS and timeouts towards the authority; null only for ACCESS_TOKEN and TOKEN_PROVIDER
     * @return            the provider
     * @throws IllegalArgumentException when a certificate cannot be read (naming the option, never the password)
     */
    public static TokenProvider create(CredentialOptions options, AuthorityConnection connection) {
        String who = options.type() + " " + (options.clientId() != null ? options.clientId() : "");
        try {
            return switch (options.type()) {
                case ACCESS_TOKEN -> new StaticTokenProvider(options.accessToken());
                case TOKEN_PROVIDER -> options.tokenProvider();
                case CLIENT_SECRET -> caching(new ConfidentialClientSource(options,
                        ClientCredentialFactory.createFromSecret(options.clientSecret()), connection), who);
                case CLIENT_CERTIFICATE -> caching(new ConfidentialClientSource(options,
                        ClientCertificates.load(options.certificatePath(), options.certificatePassword()),
                        connection), who);
                case CLIENT_ASSERTION -> caching(new ConfidentialClientSource(options,
                        ClientCredentialFactory.createFromCallback(
                                new FederatedTokenFile(options.federatedTokenFile())), connection), who);
                case REFRESH_TOKEN -> caching(new RefreshTokenSource(options, connection), who);
                case MANAGED_IDENTITY -> caching(new ManagedIdentitySource(options.clientId(), connection),
                        options.clientId() == null ? "MANAGED_IDENTITY system-assigned" : who);
                case AZURE_IDENTITY -> caching(AzureIdentitySource.of(options.tokenCredential()),
                        "AZURE_IDENTITY " + AzureIdentitySource.describe(options.tokenCredential()));
                case AUTO -> throw new IllegalArgumentException("resolve the credential type first");
            };
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            // MSAL4J refuses a malformed authority URL here; its message quotes the URL, no secret
            throw new IllegalArgumentException("Cannot set up " + options.type() + " against authority "
                                               + options.authorityHost() + ": " + e.getMessage(), e);
        }
    }

    private static TokenProvider caching(TokenSource source, String description) {
        return new CachingTokenProvider(source, description.strip(), Clock.systemUTC());
    }

    private static CredentialOptions auto(CredentialOptions o, UnaryOperator<String> env) {
        Map<String, Object> given = given(o);
        given.remove("certificatePassword");
        if (o.refreshToken() != null) {
            // a confidential application authenticates its refresh-token redemption with its secret
            given.remove("clientSecret");
        }
        if (given.size() > 1) {
            throw new IllegalArgumentException("Options " + String.join(", ", given.keySet()) + " are all set: keep"
                                               + " one, or choose with credentialType");
        }
        if (o.tokenProvider() != null) {
            return o.withType(CredentialType.TOKEN_PROVIDER);
        }
        if (o.tokenCredential() != null) {
            return o.withType(CredentialType.AZURE_IDENTITY);
        }
        if (o.accessToken() != null) {
            return o.withType(CredentialType.ACCESS_TOKEN);
        }
        if (o.refreshToken() != null) {
            return o.withType(CredentialType.REFRESH_TOKEN);
        }
        if (o.clientSecret() != null) {
            return o.withType(CredentialType.CLIENT_SECRET);
        }
        if (o.certificatePath() != null) {
            return o.withType(CredentialType.CLIENT_CERTIFICATE);
        }
        if (o.federatedTokenFile() != null) {
            return o.withType(CredentialType.CLIENT_ASSERTION);
        }
        // the Azure SDK's EnvironmentCredential, then WorkloadIdentityCredential, then ManagedIdentityCredential
        String tenantId = first(o.tenantId(), env.apply(AZURE_TENANT_ID));
        String clientId = first(o.clientId(), env.apply(AZURE_CLIENT_ID));
        String authorityHost = first(o.authorityHost(), env.apply(AZURE_AUTHORITY_HOST));
        String secret = env.apply(AZURE_CLIENT_SECRET);
        String certificate = env.apply(AZURE_CLIENT_CERTIFICATE_PATH);
        String tokenFile = env.apply(AZURE_FEDERATED_TOKEN_FILE);
        CredentialType type;
        if (tenantId != null && clientId != null && notBlank(secret)) {
            type = CredentialType.CLIENT_SECRET;
        } else if (tenantId != null && clientId != null && notBlank(certificate)) {
            type = CredentialType.CLIENT_CERTIFICATE;
        } else if (tenantId != null && clientId != null && notBlank(tokenFile)) {
            type = CredentialType.CLIENT_ASSERTION;
        } else {
            return new CredentialOptions(CredentialType.MANAGED_IDENTITY, o.tenantId(), clientId, null, null, null,
                    null, null, null, null, authorityHost, null);
        }
        return new CredentialOptions(type, tenantId, clientId,
                type == CredentialType.CLIENT_SECRET ? secret : null,
                type == CredentialType.CLIENT_CERTIFICATE ? certificate : null,
                type == CredentialType.CLIENT_CERTIFICATE ? env.apply(AZURE_CLIENT_CERTIFICATE_PASSWORD) : null,
                type == CredentialType.CLIENT_ASSERTION ? tokenFile : null, null, null, null, authorityHost, null);
    }

    private static void check(CredentialOptions o, boolean fromAuto) {
        String prefix = "credentialType=" + o.type() + (fromAuto ? " (chosen by AUTO)" : "");
        List<String> missing = new ArrayList<>();
        switch (o.type()) {
            case CLIENT_SECRET -> require(missing, o, "clientSecret", o.clientSecret());
            case CLIENT_CERTIFICATE -> require(missing, o, "certificatePath", o.certificatePath());
            case CLIENT_ASSERTION -> require(missing, o, "federatedTokenFile", o.federatedTokenFile());
            case REFRESH_TOKEN -> require(missing, o, "refreshToken", o.refreshToken());
            case ACCESS_TOKEN -> missing.addAll(o.accessToken() == null ? List.of("accessToken") : List.of());
            case TOKEN_PROVIDER -> missing.addAll(o.tokenProvider() == null
                    ? List.of("tokenProvider (a TokenProvider bean)") : List.of());
            case AZURE_IDENTITY -> AzureIdentitySource.check(o.tokenCredential());
            default -> {
                // MANAGED_IDENTITY needs nothing: clientId, when set, picks a user-assigned identity
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(prefix + " needs the option" + (missing.size() > 1 ? "s " : " ")
                                               + String.join(", ", missing));
        }
        List<String> contradicting = new ArrayList<>(given(o).keySet());
        contradicting.removeAll(ALLOWED.get(o.type()));
        if (!contradicting.isEmpty()) {
            throw new IllegalArgumentException(prefix + " does not use the option"
                                               + (contradicting.size() > 1 ? "s " : " ")
                                               + String.join(", ", contradicting)
                                               + ": remove it, or choose the credentialType that uses it");
        }
        requireReadable("certificatePath", o.certificatePath());
        requireReadable("federatedTokenFile", o.federatedTokenFile());
        if (o.type() == CredentialType.CLIENT_CERTIFICATE) {
            // a local file: reading it now turns a wrong password or format into a startup error, not a query's
            ClientCertificates.load(o.certificatePath(), o.certificatePassword());
        }
    }

    /** An application credential needs the tenant and the application besides its own option. */
    private static void require(List<String> missing, CredentialOptions o, String option, String value) {
        if (o.tenantId() == null) {
            missing.add("tenantId");
        }
        if (o.clientId() == null) {
            missing.add("clientId");
        }
        if (value == null) {
            missing.add(option);
        }
    }

    private static void requireReadable(String option, String path) {
        if (path != null && !Files.isReadable(Path.of(path))) {
            throw new IllegalArgumentException("Invalid value for option " + option + ": '" + path
                                               + "': no readable file there");
        }
    }

    private static Map<String, Object> given(CredentialOptions o) {
        Object[] values = { o.tokenProvider(), o.tokenCredential(), o.accessToken(), o.refreshToken(),
                o.clientSecret(), o.certificatePath(), o.certificatePassword(), o.federatedTokenFile() };
        Map<String, Object> given = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                given.put(CREDENTIAL_OPTIONS.get(i), values[i]);
            }
        }
        return given;
    }

    private static String first(String option, String environmentValue) {
        return option != null ? option : notBlank(environmentValue) ? environmentValue.strip() : null;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
