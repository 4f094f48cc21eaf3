package io.github.camelloganalytics.testkit.kql.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The function names Microsoft's KQL reference documents (a bundled list), so that a valid function the engine
 * lacks is answered {@code NotSupportedByEmulator} and only a name KQL does not have is an unknown function.
 */
final class ReferenceNames {

    private static final Set<String> FUNCTIONS = load("reference-functions.txt");

    private ReferenceNames() {
    }

    static boolean isReferenceFunction(String name) {
        return FUNCTIONS.contains(name);
    }

    private static Set<String> load(String resource) {
        Set<String> names = new HashSet<>();
        try (InputStream in = ReferenceNames.class.getResourceAsStream(
                "/io/github/camelloganalytics/testkit/kql/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
