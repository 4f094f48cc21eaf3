package io.github.camelloganalytics.error;

import java.util.Locale;

/**
 * Renders the {@link ErrorCatalog} for the user documentation: the table in {@code docs/errors.md} between the
 * markers {@code <!-- catalog:begin -->} and {@code <!-- catalog:end -->} is this class's output, and a test fails
 * when the two differ.
 */
public final class ErrorCatalogDocs {

    /** The line that opens the generated section of {@code docs/errors.md}. */
    public static final String BEGIN_MARKER = "<!-- catalog:begin -->";
    /** The line that closes the generated section of {@code docs/errors.md}. */
    public static final String END_MARKER = "<!-- catalog:end -->";

    private static final String NONE = "\u2014";

    private ErrorCatalogDocs() {
    }

    /**
     * The catalog as a Markdown table, one line per {@link ErrorCatalog#entries() entry}, in catalog order, with the
     * columns Exception, HTTP status, code / inner code, retryable, cause and fix. Lines end with {@code \n}; the
     * last one too.
     *
     * @return the table
     */
    public static String renderMarkdownTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("| Exception | HTTP status | code / inner code | retryable | cause | fix |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (ErrorCatalog.Entry e : ErrorCatalog.entries()) {
            sb.append("| `").append(e.exceptionClass().getSimpleName()).append('`')
                    .append(" | ").append(status(e))
                    .append(" | ").append(codes(e))
                    .append(" | ").append(e.retryable() ? "yes" : "no")
                    .append(" | ").append(escape(e.cause()))
                    .append(" | ").append(escape(e.fix()))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String status(ErrorCatalog.Entry e) {
        switch (e.trigger()) {
            case RESPONSE:
                if (e.oauthError() != null) {
                    return "token endpoint";
                }
                return e.status() == 0 ? "any" : Integer.toString(e.status());
            case EMPTY_BODY:
                return e.status() + ", empty body";
            case PARTIAL_RESULT:
                return e.status() + ", `error` beside `tables`";
            case MALFORMED_BODY:
                return "any, body not of the documented shape";
            case RESPONSE_TOO_LARGE:
                return "200, body past `maxResponseSize`";
            case RESPONSE_TIMEOUT:
                return "none: client `responseTimeout`";
            case CONNECTION_FAILED:
                return "none: no connection, or it broke";
            case COMPONENT_STOPPED:
                return "none: the component is stopped";
            case TOKEN_UNAVAILABLE:
                return "none: the credential gave no token";
            case AUTHORITY_UNREACHABLE:
                return "none: no connection to the authority";
            case UNMATCHED:
                return "any other";
            default:
                throw new IllegalStateException(e.trigger().name().toLowerCase(Locale.ROOT));
        }
    }

    private static String codes(ErrorCatalog.Entry e) {
        if (e.oauthError() != null) {
            return "`error`: `" + e.oauthError() + "`" + (e.innerCode() != null ? " / `" + e.innerCode() + "`" : "");
        }
        if (e.code() != null) {
            return "`" + e.code() + "`" + (e.innerCode() != null ? " / `" + e.innerCode() + "`" : "");
        }
        return e.trigger() == ErrorCatalog.Trigger.RESPONSE ? "any" : NONE;
    }

    private static String escape(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
