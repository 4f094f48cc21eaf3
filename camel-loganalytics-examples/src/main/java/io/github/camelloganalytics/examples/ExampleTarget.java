package io.github.camelloganalytics.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.github.camelloganalytics.testkit.Clients;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;

/**
 * Where the examples send their queries: a real workspace, when the settings name one, else the embedded emulator.
 * A target is the set of properties the routes' placeholders and the component's configuration read.
 *
 * @param description   for the summary: what was queried and with which credential, never a token or secret
 * @param emulated      whether the target is the emulator, which alone can show the wrong-audience and throttling
 *                      examples (they need a token for another API and a scripted 429)
 * @param properties    Camel Main properties: {@code loganalytics.workspaceId}, the component's host and credential
 */
public record ExampleTarget(String description, boolean emulated, Map<String, String> properties) {

    /** The workspace id setting; the environment variable {@value #WORKSPACE_ENV} sets it too. */
    public static final String WORKSPACE_ID = "loganalytics.workspaceId";
    /** The bearer token setting; the environment variable {@value #TOKEN_ENV} sets it too. */
    public static final String ACCESS_TOKEN = "loganalytics.accessToken";
    /** The Entra ID tenant of the application; the environment variable {@value #TENANT_ENV} sets it too. */
    public static final String TENANT_ID = "loganalytics.tenantId";
    /** The application (client) id; the environment variable {@value #CLIENT_ENV} sets it too. */
    public static final String CLIENT_ID = "loganalytics.clientId";
    /** The application's client secret; the environment variable {@value #SECRET_ENV} sets it too. */
    public static final String CLIENT_SECRET = "loganalytics.clientSecret";
    /** The environment variable naming a real workspace. */
    public static final String WORKSPACE_ENV = "LOGANALYTICS_WORKSPACE_ID";
    /** The environment variable holding a bearer token for the query API of that workspace. */
    public static final String TOKEN_ENV = "LOGANALYTICS_ACCESS_TOKEN";
    /** The Azure SDK's environment variable for the tenant. */
    public static final String TENANT_ENV = "AZURE_TENANT_ID";
    /** The Azure SDK's environment variable for the application (client) id. */
    public static final String CLIENT_ENV = "AZURE_CLIENT_ID";
    /** The Azure SDK's environment variable for the client secret. */
    public static final String SECRET_ENV = "AZURE_CLIENT_SECRET";
    /** The query the throttling example sends; the emulator throttles its first call. */
    public static final String THROTTLED_QUERY = "AppRequests | summarize count() by AppRoleName | order by AppRoleName asc";

    private static final String COMPONENT = "camel.component.loganalytics.";

    /**
     * The real workspace the settings name, if any, with the credential they give: a bearer token
     * ({@value #ACCESS_TOKEN}), else a client secret ({@value #CLIENT_SECRET} with {@value #TENANT_ID} and
     * {@value #CLIENT_ID}), else none, which leaves the choice to the component's {@code credentialType=AUTO} (a
     * certificate or federated token named by the Azure SDK's environment variables, else the host's managed
     * identity).
     *
     * @throws IllegalArgumentException naming the settings, when both a token and a secret are given, or a secret
     *                                  without its tenant or client id
     */
    public static Optional<ExampleTarget> real(Properties settings) {
        String workspaceId = setting(settings, WORKSPACE_ID);
        if (workspaceId.isEmpty()) {
            return Optional.empty();
        }
        String token = setting(settings, ACCESS_TOKEN);
        String tenantId = setting(settings, TENANT_ID);
        String clientId = setting(settings, CLIENT_ID);
        String secret = setting(settings, CLIENT_SECRET);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(WORKSPACE_ID, workspaceId);
        String credential;
        if (!token.isEmpty() && !secret.isEmpty()) {
            throw new IllegalArgumentException("Both " + ACCESS_TOKEN + " (environment variable " + TOKEN_ENV + ") and "
                    + CLIENT_SECRET + " (environment variable " + SECRET_ENV + ") are set: keep one of them");
        } else if (!token.isEmpty()) {
            properties.put(COMPONENT + "credential-type", "ACCESS_TOKEN");
            properties.put(COMPONENT + "access-token", token);
            credential = "a bearer token";
        } else if (!secret.isEmpty()) {
            List<String> missing = new ArrayList<>();
            if (tenantId.isEmpty()) {
                missing.add(TENANT_ID + " (environment variable " + TENANT_ENV + ")");
            }
            if (clientId.isEmpty()) {
                missing.add(CLIENT_ID + " (environment variable " + CLIENT_ENV + ")");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException(CLIENT_SECRET + " is set but " + String.join(" and ", missing)
                        + (missing.size() == 1 ? " is" : " are") + " empty: a client secret needs its tenant and client id");
            }
            properties.put(COMPONENT + "credential-type", "CLIENT_SECRET");
            properties.put(COMPONENT + "tenant-id", tenantId);
            properties.put(COMPONENT + "client-id", clientId);
            properties.put(COMPONENT + "client-secret", secret);
            credential = "the client secret of application " + clientId + " in tenant " + tenantId;
        } else {
            properties.put(COMPONENT + "credential-type", "AUTO");
            if (!tenantId.isEmpty()) {
                properties.put(COMPONENT + "tenant-id", tenantId);
            }
            if (!clientId.isEmpty()) {
                properties.put(COMPONENT + "client-id", clientId);
            }
            credential = "credentialType AUTO (a certificate or federated token named by AZURE_* variables, "
                    + "else the managed identity)";
        }
        return Optional.of(new ExampleTarget("workspace " + workspaceId + " with " + credential, false, properties));
    }

    private static String setting(Properties settings, String name) {
        return settings.getProperty(name, "").trim();
    }

    /**
     * The emulator as a target: its sample workspace, its query API as the component's host, a token of the sample
     * client for the direct API, a token of the same client for the ARM API (the wrong audience for the direct
     * API), and the first call of {@link #THROTTLED_QUERY} answered 429 with {@code Retry-After: 1}.
     */
    public static ExampleTarget emulator(LogAnalyticsEmulator emulator) {
        emulator.faults().forQuery(THROTTLED_QUERY).next(1).status(429).retryAfter("1");
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(WORKSPACE_ID, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID);
        properties.put(COMPONENT + "host", emulator.queryUrl());
        properties.put(COMPONENT + "access-token", emulator.token());
        properties.put("examples.armToken",
                emulator.clients().appToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, Clients.ARM_SCOPE));
        return new ExampleTarget("the embedded emulator at " + emulator.queryUrl() + ", sample workspace "
                + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID, true, properties);
    }

    /** Keeps the token and the secret out of the record's text, which a log line may print. */
    @Override
    public String toString() {
        return "ExampleTarget[" + description + "]";
    }
}
