package io.github.camelloganalytics.quarkus.deployment;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.quarkus.bootstrap.model.ApplicationModel;
import io.quarkus.maven.dependency.ResolvedDependency;

/**
 * The testkit's {@code LogAnalyticsEmulator}, run in a class loader of its own: the testkit jar and Jackson, over the
 * JDK. The build's class loader, where this extension's build steps run, is closed once the application has started,
 * and the emulator's server threads load classes long after that; a loader of its own lives as long as the emulator.
 * The emulator is driven through its public methods by name, since its classes are not the build's.
 */
final class IsolatedEmulator implements AutoCloseable {

    static final String EMULATOR_CLASS = "io.github.camelloganalytics.testkit.LogAnalyticsEmulator";
    /** The testkit and what it needs at run time: Jackson for the request and response bodies. */
    private static final Set<String> ARTIFACTS = Set.of(
            "io.github.camelloganalytics:camel-loganalytics-testkit",
            // the testkit's KQL engine parses with ANTLR's runtime
            "org.antlr:antlr4-runtime",
            "com.fasterxml.jackson.core:jackson-databind",
            "com.fasterxml.jackson.core:jackson-core",
            "com.fasterxml.jackson.core:jackson-annotations");

    private final URLClassLoader loader;
    private final AutoCloseable emulator;
    private final String queryUrl;
    private final String authorityUrl;
    private final X509Certificate tokenEndpointCertificate;

    private IsolatedEmulator(URLClassLoader loader, AutoCloseable emulator) throws ReflectiveOperationException {
        this.loader = loader;
        this.emulator = emulator;
        this.queryUrl = (String) call(emulator, "queryUrl");
        this.authorityUrl = (String) call(emulator, "authorityUrl");
        this.tokenEndpointCertificate = (X509Certificate) call(call(emulator, "tokenEndpoint"), "certificate");
    }

    /** Starts an emulator on ephemeral loopback ports, from the testkit jar the application model resolved. */
    static IsolatedEmulator start(ApplicationModel model) {
        URLClassLoader loader = new URLClassLoader("loganalytics-dev-services", urls(model),
                ClassLoader.getPlatformClassLoader());
        try {
            AutoCloseable emulator = (AutoCloseable) loader.loadClass(EMULATOR_CLASS).getConstructor().newInstance();
            call(emulator, "start");
            return new IsolatedEmulator(loader, emulator);
        } catch (InvocationTargetException e) {
            closeQuietly(loader);
            throw new IllegalStateException("Dev Services for Log Analytics could not start the emulator", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            closeQuietly(loader);
            throw new IllegalStateException("Dev Services for Log Analytics could not start the emulator", e);
        }
    }

    private static URL[] urls(ApplicationModel model) {
        List<URL> urls = new ArrayList<>();
        for (ResolvedDependency dependency : model.getDependencies()) {
            if (ARTIFACTS.contains(dependency.getGroupId() + ":" + dependency.getArtifactId())) {
                for (Path path : dependency.getResolvedPaths()) {
                    try {
                        urls.add(path.toUri().toURL());
                    } catch (MalformedURLException e) {
                        throw new IllegalStateException("not a class path entry: " + path, e);
                    }
                }
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalStateException("Dev Services for Log Analytics found no camel-loganalytics-testkit among"
                    + " the build's dependencies");
        }
        return urls.toArray(URL[]::new);
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }

    String queryUrl() {
        return queryUrl;
    }

    String authorityUrl() {
        return authorityUrl;
    }

    X509Certificate tokenEndpointCertificate() {
        return tokenEndpointCertificate;
    }

    /** Stops both servers, then lets the class loader go. */
    @Override
    public void close() {
        try {
            emulator.close();
        } catch (Exception e) {
            throw new IllegalStateException("the emulator did not stop cleanly", e);
        } finally {
            closeQuietly(loader);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing is left to release: the servers are stopped
        }
    }
}
