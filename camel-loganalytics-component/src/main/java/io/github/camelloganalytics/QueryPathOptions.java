package io.github.camelloganalytics;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the options of the query path that {@link ConfigurationValidator} does not (the response size limit and
 * the proxy) when an endpoint is created, so that a wrong value is refused before any traffic, naming the option
 * and the value.
 */
final class QueryPathOptions {

    /** A host name, an IPv4 address or a bracketed IPv6 address: no scheme, port, path or user. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");

    /** A size: a whole number of bytes, or one with a unit of 1024-based multiples ({@code 128MB}, {@code 512KiB}). */
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(?:([KMGT])(?:I?B)?|B)?",
            Pattern.CASE_INSENSITIVE);

    private QueryPathOptions() {
    }

    /**
     * Reads {@code maxResponseSize} written as text with a unit ({@code 128MB}, {@code 512KB}, {@code 1GB}) into its
     * number of bytes, in place, before Camel binds the parameters to the long option. Units are 1024-based, as the
     * default (134217728 bytes, 128MB) and Spring's {@code DataSize} count them; {@code KiB}, {@code MiB}... mean the
     * same.
     *
     * @param  parameters               the endpoint's parameters
     * @throws IllegalArgumentException naming the option and the value when it is no size
     */
    static void readSizes(Map<String, Object> parameters) {
        if (parameters.get("maxResponseSize") instanceof String text && !text.startsWith("#")) {
            parameters.put("maxResponseSize", size("maxResponseSize", text));
        }
    }

    /**
     * @param  option                   the option's name, for the message
     * @param  text                     a number of bytes, or a number and a unit: B, KB, MB, GB, TB (or KiB...)
     * @return                          the number of bytes
     * @throws IllegalArgumentException naming the option and the value when the text is no size
     */
    static long size(String option, String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid " + option + " '" + text + "': write a number of bytes, or a"
                                               + " number and a unit of 1024-based multiples: 134217728, 128MB, 512KB,"
                                               + " 1GB");
        }
        int shift = m.group(2) == null ? 0 : 10 * ("KMGT".indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1);
        try {
            long number = Long.parseLong(m.group(1));
            if (shift > 0 && number > Long.MAX_VALUE >> shift) {
                throw new NumberFormatException();
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid " + option + " '" + text + "': more bytes than a long holds",
                    e);
        }
    }

    static void validate(LogAnalyticsConfiguration config) {
        if (config.getMaxResponseSize() < 1) {
            throw new IllegalArgumentException("Invalid maxResponseSize " + config.getMaxResponseSize()
                                               + ": the largest response body accepted, in bytes, must be at least 1"
                                               + " (default 134217728, 128 MiB)");
        }
        String proxyHost = config.getProxyHost();
        if (proxyHost != null && !proxyHost.isBlank() && !HOST.matcher(proxyHost.trim()).matches()) {
            throw new IllegalArgumentException("Invalid proxyHost '" + proxyHost + "': give the proxy's host name or"
                                               + " address alone, and its port as proxyPort");
        }
        Integer proxyPort = config.getProxyPort();
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            throw new IllegalArgumentException("Invalid proxyPort " + proxyPort + ": a port is 1 to 65535");
        }
        if ((proxyPort != null || config.getProxyAuthUsername() != null) && (proxyHost == null || proxyHost.isBlank())) {
            throw new IllegalArgumentException("proxyPort and proxyAuthUsername need proxyHost: set proxyHost too, or"
                                               + " leave the proxy to the JVM's properties or HTTPS_PROXY");
        }
    }
}
