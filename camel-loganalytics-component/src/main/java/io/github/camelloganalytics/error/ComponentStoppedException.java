package io.github.camelloganalytics.error;

/**
 * The query was not sent: the {@code loganalytics} component (or the CamelContext it belongs to) is stopped, or
 * stopped while the query was running, and has no connections to send it on.
 * <p>
 * What to do: start the CamelContext (or the component) again; an endpoint, producer or template kept from before
 * the stop works again once it is. An endpoint of a CamelContext that was replaced by a new one belongs to the old
 * one: look it up again in the running context.
 */
public class ComponentStoppedException extends LogAnalyticsException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for one catalog entry; {@link ErrorCatalog} does this for you.
     *
     * @param details what happened; not null
     * @param entry   the catalog entry that matched; not null
     * @param cause   the underlying cause, or null
     */
    public ComponentStoppedException(ErrorDetails details, ErrorCatalog.Entry entry, Throwable cause) {
        super(details, entry, cause);
    }
}
