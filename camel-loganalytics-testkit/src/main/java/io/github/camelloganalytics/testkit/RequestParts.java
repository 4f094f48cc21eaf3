package io.github.camelloganalytics.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a request to the query API, read as the service reads them: which door the path names (direct,
 * ARM, resource-centric) and what it names, the query-string parameters, comma-separated lists and the
 * {@code Prefer} preferences.
 */
final class RequestParts {

    private static final Pattern DIRECT = Pattern.compile("^/v1/workspaces/([^/]+)/query/?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ARM = Pattern.compile(
            "^/subscriptions/([^/]+)/resourceGroups/([^/]+)/providers/Microsoft\\.OperationalInsights/workspaces/"
                                                       + "([^/]+)/api/query/?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RESOURCE = Pattern.compile("^/v1(/subscriptions/.+)/query/?$",
            Pattern.CASE_INSENSITIVE);
    private RequestParts() {
    }

    /** The doors of the query API. */
    enum Door {
        DIRECT,
        ARM,
        RESOURCE
    }

    /**
     * A path's door and what it names: the workspace (direct), the subscription, resource group and workspace name
     * (ARM), or the resource id (resource-centric).
     */
    record Route(Door door, String first, String second, String third) {
    }

    static Route route(String rawPath) {
        if (rawPath == null) {
            return null;
        }
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Matcher m = DIRECT.matcher(path);
        if (m.matches()) {
            return new Route(Door.DIRECT, m.group(1), null, null);
        }
        m = ARM.matcher(path);
        if (m.matches()) {
            return new Route(Door.ARM, m.group(1), m.group(2), m.group(3));
        }
        m = RESOURCE.matcher(path);
        if (m.matches()) {
            return new Route(Door.RESOURCE, m.group(1), null, null);
        }
        return null;
    }

    static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(k, v);
        }
        return params;
    }

    static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        if (csv != null) {
            for (String s : csv.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    /** {@code Prefer} may come as one comma-separated header (as the SDK sends it) or as several. */
    static Map<String, String> prefer(List<String> headers) {
        Map<String, String> prefs = new LinkedHashMap<>();
        if (headers != null) {
            for (String h : headers) {
                for (String item : h.split(",")) {
                    String s = item.trim();
                    int eq = s.indexOf('=');
                    if (!s.isEmpty()) {
                        prefs.put(eq < 0 ? s.toLowerCase(Locale.ROOT) : s.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                                eq < 0 ? "true" : s.substring(eq + 1).trim());
                    }
                }
            }
        }
        return prefs;
    }
}
