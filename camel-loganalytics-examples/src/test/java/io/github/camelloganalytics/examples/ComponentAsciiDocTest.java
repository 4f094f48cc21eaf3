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
 * docs/loganalytics-component.adoc is the component's metadata rendered in the layout of Camel's website: a new or
 * changed option or header fails this test until the page is regenerated.
 */
class ComponentAsciiDocTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final Path PAGE = ROOT.resolve("docs/loganalytics-component.adoc");

    @Test
    void thePageIsTheMetadataRendered() throws Exception {
        String expected = ComponentAsciiDocPage.render(ComponentReferencePage.metadata());
        Path rendered = Path.of("target/loganalytics-component.adoc");
        Files.writeString(rendered, expected, StandardCharsets.UTF_8);
        String actual = Files.exists(PAGE) ? Files.readString(PAGE, StandardCharsets.UTF_8) : "";

        assertEquals(expected, actual, "docs/loganalytics-component.adoc differs from the component's metadata; the"
                + " page it should be is in " + rendered.toAbsolutePath() + " (copy it over the page)");
    }

    @Test
    void everyOptionAndHeaderIsOnThePageInCamelsLayout() throws Exception {
        JsonNode json = ComponentReferencePage.metadata();
        String page = ComponentAsciiDocPage.render(json);
        assertTrue(page.startsWith("= Azure Monitor Log Analytics Component\n"), page);
        for (String attribute : new String[] {":doctitle:", ":shortname: loganalytics", ":artifactid: camel-loganalytics",
                                              ":since:", ":supportlevel:", ":component-header: Both producer and consumer are supported"}) {
            assertTrue(page.contains(attribute), attribute);
        }
        for (String section : new String[] {"properties", "componentProperties", "headers"}) {
            for (Iterator<String> names = json.get(section).fieldNames(); names.hasNext();) {
                String name = names.next();
                assertTrue(page.contains("| *" + name + "* ("), name + " of " + section + " is not on the page");
            }
        }
    }
}
