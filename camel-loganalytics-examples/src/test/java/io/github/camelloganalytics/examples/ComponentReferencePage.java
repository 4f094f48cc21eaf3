package io.github.camelloganalytics.examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders docs/component-reference.md from the component's Camel metadata (the JSON camel-package-maven-plugin
 * generates from the javadoc of the options and headers), so the page says exactly what the component does.
 */
final class ComponentReferencePage {

    /** Where the component jar carries its metadata, and where the checkout keeps it. */
    static final String METADATA = "META-INF/io/github/camelloganalytics/loganalytics.json";

    private ComponentReferencePage() {
    }

    static JsonNode metadata() throws IOException {
        try (InputStream in = ComponentReferencePage.class.getClassLoader().getResourceAsStream(METADATA)) {
            if (in == null) {
                throw new IOException(METADATA + " is not on the classpath");
            }
            return new ObjectMapper().readTree(in);
        }
    }

    static String render(JsonNode json) {
        JsonNode component = json.get("component");
        StringBuilder out = new StringBuilder();
        out.append("# Component reference: `").append(component.get("scheme").asText()).append("`\n\n");
        out.append("<!-- generated from camel-loganalytics-component/src/generated/resources/").append(METADATA)
                .append(" by ComponentReferenceTest (camel-loganalytics-examples); a build fails when they differ."
                        + " Change the javadoc of the option or header, not this page. -->\n\n");
        out.append(text(component.get("description").asText())).append("\n\n");
        out.append("| | |\n|---|---|\n");
        out.append("| URI syntax | `").append(component.get("syntax").asText()).append("[?options]` |\n");
        out.append("| Maven | `").append(component.get("groupId").asText()).append(':')
                .append(component.get("artifactId").asText()).append("` |\n");
        out.append("| component class | `").append(component.get("javaType").asText()).append("` |\n");
        out.append("| producer | ").append(component.get("consumerOnly").asBoolean() ? "no" : "yes").append(" |\n");
        out.append("| consumer | ").append(component.get("producerOnly").asBoolean() ? "no" : "yes").append(" |\n\n");
        out.append("Every endpoint option can also be set once on the component (`camel.component.loganalytics.<option>`"
                + " in Camel Main or Spring Boot properties, in kebab or camel case); an option set on the endpoint"
                + " wins. Options marked secret are masked wherever Camel prints an endpoint URI.\n\n");

        out.append("## Path parameters\n\n");
        optionTable(out, json.get("properties"), "path");
        out.append("## Endpoint options\n\n");
        optionTable(out, json.get("properties"), "parameter");
        out.append("## Component options\n\n");
        optionTable(out, json.get("componentProperties"), "property");

        out.append("## Message headers\n\n");
        out.append("| header | constant | Java type | description |\n|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            JsonNode h = header.getValue();
            out.append("| `").append(header.getKey()).append("` | `")
                    .append(h.get("constantName").asText().replace('#', '.')).append("` | `")
                    .append(h.get("javaType").asText()).append("` | ")
                    .append(text(h.get("description").asText())).append(" |\n");
        }
        return out.toString();
    }

    private static void optionTable(StringBuilder out, JsonNode options, String kind) {
        out.append("| option | group | type | default | description |\n|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            if (!kind.equals(o.get("kind").asText())) {
                continue;
            }
            out.append("| `").append(option.getKey()).append('`')
                    .append(o.path("required").asBoolean() ? " (required)" : "")
                    .append(o.path("secret").asBoolean() ? " (secret)" : "").append(" | ")
                    .append(o.get("group").asText()).append(" | ")
                    .append(type(o)).append(" | ")
                    .append(o.has("defaultValue") ? "`" + o.get("defaultValue").asText() + "`" : "").append(" | ")
                    .append(text(o.get("description").asText())).append(" |\n");
        }
        out.append('\n');
    }

    private static String type(JsonNode option) {
        if (option.has("enum")) {
            StringBuilder values = new StringBuilder("one of");
            option.get("enum").forEach(v -> values.append(" `").append(v.asText()).append('`'));
            return values.toString();
        }
        String type = option.get("type").asText();
        return "object".equals(type) ? "`" + option.get("javaType").asText() + "`" : type;
    }

    /** Markdown tables need their pipes escaped (the catalog has no javadoc left: CatalogDescriptionsTest). */
    private static String text(String description) {
        return description.replace("|", "\\|");
    }
}
