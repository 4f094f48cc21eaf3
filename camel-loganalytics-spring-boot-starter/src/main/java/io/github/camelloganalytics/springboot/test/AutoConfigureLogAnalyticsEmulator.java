package io.github.camelloganalytics.springboot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Runs a {@code @SpringBootTest} against the testkit's emulator of the Log Analytics query API and of the Entra ID
 * token endpoint, as {@code @AutoConfigureWireMock} does for WireMock: one emulator per application context, started
 * before the component is configured and closed with the context, and the {@code camel.component.loganalytics.*}
 * properties pointed at it (query API host, authority host, the public cloud the emulator stands for, the emulator's
 * sample tenant, client and client secret, and trust for its token endpoint's self-signed certificate). The application's routes and properties stay as they
 * are; the emulator's settings win over the same properties of the application.
 * <p>
 * The emulator is the bean {@link LogAnalyticsEmulatorTestConfiguration#EMULATOR_BEAN}, for scripting faults and
 * reading what reached it; the property {@value LogAnalyticsEmulatorTestConfiguration#WORKSPACE_ID_PROPERTY} holds
 * its sample workspace's id, for a test property such as {@code my.workspace=${loganalytics.emulator.workspace-id}}.
 * Needs {@code camel-loganalytics-testkit} and {@code spring-test} on the test class path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(LogAnalyticsEmulatorTestConfiguration.class)
public @interface AutoConfigureLogAnalyticsEmulator {
}
