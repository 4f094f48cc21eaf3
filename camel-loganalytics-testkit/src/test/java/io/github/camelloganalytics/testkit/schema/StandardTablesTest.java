package io.github.camelloganalytics.testkit.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.ColumnType;

import org.junit.jupiter.api.Test;

/** The standard schemas as the table reference documents them, with their source recorded beside them. */
class StandardTablesTest {

    /** The tables the issue names as the most used in a public corpus of queries. */
    static final List<String> MOST_USED = List.of("AzureDiagnostics", "SecurityEvent", "AzureMetrics", "W3CIISLog",
            "ApiManagementGatewayLogs", "Perf", "Event", "AppRequests", "AppDependencies", "AppExceptions", "AppTraces",
            "Update", "Syslog", "AzureActivity", "InsightsMetrics", "Heartbeat", "WVDConnections", "Usage", "LAQueryLogs",
            "ContainerLog", "ContainerLogV2", "StorageBlobLogs", "FunctionAppLogs", "SigninLogs", "AuditLogs",
            "AppPageViews");

    @Test
    void atLeastFortyTablesIncludingEveryMostUsedOne() {
        assertTrue(StandardTables.names().size() >= 40, StandardTables.names().toString());
        assertTrue(StandardTables.names().containsAll(MOST_USED));
    }

    @Test
    void everyTableHasTheStandardColumns() {
        for (TableSchema s : StandardTables.all()) {
            assertEquals(ColumnType.STRING, type(s, "TenantId"), s.name());
            assertEquals(ColumnType.DATETIME, type(s, "TimeGenerated"), s.name());
            assertEquals(ColumnType.STRING, type(s, "Type"), s.name());
            assertEquals(ColumnType.STRING, type(s, "_ResourceId"), s.name());
            assertEquals(ColumnType.STRING, type(s, "_SubscriptionId"), s.name());
            assertEquals(ColumnType.REAL, type(s, "_BilledSize"), s.name());
            assertEquals(ColumnType.BOOL, type(s, "_IsBillable"), s.name());
        }
    }

    @Test
    void columnsAndTypesAreTheReferences() {
        // facts read off the reference pages
        assertEquals(ColumnType.REAL, type(StandardTables.get("Perf"), "CounterValue"));
        assertEquals(ColumnType.STRING, type(StandardTables.get("Heartbeat"), "OSMajorVersion"));
        assertEquals(ColumnType.DYNAMIC, type(StandardTables.get("Heartbeat"), "ComputerPrivateIPs"));
        assertEquals(ColumnType.INT, type(StandardTables.get("SecurityEvent"), "EventID"));
        assertEquals(ColumnType.BOOL, type(StandardTables.get("AppRequests"), "Success"));
        assertEquals(ColumnType.STRING, type(StandardTables.get("SigninLogs"), "ResultType"));
        assertEquals(ColumnType.DYNAMIC, type(StandardTables.get("AppExceptions"), "Details"));
        assertEquals(ColumnType.LONG, type(StandardTables.get("AzureDiagnostics"), "DurationMs"));
        assertEquals(ColumnType.DYNAMIC, type(StandardTables.get("AzureDiagnostics"), "AdditionalFields"));
        // the 31 columns the Heartbeat page lists, and TenantId, the standard column it leaves out
        assertEquals(32, StandardTables.get("Heartbeat").columns().size());
    }

    @Test
    void theDataFileNamesItsSource() throws Exception {
        JsonNode source;
        try (InputStream in = StandardTables.class.getResourceAsStream(StandardTables.RESOURCE)) {
            source = new ObjectMapper().readTree(in).get("source");
        }
        assertEquals("MicrosoftDocs/azure-reference-other", source.get("repository").asText());
        assertTrue(source.get("commit").asText().matches("[0-9a-f]{40}"));
        assertTrue(source.get("paths").asText().contains("azure-monitor-ref/tables/"));
    }

    @Test
    void anUnknownNameIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StandardTables.get("Heartbeats"));
        assertTrue(e.getMessage().contains("Heartbeats"), e.getMessage());
    }

    private static ColumnType type(TableSchema s, String column) {
        int i = s.indexOf(column);
        assertTrue(i >= 0, s.name() + " lacks " + column);
        Column c = s.columns().get(i);
        return c.type();
    }
}
