package io.github.camelloganalytics.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A scope becomes the managed-identity resource whose audience the target accepts exactly. */
class ManagedIdentitySourceTest {

    @Test
    void theResourceIsTheScopeWithoutDefaultAndArmKeepsItsSlash() {
        assertEquals("https://api.loganalytics.io", ManagedIdentitySource.resource("https://api.loganalytics.io/.default"));
        assertEquals("https://management.azure.com/",
                ManagedIdentitySource.resource("https://management.azure.com/.default"));
        assertEquals("https://management.usgovcloudapi.net/",
                ManagedIdentitySource.resource("https://management.usgovcloudapi.net/.default"));
        assertEquals("https://example.org/app", ManagedIdentitySource.resource("https://example.org/app"));
    }
}
