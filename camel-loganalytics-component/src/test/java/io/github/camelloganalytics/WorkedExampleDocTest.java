package io.github.camelloganalytics;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/testkit.md's worked example shows the route, its test and the user's data as the files that run hold them:
 * the Java files from their imports to their end (without the class comment), the data files whole.
 */
class WorkedExampleDocTest {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));

    @ParameterizedTest(name = "docs/testkit.md shows {0}")
    @ValueSource(strings = {
        "src/test/java/io/github/camelloganalytics/FailedOrdersRoute.java",
        "src/test/java/io/github/camelloganalytics/FailedOrdersRouteTest.java",
        "src/test/resources/orders/Orders_CL.ndjson",
        "src/test/resources/orders/Orders_CL.schema.json",
    })
    void thePageShowsTheFileAsItIs(String file) throws Exception {
        String source = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        String shown = file.endsWith(".java") ? javaSample(source) : source.strip();
        assertTrue(Files.readString(ROOT.resolve("docs/testkit.md"), StandardCharsets.UTF_8).contains(shown),
                "docs/testkit.md must show " + file + " as it is:\n" + shown);
    }

    /** The file without its package line and its class comment: what a reader puts in a package of their own. */
    static String javaSample(String source) {
        String body = source.substring(source.indexOf("import "));
        int comment = body.indexOf("/**");
        if (comment >= 0 && comment < body.indexOf("class ")) {
            body = body.substring(0, comment) + body.substring(body.indexOf("*/", comment) + 3);
        }
        return body.strip();
    }
}
