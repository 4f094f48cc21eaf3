package io.github.camelloganalytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelloganalytics.error.InvalidTokenAudienceException;
import io.github.camelloganalytics.error.LogAnalyticsException;
import io.github.camelloganalytics.error.PathNotFoundException;
import io.github.camelloganalytics.error.UnauthorizedClientException;
import io.github.camelloganalytics.error.WorkspaceNotFoundException;
import io.github.camelloganalytics.testkit.Clients;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LoggedRequest;
import io.github.camelloganalytics.testkit.SampleWorkspace;
import io.github.camelloganalytics.testkit.Workspace;
import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.data.Table;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each way of addressing the query API, against the emulator: the path, query string and body that reach it, the
 * token scope the component asks for (the emulator refuses a token of another audience), and what each wrong door
 * answers.
 */
class TargetsTest extends EmulatorTestSupport {

    private static final String SAMPLE = LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID;
    private static final String ARM_SAMPLE = "apiType=ARM&subscriptionId=" + SampleWorkspace.SUBSCRIPTION_ID
                                             + "&resourceGroup=" + SampleWorkspace.RESOURCE_GROUP + "&workspaceName="
                                             + SampleWorkspace.NAME;
    private static final String ARM_PATH = "/subscriptions/" + SampleWorkspace.SUBSCRIPTION_ID + "/resourceGroups/"
                                           + SampleWorkspace.RESOURCE_GROUP
                                           + "/providers/Microsoft.OperationalInsights/workspaces/"
                                           + SampleWorkspace.NAME + "/api/query";
    private static final String COUNT = "Heartbeat | count";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    void configure(CamelContext camelContext) throws Exception {
        camelContext.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(InvalidTokenAudienceException.class).handled(true).to("mock:wrongAudience");
                onException(UnauthorizedClientException.class).handled(true).to("mock:unauthorizedClient");
                from("direct:armWithDirectToken")
                        .to(uri("", ARM_SAMPLE + "&accessToken=" + emulator.token()));
                from("direct:refusingWorkspace")
                        .to(uri(REFUSING_ID, "accessToken="
                                              + emulator.clients().appToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID,
                                                      Clients.DIRECT_API_SCOPE)));
            }
        });
    }

    private static final String REFUSING_ID = "000000a1-0a00-4000-8000-000000000001";

    @SuppressWarnings("unchecked")
    private static long count(Exchange exchange) {
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        return ((Number) rows.get(0).get("Count")).longValue();
    }

    /** @return the sample workspace's heartbeats, as the emulator holds them: what a count over all of them answers */
    private long heartbeats() {
        return emulator.sampleWorkspace().table("Heartbeat").orElseThrow().size();
    }

    @Test
    void directDoorPostsToTheWorkspacePathWithAQueryApiToken() {
        assertEquals(heartbeats(), count(send(uri(SAMPLE, "tokenProvider=#tokens"), COUNT)));
        LoggedRequest request = emulator.requestLog().last();
        assertEquals("/v1/workspaces/" + SAMPLE + "/query", request.path());
        assertEquals(List.of("https://api.loganalytics.io/.default"), scopesAsked);
    }

    @Test
    void armDoorPostsToTheResourceManagerPathWithItsApiVersionAndAManagementToken() {
        assertEquals(heartbeats(), count(send(uri("", ARM_SAMPLE + "&tokenProvider=#tokens"), COUNT)));
        assertEquals(ARM_PATH + "?api-version=2017-10-01", emulator.requestLog().last().path());
        assertEquals(List.of("https://management.azure.com/.default"), scopesAsked);
    }

    @Test
    void armApiVersionIsAnOption() {
        emulator.limits().armApiVersions(List.of("2017-10-01", "2025-02-01"));
        try {
            assertEquals(heartbeats(), count(send(uri("", ARM_SAMPLE + "&armApiVersion=2025-02-01&tokenProvider=#tokens"),
                    COUNT)));
            assertEquals(ARM_PATH + "?api-version=2025-02-01", emulator.requestLog().last().path());
        } finally {
            emulator.limits().armApiVersions(List.of("2017-10-01"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void resourceCentricQuerySeesOnlyThatResourcesRecords() {
        Exchange exchange = send(uri("", "resourceId=" + SampleWorkspace.VM_RESOURCE_ID + "&tokenProvider=#tokens"),
                "AzureActivity | project _ResourceId");
        assertNull(exchange.getException());
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        assertFalse(rows.isEmpty());
        int all = emulator.sampleWorkspace().table("AzureActivity").orElseThrow().size();
        assertTrue(rows.size() < all, "the workspace holds " + all + " AzureActivity records of several resources");
        rows.forEach(row -> assertEquals(SampleWorkspace.VM_RESOURCE_ID, row.get("_ResourceId")));
        assertEquals("/v1" + SampleWorkspace.VM_RESOURCE_ID + "/query", emulator.requestLog().last().path());
        assertEquals(List.of("https://api.loganalytics.io/.default"), scopesAsked);
    }

    @Test
    void crossWorkspaceQueryNamesWorkspacesByIdNameOrResourceIdOnEveryDoor() throws Exception {
        Workspace two = ordersWorkspace("00000002-0b00-4000-8000-000000000001", 2);
        Workspace three = ordersWorkspace("00000003-0b00-4000-8000-000000000001", 3);
        Workspace four = ordersWorkspace("00000004-0b00-4000-8000-000000000001", 4);
        Workspace eight = ordersWorkspace("00000008-0b00-4000-8000-000000000001", 8);
        String others = "additionalWorkspaces=" + three.id() + "," + four.name() + "," + eight.resourceId()
                        + "&tokenProvider=#tokens";

        assertEquals(2 + 3 + 4 + 8, count(send(uri(two.id(), others), "Orders_CL | count")));
        JsonNode sent = JSON.readTree(emulator.requestLog().last().body());
        assertEquals(List.of(three.id(), four.name(), eight.resourceId()),
                JSON.convertValue(sent.get("workspaces"), List.class));

        String arm = "apiType=ARM&subscriptionId=" + two.subscriptionId() + "&resourceGroup=" + two.resourceGroup()
                     + "&workspaceName=" + two.name();
        assertEquals(2 + 3 + 4 + 8, count(send(uri("", arm + "&" + others), "Orders_CL | count")));
        assertEquals(2 + 3 + 4 + 8,
                count(send(uri("", "resourceId=" + two.resourceId() + "&" + others), "Orders_CL | count")));
    }

    private static Workspace ordersWorkspace(String id, int rows) {
        Workspace ws = emulator.workspace(id);
        Table orders = ws.createTable("Orders_CL", Column.of("TimeGenerated", ColumnType.DATETIME),
                Column.of("Amount", ColumnType.LONG));
        for (int i = 0; i < rows; i++) {
            orders.addRow(Instant.now(), i);
        }
        return ws;
    }

    @Test
    void armDoorWithADirectApiTokenIsTheWrongAudience() throws Exception {
        MockEndpoint wrongAudience = context.getEndpoint("mock:wrongAudience", MockEndpoint.class);
        wrongAudience.expectedMessageCount(1);
        template.sendBody("direct:armWithDirectToken", COUNT);
        wrongAudience.assertIsSatisfied();
        InvalidTokenAudienceException e = wrongAudience.getExchanges().get(0)
                .getProperty(Exchange.EXCEPTION_CAUGHT, InvalidTokenAudienceException.class);
        assertEquals(403, e.getDetails().getStatus());
        assertEquals("https://api.loganalytics.io", e.getTokenAudience());
        assertTrue(e.getAllowedAudiences().contains("https://management.azure.com/"), e.getAllowedAudiences()::toString);
        assertTrue(emulator.requestLog().last().path().startsWith(ARM_PATH));
    }

    @Test
    void clientCredentialsOnTheDirectApiOfARefusingWorkspaceIsUnauthorizedAndArmIsTheWayIn() throws Exception {
        Workspace refusing = ordersWorkspace(REFUSING_ID, 5).refuseClientCredentialsOnDirectApi(true);
        MockEndpoint unauthorized = context.getEndpoint("mock:unauthorizedClient", MockEndpoint.class);
        unauthorized.expectedMessageCount(1);
        template.sendBody("direct:refusingWorkspace", "Orders_CL | count");
        unauthorized.assertIsSatisfied();
        assertEquals("/v1/workspaces/" + REFUSING_ID + "/query", emulator.requestLog().last().path());

        String arm = "apiType=ARM&subscriptionId=" + refusing.subscriptionId() + "&resourceGroup="
                     + refusing.resourceGroup() + "&workspaceName=" + refusing.name() + "&tokenProvider=#tokens";
        assertEquals(5, count(send(uri("", arm), "Orders_CL | count")));
    }

    @Test
    void theCloudPicksTheAudienceAndScopeOverridesIt() {
        Exchange china = send(uri(SAMPLE, "cloud=AZURE_CHINA&tokenProvider=#tokens"), COUNT);
        // a China token is refused by a public-cloud API: the emulator checks the audience the scope gave
        assertInstanceOf(InvalidTokenAudienceException.class, china.getException());
        Exchange usGovArm = send(uri("", ARM_SAMPLE + "&cloud=AZURE_US_GOVERNMENT&tokenProvider=#tokens"), COUNT);
        assertInstanceOf(InvalidTokenAudienceException.class, usGovArm.getException());
        assertEquals(List.of("https://api.loganalytics.azure.cn/.default",
                "https://management.usgovcloudapi.net/.default"), scopesAsked);

        scopesAsked.clear();
        String azureCom = "https://api.loganalytics.azure.com/.default";
        assertEquals(heartbeats(), count(send(uri(SAMPLE, "cloud=AZURE_CHINA&scope=" + azureCom + "&tokenProvider=#tokens"),
                COUNT)));
        assertEquals(List.of(azureCom), scopesAsked);
    }

    @Test
    void theWorkspaceHeaderAddressesADirectWorkspaceFromAnEndpointWithoutOne() {
        Exchange exchange = template.send(uri("", "tokenProvider=#tokens"), e -> {
            e.getMessage().setBody(COUNT);
            e.getMessage().setHeader(LogAnalyticsConstants.WORKSPACE_ID, SAMPLE);
        });
        assertEquals(heartbeats(), count(exchange));
        assertEquals("/v1/workspaces/" + SAMPLE + "/query", emulator.requestLog().last().path());

        Exchange none = send(uri("", "tokenProvider=#tokens"), COUNT);
        assertInstanceOf(IllegalArgumentException.class, none.getException());
        assertTrue(none.getException().getMessage().startsWith("No target"), none.getException().getMessage());
        assertFalse(none.getException() instanceof LogAnalyticsException);
    }

    @Test
    void eachWrongAddressHasItsOwnFailure() {
        // the workspace's name where its id belongs, on either door
        assertWrong(WorkspaceNotFoundException.class, 404, "WorkspaceNotFoundError",
                send(uri(SampleWorkspace.NAME, "tokenProvider=#tokens"), COUNT));
        assertWrong(WorkspaceNotFoundException.class, 404, "WorkspaceNotFoundError",
                send(uri("", ARM_SAMPLE.replace(SampleWorkspace.NAME, SAMPLE) + "&tokenProvider=#tokens"), COUNT));
        // a resource whose logs no workspace holds
        assertWrong(PathNotFoundException.class, 404, "ResourceNotFoundError",
                send(uri("", "resourceId=" + SampleWorkspace.VM_RESOURCE_ID.replace("vm-web-01", "vm-gone")
                             + "&tokenProvider=#tokens"), COUNT));
        // an api-version Resource Manager does not serve for the query API
        assertWrong(LogAnalyticsException.class, 400, "InvalidApiVersionParameter",
                send(uri("", ARM_SAMPLE + "&armApiVersion=2017-01-01-preview&tokenProvider=#tokens"), COUNT));
    }

    private static void assertWrong(Class<? extends LogAnalyticsException> type, int status, String code,
                                    Exchange exchange) {
        LogAnalyticsException e = assertInstanceOf(LogAnalyticsException.class, exchange.getException());
        assertEquals(type, e.getClass());
        assertEquals(status, e.getDetails().getStatus());
        assertEquals(code, e.getDetails().getCode());
    }
}
