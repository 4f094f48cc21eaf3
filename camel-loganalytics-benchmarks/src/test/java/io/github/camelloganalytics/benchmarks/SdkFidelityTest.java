package io.github.camelloganalytics.benchmarks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.azure.core.credential.AccessToken;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.monitor.query.LogsQueryClient;
import com.azure.monitor.query.LogsQueryClientBuilder;
import com.azure.monitor.query.models.LogsQueryResult;
import com.azure.monitor.query.models.LogsTableCell;
import com.azure.monitor.query.models.LogsTableRow;
import com.azure.monitor.query.models.QueryTimeInterval;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LoggedRequest;
import io.github.camelloganalytics.testkit.QueryApiServer;
import io.github.camelloganalytics.testkit.SampleWorkspace;
import io.github.camelloganalytics.testkit.Workspace;
import io.netty.handler.ssl.SslContextBuilder;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emulator's fidelity, judged by the Azure SDK: {@code LogsQueryClient} (which sends its bearer token only over
 * HTTPS) queries the emulator's query API served over HTTPS with a certificate it is told to trust, with a token
 * from the emulator's Entra ID, and reads every cell of every type without error, to the same values the component
 * reads from the same emulator.
 */
class SdkFidelityTest {

    private static final int ROWS = 300;

    private static LogAnalyticsEmulator emulator;
    private static QueryApiServer httpsApi;
    private static Tls tls;
    private static LogsQueryClient sdk;

    @BeforeAll
    static void start() throws Exception {
        emulator = new LogAnalyticsEmulator().start();
        tls = new Tls();
        // the emulator's own query API speaks plain HTTP; this one trusts the same token endpoint, over HTTPS
        httpsApi = new QueryApiServer(bearer -> emulator.tokenEndpoint().issuer().verify(bearer));
        Workspace workspace = httpsApi.addWorkspace(SampleWorkspace.create(Instant.now()))
                .grant(LogAnalyticsEmulator.SAMPLE_CLIENT_ID);
        WideTable.fill(workspace.createTable(WideTable.NAME, WideTable.COLUMNS), ROWS);
        httpsApi.start(0, tls.serverContext());

        reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create()
                .secure(spec -> spec.sslContext(sslContext()));
        sdk = new LogsQueryClientBuilder()
                .endpoint(httpsApi.baseUrl() + "/v1")
                .credential(request -> Mono.just(new AccessToken(emulator.token(), OffsetDateTime.now().plusMinutes(30))))
                .httpClient(new NettyAsyncHttpClientBuilder(netty).build())
                .buildClient();
    }

    private static io.netty.handler.ssl.SslContext sslContext() {
        try {
            return SslContextBuilder.forClient().trustManager(tls.certificate()).build();
        } catch (javax.net.ssl.SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        httpsApi.close();
        emulator.close();
    }

    @Test
    void theSdkReadsEveryTypeToTheComponentsValues() throws Exception {
        LogsQueryResult result = sdk.queryWorkspace(SampleWorkspace.ID, WideTable.NAME, QueryTimeInterval.ALL);

        List<List<Object>> sdkRows = new ArrayList<>();
        for (LogsTableRow row : result.getTable().getRows()) {
            List<Object> values = new ArrayList<>();
            for (LogsTableCell cell : row.getRow()) {
                values.add(Contenders.sdkValue(cell));
            }
            sdkRows.add(values);
        }
        assertEquals(ROWS, sdkRows.size());
        // the SDK 1.5.2 never fills LogsTable.getColumns() (no LogsTableColumn is ever built): each cell knows its own
        assertEquals(WideTable.COLUMNS.stream().map(c -> c.type().kqlName()).toList(),
                result.getTable().getRows().get(0).getRow().stream().map(c -> c.getColumnType().toString()).toList());
        assertEquals(WideTable.COLUMNS.stream().map(c -> c.name()).toList(),
                result.getTable().getRows().get(0).getRow().stream().map(LogsTableCell::getColumnName).toList());
        assertEquals(componentRows(WideTable.NAME), sdkRows);

        LoggedRequest request = httpsApi.requestLog().last();
        assertEquals("POST", request.method());
        assertEquals("/v1/workspaces/" + SampleWorkspace.ID + "/query", request.path());
        assertEquals(200, request.status());
    }

    @Test
    void theSdkReadsTheSampleTables() throws Exception {
        for (String table : List.of("Heartbeat", "AzureActivity", "AppRequests")) {
            String query = table + " | take 50";
            LogsQueryResult result = sdk.queryWorkspace(SampleWorkspace.ID, query, QueryTimeInterval.ALL);
            List<List<Object>> sdkRows = new ArrayList<>();
            for (LogsTableRow row : result.getTable().getRows()) {
                sdkRows.add(row.getRow().stream().map(Contenders::sdkValue).toList());
            }
            assertFalse(sdkRows.isEmpty(), table);
            assertEquals(componentRows(query), sdkRows, table);
        }
    }

    @Test
    void theSdkSeesTheServicesErrorAsAnHttpResponseException() {
        com.azure.core.exception.HttpResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                com.azure.core.exception.HttpResponseException.class,
                () -> sdk.queryWorkspace(SampleWorkspace.ID, "Heartbeat | wher x", QueryTimeInterval.ALL));
        assertEquals(400, e.getResponse().getStatusCode());
        assertTrue(e.getMessage().contains("BadArgumentError"), e.getMessage());
    }

    /** The same query through the component, over the same HTTPS, as rows of values in column order. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> componentRows(String query) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setTrustManager(tls.trustManagers().getTrustManagers()[0]);
            SSLContextParameters ssl = new SSLContextParameters();
            ssl.setTrustManagers(trust);
            camel.getRegistry().bind("tls", ssl);
            camel.start();
            List<Map<String, Object>> rows = camel.createProducerTemplate().requestBodyAndHeader(
                    "loganalytics:" + SampleWorkspace.ID + "?host=" + httpsApi.baseUrl()
                    + "&sslContextParameters=#tls&accessToken=RAW(" + emulator.token() + ")",
                    null, "CamelLogAnalyticsQuery", query, List.class);
            return rows.stream().map(row -> (List<Object>) new ArrayList<Object>(row.values())).toList();
        }
    }
}
