package io.github.camelloganalytics.examples;

import java.util.List;

/**
 * The ready {@code onException} handlers of docs/errors.md, one per exception class, in Java, XML and YAML DSL,
 * rendered from one list so that the three DSLs say the same thing.
 */
final class ErrorHandlerSnippets {

    static final String BEGIN = "<!-- handlers:begin -->";
    static final String END = "<!-- handlers:end -->";
    static final String PACKAGE = "io.github.camelloganalytics.error.";

    /**
     * One handler: the class it catches, what it logs, and how many redeliveries come first (retryable errors).
     */
    record Handler(String simpleName, String when, String message, int redeliveries) {

        String className() {
            return PACKAGE + simpleName;
        }

        String java() {
            StringBuilder out = new StringBuilder("onException(").append(simpleName).append(".class)\n");
            if (redeliveries > 0) {
                out.append("    .maximumRedeliveries(").append(redeliveries).append(").redeliveryDelay(1000)\n");
            }
            out.append("    .handled(true)\n");
            out.append("    .log(LoggingLevel.WARN, \"").append(message.replace("\"", "\\\"")).append("\");\n");
            return out.toString();
        }

        String xml() {
            StringBuilder out = new StringBuilder("<onException>\n");
            out.append("  <exception>").append(className()).append("</exception>\n");
            if (redeliveries > 0) {
                out.append("  <redeliveryPolicy maximumRedeliveries=\"").append(redeliveries)
                        .append("\" redeliveryDelay=\"1000\"/>\n");
            }
            out.append("  <handled><constant>true</constant></handled>\n");
            out.append("  <log loggingLevel=\"WARN\" message=\"").append(message.replace("\"", "&quot;"))
                    .append("\"/>\n");
            out.append("</onException>\n");
            return out.toString();
        }

        String yaml() {
            StringBuilder out = new StringBuilder("- routeConfiguration:\n    onException:\n      - onException:\n");
            String in = "          ";
            out.append(in).append("exception:\n").append(in).append("  - ").append(className()).append('\n');
            if (redeliveries > 0) {
                out.append(in).append("redeliveryPolicy:\n").append(in).append("  maximumRedeliveries: ")
                        .append(redeliveries).append('\n').append(in).append("  redeliveryDelay: 1000\n");
            }
            out.append(in).append("handled:\n").append(in).append("  constant: true\n");
            out.append(in).append("steps:\n").append(in).append("  - log:\n")
                    .append(in).append("      loggingLevel: WARN\n")
                    .append(in).append("      message: \"").append(message.replace("\"", "\\\"")).append("\"\n");
            return out.toString();
        }
    }

    static final List<Handler> HANDLERS = List.of(
            new Handler("QuerySyntaxException", "Thrown when the KQL does not parse.",
                    "Bad KQL: ${exception.serviceMessage} (request id ${exception.requestId})", 0),
            new Handler("QuerySemanticException", "Thrown when the KQL names a table, column or function the workspace lacks, or mixes types.",
                    "KQL refers to something the workspace does not have: ${exception.serviceMessage}", 0),
            new Handler("InvalidQueryException", "Thrown when the service refuses the request for another reason: the query, the timespan or the workspaces.",
                    "The service refused the request: ${exception.serviceMessage}", 0),
            new Handler("MissingAuthenticationException", "Thrown when no credentials reached the service.",
                    "No credentials were sent: ${exception.message}", 0),
            new Handler("InvalidTokenException", "Thrown when the token is malformed, expired or not trusted.",
                    "The token was refused: ${exception.serviceMessage}", 0),
            new Handler("InvalidTokenAudienceException", "Thrown when the token was issued for another API.",
                    "The token is for ${exception.tokenAudience}; this API accepts ${exception.allowedAudiences}", 0),
            new Handler("InvalidGrantException", "Thrown when the token endpoint refused a stale or reused code or refresh token.",
                    "The token endpoint refused the grant (AADSTS ${exception.aadstsCodes}): ${exception.serviceMessage}", 0),
            new Handler("AuthenticationException", "The parent of every authentication failure, the four above included.",
                    "Authentication failed: ${exception.message}", 0),
            new Handler("UnauthorizedClientException", "Thrown when the workspace refuses client credentials on the direct API.",
                    "This client may not use the direct API: ${exception.serviceMessage}", 0),
            new Handler("AccessDeniedException", "Thrown when the identity behind the token may not read the workspace.",
                    "Access denied: ${exception.serviceMessage} (request id ${exception.requestId})", 0),
            new Handler("PathNotFoundException", "Thrown when the URL is wrong (the host option, a proxy).",
                    "No such path, check the host option: ${exception.message}", 0),
            new Handler("WorkspaceNotFoundException", "Thrown when the workspace id (or an additional workspace) does not exist.",
                    "Unknown workspace: ${exception.serviceMessage}", 0),
            new Handler("EmptyResponseException", "Thrown when the service answers 200 with an empty body (a proxy dropped the JSON body or its Content-Type).",
                    "The service answered an empty 200 (request id ${exception.requestId})", 0),
            new Handler("NoDataException", "Thrown when the workspace holds no data (only with failOnNoData=true).",
                    "The workspace holds no data (request id ${exception.requestId})", 0),
            new Handler("PartialResultException", "Thrown when the result is incomplete (only with allowPartialErrors=false, the default).",
                    "Incomplete result, too large: ${exception.resultTooLarge}: ${exception.serviceMessage}", 0),
            new Handler("ThrottledException", "Thrown when the service answers 429, too many requests; each redelivery waits as Retry-After asks.",
                    "Still throttled after 3 redeliveries: ${exception.message}", 3),
            new Handler("ServiceUnavailableException", "Thrown when the service answers 500, 502 or 503, or cannot be reached; each redelivery of a 503 waits as Retry-After asks, when given.",
                    "Service still unavailable after 3 redeliveries: ${exception.message}", 3),
            new Handler("QueryTimeoutException", "Thrown when the query outran serverTimeout or responseTimeout.",
                    "Query still timing out after 1 redelivery: ${exception.message}", 1),
            new Handler("MalformedResponseException", "Thrown when a body is not the documented shape (truncated, not JSON).",
                    "The answer was not the documented shape: ${exception.message}", 0),
            new Handler("ResponseTooLargeException", "Thrown when a response body, decoded, is larger than maxResponseSize.",
                    "The answer was larger than maxResponseSize: ${exception.message}", 0),
            new Handler("ComponentStoppedException", "Thrown when the component or its CamelContext is stopped.",
                    "The loganalytics component is stopped: ${exception.message}", 0),
            new Handler("LogAnalyticsException", "The parent of them all: every failure of a query is one.",
                    "Log Analytics query failed: ${exception.message}", 0));

    private ErrorHandlerSnippets() {
    }

    /** The text between the markers of docs/errors.md. */
    static String render() {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        for (Handler h : HANDLERS) {
            out.append("\n### `").append(h.simpleName()).append("`\n\n");
            out.append(h.when()).append("\n\n");
            out.append("```java\n").append(h.java()).append("```\n\n");
            out.append("```xml\n").append(h.xml()).append("```\n\n");
            out.append("```yaml\n").append(h.yaml()).append("```\n");
        }
        return out.append('\n').append(END).toString();
    }
}
