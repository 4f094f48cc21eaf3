package io.github.camelloganalytics.testkit.kql.functions;

import static io.github.camelloganalytics.testkit.kql.functions.ScalarFunction.fixed;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelloganalytics.testkit.data.ColumnType;
import io.github.camelloganalytics.testkit.kql.value.Values;

/**
 * The IPv4 functions of the KQL reference ("IPv4/IPv6 functions", "IPv4 text match functions"): addresses as
 * text with an optional IP-prefix ({@code 10.1.2.3/8}), or as a long in big-endian order; a text that is not an
 * address gives null (false for the text-match functions, an empty string for the formatting ones).
 */
public final class IpFunctions {

    /** A dotted quad and an optional prefix length. */
    private static final Pattern ADDRESS = Pattern.compile("\\s*(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})"
            + "\\s*(?:/\\s*(\\d{1,2}))?\\s*");

    /** A dotted quad in a text, delimited by characters that are neither alphanumeric nor dots. */
    private static final Pattern IN_TEXT = Pattern.compile("(?<![\\p{Alnum}.])(\\d{1,3}(?:\\.\\d{1,3}){3})"
            + "(?![\\p{Alnum}]|\\.\\d)");

    /** The private ranges of RFC 1918, as ipv4_is_private checks them (after ADDRESS, which parses them). */
    private static final long[][] PRIVATE = { parse("10.0.0.0/8"), parse("172.16.0.0/12"),
            parse("192.168.0.0/16") };

    private IpFunctions() {
    }

    /** @return the family's catalogue entries */
    public static List<ScalarFunction> functions() {
        ColumnType B = ColumnType.BOOL;
        ColumnType L = ColumnType.LONG;
        ColumnType S = ColumnType.STRING;
        return List.of(
                Fn.of("parse_ipv4", 1, 1, fixed(L), a -> masked(Fn.str(a[0]), 32)),
                Fn.of("parse_ipv4_mask", 2, 2, fixed(L), a -> masked(Fn.str(a[0]), (int) Fn.lng(a[1]))),
                Fn.of("ipv4_is_private", 1, 1, fixed(B), a -> {
                    long[] r = parse(Fn.str(a[0]));
                    if (r == null) {
                        return null;
                    }
                    for (long[] p : PRIVATE) {
                        if (within(r, p)) {
                            return true;
                        }
                    }
                    return false;
                }),
                Fn.of("ipv4_is_in_range", 2, 2, fixed(B), a -> {
                    long[] ip = parse(Fn.str(a[0]));
                    long[] r = parse(Fn.str(a[1]));
                    return ip == null || r == null ? null : within(ip, r);
                }),
                Fn.nullable("ipv4_is_in_any_range", 2, 64, fixed(B), a -> {
                    long[] ip = a[0] == null ? null : parse(Fn.str(a[0]));
                    if (ip == null) {
                        return null;
                    }
                    for (String range : texts(a, 1)) {
                        long[] r = parse(range);
                        if (r != null && within(ip, r)) {
                            return true;
                        }
                    }
                    return false;
                }),
                Fn.of("ipv4_compare", 2, 3, fixed(L), a -> {
                    Integer c = compare(a);
                    return c == null ? null : (long) c;
                }),
                Fn.of("ipv4_is_match", 2, 3, fixed(B), a -> {
                    Integer c = compare(a);
                    return c == null ? null : c == 0;
                }),
                Fn.of("ipv4_netmask_suffix", 1, 1, fixed(L), a -> {
                    long[] r = parse(Fn.str(a[0]));
                    return r == null ? null : r[1];
                }),
                Fn.nullable("format_ipv4", 1, 2, fixed(S), a -> format(a, false)),
                Fn.nullable("format_ipv4_mask", 1, 2, fixed(S), a -> format(a, true)),
                Fn.nullable("has_ipv4", 2, 2, fixed(B), a -> hasAny(a, false)),
                Fn.nullable("has_any_ipv4", 2, 64, fixed(B), a -> hasAny(a, false)),
                Fn.nullable("has_ipv4_prefix", 2, 2, fixed(B), a -> hasAny(a, true)),
                Fn.nullable("has_any_ipv4_prefix", 2, 64, fixed(B), a -> hasAny(a, true)));
    }

    /**
     * @param  text an address with an optional {@code /prefix}
     * @return      the address as a long and its prefix length, or null when the text is not one
     */
    static long[] parse(String text) {
        Matcher m = ADDRESS.matcher(text);
        if (!m.matches()) {
            return null;
        }
        long v = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return null;
            }
            v = v << 8 | octet;
        }
        int prefix = m.group(5) == null ? 32 : Integer.parseInt(m.group(5));
        return prefix > 32 ? null : new long[] { v, prefix };
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : 0xFFFFFFFFL << (32 - prefix) & 0xFFFFFFFFL;
    }

    /** @return the address with the smaller of its own prefix and {@code prefix} applied, or null */
    private static Long masked(String text, int prefix) {
        long[] r = parse(text);
        if (r == null || prefix < 0 || prefix > 32) {
            return null;
        }
        return r[0] & mask((int) Math.min(r[1], prefix));
    }

    /** Two addresses compared on the shortest of their prefixes and the optional third argument. */
    private static Integer compare(Object[] a) {
        long[] x = parse(Fn.str(a[0]));
        long[] y = parse(Fn.str(a[1]));
        long prefix = a.length > 2 ? Fn.lng(a[2]) : 32;
        if (x == null || y == null || prefix < 0 || prefix > 32) {
            return null;
        }
        long m = mask((int) Math.min(prefix, Math.min(x[1], y[1])));
        return Long.compare(x[0] & m, y[0] & m);
    }

    private static boolean within(long[] ip, long[] range) {
        long m = mask((int) range[1]);
        return (ip[0] & m) == (range[0] & m);
    }

    private static String format(Object[] a, boolean withPrefix) {
        if (a[0] == null) {
            return "";
        }
        long[] r = a[0] instanceof Number n ? new long[] { n.longValue(), 32 } : parse(Fn.str(a[0]));
        long prefix = a.length > 1 ? (a[1] == null ? -1 : Fn.lng(a[1])) : 32;
        if (r == null || r[0] < 0 || r[0] > 0xFFFFFFFFL || prefix < 0 || prefix > 32) {
            return "";
        }
        int p = (int) Math.min(r[1], prefix);
        long v = r[0] & mask(p);
        String dotted = (v >> 24 & 255) + "." + (v >> 16 & 255) + "." + (v >> 8 & 255) + "." + (v & 255);
        return withPrefix ? dotted + "/" + p : dotted;
    }

    /** The string arguments from index {@code from}, dynamic arrays flattened. */
    private static List<String> texts(Object[] a, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < a.length; i++) {
            if (a[i] instanceof JsonNode n && n.isArray()) {
                n.forEach(e -> out.add(e.asText()));
            } else if (a[i] != null) {
                out.add(Values.text(a[i]));
            }
        }
        return out;
    }

    /**
     * has_ipv4 and its forms: a valid address (or, for the prefix forms, an address prefix ending with a dot)
     * found in the text as a delimited address.
     */
    private static boolean hasAny(Object[] a, boolean prefix) {
        if (a[0] == null) {
            return false;
        }
        List<String> found = new ArrayList<>();
        Matcher m = IN_TEXT.matcher(Values.text(a[0]));
        while (m.find()) {
            if (parse(m.group(1)) != null) {
                found.add(m.group(1));
            }
        }
        for (String wanted : texts(a, 1)) {
            String w = wanted.trim();
            boolean valid = prefix ? validPrefix(w) : parse(w) != null && !w.contains("/");
            if (!valid) {
                continue;
            }
            for (String f : found) {
                if (prefix ? f.startsWith(w) : f.equals(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A complete address, or one to three octets each followed by a dot ({@code 127.0.}). */
    private static boolean validPrefix(String w) {
        if (parse(w) != null && !w.contains("/")) {
            return true;
        }
        if (!w.matches("(\\d{1,3}\\.){1,3}")) {
            return false;
        }
        for (String octet : w.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
