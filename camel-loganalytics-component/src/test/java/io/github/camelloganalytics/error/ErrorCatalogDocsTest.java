package io.github.camelloganalytics.error;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code docs/errors.md} shows the catalog as it is: the section between the markers is the rendered table. */
class ErrorCatalogDocsTest {

    @Test
    void docsTableMatchesTheCatalog() throws Exception {
        Path docs = Paths.get("").toAbsolutePath().getParent().resolve("docs").resolve("errors.md");
        assertTrue(Files.isRegularFile(docs), "missing " + docs);
        String page = Files.readString(docs, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int begin = page.indexOf(ErrorCatalogDocs.BEGIN_MARKER);
        int end = page.indexOf(ErrorCatalogDocs.END_MARKER);
        assertTrue(begin >= 0 && end > begin, "markers " + ErrorCatalogDocs.BEGIN_MARKER + " and "
                + ErrorCatalogDocs.END_MARKER + " not found in order in " + docs);
        String section = page.substring(begin + ErrorCatalogDocs.BEGIN_MARKER.length(), end).strip();
        String expected = ErrorCatalogDocs.renderMarkdownTable().strip();
        if (!expected.equals(section)) {
            System.out.println("docs/errors.md is out of date; put this between the markers:");
            System.out.println(ErrorCatalogDocs.BEGIN_MARKER);
            System.out.println(expected);
            System.out.println(ErrorCatalogDocs.END_MARKER);
            fail("The catalog table in " + docs + " differs from ErrorCatalog.entries(); expected:\n" + expected);
        }
    }

    @Test
    void tableHasOneLinePerEntry() {
        String[] lines = ErrorCatalogDocs.renderMarkdownTable().split("\n");
        assertEquals(ErrorCatalog.entries().size() + 2, lines.length);
        assertTrue(lines[0].startsWith("| Exception | HTTP status | code / inner code | retryable | cause | fix |"));
        assertTrue(lines[2].startsWith("| `QuerySyntaxException` | 400 | `BadArgumentError` / `SyntaxError` | no |"),
                lines[2]);
    }
}
