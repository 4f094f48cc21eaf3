package io.github.camelloganalytics;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import io.github.camelloganalytics.client.ServiceEndpoints;
import io.github.camelloganalytics.client.Timespan;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConverter;
import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * Checks an endpoint's options when the endpoint is created, so that a mistake fails the route's start with a
 * message naming the option and its value, not the first exchange.
 */
final class ConfigurationValidator {

    private static final long MAX_SERVER_TIMEOUT_SECONDS = 600;
    /** The connection pool's connections per host: a batch wider than that would only wait for connections. */
    private static final int MAX_BATCH_PARALLELISM = 20;
    private static final Pattern ARM_API_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    /** Texts Camel rightly reads as a zero duration: zeros with an optional unit, such as 0, 0s, 0ms. */
    private static final Pattern ZERO_DURATION = Pattern.compile("\\s*0+\\s*[a-zA-Z]*\\s*");

    private static final Pattern MILLISECONDS = Pattern.compile("-?\\d+");

    /**
     * The longest a workspace keeps records (12 years of long-term retention): no window, lookback or start further
     * back can hold data, and every instant within it is far inside what {@code java.time} represents.
     */
    static final Duration MAX_RETENTION = Duration.ofDays(4383);
    private static final String MAX_RETENTION_TEXT = "the longest a workspace keeps records, 12 years (P4383D)";
    /** A window ending this far back is asked for a week late; any more is a mistake rather than a choice. */
    static final Duration MAX_INGESTION_DELAY = Duration.ofDays(7);
    static final Duration MAX_QUERY_INTERVAL = Duration.ofHours(1);

    private ConfigurationValidator() {
    }

    /**
     * Checks the text of each boolean, number, enum and duration option before Camel binds it, so that a value that
     * is not of the option's type is refused naming the option and the value: Camel's own conversion error names
     * neither for a boolean ({@code Value maybe converted to java.lang.Boolean cannot be null}), and it reads text
     * that is no duration at all ({@code eventually}, {@code 5x}) as zero, which would silently turn a typo into
     * "no delay" or "no timeout".
     *
     * @param parameters the endpoint's options as written in the URI
     * @param options    the endpoint's option types
     * @param converter  the context's type converter, which the binding uses too
     */
    static void validateOptionTexts(Map<String, Object> parameters, PropertyConfigurerGetter options,
                                    TypeConverter converter) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            Class<?> type = options.getOptionType(parameter.getKey(), true);
            // a bean reference is not text to read
            if (!(parameter.getValue() instanceof String text) || text.startsWith("#") || type == null
                || !(type.isPrimitive() || type.isEnum() || Number.class.isAssignableFrom(type)
                     || type == Boolean.class || type == Duration.class)) {
                continue;
            }
            // Camel's scheduler options (delay, initialDelay) are longs in milliseconds that take a duration too
            Class<?> target = type == long.class || type == Long.class ? Duration.class : type;
            if (target == Duration.class && MILLISECONDS.matcher(text).matches()) {
                continue;
            }
            Object value;
            try {
                value = converter.mandatoryConvertTo(target, text);
            } catch (RuntimeException | NoTypeConversionAvailableException e) {
                throw invalid(parameter.getKey(), text, "it is not a " + describe(type));
            }
            boolean iso = text.toUpperCase(Locale.ROOT).startsWith("P") || text.toUpperCase(Locale.ROOT).startsWith("-P");
            if (target == Duration.class && ((Duration) value).isZero() && !iso
                && !ZERO_DURATION.matcher(text).matches()) {
                throw invalid(parameter.getKey(), text, "it is not a " + describe(type));
            }
        }
    }

    private static String describe(Class<?> type) {
        if (type == Duration.class || type == long.class || type == Long.class) {
            return "duration; write ISO 8601 such as PT10S, or 10s, 5m, 1h30m" + (type == Duration.class ? ""
                    : ", or a number of milliseconds");
        }
        if (type.isEnum()) {
            StringBuilder names = new StringBuilder();
            for (Object constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(constant);
            }
            return "value of " + type.getSimpleName() + "; use one of " + names;
        }
        return type == boolean.class || type == Boolean.class ? "boolean; use true or false" : type.getSimpleName();
    }

    static void validate(LogAnalyticsConfiguration config) {
        validate(config, System::getenv);
    }

    /**
     * @param config      the endpoint's options
     * @param environment the process environment, which {@code credentialType=AUTO} reads
     */
    static void validate(LogAnalyticsConfiguration config, UnaryOperator<String> environment) {
        if (config.getTimespan() != null) {
            try {
                Timespan.validate(config.getTimespan());
            } catch (IllegalArgumentException e) {
                throw invalid("timespan", config.getTimespan(), e.getMessage());
            }
        }
        Duration serverTimeout = config.getServerTimeout();
        if (serverTimeout != null
                && (serverTimeout.toSeconds() < 1 || serverTimeout.toSeconds() > MAX_SERVER_TIMEOUT_SECONDS)) {
            throw invalid("serverTimeout", serverTimeout, "the service accepts 1 to 600 seconds");
        }
        validateConsumer(config);
        requirePositive("connectTimeout", config.getConnectTimeout());
        requirePositive("responseTimeout", config.getResponseTimeout());
        requireNotNegative("healthCheckInterval", config.getHealthCheckInterval());
        if (config.getHost() != null) {
            validateHost(config.getHost());
        }
        validateTarget(config);
        if (config.getAuthorityHost() != null) {
            validateAuthorityHost(config.getAuthorityHost());
        }
        try {
            EndpointCredentials.resolve(config, environment);
        } catch (IllegalArgumentException e) {
            // the message names options, never their secret values
            throw new IllegalArgumentException("Invalid credential options: " + e.getMessage(), e);
        }
    }

    private static void validateTarget(LogAnalyticsConfiguration config) {
        TargetOptions.resolve(config);
        String armApiVersion = config.getArmApiVersion();
        if (armApiVersion == null || !ARM_API_VERSION.matcher(armApiVersion).matches()) {
            throw invalid("armApiVersion", armApiVersion, "Resource Manager api-versions read yyyy-MM-dd, such as "
                                                          + ServiceEndpoints.DEFAULT_ARM_API_VERSION);
        }
        int parallelism = config.getBatchParallelism();
        if (parallelism < 1 || parallelism > MAX_BATCH_PARALLELISM) {
            throw invalid("batchParallelism", parallelism, "it must be 1 to " + MAX_BATCH_PARALLELISM);
        }
    }

    private static void validateConsumer(LogAnalyticsConfiguration config) {
        requirePositive("maxWindow", config.getMaxWindow());
        requireNotNegative("ingestionDelay", config.getIngestionDelay());
        requireNotNegative("lookback", config.getLookback());
        requireNotNegative("minQueryInterval", config.getMinQueryInterval());
        requireAtMost("maxWindow", config.getMaxWindow(), MAX_RETENTION, MAX_RETENTION_TEXT);
        requireAtMost("lookback", config.getLookback(), MAX_RETENTION, MAX_RETENTION_TEXT);
        requireAtMost("ingestionDelay", config.getIngestionDelay(), MAX_INGESTION_DELAY,
                "records reach a workspace within minutes; a window that ends further back than that is never asked"
                + " for");
        requireAtMost("minQueryInterval", config.getMinQueryInterval(), MAX_QUERY_INTERVAL, "");
        if (config.getStartFrom() != null) {
            StartFrom startFrom;
            try {
                startFrom = StartFrom.parse(config.getStartFrom());
            } catch (IllegalArgumentException e) {
                throw invalid("startFrom", config.getStartFrom(), e.getMessage());
            }
            if (!startFrom.isWithin(MAX_RETENTION)) {
                throw invalid("startFrom", config.getStartFrom(), "it reaches further back than "
                                                                  + MAX_RETENTION_TEXT);
            }
        }
        String timespan = config.getTimespan();
        if (timespan != null && timespan.trim().toUpperCase(Locale.ROOT).startsWith("P")
            && timespan.indexOf('/') < 0) {
            Duration back;
            try {
                back = Duration.parse(timespan.trim());
            } catch (RuntimeException e) {
                // a calendar period such as P1M: Timespan.validate has judged it
                return;
            }
            if (back.compareTo(MAX_RETENTION) > 0) {
                throw invalid("timespan", timespan, "it reaches further back than " + MAX_RETENTION_TEXT);
            }
        }
    }

    private static void requireAtMost(String option, Duration value, Duration max, String why) {
        if (value.compareTo(max) > 0) {
            throw invalid(option, value, "it must be at most " + max + (why.isEmpty() ? "" : ": " + why));
        }
    }

    private static void requireNotNegative(String option, Duration value) {
        if (value == null || value.isNegative()) {
            throw invalid(option, value, "it must be zero or a positive duration such as 5m or PT5M");
        }
    }

    private static void requirePositive(String option, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw invalid(option, value, "it must be a positive duration such as 10s or PT10S");
        }
    }

    private static void validateHost(String host) {
        URI uri;
        try {
            uri = new URI(host);
        } catch (URISyntaxException e) {
            throw invalid("host", host, "it is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
            throw invalid("host", host, "it must be an http(s) URL such as https://api.loganalytics.azure.com");
        }
        if ("http".equalsIgnoreCase(scheme) && !isLoopback(uri.getHost())) {
            throw invalid("host", host, "bearer tokens are sent over plain http only to a loopback address;"
                                        + " use https");
        }
    }

    private static void validateAuthorityHost(String authorityHost) {
        URI uri;
        try {
            uri = new URI(authorityHost);
        } catch (URISyntaxException e) {
            throw invalid("authorityHost", authorityHost, "it is not a URL: " + e.getMessage());
        }
        // MSAL4J sends credentials to the authority and accepts only https for it
        if (uri.getHost() == null || !"https".equalsIgnoreCase(uri.getScheme())) {
            throw invalid("authorityHost", authorityHost,
                    "it must be an https URL such as https://login.microsoftonline.com");
        }
    }

    private static boolean isLoopback(String hostName) {
        if ("localhost".equalsIgnoreCase(hostName)) {
            return true;
        }
        String literal = hostName.startsWith("[") ? hostName.substring(1, hostName.length() - 1) : hostName;
        if (!Character.isDigit(literal.charAt(0)) && literal.indexOf(':') < 0) {
            // a name other than localhost is not resolved here: its address may change, so it is never trusted
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static IllegalArgumentException invalid(String option, Object value, String why) {
        return new IllegalArgumentException("Invalid value for option " + option + ": '" + value + "': " + why);
    }
}
