package io.github.camelloganalytics.testkit.generate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What generated records describe: the workspace they belong to, the machines and resources they come from, and the
 * window they spread over (the days before the emulator's clock).
 *
 * @param seed           the seed: the same seed, clock and workspace give the same records
 * @param now            the emulator's clock when the records are made; no record is ingested after it
 * @param history        how far back records go
 * @param workspaceId    the workspace id, written to {@code TenantId}
 * @param subscriptionId the subscription of every resource
 * @param resourceGroup  the resource group of the machines
 */
public record GenerationContext(long seed, Instant now, Duration history, String workspaceId, String subscriptionId,
        String resourceGroup) {

    /** The machines of the sample estate: name, OS, private IP. */
    public static final List<Machine> MACHINES = List.of(
            new Machine("vm-web-01", "Linux", "Ubuntu", "22", "10.0.0.4", "rg-web"),
            new Machine("vm-web-02", "Linux", "Ubuntu", "22", "10.0.0.5", "rg-web"),
            new Machine("vm-sql-01", "Windows", "Windows Server", "10", "10.0.1.4", "rg-data"),
            new Machine("vm-batch-01", "Linux", "RHEL", "9", "10.0.2.7", "rg-batch"));

    /** The Entra ID tenant sign-ins and audit records name (the emulator's sample tenant). */
    public static final String TENANT = "5c6e1a2b-3d4f-4a5b-8c7d-9e0f1a2b3c4d";

    /** @return the oldest moment a record may carry */
    public Instant from() {
        return now.minus(history);
    }

    /**
     * @param  m a machine
     * @return   its Azure resource id in this context's subscription
     */
    public String resourceId(Machine m) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + m.resourceGroup()
               + "/providers/Microsoft.Compute/virtualMachines/" + m.name();
    }

    /**
     * @param  provider e.g. {@code Microsoft.Web/sites}
     * @param  group    the resource group
     * @param  name     the resource name
     * @return          the resource id
     */
    public String resourceId(String provider, String group, String name) {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + group + "/providers/" + provider + "/" + name;
    }

    /**
     * A machine reporting to the workspace.
     *
     * @param name          computer name
     * @param osType        Linux or Windows
     * @param osName        distribution or edition
     * @param osMajor       major version
     * @param ip            private IP address
     * @param resourceGroup its resource group
     */
    public record Machine(String name, String osType, String osName, String osMajor, String ip, String resourceGroup) {
        /** @return true for a Windows machine */
        public boolean windows() {
            return osType.equals("Windows");
        }
    }
}
