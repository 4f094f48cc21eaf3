package io.github.camelloganalytics.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java samples of the docs that are compiled and run here: each page shows the class as its file holds it, from
 * its imports to its end, so that a sample a reader copies is one that a test runs.
 */
class DocSamplesTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final Path SOURCES = Path.of("src/test/java/io/github/camelloganalytics/examples");

    @ParameterizedTest(name = "{1} shows {0}")
    @CsvSource({
        "HeartbeatRoute.java, README.md",
        "HeartbeatRoute.java, docs/getting-started.md",
        "HeartbeatRouteTest.java, docs/testing.md",
    })
    void thePageShowsTheSampleAsItIsTested(String sample, String page) throws IOException {
        String shown = sample(Files.readString(SOURCES.resolve(sample), StandardCharsets.UTF_8));
        assertTrue(Files.readString(ROOT.resolve(page), StandardCharsets.UTF_8).contains(shown),
                page + " must show " + sample + " as it is:\n" + shown);
    }

    /** The file without its package line and its class comment: what a reader puts in a package of their own. */
    static String sample(String source) {
        String body = source.substring(source.indexOf("import "));
        int comment = body.indexOf("/**");
        if (comment >= 0) {
            body = body.substring(0, comment) + body.substring(body.indexOf("*/", comment) + 3);
        }
        return body.strip();
    }
}
