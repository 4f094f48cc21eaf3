package io.github.camelloganalytics.examples;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/component-reference.md is the component's metadata rendered: a new or changed option or header fails this
 * test until the page is regenerated, so the page cannot drift from the component.
 */
class ComponentReferenceTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final Path PAGE = ROOT.resolve("docs/component-reference.md");

    @Test
    void thePageIsTheMetadataRendered() throws Exception {
        String expected = ComponentReferencePage.render(ComponentReferencePage.metadata());
        Path rendered = Path.of("target/component-reference.md");
        Files.writeString(rendered, expected, StandardCharsets.UTF_8);
        String actual = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";

        assertEquals(expected, actual, "docs/component-reference.md differs from the component's metadata; the page"
                + " it should be is in " + rendered.toAbsolutePath() + " (copy it over docs/component-reference.md)");
    }

    @Test
    void theMetadataOnTheClasspathIsTheCheckedInOne() throws Exception {
        // the page is rendered from the component jar; the committed JSON must be what that jar carries
        Path committed = ROOT.resolve("camel-loganalytics-component/src/generated/resources/"
                + ComponentReferencePage.METADATA);
        assertEquals(new com.fasterxml.jackson.databind.ObjectMapper().readTree(committed.toFile()),
                ComponentReferencePage.metadata());
    }

    @Test
    void everyOptionAndHeaderIsOnThePage() throws Exception {
        JsonNode json = ComponentReferencePage.metadata();
        String page = ComponentReferencePage.render(json);
        for (String section : new String[] {"properties", "componentProperties", "headers"}) {
            for (Iterator<String> names = json.get(section).fieldNames(); names.hasNext();) {
                String name = names.next();
                assertTrue(page.contains("| `" + name + "`"), name + " of " + section + " is not on the page");
            }
        }
    }
}
