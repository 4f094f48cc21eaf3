package io.github.camelloganalytics.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The descriptions of the component's catalog JSON (what IDEs, Camel JBang, Kaoto, the Spring Boot metadata,
 * docs/component-reference.md and the AsciiDoc page show) are the javadoc's words: no javadoc or HTML leftovers, and
 * no character the generator dropped.
 */
class CatalogDescriptionsTest {

    private static final Path CONFIGURATION = Path.of(System.getProperty("project.root", "..")).resolve(
            "camel-loganalytics-component/src/main/java/io/github/camelloganalytics/LogAnalyticsConfiguration.java");
    private static final Pattern LEFTOVER = Pattern.compile("\\{@|\\{code|\\{link|@code|@link|</?\\w+[ >/]|&\\w+;");
    /** A javadoc comment right before a field declaration, annotations between. */
    private static final Pattern FIELD_JAVADOC = Pattern.compile(
            "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*private [\\w<>,.? ]+ (\\w+)\\s*[;=]",
            Pattern.DOTALL);

    @Test
    void noDescriptionHasJavadocOrHtmlLeftoversOrUnbalancedBraces() throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode catalog = ComponentReferencePage.metadata();
        check("component", catalog.get("component").get("description").asText(), problems);
        for (String section : List.of("componentProperties", "properties", "headers")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = catalog.get(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                check(section + "." + entry.getKey(), entry.getValue().path("description").asText(), problems);
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyOptionDescriptionIsItsJavadocsText() throws IOException {
        Map<String, String> javadoc = new HashMap<>();
        Matcher m = FIELD_JAVADOC.matcher(Files.readString(CONFIGURATION, StandardCharsets.UTF_8));
        while (m.find()) {
            javadoc.put(m.group(2), text(m.group(1)));
        }
        assertTrue(javadoc.size() > 40, "javadoc of " + javadoc.size() + " options found");
        List<String> problems = new ArrayList<>();
        JsonNode catalog = ComponentReferencePage.metadata();
        for (String section : List.of("componentProperties", "properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = catalog.get(section).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> option = it.next();
                String expected = javadoc.get(option.getKey());
                String described = String.join(" ", option.getValue().path("description").asText().split("\\s+"));
                if (expected != null && !expected.equals(described)) {
                    problems.add(section + "." + option.getKey() + ":\n  javadoc: " + expected + "\n  catalog: " + described);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void check(String where, String description, List<String> problems) {
        Matcher leftover = LEFTOVER.matcher(description);
        if (leftover.find()) {
            problems.add(where + ": '" + leftover.group() + "' in: " + description);
        }
        int depth = 0;
        for (char c : description.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0 || depth > 1) {
                break;
            }
        }
        if (depth != 0) {
            problems.add(where + ": unbalanced or nested braces in: " + description);
        }
    }

    /** The text javadoc shows: tags and markup gone, entities read, white space collapsed. */
    private static String text(String javadoc) {
        String s = javadoc.replaceAll("(?m)^\\s*\\* ?", "")
                .replaceAll("\\{@(?:code|literal) ([^}]*)}", "$1")
                .replaceAll("\\{@link(?:plain)? ([^}]*)}", "$1")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        return String.join(" ", s.strip().split("\\s+"));
    }
}
