package io.github.camelloganalytics.quarkus.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.quarkus.builder.BuildChainBuilder;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.GeneratedResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the build registers for a native image, seen from a build step that consumes every such item the build made
 * (this extension's and every other's) and writes them down as a resource the test reads. A native image itself
 * cannot be built here (no GraalVM), so this checks the registrations, not a native run.
 */
class NativeImageItemsTest {

    private static final String ITEMS = "native-image-items.txt";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withEmptyApplication()
            // no emulator: this build is about registrations
            .overrideConfigKey("quarkus.camel.loganalytics.devservices.enabled", "false")
            .addBuildChainCustomizer(NativeImageItemsTest::recordNativeItems);

    private static void recordNativeItems(BuildChainBuilder chain) {
        chain.addBuildStep(context -> {
            StringBuilder items = new StringBuilder();
            for (NativeImageResourceBuildItem item : context.consumeMulti(NativeImageResourceBuildItem.class)) {
                item.getResources().forEach(r -> items.append("resource ").append(r).append('\n'));
            }
            for (ReflectiveClassBuildItem item : context.consumeMulti(ReflectiveClassBuildItem.class)) {
                String access = (item.isConstructors() ? "constructors," : "") + (item.isMethods() ? "methods," : "")
                        + (item.isFields() ? "fields" : "");
                item.getClassNames().forEach(c -> items.append("reflective ").append(c).append(' ').append(access)
                        .append('\n'));
            }
            for (RuntimeInitializedClassBuildItem item : context.consumeMulti(RuntimeInitializedClassBuildItem.class)) {
                items.append("runtime-initialized ").append(item.getClassName()).append('\n');
            }
            for (ExtensionSslNativeSupportBuildItem item : context.consumeMulti(ExtensionSslNativeSupportBuildItem.class)) {
                items.append("ssl ").append(item.getExtension()).append('\n');
            }
            for (FeatureBuildItem item : context.consumeMulti(FeatureBuildItem.class)) {
                items.append("feature ").append(item.getName()).append('\n');
            }
            context.produce(new GeneratedResourceBuildItem(ITEMS, items.toString().getBytes(StandardCharsets.UTF_8)));
        }).consumes(NativeImageResourceBuildItem.class)
                .consumes(ReflectiveClassBuildItem.class)
                .consumes(RuntimeInitializedClassBuildItem.class)
                .consumes(ExtensionSslNativeSupportBuildItem.class)
                .consumes(FeatureBuildItem.class)
                .produces(GeneratedResourceBuildItem.class)
                .build();
    }

    private static List<String> items() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ITEMS)) {
            assertNotNull(in, "the recording build step did not run");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void theComponentMetadataAndThePublicSuffixListAreNativeResourcesThatExist() throws IOException {
        List<String> items = items();
        for (String resource : List.of("META-INF/io/github/camelloganalytics/loganalytics.json",
                "mozilla/public-suffix-list.txt")) {
            assertTrue(items.contains("resource " + resource), resource + " not registered: " + items);
            assertNotNull(Thread.currentThread().getContextClassLoader().getResource(resource),
                    resource + " is registered but not on the class path");
        }
    }

    @Test
    void msal4jsJsonModelIsRegisteredForReflection() throws IOException {
        List<String> items = items();
        // the classes MSAL4J reads the token, instance discovery, managed identity and error responses into, and
        // the token cache entities, including those that inherit JsonSerializable from Credential
        for (String model : List.of("AadInstanceDiscoveryResponse", "InstanceDiscoveryMetadataEntry", "ErrorResponse",
                "ManagedIdentityResponse", "ManagedIdentityErrorResponse", "OidcDiscoveryResponse",
                "AccessTokenCacheEntity", "RefreshTokenCacheEntity", "IdTokenCacheEntity", "AccountCacheEntity")) {
            assertTrue(items.contains("reflective com.microsoft.aad.msal4j." + model + " constructors,methods,fields"),
                    model + " not registered: " + items);
        }
    }

    @Test
    void sslIsOnAndTheNtlmEngineInitializesAtRunTime() throws IOException {
        List<String> items = items();
        assertTrue(items.contains("ssl camel-loganalytics"), items.toString());
        assertTrue(items.contains("feature camel-loganalytics"), items.toString());
        assertTrue(items.contains("runtime-initialized org.apache.hc.client5.http.impl.auth.NTLMEngineImpl"),
                items.toString());
    }
}
