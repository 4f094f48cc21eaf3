package io.github.camelloganalytics.quarkus.deployment;

import io.quarkus.builder.item.SimpleBuildItem;

/** The emulator Dev Services started: what the application needs to trust its token endpoint. */
public final class LogAnalyticsEmulatorBuildItem extends SimpleBuildItem {

    private final String tokenEndpointCertificate;

    LogAnalyticsEmulatorBuildItem(String tokenEndpointCertificate) {
        this.tokenEndpointCertificate = tokenEndpointCertificate;
    }

    /** @return the token endpoint's self-signed certificate, DER encoded, then Base64 */
    public String tokenEndpointCertificate() {
        return tokenEndpointCertificate;
    }
}
