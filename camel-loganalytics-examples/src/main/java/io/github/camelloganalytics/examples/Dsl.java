package io.github.camelloganalytics.examples;

import java.util.Locale;

/**
 * The language the example routes are written in. The routes are the same in each: the Java classes of this
 * package, or the files {@code routes/*.yaml} or {@code routes/*.xml} loaded by Camel Main.
 */
public enum Dsl {
    /** The {@code RouteBuilder} classes of this package. */
    JAVA,
    /** {@code classpath:routes/*.yaml}. */
    YAML,
    /** {@code classpath:routes/*.xml}. */
    XML;

    /**
     * The DSL named by the setting {@code examples.dsl}: {@code java}, {@code yaml} or {@code xml}, any case.
     *
     * @throws IllegalArgumentException naming the setting and the value, for anything else
     */
    public static Dsl parse(String value) {
        if (value == null || value.isBlank()) {
            return JAVA;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "examples.dsl must be java, yaml or xml, not '" + value + "'", e);
        }
    }

    /** The Camel Main pattern that loads this DSL's route files, or {@code null} for Java. */
    String routesIncludePattern() {
        return this == JAVA ? null : "classpath:routes/*." + name().toLowerCase(Locale.ROOT);
    }
}
