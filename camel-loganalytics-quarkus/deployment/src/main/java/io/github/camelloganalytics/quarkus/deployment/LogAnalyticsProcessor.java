package io.github.camelloganalytics.quarkus.deployment;

import java.util.List;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageResourceBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.builditem.nativeimage.RuntimeInitializedClassBuildItem;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;

/**
 * What the Log Analytics component needs from the build: the component jar indexed, so that Camel Quarkus finds its
 * services (component, configurers, type converters) at build time, and what a native image would need.
 */
class LogAnalyticsProcessor {

    /** The feature name Quarkus lists at start. */
    static final String FEATURE = "camel-loganalytics";

    /** The component's generated metadata: read at run time for the option names and which ones are secrets. */
    static final String COMPONENT_METADATA = "META-INF/io/github/camelloganalytics/loganalytics.json";
    /** httpclient5 loads the Mozilla public suffix list when it builds its cookie and host-name rules. */
    static final String PUBLIC_SUFFIX_LIST = "mozilla/public-suffix-list.txt";
    /** httpclient5's NTLM engine seeds a SecureRandom in its static initializer: it must not run at image build. */
    static final String NTLM_ENGINE = "org.apache.hc.client5.http.impl.auth.NTLMEngineImpl";

    static final String GROUP_ID = "io.github.camelloganalytics";
    static final String COMPONENT_ARTIFACT_ID = "camel-loganalytics";
    /** MSAL4J's JSON model (token, instance discovery, error responses, cache entities) is read through azure-json. */
    static final DotName JSON_SERIALIZABLE = DotName.createSimple("com.azure.json.JsonSerializable");
    static final String MSAL4J_PACKAGE = "com.microsoft.aad.msal4j.";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    void indexDependencies(BuildProducer<IndexDependencyBuildItem> index) {
        // an indexed jar is an application archive: Camel Quarkus reads META-INF/services/org/apache/camel from those
        index.produce(new IndexDependencyBuildItem(GROUP_ID, COMPONENT_ARTIFACT_ID));
        index.produce(new IndexDependencyBuildItem("com.microsoft.azure", "msal4j"));
    }

    @BuildStep
    NativeImageResourceBuildItem nativeResources() {
        return new NativeImageResourceBuildItem(COMPONENT_METADATA, PUBLIC_SUFFIX_LIST);
    }

    @BuildStep
    ReflectiveClassBuildItem msal4jJsonModel(CombinedIndexBuildItem combinedIndex) {
        List<String> model = combinedIndex.getIndex().getAllKnownImplementations(JSON_SERIALIZABLE).stream()
                .map(ClassInfo::name)
                .map(DotName::toString)
                .filter(name -> name.startsWith(MSAL4J_PACKAGE))
                .sorted()
                .toList();
        return ReflectiveClassBuildItem.builder(model)
                .constructors()
                .methods()
                .fields()
                .reason(getClass().getName() + ": MSAL4J's JSON model")
                .build();
    }

    @BuildStep
    RuntimeInitializedClassBuildItem httpClientRuntimeInitialized() {
        return new RuntimeInitializedClassBuildItem(NTLM_ENGINE);
    }

    @BuildStep
    ExtensionSslNativeSupportBuildItem ssl() {
        // the token endpoints (Entra ID, a managed identity's) and the query API are all HTTPS
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }
}
