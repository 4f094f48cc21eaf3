package io.github.camelloganalytics.examples;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the settings pick the target and the DSL: application.properties, then the environment, then system
 * properties.
 */
class ExampleSettingsTest {

    private static final String WORKSPACE = "0f9e8d7c-0000-4000-8000-000000000001";
    private static final String TENANT = "72f988bf-0000-4000-8000-000000000002";
    private static final String CLIENT = "1b2c3d4e-0000-4000-8000-000000000003";

    @Test
    void withNothingSetTheEmulatorIsTheTargetAndJavaTheDsl() {
        Properties settings = ExampleSettings.load(Map.of(), new Properties());

        assertTrue(ExampleTarget.real(settings).isEmpty());
        assertEquals(Dsl.JAVA, Dsl.parse(settings.getProperty("examples.dsl")));
        assertEquals("60", settings.getProperty("camel.main.duration-max-seconds"));
    }

    @Test
    void theEnvironmentNamesARealWorkspaceAndItsToken() {
        Properties settings = ExampleSettings.load(
                Map.of(ExampleTarget.WORKSPACE_ENV, WORKSPACE, ExampleTarget.TOKEN_ENV, "secret-token"), new Properties());

        ExampleTarget target = ExampleTarget.real(settings).orElseThrow();
        assertFalse(target.emulated());
        assertEquals(Map.of(ExampleTarget.WORKSPACE_ID, WORKSPACE,
                "camel.component.loganalytics.credential-type", "ACCESS_TOKEN",
                "camel.component.loganalytics.access-token", "secret-token"), target.properties());
        assertFalse(target.toString().contains("secret-token"));
        assertFalse(target.description().contains("secret-token"));
    }

    @Test
    void systemPropertiesWinOverTheEnvironment() {
        Properties system = new Properties();
        system.setProperty(ExampleTarget.WORKSPACE_ID, "from-system");
        system.setProperty("examples.dsl", "yaml");
        Properties settings = ExampleSettings.load(
                Map.of(ExampleTarget.WORKSPACE_ENV, WORKSPACE, ExampleTarget.TOKEN_ENV, "t"), system);

        assertEquals("from-system", settings.getProperty(ExampleTarget.WORKSPACE_ID));
        assertEquals(Dsl.YAML, Dsl.parse(settings.getProperty("examples.dsl")));
    }

    @Test
    void anEmptySystemPropertyAsMavenForwardsAnUnsetOneLeavesTheEnvironmentsSetting() {
        // the run-examples profile passes -Dloganalytics.workspaceId= (empty) when the user gave none
        Properties system = new Properties();
        system.setProperty(ExampleTarget.WORKSPACE_ID, "");
        system.setProperty(ExampleTarget.ACCESS_TOKEN, " ");
        system.setProperty("examples.outputDir", "");
        Properties settings = ExampleSettings.load(
                Map.of(ExampleTarget.WORKSPACE_ENV, WORKSPACE, ExampleTarget.TOKEN_ENV, "t"), system);

        assertEquals(WORKSPACE, settings.getProperty(ExampleTarget.WORKSPACE_ID));
        assertEquals("t", settings.getProperty(ExampleTarget.ACCESS_TOKEN));
        assertEquals("target/examples-output", settings.getProperty("examples.outputDir"));
    }

    @Test
    void theAzureSdkVariablesGiveAClientSecretCredential() {
        Properties settings = ExampleSettings.load(Map.of(ExampleTarget.WORKSPACE_ENV, WORKSPACE,
                "AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT, "AZURE_CLIENT_SECRET", "s3cr3t"), new Properties());

        ExampleTarget target = ExampleTarget.real(settings).orElseThrow();
        assertEquals(Map.of(ExampleTarget.WORKSPACE_ID, WORKSPACE,
                "camel.component.loganalytics.credential-type", "CLIENT_SECRET",
                "camel.component.loganalytics.tenant-id", TENANT,
                "camel.component.loganalytics.client-id", CLIENT,
                "camel.component.loganalytics.client-secret", "s3cr3t"), target.properties());
        assertEquals("workspace " + WORKSPACE + " with the client secret of application " + CLIENT + " in tenant "
                + TENANT, target.description());
        assertFalse(target.toString().contains("s3cr3t"));
    }

    @Test
    void propertiesGiveTheSameCredentialAndWinOverTheEnvironment() {
        // application.properties and -D system properties are read the same way; these stand for either
        Properties given = new Properties();
        given.setProperty(ExampleTarget.WORKSPACE_ID, WORKSPACE);
        given.setProperty(ExampleTarget.TENANT_ID, TENANT);
        given.setProperty(ExampleTarget.CLIENT_ID, CLIENT);
        given.setProperty(ExampleTarget.CLIENT_SECRET, "from-properties");
        Properties settings = ExampleSettings.load(Map.of("AZURE_CLIENT_SECRET", "from-environment",
                "AZURE_CLIENT_ID", "other-client"), given);

        Map<String, String> properties = ExampleTarget.real(settings).orElseThrow().properties();
        assertEquals("from-properties", properties.get("camel.component.loganalytics.client-secret"));
        assertEquals(CLIENT, properties.get("camel.component.loganalytics.client-id"));
        assertEquals(TENANT, properties.get("camel.component.loganalytics.tenant-id"));
    }

    @Test
    void aWorkspaceWithoutTokenOrSecretLeavesTheCredentialToAuto() {
        Properties settings = ExampleSettings.load(
                Map.of(ExampleTarget.WORKSPACE_ENV, WORKSPACE, "AZURE_CLIENT_ID", CLIENT), new Properties());

        ExampleTarget target = ExampleTarget.real(settings).orElseThrow();
        // a user-assigned managed identity, or a certificate or federated token the component finds in AZURE_*
        assertEquals(Map.of(ExampleTarget.WORKSPACE_ID, WORKSPACE,
                "camel.component.loganalytics.credential-type", "AUTO",
                "camel.component.loganalytics.client-id", CLIENT), target.properties());
        assertTrue(target.description().contains("credentialType AUTO"), target.description());
    }

    @Test
    void aSecretWithoutTenantAndClientIsRefusedNamingThem() {
        Properties settings = ExampleSettings.load(
                Map.of(ExampleTarget.WORKSPACE_ENV, WORKSPACE, "AZURE_CLIENT_SECRET", "s3cr3t"), new Properties());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExampleTarget.real(settings));
        assertEquals("loganalytics.clientSecret is set but loganalytics.tenantId (environment variable AZURE_TENANT_ID)"
                + " and loganalytics.clientId (environment variable AZURE_CLIENT_ID) are empty: a client secret needs"
                + " its tenant and client id", e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"));
    }

    @Test
    void aTokenAndASecretTogetherAreRefused() {
        Properties settings = ExampleSettings.load(Map.of(ExampleTarget.WORKSPACE_ENV, WORKSPACE,
                ExampleTarget.TOKEN_ENV, "t0ken", "AZURE_TENANT_ID", TENANT, "AZURE_CLIENT_ID", CLIENT,
                "AZURE_CLIENT_SECRET", "s3cr3t"), new Properties());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExampleTarget.real(settings));
        assertEquals("Both loganalytics.accessToken (environment variable LOGANALYTICS_ACCESS_TOKEN) and"
                + " loganalytics.clientSecret (environment variable AZURE_CLIENT_SECRET) are set: keep one of them",
                e.getMessage());
    }

    @Test
    void anUnknownDslIsRefusedNamingSettingAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dsl.parse("groovy"));
        assertEquals("examples.dsl must be java, yaml or xml, not 'groovy'", e.getMessage());
        assertEquals(Dsl.XML, Dsl.parse(" XML "));
    }
}
