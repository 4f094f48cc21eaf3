package io.github.camelloganalytics.springboot;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ContextConfiguration;

import static io.github.camelloganalytics.springboot.EmulatorProperties.EMULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot application with a Java and a YAML route, configured by properties and the environment only,
 * against the testkit's emulator: real HTTP, real MSAL4J tokens over TLS trusted through the application's
 * {@code SSLContextParameters} bean.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "camel.component.loganalytics.health-check-interval=0s")
@ContextConfiguration(initializers = { EmulatorProperties.class, EmulatorProperties.SecretInEnvironment.class })
@ExtendWith(OutputCaptureExtension.class)
class LogAnalyticsStarterTest {

    static final String SECRET = LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET;
    static final String INSUFFICIENT_ACCESS = """
            {"error":{"message":"The provided credentials have insufficient access to perform the requested \
            operation","code":"InsufficientAccessError"}}""";

    @Autowired
    ProducerTemplate template;
    @Value("${local.server.port}")
    int port;
    @Autowired
    org.apache.camel.CamelContext camelContext;

    @AfterEach
    void clearFaults() {
        EMULATOR.faults().clear();
    }

    @Test
    void javaAndYamlRoutesQueryWithPropertiesOnly(CapturedOutput output) {
        List<?> rows = template.requestBody("direct:heartbeats", null, List.class);
        assertEquals(3, rows.size());
        List<?> count = template.requestBody("direct:heartbeat-count", null, List.class);
        assertEquals(1, count.size());
        assertTrue(((Map<?, ?>) count.get(0)).get("Count") instanceof Long);

        // one DEBUG line per query, with the workspace, duration, rows and request id
        String log = output.getAll();
        assertTrue(log.matches("(?s).*Query on workspace " + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID
                               + " took \\d+ ms and answered 3 rows, request id [0-9a-f-]{36}.*"), log);
        assertFalse(log.contains(SECRET));
        assertFalse(log.contains("Bearer ey"));
    }

    @Test
    void healthIsUpThenDownWithTheTypedReasonAfterA403(CapturedOutput output) throws Exception {
        LocalHttp http = new LocalHttp(port);
        HttpResponse<String> up = http.get("/actuator/health");
        assertEquals(200, up.statusCode(), up.body());
        assertTrue(up.body().contains("producer:loganalytics://" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID),
                up.body());

        // the service refuses the probe's query from now on (until the fault is cleared after the test)
        EMULATOR.faults().forQuery("print 1").status(403).body(INSUFFICIENT_ACCESS);
        HttpResponse<String> down = http.get("/actuator/health");
        assertEquals(503, down.statusCode(), down.body());
        assertTrue(down.body().contains("\"status\":\"DOWN\""), down.body());
        assertTrue(down.body().contains("insufficient access"), down.body());

        for (String path : List.of("/actuator/health", "/actuator/configprops", "/actuator/env")) {
            String body = http.get(path).body();
            assertTrue(body.contains("loganalytics") || path.endsWith("health"), path + " " + body);
            assertFalse(body.contains(SECRET), path + " shows the client secret");
        }
        assertFalse(output.getAll().contains(SECRET));
    }

    @Test
    void jmxShowsOptionsWithSecretsMaskedAndCountsQueriesRowsAndErrors() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName endpoint = server.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null).stream()
                .filter(name -> name.getKeyProperty("context").equals(camelContext.getManagementName())
                                && name.getKeyProperty("name").contains("loganalytics")
                                && name.getKeyProperty("name").contains("take"))
                .findFirst().orElseThrow();
        long queries = (Long) server.getAttribute(endpoint, "QueryCount");
        long rows = (Long) server.getAttribute(endpoint, "RowCount");

        template.requestBody("direct:heartbeats", null, List.class);
        EMULATOR.faults().next(1).status(403).body(INSUFFICIENT_ACCESS);
        try {
            template.requestBody("direct:heartbeats", null, List.class);
        } catch (org.apache.camel.CamelExecutionException expected) {
            assertEquals("AccessDeniedException", expected.getCause().getClass().getSimpleName());
        }

        assertEquals(queries + 2, server.getAttribute(endpoint, "QueryCount"));
        assertEquals(rows + 3, server.getAttribute(endpoint, "RowCount"));
        assertTrue(server.getAttribute(endpoint, "ErrorsByException").toString().contains("AccessDeniedException=1"));
        String options = (String) server.getAttribute(endpoint, "Options");
        assertTrue(options.contains("clientSecret=xxxxxx"), options);
        assertTrue(options.contains("tenantId=" + LogAnalyticsEmulator.SAMPLE_TENANT_ID), options);

        // no attribute of any Camel MBean shows the secret
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:context="
                                                                + camelContext.getManagementName() + ",*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                Object value;
                try {
                    value = server.getAttribute(name, attribute.getName());
                } catch (Exception unreadable) {
                    continue;
                }
                assertFalse(String.valueOf(value).contains(SECRET), name + " " + attribute.getName());
            }
        }
    }
}
