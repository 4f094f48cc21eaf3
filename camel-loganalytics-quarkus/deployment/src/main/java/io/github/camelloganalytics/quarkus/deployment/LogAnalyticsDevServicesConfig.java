package io.github.camelloganalytics.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Dev Services for Log Analytics: in dev and test mode, an application that names no host and no credential for the
 * component gets the testkit's emulator, started in the same JVM.
 */
@ConfigMapping(prefix = "quarkus.camel.loganalytics.devservices")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface LogAnalyticsDevServicesConfig {

    /**
     * Whether Dev Services start the emulator when {@code camel.component.loganalytics.*} names no host and no
     * credential. {@code quarkus.devservices.enabled=false} turns off every Dev Service, this one included.
     *
     * @return whether Dev Services start the emulator
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The property Dev Services set to the emulator's sample workspace id, for routes to name in their URIs
     * ({@code loganalytics:{{loganalytics.workspace-id}}?query=...}). Left as it is when the application sets it.
     *
     * @return the property's name
     */
    @WithDefault("loganalytics.workspace-id")
    String workspaceIdProperty();
}
