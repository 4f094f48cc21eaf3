package io.github.camelloganalytics.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Which HTTP proxy, if any, a request to a given host goes through, for the query API and the token endpoint alike.
 * <p>
 * The first source that names a proxy wins, as the Azure SDK reads them:
 * <ol>
 * <li>the endpoint options {@code proxyHost}, {@code proxyPort}, {@code proxyAuthUsername},
 * {@code proxyAuthPassword} and {@code nonProxyHosts} (camel-http's names);</li>
 * <li>the JVM's standard properties: {@code https.proxyHost}/{@code https.proxyPort} for https hosts,
 * {@code http.proxyHost}/{@code http.proxyPort} for http hosts, and {@code http.nonProxyHosts};</li>
 * <li>the environment: {@code HTTPS_PROXY} (https hosts) or {@code HTTP_PROXY} (http hosts), either case, as a URL
 * that may carry {@code user:password@}, with {@code NO_PROXY}.</li>
 * </ol>
 * {@code nonProxyHosts} and {@code http.nonProxyHosts} are {@code |}-separated host patterns with {@code *} as
 * a wildcard ({@code *.internal|localhost}); {@code NO_PROXY} is comma-separated host names, each matching itself
 * and its subdomains ({@code .internal} or {@code internal}), or {@code *} for every host. The JDK's own default
 * for {@code http.nonProxyHosts} (loopback addresses) applies when the property is unset.
 * <p>
 * {@link #toString()} never shows the password.
 */
public final class ProxySettings {

    /** Where a proxy came from; named in logs and in {@link #toString()}. */
    public enum Source {
        /** No proxy anywhere: every request goes direct. */
        NONE,
        /** The endpoint's proxy options. */
        OPTIONS,
        /** The JVM's proxy system properties. */
        SYSTEM_PROPERTIES,
        /** The {@code HTTPS_PROXY}/{@code HTTP_PROXY} environment variables. */
        ENVIRONMENT
    }

    /** A proxy for one target scheme. */
    private record Rule(String host, int port, String username, String password, List<String> bypass,
                        Source source) {
        @Override
        public String toString() {
            return describe(this);
        }
    }

    /** The JDK's default for {@code http.nonProxyHosts}. */
    private static final String JDK_NON_PROXY_HOSTS = "localhost|127.*|[::1]|0.0.0.0|[::0]";

    private final Rule https;
    private final Rule http;

    private ProxySettings(Rule https, Rule http) {
        this.https = https;
        this.http = http;
    }

    /** No proxy: every request goes direct. */
    public static final ProxySettings NONE = new ProxySettings(null, null);

    /**
     * Resolves the settings from the options, else the JVM's properties, else the environment.
     *
     * @param  proxyHost      option {@code proxyHost}, or null
     * @param  proxyPort      option {@code proxyPort}, or null
     * @param  username       option {@code proxyAuthUsername}, or null
     * @param  password       option {@code proxyAuthPassword}, or null
     * @param  nonProxyHosts  option {@code nonProxyHosts}, or null
     * @param  systemProperty reads a JVM property ({@code System::getProperty})
     * @param  environment    reads an environment variable ({@code System::getenv})
     * @return                the settings
     */
    public static ProxySettings resolve(String proxyHost, Integer proxyPort, String username, String password,
                                        String nonProxyHosts, UnaryOperator<String> systemProperty,
                                        UnaryOperator<String> environment) {
        if (proxyHost != null && !proxyHost.isBlank()) {
            Rule rule = new Rule(proxyHost.trim(), proxyPort != null ? proxyPort : 8080, blankToNull(username),
                    password, jvmPatterns(nonProxyHosts), Source.OPTIONS);
            return new ProxySettings(rule, rule);
        }
        Rule https = systemRule(systemProperty, "https");
        Rule http = systemRule(systemProperty, "http");
        if (https == null) {
            https = environmentRule(environment, "HTTPS_PROXY");
        }
        if (http == null) {
            http = environmentRule(environment, "HTTP_PROXY");
        }
        return https == null && http == null ? NONE : new ProxySettings(https, http);
    }

    /**
     * @param  scheme {@code https} or {@code http}
     * @param  host   the target host
     * @return        the proxy's host and port, or null to go direct
     */
    public InetSocketAddress proxyFor(String scheme, String host) {
        Rule rule = rule(scheme, host);
        return rule == null ? null : InetSocketAddress.createUnresolved(rule.host(), rule.port());
    }

    /**
     * A proxy's user name and password; {@link #toString()} hides the password.
     *
     * @param username the user name
     * @param password the password, possibly empty
     */
    public record Login(String username, char[] password) {
        @Override
        public String toString() {
            return "Login[" + username + ", password hidden]";
        }
    }

    /**
     * @param  proxyHost the proxy that asked for credentials (407)
     * @param  proxyPort its port
     * @return           the login configured for that proxy, or null
     */
    public Login loginFor(String proxyHost, int proxyPort) {
        for (Rule rule : new Rule[] {https, http}) {
            if (rule != null && rule.username() != null && rule.host().equalsIgnoreCase(proxyHost)
                && rule.port() == proxyPort) {
                return new Login(rule.username(), rule.password() == null ? new char[0]
                        : rule.password().toCharArray());
            }
        }
        return null;
    }

    /** @return whether any request may go through a proxy */
    public boolean isEmpty() {
        return https == null && http == null;
    }

    private Rule rule(String scheme, String host) {
        Rule rule = "http".equalsIgnoreCase(scheme) ? http : https;
        if (rule == null || host == null) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        String bracketless = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        for (String bypass : rule.bypass()) {
            if (Pattern.matches(bypass, name) || Pattern.matches(bypass, bracketless)
                || Pattern.matches(bypass, "[" + bracketless + "]")) {
                return null;
            }
        }
        return rule;
    }

    private static Rule systemRule(UnaryOperator<String> property, String scheme) {
        String host = property.apply(scheme + ".proxyHost");
        if (host == null || host.isBlank()) {
            return null;
        }
        int port = parsePort(property.apply(scheme + ".proxyPort"), "https".equals(scheme) ? 443 : 80);
        String nonProxy = property.apply("http.nonProxyHosts");
        return new Rule(host.trim(), port, null, null, jvmPatterns(nonProxy != null ? nonProxy : JDK_NON_PROXY_HOSTS),
                Source.SYSTEM_PROPERTIES);
    }

    private static Rule environmentRule(UnaryOperator<String> environment, String name) {
        String value = firstSet(environment, name, name.toLowerCase(Locale.ROOT));
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value.contains("://") ? value.trim() : "http://" + value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The environment variable " + name + " is not a proxy URL", e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("The environment variable " + name + " names no proxy host");
        }
        String username = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            username = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return new Rule(uri.getHost(), port, username, password,
                noProxyPatterns(firstSet(environment, "NO_PROXY", "no_proxy")), Source.ENVIRONMENT);
    }

    private static String firstSet(UnaryOperator<String> source, String... names) {
        for (String name : names) {
            String value = source.apply(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** {@code http.nonProxyHosts}: {@code |}-separated, {@code *} a wildcard anywhere. */
    static List<String> jvmPatterns(String hosts) {
        List<String> patterns = new ArrayList<>();
        if (hosts == null) {
            return patterns;
        }
        for (String host : hosts.split("\\|")) {
            String h = host.trim().toLowerCase(Locale.ROOT);
            if (!h.isEmpty()) {
                patterns.add(wildcard(h));
            }
        }
        return patterns;
    }

    /** {@code NO_PROXY}: comma-separated names matching themselves and their subdomains; {@code *} for all. */
    static List<String> noProxyPatterns(String hosts) {
        List<String> patterns = new ArrayList<>();
        if (hosts == null) {
            return patterns;
        }
        for (String host : hosts.split(",")) {
            String h = host.trim().toLowerCase(Locale.ROOT);
            if (h.isEmpty()) {
                continue;
            }
            if (h.equals("*")) {
                patterns.add(".*");
                continue;
            }
            String domain = h.startsWith("*.") ? h.substring(2) : h.startsWith(".") ? h.substring(1) : h;
            patterns.add("(.*\\.)?" + Pattern.quote(domain));
        }
        return patterns;
    }

    private static String wildcard(String pattern) {
        return String.join(".*", Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote).toList());
    }

    private static int parsePort(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxySettings other && Objects.equals(https, other.https)
               && Objects.equals(http, other.http);
    }

    @Override
    public int hashCode() {
        return Objects.hash(https, http);
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "ProxySettings[direct]";
        }
        return "ProxySettings[https=" + describe(https) + ", http=" + describe(http) + "]";
    }

    private static String describe(Rule rule) {
        return rule == null ? "direct" : rule.host() + ":" + rule.port() + " from " + rule.source()
                                         + (rule.username() != null ? " as " + rule.username() : "");
    }
}
