package io.github.camelloganalytics.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelloganalytics.testkit.data.Column;
import io.github.camelloganalytics.testkit.data.Table;
import io.github.camelloganalytics.testkit.load.TableLoader;
import io.github.camelloganalytics.testkit.schema.StandardTables;
import io.github.camelloganalytics.testkit.schema.TableSchema;

/**
 * A Log Analytics workspace of the emulator: its identity on each door (direct id, ARM subscription/resource
 * group/name, resource id), its tables, who may read it, and whether its direct API refuses client-credentials
 * tokens.
 *
 * <p>
 * Thread-safe; a test may change it while the emulator serves queries.
 */
public final class Workspace {

    private final String id;
    private volatile String subscriptionId;
    private volatile String resourceGroup;
    private volatile String name;
    private final Map<String, Table> tables = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Set<String> grants = ConcurrentHashMap.newKeySet();
    private final Set<String> attachedResources = ConcurrentHashMap.newKeySet();
    private volatile boolean refuseClientCredentialsOnDirectApi;

    /**
     * @param id             the workspace id (a GUID on the direct API)
     * @param subscriptionId the subscription it lives in (ARM door)
     * @param resourceGroup  its resource group (ARM door)
     * @param name           its name (ARM door)
     */
    public Workspace(String id, String subscriptionId, String resourceGroup, String name) {
        this.id = Objects.requireNonNull(id, "id");
        this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
        this.resourceGroup = Objects.requireNonNull(resourceGroup, "resourceGroup");
        this.name = Objects.requireNonNull(name, "name");
    }

    /** @return the workspace id, as in {@code /v1/workspaces/{id}/query} */
    public String id() {
        return id;
    }

    /** @return the ARM subscription id */
    public String subscriptionId() {
        return subscriptionId;
    }

    /** @return the ARM resource group */
    public String resourceGroup() {
        return resourceGroup;
    }

    /** @return the ARM workspace name */
    public String name() {
        return name;
    }

    /**
     * Moves the workspace on the ARM door.
     *
     * @param  subscriptionId the subscription id
     * @param  resourceGroup  the resource group
     * @param  name           the workspace name
     * @return                this workspace
     */
    public Workspace armIdentity(String subscriptionId, String resourceGroup, String name) {
        this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
        this.resourceGroup = Objects.requireNonNull(resourceGroup, "resourceGroup");
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * @return the ARM resource id,
     *         {@code /subscriptions/{s}/resourceGroups/{g}/providers/Microsoft.OperationalInsights/workspaces/{n}}
     */
    public String resourceId() {
        return "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup
               + "/providers/Microsoft.OperationalInsights/workspaces/" + name;
    }

    /**
     * Creates (or replaces) a table.
     *
     * @param  tableName the table name
     * @param  columns   its columns
     * @return           the new, empty table
     */
    public Table createTable(String tableName, Column... columns) {
        return createTable(tableName, Arrays.asList(columns));
    }

    /**
     * Creates (or replaces) a table.
     *
     * @param  tableName the table name
     * @param  columns   its columns
     * @return           the new, empty table
     */
    public Table createTable(String tableName, List<Column> columns) {
        Table t = new Table(tableName, columns);
        tables.put(tableName, t);
        return t;
    }

    /**
     * Creates (or replaces) a table of a schema, e.g. a custom {@code _CL} table's.
     *
     * @param  schema the table's name and columns
     * @return        the new, empty table
     */
    public Table createTable(TableSchema schema) {
        return createTable(schema.name(), schema.columns());
    }

    /**
     * Creates (or replaces) an empty standard table, with the columns Microsoft's table reference documents.
     *
     * @param  tableName a standard table's name, e.g. {@code Syslog} (see {@link StandardTables#names()})
     * @return           the new, empty table
     * @throws IllegalArgumentException when the name is not a standard table's
     */
    public Table createStandardTable(String tableName) {
        return createTable(StandardTables.get(tableName));
    }

    /**
     * Loads a data file, or every data file of a directory, each into a table named after it ({@code Orders_CL.csv}
     * is table {@code Orders_CL}), replacing a table of that name. See {@link TableLoader} for the formats (a query
     * API response saved as {@code .json}, {@code .ndjson}, {@code .csv}) and the optional schema files.
     *
     * @param  fileOrDir a data file or a directory
     * @return           the tables loaded
     */
    public List<Table> load(java.nio.file.Path fileOrDir) {
        List<Table> loaded = java.nio.file.Files.isDirectory(fileOrDir) ? TableLoader.loadDirectory(fileOrDir)
                : List.of(TableLoader.load(fileOrDir));
        loaded.forEach(this::addTable);
        return loaded;
    }

    /**
     * Adds an existing table (e.g. one of the sample tables) to this workspace.
     *
     * @param  table the table
     * @return       this workspace
     */
    public Workspace addTable(Table table) {
        tables.put(table.name(), table);
        return this;
    }

    /**
     * @param  tableName a table name (KQL names are case-sensitive)
     * @return           the table, if the workspace has one of that name
     */
    public Optional<Table> table(String tableName) {
        return Optional.ofNullable(tables.get(tableName));
    }

    /**
     * The names of the tables, without reading them: a lazily generated table stays ungenerated.
     *
     * @return the table names, in creation order (a snapshot)
     */
    public List<String> tableNames() {
        synchronized (tables) {
            return new ArrayList<>(tables.keySet());
        }
    }

    /** @return the tables, in creation order (a snapshot) */
    public List<Table> tables() {
        synchronized (tables) {
            return new ArrayList<>(tables.values());
        }
    }

    /**
     * @param  tableName the table to drop
     * @return           this workspace
     */
    public Workspace dropTable(String tableName) {
        tables.remove(tableName);
        return this;
    }

    /** @return true when no table holds a record: the service then answers any query with 204 No Content */
    public boolean hasNoData() {
        return tables().stream().allMatch(t -> t.size() == 0);
    }

    /**
     * Grants a principal read access (the role assignment the service checks).
     *
     * @param  principalId a client (application) id, or the object id of a user or service principal
     * @return             this workspace
     */
    public Workspace grant(String principalId) {
        grants.add(principalId.toLowerCase(Locale.ROOT));
        return this;
    }

    /**
     * Withdraws a grant; the principal's next query is answered 403 {@code InsufficientAccessError}.
     *
     * @param  principalId a principal granted earlier
     * @return             this workspace
     */
    public Workspace revoke(String principalId) {
        grants.remove(principalId.toLowerCase(Locale.ROOT));
        return this;
    }

    /**
     * @param  clientId the token's client id
     * @param  subject  the token's object id
     * @return          true when either was granted
     */
    public boolean hasAccess(String clientId, String subject) {
        return clientId != null && grants.contains(clientId.toLowerCase(Locale.ROOT))
               || subject != null && grants.contains(subject.toLowerCase(Locale.ROOT));
    }

    /**
     * Makes the direct API refuse client-credentials (app-only) tokens with 403 {@code UnauthorizedClient}, as the
     * service does for service principals without a direct-API permission; the ARM door still accepts them.
     *
     * @param  refuse true to refuse
     * @return        this workspace
     */
    public Workspace refuseClientCredentialsOnDirectApi(boolean refuse) {
        this.refuseClientCredentialsOnDirectApi = refuse;
        return this;
    }

    /** @return whether the direct API refuses client-credentials tokens */
    public boolean refusesClientCredentialsOnDirectApi() {
        return refuseClientCredentialsOnDirectApi;
    }

    /**
     * Attaches an Azure resource whose logs this workspace holds, so a resource-centric query
     * ({@code /v1{resourceId}/query}) reaches it; such a query sees only records whose {@code _ResourceId} is that
     * resource.
     *
     * @param  resourceId the resource id, starting {@code /subscriptions/}
     * @return            this workspace
     */
    public Workspace attachResource(String resourceId) {
        attachedResources.add(resourceId.toLowerCase(Locale.ROOT));
        return this;
    }

    /**
     * @param  resourceId a resource id
     * @return            true when it was attached
     */
    public boolean holdsResource(String resourceId) {
        return attachedResources.contains(resourceId.toLowerCase(Locale.ROOT));
    }
}
