package io.github.camelloganalytics.error;

/**
 * The workspace named in the request is unknown to the service: error code {@code WorkspaceNotFoundError}
 * (usually with HTTP 404; matched on the code whatever the status).
 * <p>
 * What to do: verify the workspace GUID (the workspace's "Workspace ID", not its name) and, for cross-workspace
 * queries, the additional workspaces; check that the identity can see the workspace.
 */
public class WorkspaceNotFoundException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what the service said; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public WorkspaceNotFoundException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
