package io.github.camelloganalytics.testkit.token;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Points MSAL4J's managed-identity support at this emulator from inside a running JVM.
 * <p>
 * MSAL4J picks its managed-identity source from environment variables ({@code IDENTITY_ENDPOINT},
 * {@code IDENTITY_HEADER}, ...), which a running JVM cannot change. MSAL4J 1.26.1 reads them through a
 * package-private static hook, {@code ManagedIdentityApplication.setEnvironmentVariables(IEnvironmentVariables)};
 * this class sets that hook by reflection, so the testkit needs no compile-time dependency on MSAL4J. It affects
 * every MSAL4J managed-identity application in the JVM until {@link #clear()}.
 */
public final class MsalEnvironment {

    private static final String HOOK = "com.microsoft.aad.msal4j.IEnvironmentVariables";
    private static final String APPLICATION = "com.microsoft.aad.msal4j.ManagedIdentityApplication";

    private MsalEnvironment() {
    }

    /**
     * Makes MSAL4J see these variables instead of the process environment.
     *
     * @param  variables             the environment MSAL4J reads, e.g. {@code IDENTITY_ENDPOINT} =
     *                               {@link TokenEndpoint#managedIdentityUrl()} and {@code IDENTITY_HEADER} =
     *                               {@link TokenEndpoint#managedIdentitySecret()}
     * @throws IllegalStateException when MSAL4J is not on the class path or has no such hook
     */
    public static void set(Map<String, String> variables) {
        install(variables);
    }

    /** Gives MSAL4J the process environment back. */
    public static void clear() {
        install(null);
    }

    private static void install(Map<String, String> variables) {
        try {
            Class<?> hook = Class.forName(HOOK);
            Object environment = variables == null ? null
                    : Proxy.newProxyInstance(hook.getClassLoader(), new Class<?>[] { hook }, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "getEnvironmentVariable":
                                return variables.get((String) args[0]);
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            case "equals":
                                return proxy == args[0];
                            default:
                                return "emulator environment";
                        }
                    });
            Method setter = Class.forName(APPLICATION).getDeclaredMethod("setEnvironmentVariables", hook);
            setter.setAccessible(true);
            setter.invoke(null, environment);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot set MSAL4J's managed-identity environment: " + e, e);
        }
    }
}
