import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes META-INF/additional-spring-configuration-metadata.json: the default of every component option that has one
 * in the component's Camel metadata, for the {@code camel.component.loganalytics.*} property of the same option.
 * Spring Boot's configuration processor merges it into the spring-configuration-metadata.json it generates from
 * LogAnalyticsComponentConfiguration, so IDEs show the defaults as they do for Camel's in-tree starters. The
 * properties themselves stay unset (null) unless configured, so an unset property still leaves the component alone.
 * Run by the build (exec-maven-plugin, generate-resources) with the starter's class path, where the component jar
 * carries its metadata; the output is committed under src/generated like the rest of the generated metadata.
 */
public class SpringMetadataDefaults {

    private static final String CATALOG = "META-INF/io/github/camelloganalytics/loganalytics.json";
    private static final String PREFIX = "camel.component.loganalytics.";
    private static final String OBJECT = "java.lang.Object";
    private static final String SOURCE_TYPE = "io.github.camelloganalytics.springboot.LogAnalyticsComponentConfiguration";

    public static void main(String[] args) throws Exception {
        Path output = Path.of(args[0]);
        JsonNode catalog;
        try (InputStream in = SpringMetadataDefaults.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the class path");
            }
            catalog = new ObjectMapper().readTree(in);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode properties = root.putArray("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = catalog.path("componentProperties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode defaultValue = option.getValue().get("defaultValue");
            // Spring Boot's configuration processor leaves out a property typed Object (a bean reference whose
            // class is an optional dependency, such as tokenCredential): declare it here whole
            boolean untyped = OBJECT.equals(option.getValue().path("javaType").asText());
            if (defaultValue == null && !untyped) {
                continue;
            }
            ObjectNode property = properties.addObject();
            property.put("name", PREFIX + kebab(option.getKey()));
            if (untyped) {
                property.put("type", OBJECT);
                property.put("description", option.getValue().path("description").asText());
                property.put("sourceType", SOURCE_TYPE);
            }
            if (defaultValue == null) {
                continue;
            }
            if ("enum".equals(option.getValue().path("type").asText())) {
                // Spring Boot's own metadata writes an enum default as its constant in kebab case (AZURE_PUBLIC: azure-public)
                property.put("defaultValue", defaultValue.asText().toLowerCase(Locale.ROOT).replace('_', '-'));
            } else {
                property.set("defaultValue", defaultValue);
            }
        }
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        String text = json.writer(printer).writeValueAsString(root) + "\n";
        Files.createDirectories(output.getParent());
        if (!Files.exists(output) || !Files.readString(output, StandardCharsets.UTF_8).equals(text)) {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
    }

    /** clientId: client-id, as Spring's relaxed binding names the property. */
    static String kebab(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
