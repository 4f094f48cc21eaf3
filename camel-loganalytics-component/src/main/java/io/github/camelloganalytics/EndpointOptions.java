package io.github.camelloganalytics;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An endpoint's options as JMX shows them. The names and secret marks are those camel-package-maven-plugin generates
 * from the options' {@code @UriParam(secret = true)} into {@link LogAnalyticsEndpointUriFactory} (Camel's own
 * {@code EndpointUriFactory}), so a new secret option is masked without anyone listing it here. In endpoint URIs
 * (log lines, route dumps) Camel's {@code URISupport.sanitizeUri} masks them (EndpointManagementTest checks that it
 * does for every secret option); what Camel lacks, and this class adds, is the masked option map with beans shown by
 * their class.
 */
final class EndpointOptions {

    static final String MASK = "xxxxxx";
    private static final Map<String, Boolean> SECRET_BY_NAME = load();

    private EndpointOptions() {
    }

    /** @return every endpoint option's name, and whether its value is a secret */
    static Map<String, Boolean> secretByName() {
        return SECRET_BY_NAME;
    }

    /** @return the options that have a value, {@code name=value}, secrets masked and beans shown by their class */
    static Map<String, String> describe(LogAnalyticsEndpoint endpoint) {
        LogAnalyticsEndpointConfigurer configurer = new LogAnalyticsEndpointConfigurer();
        Map<String, String> shown = new TreeMap<>();
        SECRET_BY_NAME.forEach((name, secret) -> {
            Object value = configurer.getOptionValue(endpoint, name, false);
            if (value != null) {
                shown.put(name, secret ? MASK : describe(value));
            }
        });
        return shown;
    }

    private static String describe(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
               || value instanceof Enum<?> || value instanceof Duration ? value.toString() : value.getClass().getName();
    }

    private static Map<String, Boolean> load() {
        LogAnalyticsEndpointUriFactory factory = new LogAnalyticsEndpointUriFactory();
        Set<String> secret = factory.secretPropertyNames();
        Map<String, Boolean> names = new TreeMap<>();
        factory.propertyNames().forEach(name -> names.put(name, secret.contains(name)));
        return Collections.unmodifiableMap(names);
    }
}
