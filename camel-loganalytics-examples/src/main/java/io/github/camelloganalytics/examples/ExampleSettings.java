package io.github.camelloganalytics.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The settings of a run, from lowest to highest precedence: {@code application.properties} on the classpath, the
 * environment variables {@value ExampleTarget#WORKSPACE_ENV}, {@value ExampleTarget#TOKEN_ENV} and the Azure SDK's
 * {@value ExampleTarget#TENANT_ENV}, {@value ExampleTarget#CLIENT_ENV}, {@value ExampleTarget#SECRET_ENV}, and
 * system properties ({@code -Dloganalytics.workspaceId=...}, {@code -Dexamples.dsl=yaml}). An empty setting in the
 * environment or the system properties changes nothing: the Maven profile that runs the examples hands every setting
 * it forwards to the application's JVM, empty when the user gave none.
 */
public final class ExampleSettings {

    private ExampleSettings() {
    }

    /**
     * Reads the settings.
     *
     * @param env    the environment, as {@link System#getenv()}
     * @param system the system properties
     */
    public static Properties load(Map<String, String> env, Properties system) {
        Properties settings = new Properties();
        try (InputStream in = ExampleSettings.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                settings.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        copyIfSet(env.get(ExampleTarget.WORKSPACE_ENV), ExampleTarget.WORKSPACE_ID, settings);
        copyIfSet(env.get(ExampleTarget.TOKEN_ENV), ExampleTarget.ACCESS_TOKEN, settings);
        copyIfSet(env.get(ExampleTarget.TENANT_ENV), ExampleTarget.TENANT_ID, settings);
        copyIfSet(env.get(ExampleTarget.CLIENT_ENV), ExampleTarget.CLIENT_ID, settings);
        copyIfSet(env.get(ExampleTarget.SECRET_ENV), ExampleTarget.CLIENT_SECRET, settings);
        system.stringPropertyNames().forEach(name -> copyIfSet(system.getProperty(name), name, settings));
        return settings;
    }

    private static void copyIfSet(String value, String name, Properties settings) {
        if (value != null && !value.isBlank()) {
            settings.setProperty(name, value);
        }
    }
}
