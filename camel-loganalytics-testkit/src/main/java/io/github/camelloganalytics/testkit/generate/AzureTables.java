package io.github.camelloganalytics.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Records Azure itself writes: the activity log, platform metrics, resource logs, usage and query audit. */
final class AzureTables {

    private AzureTables() {
    }

    private record Operation(String name, String provider, String group, String resource, double failureRate) {
    }

    private static final List<Operation> OPERATIONS = List.of(
            new Operation("MICROSOFT.COMPUTE/VIRTUALMACHINES/START/ACTION", "Microsoft.Compute/virtualMachines", "rg-batch", "vm-batch-01", 0.05),
            new Operation("MICROSOFT.COMPUTE/VIRTUALMACHINES/DEALLOCATE/ACTION", "Microsoft.Compute/virtualMachines", "rg-batch", "vm-batch-01", 0.02),
            new Operation("MICROSOFT.RESOURCES/DEPLOYMENTS/WRITE", "Microsoft.Resources/deployments", "rg-web", "shop-release", 0.15),
            new Operation("MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION", "Microsoft.Storage/storageAccounts", "rg-data", "stshopdata", 0.0),
            new Operation("MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/WRITE", "Microsoft.Network/networkSecurityGroups", "rg-web", "nsg-web", 0.1),
            new Operation("MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE", "Microsoft.Authorization/roleAssignments", "rg-data", "ra-" + "reader", 0.2));

    /**
     * Administrative operations a few times a day, each a Started record followed by Succeeded or Failed with the
     * same {@code CorrelationId}, within hours counted back from where the records end (never in an hour's
     * first two minutes, so that a timespan of whole days before the clock never cuts one off by the few seconds
     * between the clock and a query); and every day vm-batch-01's deallocation before its three-hour gap in Heartbeat
     * and its start after it.
     */
    static void azureActivity(Emitter out, Rand rand) {
        Duration slot = Duration.ofHours(1);
        long slots = Duration.between(out.from(), out.until()).dividedBy(slot);
        for (long k = slots; k >= 1; k--) {
            Instant t = out.until().minus(slot.multipliedBy(k));
            for (int i = 0; i < 4; i++) {
                if (!rand.chance(0.35 * Rand.load(t) + 0.1)) {
                    continue;
                }
                Operation op = rand.pick(OPERATIONS);
                Instant start = t.plus(Duration.ofMinutes(2)).plus(rand.jitter(Duration.ofMinutes(50)));
                activity(out, rand, op, start, rand.chance(op.failureRate()), op.name().contains("DEPLOYMENTS")
                        ? "deploy-pipeline@contoso.com" : rand.pick("alice@contoso.com", "bob@contoso.com"));
            }
        }
        Instant now = out.ctx().now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int day = 0; day <= out.ctx().history().toDays(); day++) {
            Instant gap = now.minus(Duration.ofDays(day)).minus(Duration.ofHours(13));
            activity(out, rand, OPERATIONS.get(1), gap.minus(Duration.ofMinutes(6)), false, "batch-scheduler@contoso.com");
            activity(out, rand, OPERATIONS.get(0), gap.plus(Duration.ofHours(3)).minus(Duration.ofMinutes(8)), false,
                    "batch-scheduler@contoso.com");
        }
    }

    private static void activity(Emitter out, Rand rand, Operation op, Instant start, boolean failed, String caller) {
        String resourceId = out.ctx().resourceId(op.provider(), op.group(), op.resource());
        String correlation = rand.uuid().toString();
        for (int phase = 0; phase < 2; phase++) {
            String status = phase == 0 ? "Started" : failed ? "Failed" : "Succeeded";
            Instant at = phase == 0 ? start : start.plusSeconds(rand.between(5, 240));
            out.emit(out.row().set("OperationNameValue", op.name()).set("OperationName", op.name())
                    .set("CategoryValue", "Administrative").set("Category", "Administrative")
                    .set("Level", failed && phase == 1 ? "Error" : "Informational")
                    .set("ActivityStatusValue", status).set("ActivityStatus", status)
                    .set("ActivitySubstatusValue", phase == 1 && !failed ? "OK" : "")
                    .set("Caller", caller).set("CallerIpAddress", rand.publicIp()).set("CorrelationId", correlation)
                    .set("EventDataId", rand.uuid().toString()).set("OperationId", rand.uuid().toString())
                    .set("ResourceGroup", op.group()).set("Resource", op.resource())
                    .set("ResourceProvider", op.provider().substring(0, op.provider().indexOf('/')))
                    .set("ResourceProviderValue", op.provider().substring(0, op.provider().indexOf('/')).toUpperCase())
                    .set("ResourceId", resourceId).set("SubscriptionId", out.ctx().subscriptionId())
                    .set("EventSubmissionTimestamp", at.plusMillis(300)).set("Hierarchy", "contoso/" + out.ctx().subscriptionId())
                    .set("Properties_d", Json.object("eventCategory", "Administrative", "entity", resourceId, "message", op.name(),
                            "hierarchy", "contoso/" + out.ctx().subscriptionId(), "statusCode", failed && phase == 1 ? "Conflict" : "OK"))
                    .set("Properties", "{\"eventCategory\":\"Administrative\",\"message\":\"" + op.name() + "\"}")
                    .set("Authorization_d", Json.object("action", op.name(), "scope", resourceId))
                    .set("Claims_d", Json.object("name", caller))
                    .set("SourceSystem", "Azure"),
                    at, resourceId);
        }
    }

    /** Platform metrics of the SQL database and the storage account every 15 minutes. */
    static void azureMetrics(Emitter out, Rand rand) {
        String db = out.ctx().resourceId("Microsoft.Sql/servers", "rg-data", "sql-orders/databases/ordersdb");
        String storage = out.ctx().resourceId("Microsoft.Storage/storageAccounts", "rg-data", "stshopdata");
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofMinutes(15)); t.isBefore(out.until()); t = t.plus(Duration.ofMinutes(15))) {
            double load = Rand.load(t);
            metric(out, rand, db, "cpu_percent", "Percent", 10 + 60 * load * rand.real(0.5, 1.2), t, "MICROSOFT.SQL", "SERVERS/DATABASES");
            metric(out, rand, db, "dtu_consumption_percent", "Percent", 8 + 55 * load * rand.real(0.5, 1.2), t, "MICROSOFT.SQL", "SERVERS/DATABASES");
            metric(out, rand, storage, "Transactions", "Count", Math.round(400 * load * rand.real(0.6, 1.4)), t, "MICROSOFT.STORAGE", "STORAGEACCOUNTS");
            metric(out, rand, storage, "UsedCapacity", "Bytes", 5.3e10 + t.getEpochSecond() % 86400 * 1000.0, t, "MICROSOFT.STORAGE", "STORAGEACCOUNTS");
        }
    }

    private static void metric(Emitter out, Rand rand, String resourceId, String name, String unit, double value, Instant t,
                               String provider, String type) {
        double v = Math.round(value * 100) / 100.0;
        out.emit(out.row().set("MetricName", name).set("UnitName", unit).set("Average", v).set("Minimum", v * 0.8)
                .set("Maximum", v * 1.25).set("Total", v * 15).set("Count", 15.0).set("TimeGrain", "PT1M")
                .set("ResourceId", resourceId.toUpperCase()).set("ResourceProvider", provider).set("ResourceGroup", "RG-DATA")
                .set("Resource", resourceId.substring(resourceId.lastIndexOf('/') + 1).toUpperCase())
                .set("SubscriptionId", out.ctx().subscriptionId()).set("_ResourceId", resourceId.toLowerCase())
                .set("SourceSystem", "Azure"), t.plus(rand.jitter(Duration.ofSeconds(20))), resourceId.toLowerCase());
    }

    /** Key Vault audit events and Application Gateway access in the shared diagnostics table. */
    static void azureDiagnostics(Emitter out, Rand rand) {
        String vault = out.ctx().resourceId("Microsoft.KeyVault/vaults", "rg-data", "kv-shop");
        String gateway = out.ctx().resourceId("Microsoft.Network/applicationGateways", "rg-web", "agw-shop");
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            int n = (int) Math.round(6 * Rand.load(t));
            for (int i = 0; i < n; i++) {
                Instant at = t.plus(rand.jitter(Duration.ofHours(1)));
                if (rand.chance(0.5)) {
                    boolean denied = rand.chance(0.05);
                    out.emit(out.row().set("ResourceProvider", "MICROSOFT.KEYVAULT").set("ResourceType", "VAULTS")
                            .set("Resource", "KV-SHOP").set("ResourceGroup", "RG-DATA").set("SubscriptionId", out.ctx().subscriptionId())
                            .set("Category", "AuditEvent").set("OperationName", rand.pick("SecretGet", "SecretList", "KeySign"))
                            .set("ResultType", denied ? "Unauthorized" : "Success").set("ResultSignature", denied ? "Forbidden" : "OK")
                            .set("httpStatusCode_d", denied ? 403.0 : 200.0).set("CallerIPAddress", "10.0.0." + rand.between(4, 5))
                            .set("DurationMs", (long) rand.between(2, 60)).set("id_s", "https://kv-shop.vault.azure.net/secrets/sql-password")
                            .set("CorrelationId", rand.uuid().toString()).set("identity_claim_appid_g", rand.uuid())
                            .set("SourceSystem", "Azure"), at, vault);
                } else {
                    int status = rand.chance(0.95) ? 200 : rand.pick(404, 502);
                    out.emit(out.row().set("ResourceProvider", "MICROSOFT.NETWORK").set("ResourceType", "APPLICATIONGATEWAYS")
                            .set("Resource", "AGW-SHOP").set("ResourceGroup", "RG-WEB").set("SubscriptionId", out.ctx().subscriptionId())
                            .set("Category", "ApplicationGatewayAccessLog").set("OperationName", "ApplicationGatewayAccess")
                            .set("clientIP_s", rand.publicIp()).set("httpMethod_s", rand.pick("GET", "GET", "POST"))
                            .set("requestUri_s", rand.pick("/api/orders", "/", "/api/customers")).set("httpStatus_d", (double) status)
                            .set("timeTaken_d", Math.round(rand.logNormal(0.05, 0.7) * 1000) / 1000.0).set("host_s", "shop.contoso.com")
                            .set("SourceSystem", "Azure"), at, gateway);
                }
            }
        }
    }

    /** Reads and writes on the shop's blob storage, some throttled or not found. */
    static void storageBlobLogs(Emitter out, Rand rand) {
        String account = out.ctx().resourceId("Microsoft.Storage/storageAccounts", "rg-data", "stshopdata");
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            int n = (int) Math.round(8 * Rand.load(t));
            for (int i = 0; i < n; i++) {
                String op = rand.pick("GetBlob", "GetBlob", "PutBlob", "ListBlobs", "DeleteBlob");
                int status = rand.chance(0.93) ? (op.equals("PutBlob") ? 201 : op.equals("DeleteBlob") ? 202 : 200) : rand.pick(404, 503, 403);
                out.emit(out.row().set("AccountName", "stshopdata").set("OperationName", op).set("StatusCode", String.valueOf(status))
                        .set("StatusText", status < 300 ? "Success" : status == 404 ? "BlobNotFound" : status == 503 ? "ServerBusy" : "AuthorizationFailure")
                        .set("Category", op.startsWith("Get") || op.startsWith("List") ? "StorageRead" : op.startsWith("Put") ? "StorageWrite" : "StorageDelete")
                        .set("Uri", "https://stshopdata.blob.core.windows.net:443/exports/orders-" + rand.between(1, 400) + ".csv")
                        .set("CallerIpAddress", "10.0.2.7:" + rand.between(40000, 60000)).set("AuthenticationType", "OAuth")
                        .set("DurationMs", (double) rand.between(3, 90)).set("ServerLatencyMs", (double) rand.between(2, 40))
                        .set("ResponseBodySize", (long) rand.logNormal(20000, 1)).set("Protocol", "HTTPS").set("ServiceType", "blob")
                        .set("CorrelationId", rand.uuid().toString()).set("Location", "westeurope").set("SourceSystem", "Azure"),
                        t.plus(rand.jitter(Duration.ofHours(1))), account);
            }
        }
    }

    /** Calls through the API Management gateway, with backend failures and slow responses. */
    static void apiManagementGatewayLogs(Emitter out, Rand rand) {
        String apim = out.ctx().resourceId("Microsoft.ApiManagement/service", "rg-web", "apim-shop");
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            int n = (int) Math.round(10 * Rand.load(t));
            for (int i = 0; i < n; i++) {
                int status = rand.chance(0.94) ? 200 : rand.pick(401, 429, 500, 502);
                out.emit(out.row().set("ApiId", "orders").set("OperationId", rand.pick("list-orders", "get-order", "create-order"))
                        .set("Method", rand.pick("GET", "GET", "POST")).set("Url", "https://apim-shop.azure-api.net/orders/api/orders")
                        .set("ResponseCode", status).set("BackendResponseCode", status == 401 || status == 429 ? 0 : status)
                        .set("TotalTime", (long) rand.logNormal(80, 0.6)).set("BackendTime", (long) rand.logNormal(60, 0.6))
                        .set("CallerIpAddress", rand.publicIp()).set("IsRequestSuccess", status < 400)
                        .set("ProductId", "starter").set("Region", "West Europe").set("CorrelationId", rand.uuid().toString())
                        .set("Cache", "none").set("ApimSubscriptionId", "shop-frontend").set("BackendId", "orders-api")
                        .set("LastErrorReason", status >= 500 ? "BackendConnectionFailure" : "").set("SourceSystem", "Azure"),
                        t.plus(rand.jitter(Duration.ofHours(1))), apim);
            }
        }
    }

    /** Container logs of the AKS cluster's orders pods. */
    static void containerLogV2(Emitter out, Rand rand) {
        String aks = out.ctx().resourceId("Microsoft.ContainerService/managedClusters", "rg-web", "aks-shop");
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            int n = (int) Math.round(8 * Rand.load(t)) + 1;
            for (int i = 0; i < n; i++) {
                boolean err = rand.chance(0.06);
                String msg = err ? "ERROR [orders] Failed to publish OrderCreated: Connection refused (kafka-0.kafka:9092)"
                        : rand.pick("INFO [orders] Order created", "INFO [orders] GET /api/orders 200", "DEBUG [orders] cache hit");
                out.emit(out.row().set("Computer", "aks-nodepool1-31718369-vmss00000" + rand.between(0, 2))
                        .set("ContainerId", "a3f9" + rand.between(100000, 999999)).set("ContainerName", "orders-api")
                        .set("PodName", "orders-api-5c6b7-" + rand.pick("k8p2", "x9q4")).set("PodNamespace", "shop")
                        .set("LogMessage", Json.object("message", msg)).set("LogSource", err ? "stderr" : "stdout")
                        .set("LogLevel", err ? "error" : "info").set("KubernetesMetadata", Json.object("podLabels", Json.object("app", "orders-api")))
                        .set("SourceSystem", "Containers"),
                        t.plus(rand.jitter(Duration.ofHours(1))), aks);
            }
        }
    }

    /** The classic container log table of the same cluster. */
    static void containerLog(Emitter out, Rand rand) {
        String aks = out.ctx().resourceId("Microsoft.ContainerService/managedClusters", "rg-web", "aks-shop");
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            int n = (int) Math.round(4 * Rand.load(t)) + 1;
            for (int i = 0; i < n; i++) {
                boolean err = rand.chance(0.06);
                out.emit(out.row().set("Computer", "aks-nodepool1-31718369-vmss00000" + rand.between(0, 2))
                        .set("ContainerID", "b7e1" + rand.between(100000, 999999)).set("Image", "shop/gateway").set("ImageTag", "1.8.2")
                        .set("Name", "gateway").set("LogEntry", err ? "upstream timed out (110: Connection timed out)" : "GET / 200")
                        .set("LogEntrySource", err ? "stderr" : "stdout").set("Repository", "acrshop.azurecr.io")
                        .set("SourceSystem", "Containers"), t.plus(rand.jitter(Duration.ofHours(1))), aks);
            }
        }
    }

    /** Billable volume per table and hour, as the workspace's Usage table reports it. */
    static void usage(Emitter out, Rand rand) {
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            for (String[] dt : new String[][] { { "Heartbeat", "LogManagement" }, { "Perf", "LogManagement" },
                    { "AppRequests", "LogManagement" }, { "SecurityEvent", "Security" }, { "Syslog", "LogManagement" } }) {
                double mb = Math.round(rand.logNormal(dt[0].equals("Heartbeat") ? 0.05 : 0.4, 0.5) * Rand.load(t) * 10000) / 10000.0;
                out.emit(out.row().set("DataType", dt[0]).set("Solution", dt[1]).set("Quantity", mb).set("QuantityUnit", "MBytes")
                        .set("IsBillable", true).set("StartTime", t).set("EndTime", t.plus(Duration.ofHours(1)))
                        .set("MeterId", "a4e29a95-5b4c-408b-b737-c113f5c88e18").set("BatchesWithinSla", (long) rand.between(10, 60))
                        .set("BatchesOutsideSla", (long) (rand.chance(0.03) ? 1 : 0)).set("BatchesCapped", 0L)
                        .set("TotalBatches", (long) rand.between(10, 61)).set("AvgLatencyInSeconds", rand.real(20, 140))
                        .set("LinkedMeterId", "00000000-0000-0000-0000-000000000000").set("SourceSystem", "OMS")
                        .set("IsBillable", true), t.plus(Duration.ofMinutes(59)), null);
            }
        }
    }

    /** The workspace's own query audit: who ran which query, how long it took, how it ended. */
    static void laQueryLogs(Emitter out, Rand rand) {
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            int n = (int) Math.round(5 * Rand.load(t));
            for (int i = 0; i < n; i++) {
                String query = rand.pick("Heartbeat | summarize arg_max(TimeGenerated, *) by Computer",
                        "AppRequests | where Success == false | summarize count() by bin(TimeGenerated, 1h)",
                        "Perf | where CounterName == \"% Processor Time\" | summarize avg(CounterValue) by Computer",
                        "SigninLogs | where ResultType != \"0\" | take 100");
                boolean ok = rand.chance(0.97);
                out.emit(out.row().set("QueryText", query).set("AADEmail", rand.pick("alice@contoso.com", "bob@contoso.com", ""))
                        .set("AADClientId", rand.pick("95a5d94c-a1a0-40eb-ac6d-48c5bdee96d5", "3f5a7c9e-1b2d-4e6f-8a0b-2c4d6e8f0a1b"))
                        .set("AADObjectId", rand.uuid().toString()).set("RequestClientApp", rand.pick("AppAnalytics", "ASI_Portal", "camel-loganalytics"))
                        .set("ResponseCode", ok ? 200 : rand.pick(400, 429)).set("ResponseDurationMs", Math.round(rand.logNormal(400, 1)) * 1.0)
                        .set("ResponseRowCount", ok ? rand.between(1, 500) : 0).set("StatsCPUTimeMs", rand.logNormal(120, 1))
                        .set("StatsRegionCount", 1).set("StatsWorkspaceCount", 1).set("RequestTarget", out.ctx().workspaceId())
                        .set("RequestContext", Json.object("workspaces", Json.array(out.ctx().workspaceId())))
                        .set("IsWorkspaceInFailover", false), t.plus(rand.jitter(Duration.ofHours(1))), null);
            }
        }
    }

    /** Azure Virtual Desktop connections: each a Started then a Connected or Completed record. */
    static void wvdConnections(Emitter out, Rand rand) {
        String pool = out.ctx().resourceId("Microsoft.DesktopVirtualization/hostpools", "rg-avd", "hp-office");
        for (Instant t = AgentTables.aligned(out.from(), Duration.ofHours(1)); t.isBefore(out.until()); t = t.plus(Duration.ofHours(1))) {
            int n = (int) Math.round(4 * Rand.load(t) - 1);
            for (int i = 0; i < n; i++) {
                String correlation = rand.uuid().toString();
                String user = rand.pick("alice", "bob", "carol", "dave") + "@contoso.com";
                Instant at = t.plus(rand.jitter(Duration.ofHours(1)));
                for (String state : List.of("Started", "Connected", "Completed")) {
                    out.emit(out.row().set("CorrelationId", correlation).set("UserName", user).set("State", state)
                            .set("SessionHostName", "avd-host-" + rand.between(0, 3) + ".contoso.com").set("ClientOS", "Windows 11")
                            .set("ClientType", "com.microsoft.rdc.windows.msrdc.x64").set("ClientIPAddress", rand.publicIp())
                            .set("ConnectionType", "RAIL").set("ResourceAlias", "Desktop").set("Type", "WVDConnections")
                            .set("_ResourceId", pool), at = at.plusSeconds(state.equals("Completed") ? rand.between(600, 7200) : 3), pool);
                }
            }
        }
    }
}
