package io.github.camelloganalytics;

import java.util.Map;

import com.microsoft.aad.msal4j.ManagedIdentityApplication;
import io.github.camelloganalytics.testkit.token.MsalEnvironment;
import io.github.camelloganalytics.testkit.token.RecordedTokenRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code MANAGED_IDENTITY} through MSAL4J's managed-identity support, as on App Service: MSAL4J finds the identity
 * endpoint in {@code IDENTITY_ENDPOINT} and {@code IDENTITY_HEADER}, which the testkit's token endpoint serves.
 * <p>
 * A running JVM cannot change its environment, so the variables reach MSAL4J through its package-private hook
 * {@code ManagedIdentityApplication.setEnvironmentVariables}, as the testkit's own MSAL4J tests do; it is put back
 * afterwards.
 */
class ManagedIdentityTest extends EmulatorAuthSupport {

    static final String SYSTEM_CLIENT = "00000000-0000-0000-0000-0000000000a1";
    static final String USER_CLIENT = "00000000-0000-0000-0000-0000000000b2";

    @BeforeAll
    static void appServiceEnvironment() throws Exception {
        emulator.tokenEndpoint().registerSystemAssignedIdentity(
                io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_TENANT_ID, SYSTEM_CLIENT);
        emulator.tokenEndpoint().registerUserAssignedIdentity(
                io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_TENANT_ID, USER_CLIENT);
        emulator.sampleWorkspace().grant(SYSTEM_CLIENT).grant(USER_CLIENT);
        MsalEnvironment.set(Map.of("IDENTITY_ENDPOINT", emulator.tokenEndpoint().managedIdentityUrl(),
                "IDENTITY_HEADER", emulator.tokenEndpoint().managedIdentitySecret()));
    }

    @AfterAll
    static void restoreEnvironment() throws Exception {
        MsalEnvironment.clear();
    }

    @Test
    void systemAssigned() {
        // an audience no other test asks this identity for: MSAL4J's managed-identity cache is static (per JVM)
        assertEquals(3, rows(uri("credentialType=MANAGED_IDENTITY&scope=https://api.loganalytics.azure.com/.default"))
                .size());
        RecordedTokenRequest request = lastTokenRequest();
        assertEquals("managed_identity", request.grantType());
        assertEquals(SYSTEM_CLIENT, request.clientId());
        assertEquals(200, request.status());
        assertEquals("https://api.loganalytics.azure.com", request.scope());
    }

    @Test
    void userAssignedByClientId() {
        assertEquals(3, rows(uri("credentialType=MANAGED_IDENTITY&clientId=" + USER_CLIENT)).size());
        RecordedTokenRequest request = lastTokenRequest();
        assertEquals("managed_identity", request.grantType());
        assertEquals(USER_CLIENT, request.clientId());
    }

    @Test
    void autoWithoutCredentialOptionsOrEnvironmentUsesTheManagedIdentity() {
        environment(Map.of());
        assertEquals(3, rows(uri("")).size());
    }

}
