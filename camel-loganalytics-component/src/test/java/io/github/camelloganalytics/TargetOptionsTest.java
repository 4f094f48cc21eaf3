package io.github.camelloganalytics;

import io.github.camelloganalytics.client.ApiTarget;
import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Missing or contradictory target options, and bad batch options, fail when the endpoint is created, naming the
 * options; the ARM endpoint's service URL follows the cloud.
 */
class TargetOptionsTest {

    private static final String ARM = "apiType=ARM&subscriptionId=sub-1&resourceGroup=rg-1&workspaceName=law-1";
    private static final String VM = "/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.Compute/"
                                     + "virtualMachines/vm-1";

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private String failure(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint(uri));
        assertFalse(e.getMessage().contains("secret-xyz"), e.getMessage());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // the options a message must name, separated by spaces
            "?apiType=ARM&accessToken=secret-xyz|apiType=ARM subscriptionId resourceGroup workspaceName",
            "?apiType=ARM&subscriptionId=sub-1&workspaceName=law-1&accessToken=secret-xyz|apiType=ARM missing: resourceGroup",
            "ws-1?" + ARM + "&accessToken=secret-xyz|apiType=ARM ws-1",
            "?" + ARM + "&resourceId=" + VM + "&accessToken=secret-xyz|apiType=ARM resourceId",
            "ws-1?subscriptionId=sub-1&accessToken=secret-xyz|subscriptionId apiType=ARM",
            "?resourceGroup=rg-1&workspaceName=law-1&accessToken=secret-xyz|resourceGroup workspaceName apiType=ARM",
            "ws-1?resourceId=" + VM + "&accessToken=secret-xyz|ws-1 resourceId",
            "?resourceId=vm-1&accessToken=secret-xyz|resourceId 'vm-1' /subscriptions/",
            "?" + ARM + "&armApiVersion=latest&accessToken=secret-xyz|armApiVersion latest",
            "ws-1?operation=BATCH&batchParallelism=0&accessToken=secret-xyz|batchParallelism 0",
            "ws-1?operation=BATCH&batchParallelism=21&accessToken=secret-xyz|batchParallelism 21",
            "ws-1?apiType=REST&accessToken=secret-xyz|apiType REST",
            "ws-1?operation=MERGE&accessToken=secret-xyz|operation MERGE" })
    void missingOrContradictoryTargetOptionsAreNamed(String uri, String named) {
        String message = failure("loganalytics:" + uri);
        for (String part : named.split(" ")) {
            assertTrue(message.contains(part), () -> "'" + part + "' not in: " + message);
        }
    }

    @Test
    void eachTargetFormMakesAnEndpoint() {
        LogAnalyticsEndpoint arm = context.getEndpoint("loganalytics:?" + ARM + "&accessToken=t",
                LogAnalyticsEndpoint.class);
        assertEquals(ApiTarget.arm("sub-1", "rg-1", "law-1"), TargetOptions.resolve(arm.getConfiguration()));
        assertEquals("https://management.azure.com", arm.getServiceUrl());
        LogAnalyticsEndpoint china = context.getEndpoint("loganalytics:?" + ARM + "&cloud=AZURE_CHINA&accessToken=t",
                LogAnalyticsEndpoint.class);
        assertEquals("https://management.chinacloudapi.cn", china.getServiceUrl());
        LogAnalyticsEndpoint gov = context.getEndpoint("loganalytics:ws-1?cloud=AZURE_US_GOVERNMENT&accessToken=t",
                LogAnalyticsEndpoint.class);
        assertEquals("https://api.loganalytics.us", gov.getServiceUrl());
        LogAnalyticsEndpoint resource = context.getEndpoint("loganalytics:?resourceId=" + VM + "&accessToken=t",
                LogAnalyticsEndpoint.class);
        assertEquals(ApiTarget.resource(VM), TargetOptions.resolve(resource.getConfiguration()));
        LogAnalyticsEndpoint headerOnly = context.getEndpoint("loganalytics:?accessToken=t",
                LogAnalyticsEndpoint.class);
        assertEquals(null, TargetOptions.resolve(headerOnly.getConfiguration()));
    }
}
