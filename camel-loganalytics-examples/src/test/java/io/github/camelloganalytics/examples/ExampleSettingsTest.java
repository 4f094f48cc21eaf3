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
    void aWorkspaceWithoutATokenIsRefusedNamingBothSettings() {
        Properties settings = ExampleSettings.load(Map.of(ExampleTarget.WORKSPACE_ENV, WORKSPACE), new Properties());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExampleTarget.real(settings));
        assertTrue(e.getMessage().contains(WORKSPACE), e.getMessage());
        assertTrue(e.getMessage().contains("LOGANALYTICS_ACCESS_TOKEN"), e.getMessage());
    }

    @Test
    void anUnknownDslIsRefusedNamingSettingAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dsl.parse("groovy"));
        assertEquals("examples.dsl must be java, yaml or xml, not 'groovy'", e.getMessage());
        assertEquals(Dsl.XML, Dsl.parse(" XML "));
    }
}
