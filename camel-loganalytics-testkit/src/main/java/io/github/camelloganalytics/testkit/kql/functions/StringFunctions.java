package io.github.camelloganalytics.testkit.kql.functions;

import static io.github.camelloganalytics.testkit.kql.functions.Fn.lng;
import static io.github.camelloganalytics.testkit.kql.functions.Fn.str;
import static io.github.camelloganalytics.testkit.kql.functions.ScalarFunction.fixed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.value.Values;

/** String functions of the KQL reference ("String functions"). */
public final class StringFunctions {

    private StringFunctions() {
    }

    /** @return the family's catalogue entries */
    public static List<ScalarFunction> functions() {
        ColumnType S = ColumnType.STRING;
        return List.of(
                Fn.nullable("strcat", 1, 64, fixed(S), a -> {
                    StringBuilder sb = new StringBuilder();
                    for (Object o : a) {
                        sb.append(str(o));
                    }
                    return sb.toString();
                }),
                Fn.nullable("strcat_delim", 3, 65, fixed(S), a -> {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i < a.length; i++) {
                        if (i > 1) {
                            sb.append(str(a[0]));
                        }
                        sb.append(str(a[i]));
                    }
                    return sb.toString();
                }),
                Fn.nullable("strlen", 1, 1, fixed(ColumnType.LONG), a -> (long) str(a[0]).codePointCount(0,
                        str(a[0]).length())),
                Fn.nullable("string_size", 1, 1, fixed(ColumnType.LONG),
                        a -> (long) str(a[0]).getBytes(StandardCharsets.UTF_8).length),
                Fn.of("substring", 2, 3, fixed(S), a -> {
                    String s = str(a[0]);
                    long start = Math.max(0, lng(a[1]));
                    if (start >= s.length()) {
                        return "";
                    }
                    long end = a.length > 2 ? Math.min(s.length(), start + Math.max(0, lng(a[2]))) : s.length();
                    return s.substring((int) start, (int) end);
                }),
                Fn.nullable("tolower", 1, 1, fixed(S), a -> str(a[0]).toLowerCase(Locale.ROOT)),
                Fn.nullable("toupper", 1, 1, fixed(S), a -> str(a[0]).toUpperCase(Locale.ROOT)),
                Fn.nullable("trim", 2, 2, fixed(S), a -> trimEnd(trimStart(str(a[1]), str(a[0])), str(a[0]))),
                Fn.nullable("trim_start", 2, 2, fixed(S), a -> trimStart(str(a[1]), str(a[0]))),
                Fn.nullable("trim_end", 2, 2, fixed(S), a -> trimEnd(str(a[1]), str(a[0]))),
                Fn.nullable("reverse", 1, 1, fixed(S), a -> new StringBuilder(str(a[0])).reverse().toString()),
                Fn.of("split", 2, 3, fixed(ColumnType.DYNAMIC), a -> {
                    String s = str(a[0]);
                    String d = str(a[1]);
                    ArrayNode out = Values.array();
                    if (d.isEmpty()) {
                        out.add(s);
                    } else {
                        for (String part : s.split(Pattern.quote(d), -1)) {
                            out.add(part);
                        }
                    }
                    if (a.length > 2) {
                        long i = lng(a[2]);
                        ArrayNode one = Values.array();
                        if (i >= 0 && i < out.size()) {
                            one.add(out.get((int) i));
                        }
                        return one;
                    }
                    return out;
                }),
                Fn.nullable("replace_string", 3, 3, fixed(S), a -> {
                    String lookup = str(a[1]);
                    return lookup.isEmpty() ? str(a[0]) : str(a[0]).replace(lookup, str(a[2]));
                }),
                Fn.nullable("replace_strings", 3, 3, fixed(S), a -> {
                    String s = str(a[0]);
                    JsonNode look = Values.toDynamic(a[1]);
                    JsonNode rep = Values.toDynamic(a[2]);
                    for (int i = 0; i < look.size(); i++) {
                        s = s.replace(look.get(i).asText(), rep.path(i).asText());
                    }
                    return s;
                }),
                Fn.nullable("replace_regex", 3, 3, fixed(S), a -> regexReplace(str(a[0]), str(a[1]), str(a[2]))),
                Fn.nullable("replace", 3, 3, fixed(S), a -> regexReplace(str(a[2]), str(a[0]), str(a[1]))),
                Fn.nullable("extract", 3, 4, fixed(S), a -> {
                    Matcher m = Pattern.compile(str(a[0])).matcher(str(a[2]));
                    if (!m.find()) {
                        return null;
                    }
                    int g = (int) lng(a[1]);
                    return g <= m.groupCount() ? m.group(g) : null;
                }),
                Fn.nullable("extract_all", 2, 3, fixed(ColumnType.DYNAMIC), a -> {
                    String regex = str(a[0]);
                    String source = str(a[a.length - 1]);
                    Matcher m = Pattern.compile(regex).matcher(source);
                    ArrayNode out = Values.array();
                    JsonNode groups = a.length == 3 ? Values.toDynamic(a[1]) : null;
                    while (m.find()) {
                        if (groups != null) {
                            ArrayNode row = Values.array();
                            for (JsonNode g : groups) {
                                row.add(m.group(g.asInt()));
                            }
                            out.add(row);
                        } else if (m.groupCount() == 0) {
                            out.add(m.group());
                        } else if (m.groupCount() == 1) {
                            out.add(m.group(1));
                        } else {
                            ArrayNode row = Values.array();
                            for (int i = 1; i <= m.groupCount(); i++) {
                                row.add(m.group(i));
                            }
                            out.add(row);
                        }
                    }
                    return out.isEmpty() ? null : out;
                }),
                Fn.nullable("indexof", 2, 5, fixed(ColumnType.LONG), a -> {
                    if (a[0] == null || a[1] == null) {
                        return null;
                    }
                    String s = str(a[0]);
                    String look = str(a[1]);
                    int start = a.length > 2 && a[2] != null ? (int) lng(a[2]) : 0;
                    if (start < 0) {
                        start = Math.max(0, s.length() + start);
                    }
                    if (start > s.length()) {
                        return null;
                    }
                    int length = a.length > 3 && a[3] != null && lng(a[3]) >= 0 ? (int) lng(a[3]) : s.length();
                    int occurrence = a.length > 4 && a[4] != null ? (int) lng(a[4]) : 1;
                    String window = s.substring(0, (int) Math.min(s.length(), (long) start + length));
                    int at = start - 1;
                    for (int i = 0; i < occurrence; i++) {
                        at = window.indexOf(look, at + 1);
                        if (at < 0) {
                            return -1L;
                        }
                    }
                    return (long) at;
                }),
                Fn.of("countof", 2, 3, fixed(ColumnType.LONG), a -> {
                    String s = str(a[0]);
                    String search = str(a[1]);
                    if (a.length > 2 && "regex".equals(str(a[2]))) {
                        Matcher m = Pattern.compile(search).matcher(s);
                        long n = 0;
                        while (m.find()) {
                            n++;
                        }
                        return n;
                    }
                    if (search.isEmpty()) {
                        return 0L;
                    }
                    long n = 0;
                    for (int at = s.indexOf(search); at >= 0; at = s.indexOf(search, at + search.length())) {
                        n++;
                    }
                    return n;
                }),
                Fn.of("strrep", 2, 3, fixed(S), a -> {
                    String delim = a.length > 2 ? str(a[2]) : "";
                    long n = lng(a[1]);
                    List<String> parts = new ArrayList<>();
                    for (long i = 0; i < n; i++) {
                        parts.add(str(a[0]));
                    }
                    return String.join(delim, parts);
                }),
                Fn.nullable("strcmp", 2, 2, fixed(ColumnType.INT), a -> Integer.signum(str(a[0]).compareTo(str(a[1])))),
                Fn.nullable("translate", 3, 3, fixed(S), a -> {
                    String from = str(a[0]);
                    String to = str(a[1]);
                    StringBuilder sb = new StringBuilder();
                    for (char c : str(a[2]).toCharArray()) {
                        int i = from.indexOf(c);
                        if (i < 0) {
                            sb.append(c);
                        } else if (!to.isEmpty()) {
                            sb.append(to.charAt(Math.min(i, to.length() - 1)));
                        }
                    }
                    return sb.toString();
                }),
                Fn.nullable("url_encode", 1, 1, fixed(S), a -> URLEncoder.encode(str(a[0]), StandardCharsets.UTF_8)),
                Fn.nullable("url_encode_component", 1, 1, fixed(S),
                        a -> URLEncoder.encode(str(a[0]), StandardCharsets.UTF_8).replace("+", "%20")),
                Fn.nullable("url_decode", 1, 1, fixed(S), a -> {
                    try {
                        return URLDecoder.decode(str(a[0]), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }),
                Fn.nullable("base64_encode_tostring", 1, 1, fixed(S),
                        a -> Base64.getEncoder().encodeToString(str(a[0]).getBytes(StandardCharsets.UTF_8))),
                Fn.nullable("base64_encodestring", 1, 1, fixed(S),
                        a -> Base64.getEncoder().encodeToString(str(a[0]).getBytes(StandardCharsets.UTF_8))),
                Fn.nullable("base64_decode_tostring", 1, 1, fixed(S), a -> {
                    try {
                        return new String(Base64.getDecoder().decode(str(a[0])), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }),
                Fn.nullable("base64_decodestring", 1, 1, fixed(S), a -> {
                    try {
                        return new String(Base64.getDecoder().decode(str(a[0])), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }),
                Fn.of("hash_sha256", 1, 1, fixed(S), a -> digest("SHA-256", str(a[0]))),
                Fn.of("hash_sha1", 1, 1, fixed(S), a -> digest("SHA-1", str(a[0]))),
                Fn.of("hash_md5", 1, 1, fixed(S), a -> digest("MD5", str(a[0]))),
                Fn.of("hash", 1, 2, fixed(ColumnType.LONG), a -> {
                    long h = XxHash64.hash(hashBytes(a[0]));
                    return a.length > 1 ? Math.floorMod(h, lng(a[1])) : h;
                }),
                Fn.of("hash_xxhash64", 1, 2, fixed(ColumnType.LONG), a -> {
                    long h = XxHash64.hash(hashBytes(a[0]));
                    return a.length > 1 ? Math.floorMod(h, lng(a[1])) : h;
                }),
                Fn.of("regex_quote", 1, 1, fixed(ColumnType.STRING), a -> regexQuote(str(a[0]))),
                Fn.of("indexof_regex", 2, 5, fixed(ColumnType.LONG), StringFunctions::indexOfRegex),
                Fn.nullable("format_bytes", 1, 3, fixed(ColumnType.STRING), StringFunctions::formatBytes),
                Fn.of("parse_url", 1, 1, fixed(ColumnType.DYNAMIC), a -> parseUrl(str(a[0]))),
                Fn.of("parse_urlquery", 1, 1, fixed(ColumnType.DYNAMIC), a -> {
                    ObjectNode q = Values.bag();
                    q.set("Query Parameters", query(str(a[0])));
                    return q;
                }),
                Fn.of("parse_path", 1, 1, fixed(ColumnType.DYNAMIC), a -> {
                    String p = str(a[0]).replace('\\', '/');
                    ObjectNode o = Values.bag();
                    int slash = p.lastIndexOf('/');
                    String file = p.substring(slash + 1);
                    int dot = file.lastIndexOf('.');
                    o.put("Scheme", "");
                    o.put("RootPath", "");
                    o.put("DirectoryPath", slash >= 0 ? str(a[0]).substring(0, slash) : "");
                    o.put("DirectoryName", slash >= 0 ? p.substring(p.lastIndexOf('/', slash - 1) + 1, slash) : "");
                    o.put("Filename", file);
                    o.put("Extension", dot >= 0 ? file.substring(dot + 1) : "");
                    o.put("AlternateDataStreamName", "");
                    return o;
                }),
                Fn.of("tohex", 1, 2, fixed(S), a -> {
                    String h = Long.toHexString(lng(a[0]));
                    int min = a.length > 1 ? (int) lng(a[1]) : 0;
                    return h.length() >= min ? h : "0".repeat(min - h.length()) + h;
                }),
                Fn.nullable("isascii", 1, 1, fixed(ColumnType.BOOL), a -> str(a[0]).chars().allMatch(c -> c < 128)),
                Fn.of("unicode_codepoints_from_string", 1, 1, fixed(ColumnType.DYNAMIC), a -> {
                    ArrayNode out = Values.array();
                    str(a[0]).codePoints().forEach(out::add);
                    return out;
                }),
                Fn.of("unicode_codepoints_to_string", 1, 64, fixed(S), a -> {
                    StringBuilder sb = new StringBuilder();
                    for (Object o : a) {
                        JsonNode v = Values.toDynamic(o);
                        if (v.isArray()) {
                            v.forEach(n -> sb.appendCodePoint(n.asInt()));
                        } else {
                            sb.appendCodePoint(v.asInt());
                        }
                    }
                    return sb.toString();
                }),
                Fn.nullable("new_guid", 0, 0, fixed(ColumnType.GUID), a -> java.util.UUID.randomUUID()));
    }

    /** Escapes what a regular expression reads as syntax, as the reference's regex_quote example shows. */
    private static String regexQuote(String text) {
        StringBuilder sb = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\*+?|{}[]()^$.#".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** indexof_regex(text, regex[, start[, length[, occurrence]]]): -1 when not found, null for a bad start. */
    private static Object indexOfRegex(Object[] a) {
        String text = str(a[0]);
        long start = a.length > 2 ? lng(a[2]) : 0;
        long length = a.length > 3 ? lng(a[3]) : -1;
        long occurrence = a.length > 4 ? lng(a[4]) : 1;
        if (start < 0 || occurrence < 0) {
            return null;
        }
        if (start > text.length()) {
            return -1L;
        }
        int end = length < 0 ? text.length() : (int) Math.min(text.length(), start + length);
        Matcher m = Pattern.compile(str(a[1])).matcher(text).region((int) start,
                Math.max((int) start, end));
        for (long k = 0; m.find(); ) {
            if (++k == occurrence) {
                return (long) m.start();
            }
        }
        return -1L;
    }

    /** format_bytes(size[, precision[, units]]): in 1024 steps, the unit chosen by size when not named. */
    private static Object formatBytes(Object[] a) {
        if (a[0] == null) {
            return "";
        }
        List<String> units = List.of("Bytes", "KB", "MB", "GB", "TB", "PB", "EB");
        double size = Fn.dbl(a[0]);
        int precision = a.length > 1 && a[1] != null ? (int) lng(a[1]) : 0;
        String wanted = a.length > 2 && a[2] != null ? str(a[2]) : "";
        int unit = units.indexOf(wanted);
        if (unit < 0) {
            unit = 0;
            while (unit < units.size() - 1 && Math.abs(size) >= Math.pow(1024, unit + 1)) {
                unit++;
            }
        }
        BigDecimal v = BigDecimal.valueOf(size / Math.pow(1024, unit))
                .setScale(Math.max(0, precision), RoundingMode.HALF_UP).stripTrailingZeros();
        return v.toPlainString() + " " + units.get(unit);
    }

    private static byte[] hashBytes(Object v) {
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (v instanceof Long || v instanceof Integer) {
            long l = ((Number) v).longValue();
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (l >>> (8 * i));
            }
            return b;
        }
        return Values.text(v).getBytes(StandardCharsets.UTF_8);
    }

    private static String trimStart(String s, String regex) {
        Matcher m = Pattern.compile("^(?:" + regex + ")+").matcher(s);
        return m.find() ? s.substring(m.end()) : s;
    }

    private static String trimEnd(String s, String regex) {
        Matcher m = Pattern.compile("(?:" + regex + ")+$").matcher(s);
        return m.find() ? s.substring(0, m.start()) : s;
    }

    private static String regexReplace(String source, String regex, String rewrite) {
        // KQL writes groups as \1; Java as $1
        String java = rewrite.replace("$", "\\$").replaceAll("\\\\([0-9])", "\\$$1");
        return Pattern.compile(regex).matcher(source).replaceAll(java);
    }

    private static String digest(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(
                    text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parseUrl(String url) {
        try {
            URI u = new URI(url);
            if (u.getScheme() == null) {
                return Values.bag();
            }
            ObjectNode o = Values.bag();
            o.put("Scheme", u.getScheme());
            o.put("Host", u.getHost() == null ? "" : u.getHost());
            o.put("Port", u.getPort() < 0 ? "" : Integer.toString(u.getPort()));
            o.put("Path", u.getRawPath() == null ? "" : u.getRawPath());
            String user = u.getRawUserInfo();
            o.put("Username", user == null ? "" : user.split(":", 2)[0]);
            o.put("Password", user == null || !user.contains(":") ? "" : user.split(":", 2)[1]);
            o.set("Query Parameters", query(u.getRawQuery() == null ? "" : u.getRawQuery()));
            o.put("Fragment", u.getRawFragment() == null ? "" : u.getRawFragment());
            return o;
        } catch (java.net.URISyntaxException e) {
            return Values.bag();
        }
    }

    private static ObjectNode query(String q) {
        ObjectNode params = Values.bag();
        String s = q.startsWith("?") ? q.substring(1) : q;
        if (!s.isEmpty()) {
            for (String pair : s.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
