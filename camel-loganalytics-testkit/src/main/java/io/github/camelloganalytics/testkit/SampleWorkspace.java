package io.github.camelloganalytics.testkit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.camelloganalytics.testkit.data.SampleData;
import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.generate.ClassicTables;
import io.github.camelloganalytics.testkit.generate.GenerationContext;
import io.github.camelloganalytics.testkit.generate.StandardData;
import io.github.camelloganalytics.testkit.schema.ClassicAppInsightsTables;
import io.github.camelloganalytics.testkit.schema.ClassicAppInsightsTables.ClassicTable;
import io.github.camelloganalytics.testkit.schema.StandardTables;
import io.github.camelloganalytics.testkit.schema.TableSchema;

/**
 * The sample workspace every emulator starts with, reachable on all three doors: every standard table
 * ({@link StandardTables}) with seeded, realistic records over the seven days before the emulator's clock (see
 * {@link StandardData}); in Heartbeat, AzureActivity and AppRequests the last 24 hours are exactly the bundled
 * {@link SampleData} records, with the standard columns filled in, and the six days before them generated records.
 * Beside them the classic Application Insights tables ({@link ClassicAppInsightsTables}: {@code requests},
 * {@code dependencies}, {@code exceptions}, {@code pageViews}, {@code traces}, {@code customEvents},
 * {@code availabilityResults}) hold the records of their workspace-based tables in the classic columns.
 *
 * <p>
 * Tables are filled on first read, so an emulator starts without generating anything; the records are anchored at the
 * clock's instant when the first table is read.
 */
public final class SampleWorkspace {

    /** The sample workspace's id (direct door). */
    public static final String ID = "b9e3c1a4-2f6d-4c8e-9a7b-5d1e3f2a4c6b";
    /** Its subscription (ARM door); the sample AzureActivity records name the same one. */
    public static final String SUBSCRIPTION_ID = "6f2b1c3d-4e5a-4b6c-8d7e-9f0a1b2c3d4e";
    /** Its resource group (ARM door). */
    public static final String RESOURCE_GROUP = "rg-monitoring";
    /** Its name (ARM door). */
    public static final String NAME = "law-sample";
    /** A virtual machine whose logs the sample workspace holds, for resource-centric queries. */
    public static final String VM_RESOURCE_ID = "/subscriptions/" + SUBSCRIPTION_ID
                                                + "/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01";

    private SampleWorkspace() {
    }

    /**
     * @param  now the instant the sample records' newest moment maps to
     * @return     a fresh sample workspace, granting nobody yet
     */
    public static Workspace create(Instant now) {
        return create(Clock.fixed(now, java.time.ZoneOffset.UTC), StandardData.DEFAULT_SEED);
    }

    /**
     * @param  clock the emulator's clock; the records end at its instant when the first table is read
     * @param  seed  the generator's seed: the same seed and instant give the same records
     * @return       a fresh sample workspace, granting nobody yet
     */
    public static Workspace create(Clock clock, long seed) {
        Workspace ws = new Workspace(ID, SUBSCRIPTION_ID, RESOURCE_GROUP, NAME);
        Anchor anchor = new Anchor(clock);
        List<TableSchema> schemas = new ArrayList<>();
        for (String name : SampleData.TABLES) { // first, as they always were: a 204 check reads the first table only
            schemas.add(StandardTables.get(name).plus(SampleData.columns(name)));
        }
        for (TableSchema s : StandardTables.all()) {
            if (!SampleData.TABLES.contains(s.name())) {
                schemas.add(s);
            }
        }
        for (TableSchema schema : schemas) {
            boolean bundled = SampleData.TABLES.contains(schema.name());
            ws.addTable(Table.lazy(schema.name(), schema.columns(), table -> {
                GenerationContext ctx = new GenerationContext(seed, anchor.get(), StandardData.DEFAULT_HISTORY, ID,
                        SUBSCRIPTION_ID, RESOURCE_GROUP);
                if (bundled) { // the last day: exactly the records tests have always counted on (372, 80, 160)
                    StandardData.fillSampleAndHistory(table, schema, ctx);
                } else {
                    StandardData.fill(table, schema, ctx, ctx.now());
                }
            }));
        }
        for (ClassicTable classic : ClassicAppInsightsTables.all()) {
            ws.addTable(Table.lazy(classic.schema().name(), classic.schema().columns(), table -> ClassicTables.fill(
                    table, classic, ws.table(classic.workspaceTable()).orElseThrow(), seed)));
        }
        ws.attachResource(VM_RESOURCE_ID);
        return ws;
    }

    /** The instant all tables of one workspace are anchored at: the clock's, when the first of them is read. */
    private static final class Anchor {
        private final Clock clock;
        private Instant instant;

        Anchor(Clock clock) {
            this.clock = clock;
        }

        synchronized Instant get() {
            if (instant == null) {
                instant = clock.instant();
            }
            return instant;
        }
    }
}
