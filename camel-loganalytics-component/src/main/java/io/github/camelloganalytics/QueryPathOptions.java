package io.github.camelloganalytics;

import java.util.regex.Pattern;

/**
 * Checks the options of the query path that {@link ConfigurationValidator} does not (the response size limit and
 * the proxy) when an endpoint is created, so that a wrong value is refused before any traffic, naming the option
 * and the value.
 */
final class QueryPathOptions {

    /** A host name, an IPv4 address or a bracketed IPv6 address: no scheme, port, path or user. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");

    private QueryPathOptions() {
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
