package io.github.camelloganalytics.springboot;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The properties cannot drift from the component: every component option in the component's metadata has a
 * property of the same type, described, and in the IDE metadata the build generates.
 */
class LogAnalyticsComponentConfigurationTest {

    private static final String COMPONENT_METADATA = "/META-INF/io/github/camelloganalytics/loganalytics.json";
    private static final String SPRING_METADATA = "/META-INF/spring-configuration-metadata.json";
    /** Javadoc's inline tags, whole ({@code x}) or as camel-package-maven-plugin leaves them ({code x}). */
    private static final Pattern JAVADOC_LEFTOVER = Pattern.compile("\\{@?(code|link|linkplain|literal|value)\\b");
    private static final Map<String, Class<?>> BOXED = Map.of("boolean", Boolean.class, "int", Integer.class,
            "long", Long.class);

    private static JsonNode read(String resource) throws Exception {
        try (InputStream in = LogAnalyticsComponentConfigurationTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the class path");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyComponentOptionHasAPropertyOfItsType() throws Exception {
        Map<String, PropertyDescriptor> properties = Arrays.stream(Introspector
                .getBeanInfo(LogAnalyticsComponentConfiguration.class).getPropertyDescriptors())
                .collect(Collectors.toMap(PropertyDescriptor::getName, Function.identity()));
        Set<String> missing = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = read(COMPONENT_METADATA).path("componentProperties").fields();
             it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            PropertyDescriptor property = properties.get(option.getKey());
            if (property == null || property.getWriteMethod() == null) {
                missing.add(option.getKey());
                continue;
            }
            String javaType = option.getValue().path("javaType").asText().replaceAll("<.*>", "");
            Class<?> expected = BOXED.getOrDefault(javaType, null);
            if (expected == null) {
                expected = Class.forName(javaType);
            }
            assertEquals(expected, property.getPropertyType(), option.getKey());
        }
        assertTrue(missing.isEmpty(), "component options without a camel.component.loganalytics property: " + missing);
    }

    @Test
    void everyPropertyIsInTheIdeMetadataWithItsDescription() throws Exception {
        Map<String, JsonNode> described = new HashMap<>();
        read(SPRING_METADATA).path("properties").forEach(p -> described.put(p.path("name").asText(), p));
        for (Iterator<String> it = read(COMPONENT_METADATA).path("componentProperties").fieldNames(); it.hasNext();) {
            String option = it.next();
            String name = "camel.component.loganalytics." + option.replaceAll("([A-Z])", "-$1").toLowerCase();
            JsonNode property = described.get(name);
            assertNotNull(property, name + " is not in " + SPRING_METADATA);
            assertFalse(property.path("description").asText().isBlank(), name + " has no description");
        }
    }

    @Test
    void noDescriptionCarriesJavadocMarkup() throws Exception {
        Set<String> leftovers = new TreeSet<>();
        JsonNode catalog = read(COMPONENT_METADATA);
        for (String section : new String[] {"component", "componentProperties", "properties", "headers"}) {
            JsonNode node = catalog.path(section);
            if (node.has("description")) {
                collect(leftovers, section, node.path("description").asText());
            }
            node.fields().forEachRemaining(e -> collect(leftovers, section + "." + e.getKey(),
                    e.getValue().path("description").asText()));
        }
        read(SPRING_METADATA).path("properties").forEach(p -> collect(leftovers, p.path("name").asText(),
                p.path("description").asText()));
        assertTrue(leftovers.isEmpty(), leftovers.size() + " descriptions with Javadoc markup: " + leftovers);
    }

    private static void collect(Set<String> leftovers, String where, String description) {
        if (JAVADOC_LEFTOVER.matcher(description).find()) {
            leftovers.add(where + ": " + description);
        }
    }

    @Test
    void theIdeMetadataDeclaresEveryDefaultOfTheComponent() throws Exception {
        Map<String, JsonNode> described = new HashMap<>();
        read(SPRING_METADATA).path("properties").forEach(p -> described.put(p.path("name").asText(), p));
        Set<String> wrong = new TreeSet<>();
        int defaults = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = read(COMPONENT_METADATA).path("componentProperties").fields();
             it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode expected = option.getValue().get("defaultValue");
            if (expected == null) {
                continue;
            }
            defaults++;
            String name = "camel.component.loganalytics." + option.getKey().replaceAll("([A-Z])", "-$1").toLowerCase();
            JsonNode property = described.get(name);
            JsonNode actual = property == null ? null : property.get("defaultValue");
            // as Spring Boot writes them: an enum constant in kebab case, anything else as the component has it
            String want = "enum".equals(option.getValue().path("type").asText())
                    ? expected.asText().toLowerCase(Locale.ROOT).replace('_', '-') : expected.toString();
            String got = actual == null ? null
                    : "enum".equals(option.getValue().path("type").asText()) ? actual.asText() : actual.toString();
            if (!want.equals(got)) {
                wrong.add(name + " should default to " + want + " but the IDE metadata says " + got);
            }
        }
        assertTrue(defaults > 20, "the component's metadata declares " + defaults + " defaults");
        assertTrue(wrong.isEmpty(), wrong.toString());
    }
}
