package io.github.camelloganalytics.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.github.camelloganalytics.testkit.Clients;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;

/**
 * Where the examples send their queries: a real workspace, when the settings name one, else the embedded emulator.
 * A target is the set of properties the routes' placeholders and the component's configuration read.
 *
 * @param description   for the summary: what was queried, never a token
 * @param emulated      whether the target is the emulator, which alone can show the wrong-audience and throttling
 *                      examples (they need a token for another API and a scripted 429)
 * @param properties    Camel Main properties: {@code loganalytics.workspaceId}, the component's host and token
 */
public record ExampleTarget(String description, boolean emulated, Map<String, String> properties) {

    /** The workspace id setting; the environment variable {@value #WORKSPACE_ENV} sets it too. */
    public static final String WORKSPACE_ID = "loganalytics.workspaceId";
    /** The bearer token setting; the environment variable {@value #TOKEN_ENV} sets it too. */
    public static final String ACCESS_TOKEN = "loganalytics.accessToken";
    /** The environment variable naming a real workspace. */
    public static final String WORKSPACE_ENV = "LOGANALYTICS_WORKSPACE_ID";
    /** The environment variable holding a bearer token for the query API of that workspace. */
    public static final String TOKEN_ENV = "LOGANALYTICS_ACCESS_TOKEN";
    /** The query the throttling example sends; the emulator throttles its first call. */
    public static final String THROTTLED_QUERY = "AppRequests | summarize count() by AppRoleName | order by AppRoleName asc";

    private static final String COMPONENT = "camel.component.loganalytics.";

    /**
     * The real workspace the settings name, if any.
     *
     * @throws IllegalArgumentException when a workspace is named without a token
     */
    public static Optional<ExampleTarget> real(Properties settings) {
        String workspaceId = settings.getProperty(WORKSPACE_ID, "").trim();
        if (workspaceId.isEmpty()) {
            return Optional.empty();
        }
        String token = settings.getProperty(ACCESS_TOKEN, "").trim();
        if (token.isEmpty()) {
            throw new IllegalArgumentException(WORKSPACE_ID + " is set to '" + workspaceId + "' but " + ACCESS_TOKEN
                    + " (environment variable " + TOKEN_ENV + ") is empty: a real workspace needs a bearer token");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(WORKSPACE_ID, workspaceId);
        properties.put(COMPONENT + "access-token", token);
        return Optional.of(new ExampleTarget("workspace " + workspaceId, false, properties));
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

    /** Keeps the token out of the record's text, which a log line may print. */
    @Override
    public String toString() {
        return "ExampleTarget[" + description + "]";
    }
}
