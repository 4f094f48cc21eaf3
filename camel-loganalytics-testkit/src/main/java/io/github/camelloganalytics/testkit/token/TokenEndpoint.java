package io.github.camelloganalytics.testkit.token;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.github.camelloganalytics.testkit.LoopbackServers;


/**
 * An emulated Entra ID (Azure AD) token endpoint on loopback HTTPS, good enough for MSAL4J 1.26.1 and the component
 * to authenticate against it as against {@code login.microsoftonline.com}.
 * <p>
 * Served on {@link #authorityUrl()} (HTTPS, a certificate generated at construction for {@code localhost} and
 * {@code 127.0.0.1}; clients trust it through {@link #sslContext()}):
 * <ul>
 * <li>{@code /{tenant}/oauth2/v2.0/token} (and the v1 {@code /{tenant}/oauth2/token}): grants
 * {@code client_credentials} (client secret in the body or as HTTP Basic, a certificate-signed
 * {@code client_assertion}, or a federated {@code client_assertion}), {@code refresh_token} and
 * {@code authorization_code};</li>
 * <li>{@code /{tenant}/v2.0/.well-known/openid-configuration}, {@code /{tenant}/discovery/v2.0/keys} (the JWKS)
 * and {@code /common/discovery/instance} (instance discovery, answered in case a client does not switch it
 * off);</li>
 * <li>{@code /msi/token}: the App Service managed-identity protocol (API version 2019-08-01), also served on plain
 * HTTP at {@link #managedIdentityUrl()}, because App Service's real {@code IDENTITY_ENDPOINT} is plain HTTP on
 * loopback and MSAL4J's managed-identity client is used with it as is.</li>
 * </ul>
 * Errors carry Entra's body shape ({@code error}, {@code error_description} starting with the AADSTS code,
 * {@code error_codes}, {@code timestamp}, {@code trace_id}, {@code correlation_id}) and status codes, so clients'
 * error handling is exercised as in production. Every request is recorded (secrets redacted) for assertions.
 * <p>
 * Thread-safe; registrations may happen before or after {@link #start()}.
 */
public final class TokenEndpoint implements AutoCloseable {

    /** The path of the managed-identity endpoint on both servers. */
    public static final String MANAGED_IDENTITY_PATH = "/msi/token";

    /** The only App Service managed-identity API version MSAL4J 1.26.1 speaks. */
    static final String MANAGED_IDENTITY_API_VERSION = "2019-08-01";

    /** Refresh tokens issued by Entra last 90 days unless revoked. */
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

    /** Authorization codes are short-lived in Entra (about ten minutes). */
    static final Duration AUTHORIZATION_CODE_LIFETIME = Duration.ofMinutes(10);

    static final String JWT_BEARER_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /** Tenant aliases Entra answers metadata for without a real tenant behind them. */
    private static final Set<String> TENANT_ALIASES = Set.of("common", "organizations", "consumers");

    /** Parameters whose values are credentials or grants: never kept in clear. */
    private static final Set<String> SECRET_PARAMETERS = Set.of("client_secret", "client_assertion",
            "refresh_token", "code", "assertion", "password", "code_verifier");

    private static final String EXPIRED_GRANT_DESCRIPTION = "AADSTS70002: Error validating credentials. "
            + "AADSTS70008: The provided authorization code or refresh token is expired. "
            + "Send a new interactive authorization request for this user and resource.";

    private static final DateTimeFormatter ERROR_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final int requestedPort;
    private final SelfSignedCertificate tlsCertificate = SelfSignedCertificate.forLocalhost();
    private final String managedIdentitySecret = TokenIssuer.randomId(24);

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, CodeGrant> authorizationCodes = new ConcurrentHashMap<>();
    private final List<ManagedIdentity> managedIdentities = new CopyOnWriteArrayList<>();
    private final List<RecordedTokenRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger tokenRequestCount = new AtomicInteger();

    private volatile Duration tokenLifetime = TokenIssuer.DEFAULT_TOKEN_LIFETIME;
    private volatile TokenIssuer issuer;
    private HttpsServer httpsServer;
    private HttpServer managedIdentityServer;
    private ExecutorService executor;

    /** An endpoint on an ephemeral port (chosen at {@link #start()}). */
    public TokenEndpoint() {
        this(0);
    }

    /**
     * An endpoint on the given HTTPS port.
     *
     * @param port the loopback port for HTTPS, 0 for an ephemeral one
     */
    public TokenEndpoint(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.requestedPort = port;
    }

    /**
     * Binds both servers on 127.0.0.1 and starts serving; the token signing key is created here, so tokens of an
     * earlier run never verify.
     *
     * @return this endpoint
     * @throws IllegalStateException when already started or a port cannot be bound
     */
    public synchronized TokenEndpoint start() {
        if (httpsServer != null) {
            throw new IllegalStateException("already started");
        }
        LoopbackServers.prepare();
        AtomicInteger threads = new AtomicInteger();
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "token-endpoint-" + threads.incrementAndGet());
            // never keep a test JVM alive because close() was forgotten
            thread.setDaemon(true);
            return thread;
        });
        try {
            InetAddress loopback = InetAddress.getByName("127.0.0.1");
            httpsServer = HttpsServer.create(new InetSocketAddress(loopback, requestedPort), 0);
            httpsServer.setHttpsConfigurator(new HttpsConfigurator(tlsCertificate.serverSslContext()));
            httpsServer.createContext("/", this::handleHttps);
            httpsServer.setExecutor(executor);
            managedIdentityServer = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
            managedIdentityServer.createContext(MANAGED_IDENTITY_PATH, exchange -> handle(exchange, true));
            managedIdentityServer.setExecutor(executor);
        } catch (IOException e) {
            stopServers();
            throw new IllegalStateException("Cannot bind the token endpoint on port " + requestedPort, e);
        }
        TokenIssuer newIssuer = new TokenIssuer("https://localhost:" + httpsServer.getAddress().getPort());
        newIssuer.setTokenLifetime(tokenLifetime);
        issuer = newIssuer;
        httpsServer.start();
        managedIdentityServer.start();
        return this;
    }

    /** Stops both servers at once; in-flight exchanges are dropped. Idempotent. */
    @Override
    public synchronized void close() {
        stopServers();
    }

    private void stopServers() {
        if (httpsServer != null) {
            httpsServer.stop(0);
            httpsServer = null;
        }
        if (managedIdentityServer != null) {
            managedIdentityServer.stop(0);
            managedIdentityServer = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** @return the HTTPS port */
    public synchronized int port() {
        return started().getAddress().getPort();
    }

    /**
     * The authority host, {@code https://localhost:PORT}, what the component's {@code authorityHost} takes. MSAL
     * applications are built with {@code authorityUrl() + "/" + tenant + "/"}.
     *
     * @return the authority host URL without a trailing slash
     */
    public String authorityUrl() {
        return "https://localhost:" + port();
    }

    /**
     * @param  tenant a tenant id
     * @return        its v2.0 token URL
     */
    public String tokenUrl(String tenant) {
        return authorityUrl() + "/" + tenant + "/oauth2/v2.0/token";
    }

    /**
     * The plain-HTTP managed-identity endpoint, what App Service puts in {@code IDENTITY_ENDPOINT}; send
     * {@link #managedIdentitySecret()} as {@code X-IDENTITY-HEADER} (App Service's {@code IDENTITY_HEADER}). The
     * same protocol is served over HTTPS at {@code authorityUrl() + MANAGED_IDENTITY_PATH}.
     *
     * @return {@code http://127.0.0.1:PORT/msi/token}
     */
    public synchronized String managedIdentityUrl() {
        if (managedIdentityServer == null) {
            throw new IllegalStateException("not started");
        }
        return "http://127.0.0.1:" + managedIdentityServer.getAddress().getPort() + MANAGED_IDENTITY_PATH;
    }

    /** @return the value the managed-identity endpoint expects in {@code X-IDENTITY-HEADER} */
    public String managedIdentitySecret() {
        return managedIdentitySecret;
    }

    /** @return an SSL context trusting this endpoint's certificate and nothing else, for clients */
    public SSLContext sslContext() {
        return tlsCertificate.clientSslContext();
    }

    /** @return a key store holding only this endpoint's certificate, for clients configured with a trust store */
    public KeyStore trustStore() {
        return tlsCertificate.trustStore();
    }

    /** @return the endpoint's TLS certificate */
    public X509Certificate certificate() {
        return tlsCertificate.certificate();
    }

    /**
     * The issuer signing this endpoint's tokens: the query API's {@link TokenVerifier}, and a way for tests to mint
     * tokens (expired ones included) without a round trip.
     *
     * @return the issuer
     * @throws IllegalStateException before {@link #start()}, since tokens name the port in {@code iss}
     */
    public TokenIssuer issuer() {
        TokenIssuer current = issuer;
        if (current == null) {
            throw new IllegalStateException("not started: the issuer names the endpoint's port");
        }
        return current;
    }

    /** @return the lifetime of access tokens issued from now on */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /**
     * Sets the lifetime ({@code expires_in}, {@code exp - iat}) of access tokens issued from now on; default one
     * hour, as in Entra.
     *
     * @param lifetime a positive duration
     */
    public void setTokenLifetime(Duration lifetime) {
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("token lifetime must be positive: " + lifetime);
        }
        tokenLifetime = lifetime;
        TokenIssuer current = issuer;
        if (current != null) {
            current.setTokenLifetime(lifetime);
        }
    }

    /** @return how many requests reached the token and managed-identity endpoints (metadata requests excluded) */
    public int tokenRequestCount() {
        return tokenRequestCount.get();
    }

    /** @return a snapshot of the recorded token and managed-identity requests, oldest first, secrets redacted */
    public List<RecordedTokenRequest> tokenRequests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Forgets the recorded requests and resets {@link #tokenRequestCount()}, e.g. between test phases. */
    public void clearTokenRequests() {
        synchronized (requests) {
            requests.clear();
            tokenRequestCount.set(0);
        }
    }

    // ---- registrations ---------------------------------------------------------------------------------------

    /**
     * Makes a tenant known (registering a client does so too); requests for other tenants get AADSTS90002.
     *
     * @param tenant a tenant id or domain
     */
    public void registerTenant(String tenant) {
        tenant(tenant);
    }

    /**
     * Registers a confidential client with a secret (adds one, when the client exists: Entra allows several).
     *
     * @param tenant   the tenant
     * @param clientId the application (client) id
     * @param secret   the client secret
     */
    public void registerClient(String tenant, String clientId, String secret) {
        Objects.requireNonNull(secret, "secret");
        client(tenant, clientId).secrets.add(secret);
    }

    /**
     * Registers a confidential client authenticating with a certificate: its {@code client_assertion} must be an
     * RS256 JWT signed with the certificate's key, naming it by {@code x5t} (or {@code x5t#S256}), with
     * {@code iss} and {@code sub} the client id, {@code aud} the token URL, and {@code exp} in the future.
     *
     * @param tenant      the tenant
     * @param clientId    the application (client) id
     * @param certificate the certificate uploaded for the application
     */
    public void registerCertificateClient(String tenant, String clientId, X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        client(tenant, clientId).certificates.add(certificate);
    }

    /**
     * Registers a client authenticating with a federated credential (workload identity): the
     * {@code client_assertion} must be exactly the given token.
     *
     * @param tenant            the tenant
     * @param clientId          the application (client) id
     * @param expectedAssertion the assertion the external identity provider issued
     */
    public void registerFederatedClient(String tenant, String clientId, String expectedAssertion) {
        Objects.requireNonNull(expectedAssertion, "expectedAssertion");
        registerFederatedClient(tenant, clientId, expectedAssertion::equals);
    }

    /**
     * Registers a client authenticating with a federated credential (workload identity) whose
     * {@code client_assertion} passes the given check (e.g. a file-based assertion that changes over time).
     *
     * @param tenant         the tenant
     * @param clientId       the application (client) id
     * @param assertionCheck true for an assertion the federated identity record matches
     */
    public void registerFederatedClient(String tenant, String clientId, Predicate<String> assertionCheck) {
        Objects.requireNonNull(assertionCheck, "assertionCheck");
        client(tenant, clientId).federatedChecks.add(assertionCheck);
    }

    /**
     * Registers a public client: it redeems refresh tokens and authorization codes without authenticating, and
     * cannot use client credentials.
     *
     * @param tenant   the tenant
     * @param clientId the application (client) id
     */
    public void registerPublicClient(String tenant, String clientId) {
        client(tenant, clientId).publicClient = true;
    }

    /**
     * Registers the system-assigned managed identity: the one answered when a managed-identity request names no
     * identity. A second call replaces it.
     *
     * @param  tenant   the tenant its tokens name
     * @param  clientId its client id
     * @return          the identity, with its object id
     */
    public ManagedIdentity registerSystemAssignedIdentity(String tenant, String clientId) {
        tenant(tenant);
        ManagedIdentity identity = new ManagedIdentity(tenant, clientId,
                TokenRequest.servicePrincipalObjectId(tenant, clientId), null, true);
        managedIdentities.removeIf(ManagedIdentity::systemAssigned);
        managedIdentities.add(identity);
        return identity;
    }

    /**
     * Registers a user-assigned managed identity, asked for by {@code client_id}, {@code object_id} /
     * {@code principal_id} or {@code mi_res_id} / {@code msi_res_id}.
     *
     * @param  tenant   the tenant its tokens name
     * @param  clientId its client id
     * @return          the identity, with its object id and resource id
     */
    public ManagedIdentity registerUserAssignedIdentity(String tenant, String clientId) {
        tenant(tenant);
        ManagedIdentity identity = new ManagedIdentity(tenant, clientId,
                TokenRequest.servicePrincipalObjectId(tenant, clientId),
                "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/emulator/providers/"
                        + "Microsoft.ManagedIdentity/userAssignedIdentities/" + clientId,
                false);
        managedIdentities.add(identity);
        return identity;
    }

    /**
     * Issues a refresh token as if the user had signed in to the client, valid for 90 days. The client must be
     * registered (confidential ones still authenticate when redeeming it).
     *
     * @param  tenant       the tenant
     * @param  clientId     the client it is bound to
     * @param  userObjectId the user's object id, the {@code oid} of tokens it yields
     * @return              the refresh token
     */
    public String issueRefreshToken(String tenant, String clientId, String userObjectId) {
        Objects.requireNonNull(userObjectId, "userObjectId");
        requireClient(tenant, clientId);
        return newRefreshToken(tenant, clientId, userObjectId);
    }

    /**
     * Issues an authorization code as if the user had just consented at the authorize endpoint: single use, valid
     * for ten minutes; its {@code redirect_uri} is not checked.
     *
     * @param  tenant       the tenant
     * @param  clientId     the client it is bound to
     * @param  userObjectId the user's object id
     * @return              the code
     */
    public String issueAuthorizationCode(String tenant, String clientId, String userObjectId) {
        Objects.requireNonNull(userObjectId, "userObjectId");
        requireClient(tenant, clientId);
        String code = "0.emu-code." + TokenIssuer.randomId(32);
        authorizationCodes.put(code, new CodeGrant(tenant, clientId, userObjectId,
                Instant.now().plus(AUTHORIZATION_CODE_LIFETIME)));
        return code;
    }

    /**
     * Expires (revokes) a refresh token: redeeming it then fails with {@code invalid_grant} AADSTS70008, as after
     * its lifetime, a password change or a sign-out everywhere.
     *
     * @param  refreshToken a refresh token this endpoint issued
     * @return              whether it was known
     */
    public boolean expireRefreshToken(String refreshToken) {
        RefreshGrant grant = refreshTokens.get(refreshToken);
        if (grant == null) {
            return false;
        }
        grant.revoked.set(true);
        return true;
    }

    // ---- state -----------------------------------------------------------------------------------------------

    private static final class Tenant {
        final Map<String, Client> clients = new ConcurrentHashMap<>();
    }

    private static final class Client {
        final List<String> secrets = new CopyOnWriteArrayList<>();
        final List<X509Certificate> certificates = new CopyOnWriteArrayList<>();
        final List<Predicate<String>> federatedChecks = new CopyOnWriteArrayList<>();
        volatile boolean publicClient;
    }

    private record RefreshGrant(String tenant, String clientId, String userObjectId, Instant expiresAt,
                                AtomicBoolean revoked) {
    }

    private record CodeGrant(String tenant, String clientId, String userObjectId, Instant expiresAt) {
    }

    private Tenant tenant(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return tenants.computeIfAbsent(tenant.toLowerCase(Locale.ROOT), t -> new Tenant());
    }

    private Client client(String tenant, String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return tenant(tenant).clients.computeIfAbsent(clientId.toLowerCase(Locale.ROOT), c -> new Client());
    }

    private void requireClient(String tenant, String clientId) {
        Tenant known = tenants.get(tenant.toLowerCase(Locale.ROOT));
        if (known == null || !known.clients.containsKey(clientId.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("client " + clientId + " is not registered in tenant " + tenant);
        }
    }

    private String newRefreshToken(String tenant, String clientId, String userObjectId) {
        String token = "1.emu-rt." + TokenIssuer.randomId(48);
        refreshTokens.put(token, new RefreshGrant(tenant, clientId, userObjectId,
                Instant.now().plus(REFRESH_TOKEN_LIFETIME), new AtomicBoolean()));
        return token;
    }

    private synchronized HttpsServer started() {
        if (httpsServer == null) {
            throw new IllegalStateException("not started");
        }
        return httpsServer;
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    /** An answer to send: status and JSON body. */
    private record Reply(int status, Map<String, Object> body) {
    }

    /** Thrown inside the token flow to answer an OAuth error. */
    private static final class OAuthError extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String error;
        final String description;
        final List<Integer> codes;

        OAuthError(int status, String error, String description, Integer... codes) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
            this.description = description;
            this.codes = List.of(codes);
        }
    }

    private void handleHttps(HttpExchange exchange) throws IOException {
        handle(exchange, false);
    }

    private void handle(HttpExchange exchange, boolean managedIdentityOnly) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            String[] segments = path.replaceAll("^/+|/+$", "").split("/+");
            Reply reply;
            if (path.equals(MANAGED_IDENTITY_PATH) || path.equals(MANAGED_IDENTITY_PATH + "/")) {
                reply = managedIdentity(exchange);
            } else if (managedIdentityOnly) {
                reply = notFound();
            } else if (segments.length == 3 && segments[1].equals("discovery") && segments[2].equals("instance")) {
                reply = new Reply(200, instanceDiscovery(segments[0]));
            } else if (segments.length == 4 && segments[1].equals("v2.0") && segments[2].equals(".well-known")
                    && segments[3].equals("openid-configuration")) {
                reply = metadata(exchange, segments[0], () -> openIdConfiguration(segments[0]));
            } else if (segments.length == 4 && segments[1].equals("discovery") && segments[2].equals("v2.0")
                    && segments[3].equals("keys")
                    || segments.length == 3 && segments[1].equals("discovery") && segments[2].equals("keys")) {
                reply = metadata(exchange, segments[0], () -> jwks(segments[0]));
            } else if (segments.length == 4 && segments[1].equals("oauth2") && segments[2].equals("v2.0")
                    && segments[3].equals("token")
                    || segments.length == 3 && segments[1].equals("oauth2") && segments[2].equals("token")) {
                reply = token(exchange, segments[0]);
            } else {
                reply = notFound();
            }
            byte[] body = Jwt.JSON.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            // token answers must never be cached by intermediaries (RFC 6749 5.1)
            exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache");
            exchange.getResponseHeaders().set("Pragma", "no-cache");
            String correlationId = exchange.getRequestHeaders().getFirst("client-request-id");
            if (correlationId != null) {
                exchange.getResponseHeaders().set("client-request-id", correlationId);
            }
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (RuntimeException e) {
            // a bug here must not leave the client hanging: answer 500 when headers are not sent yet
            try {
                exchange.sendResponseHeaders(500, -1);
            } catch (IOException | RuntimeException ignored) {
                // headers already sent; closing the exchange is all that is left
            }
            throw e;
        } finally {
            exchange.close();
        }
    }

    private static Reply notFound() {
        return new Reply(404, Map.of("error", "not_found", "error_description", "No such endpoint in the emulator"));
    }

    private Reply metadata(HttpExchange exchange, String tenant,
                           java.util.function.Supplier<Map<String, Object>> answer) {
        if (!isKnownTenant(tenant) && !TENANT_ALIASES.contains(tenant.toLowerCase(Locale.ROOT))) {
            OAuthError error = unknownTenant(tenant);
            return errorReply(exchange, error);
        }
        return new Reply(200, answer.get());
    }

    private boolean isKnownTenant(String tenant) {
        return tenants.containsKey(tenant.toLowerCase(Locale.ROOT));
    }

    private Map<String, Object> instanceDiscovery(String tenant) {
        String host = "localhost:" + port();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("preferred_network", host);
        metadata.put("preferred_cache", host);
        metadata.put("aliases", List.of(host));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_discovery_endpoint",
                authorityUrl() + "/" + tenant + "/v2.0/.well-known/openid-configuration");
        body.put("api-version", "1.1");
        body.put("metadata", List.of(metadata));
        return body;
    }

    private Map<String, Object> openIdConfiguration(String tenant) {
        String base = authorityUrl() + "/" + tenant;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_endpoint", base + "/oauth2/v2.0/token");
        body.put("token_endpoint_auth_methods_supported",
                List.of("client_secret_post", "private_key_jwt", "client_secret_basic"));
        body.put("jwks_uri", base + "/discovery/v2.0/keys");
        body.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        body.put("subject_types_supported", List.of("pairwise"));
        body.put("id_token_signing_alg_values_supported", List.of("RS256"));
        body.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        body.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        body.put("issuer", issuer().issuer(tenant));
        body.put("request_uri_parameter_supported", false);
        body.put("userinfo_endpoint", base + "/openid/userinfo");
        body.put("authorization_endpoint", base + "/oauth2/v2.0/authorize");
        body.put("device_authorization_endpoint", base + "/oauth2/v2.0/devicecode");
        body.put("http_logout_supported", true);
        body.put("frontchannel_logout_supported", true);
        body.put("end_session_endpoint", base + "/oauth2/v2.0/logout");
        body.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "tid", "oid",
                "preferred_username", "name"));
        body.put("kerberos_endpoint", base + "/kerberos");
        body.put("tenant_region_scope", null);
        body.put("cloud_instance_name", "localhost");
        body.put("cloud_graph_host_name", "localhost");
        body.put("msgraph_host", "localhost");
        body.put("rbac_url", "https://localhost");
        return body;
    }

    private Map<String, Object> jwks(String tenant) {
        try {
            return Jwt.JSON.readValue(issuer().jwks(tenant), Jwt.JSON.getTypeFactory()
                    .constructMapType(LinkedHashMap.class, String.class, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the token endpoint ----------------------------------------------------------------------------------

    private Reply token(HttpExchange exchange, String tenantSegment) throws IOException {
        tokenRequestCount.incrementAndGet();
        Map<String, String> form = parseForm(readBody(exchange.getRequestBody()));
        String authentication = "none";
        String basicClientId = null;
        String basicSecret = null;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            // client_secret_basic: both halves are form-urlencoded before base64 (RFC 6749 2.3.1)
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = ""; // not base64: treated as no client authentication at all
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                basicClientId = urlDecode(decoded.substring(0, colon));
                basicSecret = urlDecode(decoded.substring(colon + 1));
                authentication = "client_secret_basic";
            }
        }
        if (form.containsKey("client_secret")) {
            authentication = "client_secret_post";
        } else if (form.containsKey("client_assertion")) {
            authentication = authenticationOfAssertion(tenantSegment, form.get("client_id"));
        }
        String clientId = form.getOrDefault("client_id", basicClientId);
        String grantType = form.get("grant_type");
        String scope = form.containsKey("scope") ? form.get("scope") : form.get("resource");
        Reply reply;
        String[] resolvedTenant = { tenantSegment };
        try {
            if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                throw new OAuthError(400, "invalid_request", "AADSTS900561: The endpoint only accepts POST requests. "
                        + "Received a " + exchange.getRequestMethod() + " request.", 900561);
            }
            String secret = form.containsKey("client_secret") ? form.get("client_secret") : basicSecret;
            reply = new Reply(200, tokenFlow(tenantSegment, resolvedTenant, form, grantType, clientId, secret,
                    scope));
        } catch (OAuthError error) {
            reply = errorReply(exchange, error);
        }
        record(exchange, resolvedTenant[0], grantType, clientId, scope, authentication, form, reply);
        return reply;
    }

    /** A certificate client's assertion is {@code private_key_jwt}; any other is a federated one. */
    private String authenticationOfAssertion(String tenant, String clientId) {
        Tenant known = tenant == null ? null : tenants.get(tenant.toLowerCase(Locale.ROOT));
        Client client = known == null || clientId == null ? null
                : known.clients.get(clientId.toLowerCase(Locale.ROOT));
        return client != null && !client.certificates.isEmpty() ? "private_key_jwt" : "client_assertion";
    }

    private Map<String, Object> tokenFlow(String tenantSegment, String[] resolvedTenant, Map<String, String> form,
                                          String grantType, String clientId, String secret, String scope)
            throws OAuthError {
        boolean alias = TENANT_ALIASES.contains(tenantSegment.toLowerCase(Locale.ROOT));
        if (!alias && !isKnownTenant(tenantSegment)) {
            throw unknownTenant(tenantSegment);
        }
        if (grantType == null || grantType.isBlank()) {
            throw missingParameter("grant_type");
        }
        if (clientId == null || clientId.isBlank()) {
            throw missingParameter("client_id");
        }
        // delegated grants sent to /common or /organizations run in the grant's own tenant, as in Entra
        String tenant = tenantSegment;
        if (alias) {
            String grantTenant = switch (grantType) {
                case "refresh_token" -> Optional.ofNullable(refreshTokens.get(form.getOrDefault("refresh_token", "")))
                        .map(RefreshGrant::tenant).orElse(null);
                case "authorization_code" -> Optional
                        .ofNullable(authorizationCodes.get(form.getOrDefault("code", "")))
                        .map(CodeGrant::tenant).orElse(null);
                default -> null;
            };
            if (grantTenant == null) {
                throw new OAuthError(400, "unauthorized_client", "AADSTS700016: Application with identifier '"
                        + clientId + "' was not found in the directory '" + tenantSegment + "'. This can happen if "
                        + "the application has not been installed by the administrator of the tenant or consented "
                        + "to by any user in the tenant. You may have sent your authentication request to the wrong "
                        + "tenant.", 700016);
            }
            tenant = grantTenant;
            resolvedTenant[0] = grantTenant;
        }
        Client client = tenants.get(tenant.toLowerCase(Locale.ROOT)).clients.get(clientId.toLowerCase(Locale.ROOT));
        if (client == null) {
            throw new OAuthError(400, "unauthorized_client", "AADSTS700016: Application with identifier '" + clientId
                    + "' was not found in the directory '" + tenant + "'. This can happen if the application has not "
                    + "been installed by the administrator of the tenant or consented to by any user in the tenant. "
                    + "You may have sent your authentication request to the wrong tenant.", 700016);
        }
        boolean authenticated = authenticate(tenant, clientId, client, secret, form);
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(tenant, clientId, client, authenticated, scope);
            case "refresh_token" -> refreshToken(tenant, clientId, client, authenticated, form, scope);
            case "authorization_code" -> authorizationCode(tenant, clientId, client, authenticated, form, scope);
            default -> throw new OAuthError(400, "unsupported_grant_type", "AADSTS70003: The app requested an "
                    + "unsupported grant type '" + grantType + "'.", 70003);
        };
    }

    /**
     * Checks the client's credential if it sent one.
     *
     * @return true when a credential was sent and is valid, false when none was sent
     */
    private boolean authenticate(String tenant, String clientId, Client client, String secret,
                                 Map<String, String> form) throws OAuthError {
        String assertion = form.get("client_assertion");
        if (secret != null) {
            for (String registered : client.secrets) {
                if (MessageDigest.isEqual(registered.getBytes(StandardCharsets.UTF_8),
                        secret.getBytes(StandardCharsets.UTF_8))) {
                    return true;
                }
            }
            throw new OAuthError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the "
                    + "secret being sent in the request is the client secret value, not the client secret ID, for a "
                    + "secret added to app '" + clientId + "'.", 7000215);
        }
        if (assertion != null) {
            if (!JWT_BEARER_ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
                throw new OAuthError(400, "invalid_request", "AADSTS7000216: 'client_assertion_type' must be '"
                        + JWT_BEARER_ASSERTION_TYPE + "' when a 'client_assertion' is sent.", 7000216);
            }
            if (!client.certificates.isEmpty()) {
                verifyCertificateAssertion(tenant, clientId, client, assertion);
                return true;
            }
            for (Predicate<String> check : client.federatedChecks) {
                if (check.test(assertion)) {
                    return true;
                }
            }
            if (!client.federatedChecks.isEmpty()) {
                throw new OAuthError(400, "invalid_request", "AADSTS70021: No matching federated identity record "
                        + "found for presented assertion.", 70021);
            }
            throw new OAuthError(401, "invalid_client", "AADSTS700027: Client assertion failed signature "
                    + "validation. No certificate or federated credential is registered for app '" + clientId
                    + "'.", 700027);
        }
        return false;
    }

    private void verifyCertificateAssertion(String tenant, String clientId, Client client, String assertion)
            throws OAuthError {
        Jwt.Parsed jwt;
        try {
            jwt = Jwt.parse(assertion);
        } catch (IllegalArgumentException e) {
            throw new OAuthError(401, "invalid_client", "AADSTS50027: JWT token is invalid or malformed.", 50027);
        }
        Object x5t = jwt.header().get("x5t");
        Object x5tS256 = jwt.header().get("x5t#S256");
        X509Certificate signer = null;
        for (X509Certificate certificate : client.certificates) {
            if (sameThumbprint(x5t, certificate, "SHA-1") || sameThumbprint(x5tS256, certificate, "SHA-256")) {
                signer = certificate;
            }
        }
        if (signer == null) {
            throw new OAuthError(401, "invalid_client", "AADSTS700027: The certificate with identifier used to sign "
                    + "the client assertion is not registered on application. [Reason - The key was not found., "
                    + "Thumbprint of key used by client: '" + (x5t != null ? x5t : x5tS256) + "']", 700027);
        }
        if (!jwt.signedWith(signer.getPublicKey())) {
            throw new OAuthError(401, "invalid_client", "AADSTS700027: Client assertion failed signature "
                    + "validation.", 700027);
        }
        if (!clientId.equals(jwt.string("iss")) || !clientId.equals(jwt.string("sub"))) {
            throw new OAuthError(401, "invalid_client", "AADSTS700021: Client assertion application identifier "
                    + "doesn't match 'client_id' parameter.", 700021);
        }
        String audience = jwt.string("aud");
        String base = authorityUrl() + "/" + tenant;
        if (!(base + "/oauth2/v2.0/token").equals(audience) && !(base + "/oauth2/token").equals(audience)
                && !issuer().issuer(tenant).equals(audience)) {
            throw new OAuthError(401, "invalid_client", "AADSTS50027: JWT token is invalid or malformed. The "
                    + "audience '" + audience + "' is not this tenant's token endpoint.", 50027);
        }
        Long exp = jwt.epochSeconds("exp");
        Long nbf = jwt.epochSeconds("nbf");
        Instant now = Instant.now();
        if (exp == null || !now.isBefore(Instant.ofEpochSecond(exp).plus(TokenIssuer.CLOCK_SKEW))
                || nbf != null && now.plus(TokenIssuer.CLOCK_SKEW).isBefore(Instant.ofEpochSecond(nbf))) {
            throw new OAuthError(401, "invalid_client", "AADSTS700024: Client assertion is not within its valid "
                    + "time range.", 700024);
        }
    }

    /**
     * Compares a thumbprint header with a certificate's digest. RFC 7515 says base64url, but MSAL4J 1.26.1 sends
     * {@code x5t#S256} in standard base64 with padding (Entra accepts it), so both alphabets are decoded.
     */
    private static boolean sameThumbprint(Object header, X509Certificate certificate, String digest) {
        if (!(header instanceof String text) || text.isEmpty()) {
            return false;
        }
        try {
            String unpadded = text.replace("=", "");
            byte[] presented = Base64.getUrlDecoder().decode(unpadded.replace('+', '-').replace('/', '_'));
            return MessageDigest.isEqual(presented,
                    MessageDigest.getInstance(digest).digest(certificate.getEncoded()));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    private Map<String, Object> clientCredentials(String tenant, String clientId, Client client,
                                                  boolean authenticated, String scope) throws OAuthError {
        if (!authenticated) {
            throw new OAuthError(401, "invalid_client", "AADSTS7000218: The request body must contain the "
                    + "following parameter: 'client_assertion' or 'client_secret'.", 7000218);
        }
        if (scope == null || scope.isBlank()) {
            throw new OAuthError(400, "invalid_request", "AADSTS90014: The required field 'scope' is missing from "
                    + "the credential. Ensure that you have all the necessary parameters for the login request.",
                    90014);
        }
        String resource = TokenIssuer.resourceOf(scope);
        List<String> named = new ArrayList<>();
        for (String item : scope.trim().split("\\s+")) {
            if (!TokenIssuer.OIDC_SCOPES.contains(item.toLowerCase(Locale.ROOT))) {
                named.add(item);
            }
        }
        if (resource == null || named.size() != 1 || !named.get(0).endsWith("/.default")) {
            throw new OAuthError(400, "invalid_scope", "AADSTS1002012: The provided value for scope " + scope
                    + " is not valid. Client credential flows must have a scope value with /.default suffixed to "
                    + "the resource identifier (application ID URI).", 1002012);
        }
        String token = issuer().issue(TokenRequest.forApplication(tenant, clientId, scope));
        return tokenResponse(token);
    }

    private Map<String, Object> refreshToken(String tenant, String clientId, Client client, boolean authenticated,
                                             Map<String, String> form, String scope) throws OAuthError {
        requireAuthenticationUnlessPublic(client, authenticated);
        String refreshToken = form.get("refresh_token");
        if (refreshToken == null || refreshToken.isBlank()) {
            throw missingParameter("refresh_token");
        }
        RefreshGrant grant = refreshTokens.get(refreshToken);
        if (grant == null) {
            throw new OAuthError(400, "invalid_grant", "AADSTS9002313: Invalid request. Request is malformed or "
                    + "invalid.", 9002313);
        }
        if (!Instant.now().isBefore(grant.expiresAt())) {
            throw expiredGrant();
        }
        if (!grant.tenant().equalsIgnoreCase(tenant) || !grant.clientId().equalsIgnoreCase(clientId)) {
            throw new OAuthError(400, "invalid_grant", "AADSTS700005: Provided Authorization Code is intended to use "
                    + "against other tenant or application, thus rejected.", 700005);
        }
        // each answer carries a new refresh token and uses the old one up, so that a client replaying a stale
        // refresh token meets the documented invalid_grant (AADSTS70002/70008); of two concurrent redemptions of
        // one token, exactly one wins
        if (!grant.revoked().compareAndSet(false, true)) {
            throw expiredGrant();
        }
        return delegatedResponse(grant.tenant(), grant.clientId(), grant.userObjectId(), scope);
    }

    private Map<String, Object> authorizationCode(String tenant, String clientId, Client client,
                                                  boolean authenticated, Map<String, String> form, String scope)
            throws OAuthError {
        requireAuthenticationUnlessPublic(client, authenticated);
        String code = form.get("code");
        if (code == null || code.isBlank()) {
            throw missingParameter("code");
        }
        // removing is the atomic redemption: of two concurrent uses of one code, exactly one gets it
        CodeGrant grant = authorizationCodes.remove(code);
        if (grant == null || !Instant.now().isBefore(grant.expiresAt())
                || !grant.tenant().equalsIgnoreCase(tenant) || !grant.clientId().equalsIgnoreCase(clientId)) {
            // what the Log Analytics documentation shows for a code "either stale or previously used"
            throw expiredGrant();
        }
        return delegatedResponse(grant.tenant(), grant.clientId(), grant.userObjectId(), scope);
    }

    private static void requireAuthenticationUnlessPublic(Client client, boolean authenticated) throws OAuthError {
        if (!authenticated && !client.publicClient) {
            throw new OAuthError(401, "invalid_client", "AADSTS7000218: The request body must contain the "
                    + "following parameter: 'client_assertion' or 'client_secret'.", 7000218);
        }
    }

    private Map<String, Object> tokenResponse(String accessToken) {
        long lifetime = tokenLifetime.toSeconds();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime);
        body.put("ext_expires_in", lifetime);
        body.put("access_token", accessToken);
        return body;
    }

    /**
     * What Entra answers a delegated grant: access token, a new refresh token, and the ID token and
     * {@code client_info} MSAL builds its account (and cache keys) from.
     */
    private Map<String, Object> delegatedResponse(String tenant, String clientId, String userObjectId,
                                                  String scope) {
        TokenRequest request = TokenRequest.forUser(tenant, clientId, userObjectId, scope);
        Map<String, Object> body = tokenResponse(issuer().issue(request));
        String resource = TokenIssuer.resourceOf(scope);
        List<String> granted = new ArrayList<>();
        granted.add((resource == null ? "https://graph.microsoft.com" : resource) + "/user_impersonation");
        if (scope != null) {
            for (String item : scope.trim().split("\\s+")) {
                if (TokenIssuer.OIDC_SCOPES.contains(item.toLowerCase(Locale.ROOT))) {
                    granted.add(item);
                }
            }
        }
        body.put("scope", String.join(" ", granted));
        body.put("refresh_token", newRefreshToken(tenant, clientId, userObjectId));
        body.put("id_token", idToken(tenant, clientId, userObjectId));
        Map<String, Object> clientInfo = new LinkedHashMap<>();
        clientInfo.put("uid", userObjectId);
        clientInfo.put("utid", tenant);
        try {
            body.put("client_info", Jwt.base64Url(Jwt.JSON.writeValueAsBytes(clientInfo)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return body;
    }

    private String idToken(String tenant, String clientId, String userObjectId) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", clientId);
        claims.put("iss", issuer().issuer(tenant));
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
        claims.put("name", "Emulated User");
        claims.put("oid", userObjectId);
        claims.put("preferred_username", "user-" + userObjectId + "@" + tenant);
        claims.put("sub", userObjectId);
        claims.put("tid", tenant);
        claims.put("ver", "2.0");
        return issuer().sign(claims);
    }

    private static OAuthError unknownTenant(String tenant) {
        return new OAuthError(400, "invalid_request", "AADSTS90002: Tenant '" + tenant + "' not found. Check to "
                + "make sure you have the correct tenant ID and are signing into the correct cloud. Check with your "
                + "subscription administrator, this may happen if there are no active subscriptions for the tenant.",
                90002);
    }

    private static OAuthError missingParameter(String name) {
        return new OAuthError(400, "invalid_request", "AADSTS900144: The request body must contain the following "
                + "parameter: '" + name + "'.", 900144);
    }

    private static OAuthError expiredGrant() {
        return new OAuthError(400, "invalid_grant", EXPIRED_GRANT_DESCRIPTION, 70002, 70008);
    }

    private Reply errorReply(HttpExchange exchange, OAuthError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.error);
        body.put("error_description", error.description);
        body.put("error_codes", error.codes);
        body.put("timestamp", ERROR_TIMESTAMP.format(Instant.now()));
        body.put("trace_id", UUID.randomUUID().toString());
        String correlationId = exchange.getRequestHeaders().getFirst("client-request-id");
        body.put("correlation_id", correlationId != null ? correlationId : UUID.randomUUID().toString());
        body.put("error_uri", authorityUrl() + "/error?code=" + error.codes.get(0));
        return new Reply(error.status, body);
    }

    // ---- managed identity ------------------------------------------------------------------------------------

    private Reply managedIdentity(HttpExchange exchange) {
        tokenRequestCount.incrementAndGet();
        Map<String, String> query = parseForm(exchange.getRequestURI().getRawQuery());
        String resource = query.get("resource");
        ManagedIdentity identity = null;
        Reply reply;
        String secret = exchange.getRequestHeaders().getFirst("X-IDENTITY-HEADER");
        if (!"GET".equalsIgnoreCase(exchange.getRequestMethod())) {
            reply = managedIdentityError(405, "The managed identity endpoint only answers GET.");
        } else if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                managedIdentitySecret.getBytes(StandardCharsets.UTF_8))) {
            reply = managedIdentityError(401, "The 'X-IDENTITY-HEADER' header is missing or does not match "
                    + "IDENTITY_HEADER.");
        } else if (!MANAGED_IDENTITY_API_VERSION.equals(query.get("api-version"))) {
            reply = managedIdentityError(400, "The api-version '" + query.get("api-version")
                    + "' is not supported; use " + MANAGED_IDENTITY_API_VERSION + ".");
        } else if (resource == null || resource.isBlank()) {
            reply = managedIdentityError(400, "Required query variable 'resource' is missing.");
        } else {
            identity = findManagedIdentity(query).orElse(null);
            if (identity == null) {
                reply = managedIdentityError(400, "No managed identity found for specified ClientId/ResourceId/"
                        + "PrincipalId.");
            } else {
                // v1-style: the audience is the resource as asked for (minus a /.default a caller may leave on)
                String audience = resource.endsWith("/.default")
                        ? resource.substring(0, resource.length() - "/.default".length())
                        : resource;
                Instant now = Instant.now();
                Duration lifetime = tokenLifetime;
                String token = issuer().issue(new TokenRequest(identity.tenantId(), identity.clientId(),
                        identity.objectId(), true, audience, List.of()), now, lifetime);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("access_token", token);
                // App Service sends expires_on as a string of epoch seconds, and MSAL4J reads it as a string
                body.put("expires_on", Long.toString(now.plus(lifetime).getEpochSecond()));
                body.put("resource", resource);
                body.put("token_type", "Bearer");
                body.put("client_id", identity.clientId());
                reply = new Reply(200, body);
            }
        }
        record(exchange, identity == null ? null : identity.tenantId(), "managed_identity",
                identity == null ? query.get("client_id") : identity.clientId(), resource,
                secret == null ? "none" : "identity_header", query, reply);
        return reply;
    }

    private Optional<ManagedIdentity> findManagedIdentity(Map<String, String> query) {
        String clientId = query.get("client_id");
        String objectId = query.containsKey("object_id") ? query.get("object_id") : query.get("principal_id");
        String resourceId = query.containsKey("mi_res_id") ? query.get("mi_res_id") : query.get("msi_res_id");
        return managedIdentities.stream().filter(identity -> {
            if (clientId != null) {
                return !identity.systemAssigned() && identity.clientId().equalsIgnoreCase(clientId);
            }
            if (objectId != null) {
                return !identity.systemAssigned() && identity.objectId().equalsIgnoreCase(objectId);
            }
            if (resourceId != null) {
                return !identity.systemAssigned() && resourceId.equalsIgnoreCase(identity.resourceId());
            }
            return identity.systemAssigned();
        }).findFirst();
    }

    private static Reply managedIdentityError(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("message", message);
        body.put("correlationId", UUID.randomUUID().toString());
        return new Reply(status, body);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void record(HttpExchange exchange, String tenant, String grantType, String clientId, String scope,
                        String authentication, Map<String, String> parameters, Reply reply) {
        Map<String, String> redacted = new LinkedHashMap<>();
        parameters.forEach((name, value) -> redacted.put(name,
                SECRET_PARAMETERS.contains(name) ? redact(value) : value));
        Object error = reply.body().get("error");
        requests.add(new RecordedTokenRequest(Instant.now(), exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(), tenant, grantType, clientId, scope, authentication,
                Collections.unmodifiableMap(redacted), reply.status(),
                reply.status() == 200 ? null : error instanceof String s ? s : String.valueOf(reply.status())));
    }

    private static String redact(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return "[redacted sha256:" + HexFormat.of().formatHex(digest, 0, 4) + "]";
        } catch (GeneralSecurityException e) {
            return "[redacted]";
        }
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> parseForm(String encoded) {
        Map<String, String> form = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return form;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = urlDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : urlDecode(pair.substring(equals + 1));
            form.putIfAbsent(name, value);
        }
        return form;
    }

    private static String urlDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a broken %-escape: keep the raw text rather than fail the whole request
            return value;
        }
    }
}
