package io.github.camelloganalytics.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The error bodies the emulator answers with. The documented ones are read from the bundled copy of Microsoft's
 * error page, so they stay byte-for-byte those of the documentation, indentation included; the others are the
 * service's compact form.
 */
final class ErrorBodies {

    /** Class-path copy of the documented error list. */
    static final String SPEC_RESOURCE = "/io/github/camelloganalytics/testkit/log-analytics-api-errors.txt";

    /** The audience the documented wrong-audience example names, replaced by the token's own. */
    private static final String SPEC_AUDIENCE = "'https://api.loganalytics.io'";
    /** The allowed audiences the documented example lists, replaced by those of the door that was called. */
    private static final String SPEC_ALLOWED = "'https://management.core.windows.net/','https://management.azure.com/'";
    /** The service principal the documented UnauthorizedClient example names, replaced by the caller's object id. */
    private static final String SPEC_PRINCIPAL = "997631f8-3a55-4bb2-81b2-c0972b222260";

    static final String SYNTAX_ERROR = documented("Query Syntax Error");
    static final String AUTHENTICATION_FAILED = documented("No Authentication Provided");
    static final String INVALID_TOKEN = documented("Invalid Authentication Token");
    private static final String INVALID_AUDIENCE = documented("Invalid Token Audience");
    private static final String UNAUTHORIZED_CLIENT = documented("Client Credentials to Direct API");
    static final String INSUFFICIENT_ACCESS = documented("Insufficient Permissions");
    static final String PATH_NOT_FOUND = documented("Path Not Found");

    private ErrorBodies() {
    }

    /**
     * @param  audience the token's audience
     * @param  allowed  the audiences the called door accepts
     * @return          the documented body, naming them
     */
    static String invalidAudience(String audience, List<String> allowed) {
        List<String> quoted = new ArrayList<>();
        for (String a : allowed) {
            quoted.add("'" + json(a) + "'");
        }
        return INVALID_AUDIENCE.replace(SPEC_AUDIENCE, "'" + json(audience) + "'").replace(SPEC_ALLOWED,
                String.join(",", quoted));
    }

    /**
     * @param  principal the object id of the service principal that called
     * @return           the documented body, naming it
     */
    static String unauthorizedClient(String principal) {
        return UNAUTHORIZED_CLIENT.replace(SPEC_PRINCIPAL, json(principal));
    }

    static String precise(String middleCode, String middleMessage, String code, String message) {
        return "{\"error\":{\"message\":\"The request had some invalid properties\",\"code\":\"BadArgumentError\","
               + "\"innererror\":{\"code\":\"" + middleCode + "\",\"message\":\"" + json(middleMessage)
               + "\",\"innererror\":{\"code\":\"" + code + "\",\"message\":\"" + json(message) + "\"}}}}";
    }

    static String preciseSyntax(String message, int line, int pos, String token) {
        return "{\"error\":{\"message\":\"The request had some invalid properties\",\"code\":\"BadArgumentError\","
               + "\"innererror\":{\"code\":\"SyntaxError\",\"message\":\"A recognition error occurred in the query.\","
               + "\"innererror\":{\"code\":\"SYN0002\",\"message\":\"" + json(message) + "\",\"line\":" + line
               + ",\"pos\":" + pos + ",\"token\":\"" + json(token) + "\"}}}}";
    }

    static String semantic(String code, String message) {
        return precise("SemanticError", "A semantic error occurred.", code, message);
    }

    static String badArgument(String code, String message) {
        return "{\"error\":{\"message\":\"The request had some invalid properties\",\"code\":\"BadArgumentError\","
               + "\"innererror\":{\"code\":\"" + code + "\",\"message\":\"" + json(message) + "\"}}}";
    }

    static String workspaceNotFound(String workspace) {
        return "{\"error\":{\"message\":\"The workspace could not be found\",\"code\":\"WorkspaceNotFoundError\","
               + "\"innererror\":{\"code\":\"ResourceNotFound\",\"message\":\"Workspace '" + json(workspace)
               + "' was not found\"}}}";
    }

    static String resourceNotFound(String resourceId) {
        return "{\"error\":{\"message\":\"The resource could not be found\",\"code\":\"ResourceNotFoundError\","
               + "\"innererror\":{\"code\":\"ResourceNotFound\",\"message\":\"Resource '" + json(resourceId)
               + "' was not found\"}}}";
    }

    static String missingApiVersion() {
        return "{\"error\":{\"code\":\"MissingApiVersionParameter\",\"message\":\"The api-version query parameter "
               + "(?api-version=) is required for all requests.\"}}";
    }

    static String invalidApiVersion(String given, List<String> supported) {
        return "{\"error\":{\"code\":\"InvalidApiVersionParameter\",\"message\":\"The api-version '" + json(given)
               + "' is invalid. The supported versions are '" + json(String.join(",", supported)) + "'.\"}}";
    }

    static String throttled(String message) {
        return "{\"error\":{\"message\":\"" + json(message) + "\",\"code\":\"ThrottledError\"}}";
    }

    /** The live service's answer to a query past its server timeout (recorded by the Azure SDK's tests). */
    static String gatewayTimeout() {
        return "{\"error\":{\"message\":\"Gateway timeout\",\"code\":\"GatewayTimeout\","
               + "\"innererror\":{\"code\":\"GatewayTimeout\",\"message\":\"ADX query timed out\"}}}";
    }

    /** The {@code "code"} member of an error object: where the live service's {@code correlationId} follows. */
    private static final Pattern CODE_MEMBER = Pattern.compile("\"code\"\\s*:\\s*\"(?:[^\"\\\\]|\\\\.)*\"");

    /**
     * The body with {@code "correlationId"} added to its {@code error} object right after the error's
     * {@code code}, where the live service puts it, in the body's own layout (the documented bodies keep their
     * indentation); unchanged when the body has no {@code error} object with a code.
     *
     * @param body          an error body
     * @param correlationId the id to add
     * @return the body with the id
     */
    static String withCorrelationId(String body, String correlationId) {
        if (body == null || body.contains("\"correlationId\"")) {
            return body;
        }
        int error = body.indexOf("\"error\"");
        if (error < 0) {
            return body;
        }
        int open = body.indexOf('{', error);
        // the error's own code: the first at the error object's depth, not an inner error's
        Matcher m = CODE_MEMBER.matcher(body);
        int from = open + 1;
        while (open >= 0 && m.find(from)) {
            if (depth(body, open, m.start()) == 1) {
                int lineStart = body.lastIndexOf('\n', m.start()) + 1;
                String indent = body.substring(lineStart, m.start());
                String separator = indent.isBlank() && lineStart > 0 ? ",\n" + indent : ",";
                String space = separator.length() > 1 ? " " : "";
                return body.substring(0, m.end()) + separator + "\"correlationId\":" + space + "\""
                       + json(correlationId) + "\"" + body.substring(m.end());
            }
            from = m.end();
        }
        return body;
    }

    /** How deep {@code at} lies inside the object opened at {@code open} (1: its own members), strings skipped. */
    private static int depth(String s, int open, int at) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < at; i++) {
            char c = s.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
        return depth;
    }

    /** Bodies for scripted statuses, in the service's fatal-error form. */
    static String forStatus(int status) {
        return switch (status) {
            case 429 -> throttled("Too many requests; retry after the time given in Retry-After");
            case 500 -> "{\"error\":{\"message\":\"An internal error occurred while processing the request\","
                        + "\"code\":\"InternalServerError\"}}";
            case 502 -> "{\"error\":{\"message\":\"The gateway received an invalid response from the service\","
                        + "\"code\":\"BadGateway\"}}";
            case 503 -> "{\"error\":{\"message\":\"The service is temporarily unavailable\","
                        + "\"code\":\"ServiceUnavailable\"}}";
            case 504 -> gatewayTimeout();
            default -> "{\"error\":{\"message\":\"Scripted fault " + status + "\",\"code\":\"ScriptedFault\"}}";
        };
    }

    static String rowLimitPartialError(int limit) {
        return "{\"code\":\"PartialError\",\"message\":\"There were some errors when processing your query.\","
               + "\"details\":[{\"code\":\"EngineError\",\"message\":\"Something went wrong processing your query on "
               + "the server.\",\"innererror\":{\"code\":\"-2133196797\",\"message\":\"Query result set has exceeded "
               + "the internal record count limit " + limit + " (E_QUERY_RESULT_SET_TOO_LARGE; see "
               + "https://aka.ms/kustoquerylimits)\",\"severity\":2,\"severityName\":\"Error\"}}]}";
    }

    /**
     * The text as the inside of a JSON string (Jackson's escaping): messages quote text of the caller's (names,
     * audiences, principals, query text).
     */
    static String json(String s) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(s));
    }

    /**
     * Reads the body shown after "Response:" under a heading of the documented list: the indented block, joined by
     * line feeds, without a trailing one.
     */
    static String documented(String heading) {
        String spec = specText();
        String[] lines = spec.split("\n", -1);
        int i = 0;
        while (i < lines.length && !lines[i].trim().equals(heading)) {
            i++;
        }
        while (i < lines.length && !lines[i].contains("Response:")) {
            i++;
        }
        i++;
        while (i < lines.length && lines[i].isBlank()) {
            i++;
        }
        List<String> block = new ArrayList<>();
        while (i < lines.length && lines[i].startsWith("    ")) {
            block.add(lines[i]);
            i++;
        }
        if (block.isEmpty()) {
            throw new IllegalStateException("No documented body under '" + heading + "' in " + SPEC_RESOURCE);
        }
        return String.join("\n", block);
    }

    static String specText() {
        try (InputStream in = ErrorBodies.class.getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + SPEC_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
