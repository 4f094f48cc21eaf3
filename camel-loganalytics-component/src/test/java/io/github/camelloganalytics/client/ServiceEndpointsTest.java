package io.github.camelloganalytics.client;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One table gives each cloud's host and scope for each door; host and scope overrides replace them.
 */
class ServiceEndpointsTest {

    private static final String VM = "/subscriptions/s-1/resourceGroups/rg-1/providers/Microsoft.Compute/"
                                     + "virtualMachines/vm 1";
    private static final ApiTarget DIRECT = ApiTarget.workspace("ws-1");
    private static final ApiTarget ARM = ApiTarget.arm("s-1", "rg-1", "law-1");
    private static final ApiTarget RESOURCE = ApiTarget.resource(VM);

    @ParameterizedTest
    @CsvSource({
            "AZURE_PUBLIC, https://api.loganalytics.azure.com, https://api.loganalytics.io/.default, https://management.azure.com, https://management.azure.com/.default",
            "AZURE_CHINA, https://api.loganalytics.azure.cn, https://api.loganalytics.azure.cn/.default, https://management.chinacloudapi.cn, https://management.chinacloudapi.cn/.default",
            "AZURE_US_GOVERNMENT, https://api.loganalytics.us, https://api.loganalytics.us/.default, https://management.usgovcloudapi.net, https://management.usgovcloudapi.net/.default" })
    void eachCloudAddressesEachDoor(Cloud cloud, String queryHost, String queryScope, String armHost,
                                    String armScope) {
        ServiceEndpoints endpoints = new ServiceEndpoints(cloud, null, null, null);
        assertEquals(URI.create(queryHost + "/v1/workspaces/ws-1/query"), endpoints.queryUri(DIRECT));
        assertEquals(queryScope, endpoints.scope(DIRECT));
        assertEquals(URI.create(armHost + "/subscriptions/s-1/resourceGroups/rg-1/providers/"
                                + "Microsoft.OperationalInsights/workspaces/law-1/api/query?api-version=2017-10-01"),
                endpoints.queryUri(ARM));
        assertEquals(armScope, endpoints.scope(ARM));
        assertEquals(URI.create(queryHost + "/v1/subscriptions/s-1/resourceGroups/rg-1/providers/Microsoft.Compute/"
                                + "virtualMachines/vm%201/query"),
                endpoints.queryUri(RESOURCE));
        assertEquals(queryScope, endpoints.scope(RESOURCE));
    }

    @Test
    void hostReplacesEveryDoorsHostAndScopeEveryDoorsScope() {
        ServiceEndpoints viaProxy = new ServiceEndpoints(Cloud.AZURE_PUBLIC, "http://127.0.0.1:8080/la", null,
                "2025-02-01");
        assertEquals(URI.create("http://127.0.0.1:8080/la/subscriptions/s-1/resourceGroups/rg-1/providers/"
                                + "Microsoft.OperationalInsights/workspaces/law-1/api/query?api-version=2025-02-01"),
                viaProxy.queryUri(ARM));
        assertEquals("https://management.azure.com/.default", viaProxy.scope(ARM));
        ServiceEndpoints ownScope = new ServiceEndpoints(Cloud.AZURE_PUBLIC, null, "api://my-app/.default", null);
        assertEquals("api://my-app/.default", ownScope.scope(ARM));
        assertEquals("api://my-app/.default", ownScope.scope(DIRECT));
    }

    @Test
    void targetsNameWhatIsMissing() {
        IllegalArgumentException arm = assertThrows(IllegalArgumentException.class,
                () -> ApiTarget.arm("s-1", " ", null));
        assertTrue(arm.getMessage().endsWith("resourceGroup, workspaceName"), arm.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ApiTarget.resource("/subscriptions//x"));
        assertThrows(IllegalArgumentException.class, () -> ApiTarget.workspace(""));
    }
}
