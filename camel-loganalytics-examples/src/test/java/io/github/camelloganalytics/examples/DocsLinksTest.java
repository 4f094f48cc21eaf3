package io.github.camelloganalytics.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The docs index links every page of docs/, and no page links a file that does not exist: a page added without a
 * link, or a link to a page not written yet, fails the build.
 */
class DocsLinksTest {

    private static final Path DOCS = Path.of(System.getProperty("project.root", "..")).resolve("docs");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    private static List<String> localLinks(Path page) throws IOException {
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
        while (m.find()) {
            if (!m.group(1).contains("://")) {
                links.add(m.group(1));
            }
        }
        return links;
    }

    @Test
    void theIndexLinksEveryPage() throws IOException {
        List<String> linked = localLinks(DOCS.resolve("index.md"));
        List<String> unlinked = pages().stream().map(p -> p.getFileName().toString())
                .filter(name -> !name.equals("index.md") && !linked.contains(name)).toList();
        assertEquals(List.of(), unlinked, "pages docs/index.md does not link");
    }

    @Test
    void everyLocalLinkLeadsToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String link : localLinks(page)) {
                if (!Files.exists(page.getParent().resolve(link))) {
                    broken.add(page.getFileName() + " -> " + link);
                }
            }
        }
        assertEquals(List.of(), broken, "links to files that do not exist");
    }
}
