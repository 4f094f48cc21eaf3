package io.github.camelloganalytics.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelloganalytics.testkit.data.SampleData;
import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.data.TableRecord;
import io.github.camelloganalytics.testkit.schema.TableSchema;

/**
 * Generates realistic, seeded records for the standard tables: the same seed, clock and workspace give the same
 * records. Tables with a dedicated generator (Heartbeat, Perf, Syslog, Event, SecurityEvent, InsightsMetrics,
 * W3CIISLog, Update, the App* tables, FunctionAppLogs, AzureActivity, AzureMetrics, AzureDiagnostics, StorageBlobLogs,
 * ApiManagementGatewayLogs, ContainerLog, ContainerLogV2, Usage, LAQueryLogs, WVDConnections, SigninLogs, AuditLogs)
 * tell a consistent story of one small estate; every other standard table gets records filled after its column
 * names.
 */
public final class StandardData {

    /** How far back generated records go by default. */
    public static final Duration DEFAULT_HISTORY = Duration.ofDays(7);
    /** The seed used unless another is given. */
    public static final long DEFAULT_SEED = 18L;

    private static final Map<String, TableGenerator> GENERATORS = Map.ofEntries(
            Map.entry("Heartbeat", AgentTables::heartbeat),
            Map.entry("Perf", AgentTables::perf),
            Map.entry("Syslog", AgentTables::syslog),
            Map.entry("Event", AgentTables::event),
            Map.entry("SecurityEvent", AgentTables::securityEvent),
            Map.entry("InsightsMetrics", AgentTables::insightsMetrics),
            Map.entry("W3CIISLog", AgentTables::w3cIisLog),
            Map.entry("Update", AgentTables::update),
            Map.entry("AppRequests", AppTables::appRequests),
            Map.entry("AppDependencies", AppTables::appDependencies),
            Map.entry("AppExceptions", AppTables::appExceptions),
            Map.entry("AppTraces", AppTables::appTraces),
            Map.entry("AppPageViews", AppTables::appPageViews),
            Map.entry("AppAvailabilityResults", AppTables::appAvailabilityResults),
            Map.entry("FunctionAppLogs", AppTables::functionAppLogs),
            Map.entry("AzureActivity", AzureTables::azureActivity),
            Map.entry("AzureMetrics", AzureTables::azureMetrics),
            Map.entry("AzureDiagnostics", AzureTables::azureDiagnostics),
            Map.entry("StorageBlobLogs", AzureTables::storageBlobLogs),
            Map.entry("ApiManagementGatewayLogs", AzureTables::apiManagementGatewayLogs),
            Map.entry("ContainerLogV2", AzureTables::containerLogV2),
            Map.entry("ContainerLog", AzureTables::containerLog),
            Map.entry("Usage", AzureTables::usage),
            Map.entry("LAQueryLogs", AzureTables::laQueryLogs),
            Map.entry("WVDConnections", AzureTables::wvdConnections),
            Map.entry("SigninLogs", IdentityTables::signinLogs),
            Map.entry("AuditLogs", IdentityTables::auditLogs));

    private StandardData() {
    }

    /** @return the tables with a dedicated generator */
    public static List<String> dedicated() {
        return GENERATORS.keySet().stream().sorted().toList();
    }

    /**
     * Adds generated records to a table.
     *
     * @param table  the table to fill
     * @param schema its schema (the table's columns)
     * @param ctx    the workspace, seed, clock and history
     * @param until  records carry a {@code TimeGenerated} before this (the clock, or where other records begin)
     */
    public static void fill(Table table, TableSchema schema, GenerationContext ctx, Instant until) {
        Rand rand = new Rand(ctx.seed(), schema.name());
        Emitter out = new Emitter(ctx, schema, rand, until);
        GENERATORS.getOrDefault(schema.name(), new GenericTable(schema)).generate(out, rand);
        out.into(table);
    }

    /**
     * Where the bundled sample records' day begins: a day before the clock (to the second, as the records are
     * shifted). Generated records of the bundled tables end there.
     *
     * @param  ctx the generation context
     * @return     the clock's instant, truncated to the second, less a day
     */
    public static Instant bundledFrom(GenerationContext ctx) {
        return ctx.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofDays(1));
    }

    /**
     * Fills one of the bundled tables: the bundled records of the last day (see {@link #fillSample}), then generated
     * records of the days before it (see {@link #fill}, ending at {@link #bundledFrom}).
     *
     * @param table  a table named as one of {@link SampleData#TABLES}
     * @param schema its schema
     * @param ctx    the workspace, seed, clock and history
     */
    public static void fillSampleAndHistory(Table table, TableSchema schema, GenerationContext ctx) {
        fillSample(table, schema, ctx);
        fill(table, schema, ctx, bundledFrom(ctx));
    }

    /**
     * Adds the bundled sample records of a table (see {@link SampleData}), with the standard columns they lack
     * filled in, and returns the oldest {@code TimeGenerated} among them.
     *
     * @param  table  a table named as one of {@link SampleData#TABLES}
     * @param  schema its schema
     * @param  ctx    the workspace and clock
     * @return        the oldest time of the records added (where generated records of the table would end)
     */
    public static Instant fillSample(Table table, TableSchema schema, GenerationContext ctx) {
        SampleData.Records records = SampleData.records(schema.name(), schema.columns(), ctx.now());
        int tg = schema.indexOf(Table.TIME_GENERATED);
        int computer = schema.indexOf("Computer");
        Instant oldest = ctx.now();
        List<Object[]> rows = new java.util.ArrayList<>(records.rows().size());
        for (Object[] values : records.rows()) {
            RowBuilder row = new RowBuilder(schema);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    row.set(schema.columns().get(i).name(), values[i]);
                }
            }
            int os = schema.indexOf("OSType");
            if (os >= 0 && values[os] != null) { // as the agents report themselves
                row.set("SourceSystem", "Windows".equals(values[os]) ? "OpsManager" : "Linux");
            }
            Instant time = (Instant) values[tg];
            oldest = time.isBefore(oldest) ? time : oldest;
            String resourceId = null;
            if (computer >= 0) {
                String name = String.valueOf(values[computer]);
                resourceId = GenerationContext.MACHINES.stream().filter(m -> m.name().equals(name)).findFirst()
                        .map(ctx::resourceId).orElse(null);
            } else if (schema.name().startsWith("App")) {
                resourceId = ctx.resourceId("Microsoft.Insights/components", "rg-web", "appi-shop");
            }
            rows.add(row.build(ctx, time, resourceId));
        }
        List<TableRecord> added = table.addRows(rows);
        for (int i = 0; i < added.size(); i++) {
            added.get(i).ingestedAt(records.ingestion().get(i));
        }
        return oldest;
    }
}
