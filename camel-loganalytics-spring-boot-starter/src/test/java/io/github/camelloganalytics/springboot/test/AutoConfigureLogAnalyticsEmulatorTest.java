package io.github.camelloganalytics.springboot.test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.error.AccessDeniedException;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LoggedRequest;
import io.github.camelloganalytics.testkit.token.RecordedTokenRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A user's test of a user's application: the application knows nothing of the emulator (its properties name the
 * production service and credential), the test adds {@link AutoConfigureLogAnalyticsEmulator} and one property that
 * maps the application's workspace to the emulator's.
 */
@SpringBootTest(classes = AutoConfigureLogAnalyticsEmulatorTest.ReportingApplication.class, properties = {
        // the application's production settings, which the annotation must override
        "camel.component.loganalytics.host=https://api.loganalytics.io",
        "camel.component.loganalytics.authority-host=https://login.microsoftonline.com",
        "camel.component.loganalytics.tenant-id=00000000-0000-0000-0000-000000000000",
        "camel.component.loganalytics.certificate-path=/etc/secrets/production.pem",
        "camel.component.loganalytics.cloud=AZURE_CHINA",
        // the test's one line of its own
        "reporting.workspace=${loganalytics.emulator.workspace-id}",
        // the starter's test resources hold routes for another application
        "camel.springboot.routes-include-pattern=classpath:none/*.yaml",
        "camel.main.routes-include-pattern=classpath:none/*.yaml" })
@AutoConfigureLogAnalyticsEmulator
class AutoConfigureLogAnalyticsEmulatorTest {

    static final String QUERY = "Heartbeat | summarize count() by Computer | order by Computer asc";

    /** An application as a user writes it: a route, a production credential of its own, no emulator. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ReportingApplication {
        @Bean
        RouteBuilder computers() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:computers").to("loganalytics:{{reporting.workspace}}?query=" + QUERY);
                }
            };
        }

        /** A production credential the emulator's settings must not compete with. */
        @Bean
        TokenProvider productionTokens() {
            return scope -> {
                throw new IllegalStateException("the production credential was used in a test");
            };
        }

        /** The application's own TLS settings, for something else: the emulator's trust must not replace them. */
        @Bean
        SSLContextParameters corporateTls() {
            return new SSLContextParameters();
        }
    }

    @Autowired
    ProducerTemplate template;
    @Autowired
    LogAnalyticsEmulator emulator;
    @Autowired
    Environment environment;
    @Autowired
    CamelContext camelContext;
    @Autowired
    SSLContextParameters corporateTls;

    @AfterEach
    void clearFaults() {
        emulator.faults().clear();
    }

    @Test
    void theRouteQueriesTheEmulatorWithATokenFromItsTokenEndpoint() {
        emulator.requestLog().clear();
        emulator.tokenEndpoint().clearTokenRequests();

        List<?> rows = template.requestBody("direct:computers", null, List.class);

        assertEquals(List.of("vm-batch-01", "vm-sql-01", "vm-web-01", "vm-web-02"),
                rows.stream().map(row -> ((Map<?, ?>) row).get("Computer")).collect(Collectors.toList()));
        rows.forEach(row -> assertInstanceOf(Long.class, ((Map<?, ?>) row).get("count_")));
        LoggedRequest query = emulator.requestLog().last();
        assertEquals("/v1/workspaces/" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID + "/query", query.path());
        assertTrue(query.body().contains("order by Computer asc"), query.body());
        assertEquals(200, query.status());
        // the token came from the emulator's Entra ID, for its sample client, over TLS the component trusted; the
        // first query of the context may have asked already, so any request since is the emulator's sample client's
        for (RecordedTokenRequest token : emulator.tokenEndpoint().tokenRequests()) {
            assertEquals(LogAnalyticsEmulator.SAMPLE_TENANT_ID, token.tenant());
            assertEquals(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, token.clientId());
            assertEquals("client_credentials", token.grantType());
        }
    }

    @Test
    void thePropertiesPointAtTheEmulatorAndWinOverTheApplications() {
        assertEquals(emulator.queryUrl(), environment.getProperty("camel.component.loganalytics.host"));
        assertEquals(emulator.authorityUrl(), environment.getProperty("camel.component.loganalytics.authority-host"));
        assertEquals(LogAnalyticsEmulator.SAMPLE_TENANT_ID,
                environment.getProperty("camel.component.loganalytics.tenant-id"));
        LogAnalyticsComponent component = camelContext.getComponent("loganalytics", LogAnalyticsComponent.class);
        assertEquals(emulator.queryUrl(), component.getConfiguration().getHost());
        // the application's own TLS settings stay the application's: the component has the emulator's trust
        assertNotSame(corporateTls, component.getConfiguration().getSslContextParameters());
        assertFalse(component.getConfiguration().getClientSecret().isEmpty());
    }

    @Test
    void faultsScriptedOnTheEmulatorReachTheRouteAsTheirExceptions() {
        emulator.faults().next(1).status(403).body("""
                {"error":{"message":"The provided credentials have insufficient access to perform the requested \
                operation","code":"InsufficientAccessError"}}""");

        CamelExecutionException failed = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:computers", null, List.class));

        assertInstanceOf(AccessDeniedException.class, failed.getCause());
        assertEquals(4, template.requestBody("direct:computers", null, List.class).size());
    }
}
