package io.github.camelloganalytics.testkit;

import java.time.Instant;

import io.github.camelloganalytics.testkit.data.SampleData;
import io.github.camelloganalytics.testkit.data.Table;

/**
 * The sample workspace every emulator starts with: Heartbeat, AzureActivity and AppRequests records over the last
 * 24 hours (see {@link SampleData}), reachable on all three doors.
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
        Workspace ws = new Workspace(ID, SUBSCRIPTION_ID, RESOURCE_GROUP, NAME);
        for (Table t : SampleData.load(now)) {
            ws.addTable(t);
        }
        ws.attachResource(VM_RESOURCE_ID);
        return ws;
    }
}
