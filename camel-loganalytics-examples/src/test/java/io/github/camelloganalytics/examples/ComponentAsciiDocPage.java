package io.github.camelloganalytics.examples;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders docs/loganalytics-component.adoc, the component page in the layout of Camel's website (its attributes
 * header, Maven dependency, URI format, then the component options, endpoint options and headers tables), from the
 * same Camel metadata as {@link ComponentReferencePage}. Camel's own pages include those tables from the catalog
 * through Antora; a page outside Camel's site has them written out.
 */
final class ComponentAsciiDocPage {

    private ComponentAsciiDocPage() {
    }

    static String render(JsonNode json) {
        JsonNode c = json.get("component");
        String scheme = c.get("scheme").asText();
        String title = c.get("title").asText();
        boolean producer = !c.path("consumerOnly").asBoolean();
        boolean consumer = !c.path("producerOnly").asBoolean();
        StringBuilder out = new StringBuilder();
        out.append("= ").append(title).append(" Component\n");
        out.append("// generated from camel-loganalytics-component/src/generated/resources/")
                .append(ComponentReferencePage.METADATA)
                .append(" by ComponentAsciiDocTest (camel-loganalytics-examples); a build fails when they differ.\n");
        out.append(":doctitle: ").append(title).append('\n');
        out.append(":shortname: ").append(scheme).append('\n');
        out.append(":artifactid: ").append(c.get("artifactId").asText()).append('\n');
        out.append(":description: ").append(text(c.get("description").asText())).append('\n');
        out.append(":since: ").append(c.get("firstVersion").asText()).append('\n');
        out.append(":supportlevel: ").append(c.get("supportLevel").asText()).append('\n');
        out.append(":tabs-sync-option:\n");
        out.append(":component-header: ").append(producer && consumer ? "Both producer and consumer are supported"
                : producer ? "Only producer is supported" : "Only consumer is supported").append("\n\n");
        // Camel's pages say "Since Camel {since}"; this component's versions are its own
        out.append("*Since camel-loganalytics {since}*\n\n*{component-header}*\n\n");
        out.append(text(c.get("description").asText())).append("\n\n");
        out.append("Maven users will need to add the following dependency to their `pom.xml` for this component:\n\n");
        out.append("[source,xml]\n------------------------------------------------------------\n");
        out.append("<dependency>\n    <groupId>").append(c.get("groupId").asText()).append("</groupId>\n");
        out.append("    <artifactId>").append(c.get("artifactId").asText()).append("</artifactId>\n");
        out.append("    <version>x.x.x</version>\n");
        out.append("</dependency>\n------------------------------------------------------------\n\n");
        out.append("== URI format\n\n----\n").append(c.get("syntax").asText()).append("[?options]\n----\n\n");

        out.append("== Configuring Options\n\n");
        out.append("Camel components are configured on two separate levels: the component level and the endpoint"
                + " level. An option set on the endpoint wins over the same option set on the component"
                + " (`camel.component.").append(scheme).append(".<option>` in Camel Main, Spring Boot and Quarkus"
                        + " properties).\n\n");
        out.append("== Component Options\n\n");
        optionTable(out, json.get("componentProperties"), null);
        out.append("== Endpoint Options\n\n");
        out.append("=== Path Parameters\n\n");
        optionTable(out, json.get("properties"), "path");
        out.append("=== Query Parameters\n\n");
        optionTable(out, json.get("properties"), "parameter");

        out.append("== Message Headers\n\n");
        out.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n");
        out.append("| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("headers").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> header = it.next();
            JsonNode h = header.getValue();
            out.append("| *").append(header.getKey()).append("* (").append(h.get("group").asText()).append(")\n")
                    .append("Constant: `").append(h.get("constantName").asText().replace('#', '.')).append("`\n")
                    .append("| ").append(text(h.get("description").asText())).append(" | ")
                    .append(h.has("defaultValue") ? h.get("defaultValue").asText() : "")
                    .append(" | ").append(h.get("javaType").asText()).append('\n');
        }
        out.append("|===\n");
        return out.toString();
    }

    private static void optionTable(StringBuilder out, JsonNode options, String kind) {
        out.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n");
        out.append("| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode o = option.getValue();
            if (kind != null && !kind.equals(o.get("kind").asText())) {
                continue;
            }
            out.append("| *").append(option.getKey()).append("* (").append(o.get("group").asText()).append(")")
                    .append(o.path("required").asBoolean() ? " *Required*" : "")
                    .append(o.path("secret").asBoolean() ? " (secret)" : "").append('\n')
                    .append("| ").append(text(o.get("description").asText()));
            if (o.has("enum")) {
                out.append("\n\nEnum values:\n");
                o.get("enum").forEach(v -> out.append("\n* ").append(v.asText()));
                out.append('\n');
            }
            out.append(" | ").append(o.has("defaultValue") ? o.get("defaultValue").asText() : "")
                    .append(" | ").append(type(o)).append('\n');
        }
        out.append("|===\n\n");
    }

    private static String type(JsonNode option) {
        String javaType = option.get("javaType").asText();
        return javaType.startsWith("java.lang.") ? javaType.substring("java.lang.".length()) : javaType;
    }

    /** AsciiDoc table cells need their pipes escaped (the catalog has no javadoc left: CatalogDescriptionsTest). */
    private static String text(String description) {
        return description.replace("|", "\\|");
    }
}
