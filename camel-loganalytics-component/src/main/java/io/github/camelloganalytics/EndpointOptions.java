package io.github.camelloganalytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An endpoint's options as JMX shows them: the names and secret marks come from the component's generated metadata
 * (the same file the docs are rendered from), so a new secret option is masked without anyone listing it here.
 */
final class EndpointOptions {

    static final String MASK = "xxxxxx";
    private static final String METADATA = "/META-INF/io/github/camelloganalytics/loganalytics.json";
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
        try (InputStream in = EndpointOptions.class.getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IllegalStateException(METADATA + " is missing from the component jar");
            }
            JsonNode properties = new ObjectMapper().readTree(in).path("properties");
            Map<String, Boolean> names = new LinkedHashMap<>();
            properties.fields().forEachRemaining(e -> names.put(e.getKey(), e.getValue().path("secret").asBoolean()));
            return Collections.unmodifiableMap(names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
