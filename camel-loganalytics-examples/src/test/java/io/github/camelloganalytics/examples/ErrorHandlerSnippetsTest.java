package io.github.camelloganalytics.examples;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelloganalytics.error.LogAnalyticsException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handlers of docs/errors.md: one for every exception class of the component, the page shows exactly the
 * rendered ones, and Camel loads each XML and YAML handler as the onException for its class.
 */
class ErrorHandlerSnippetsTest {

    private static final Path PAGE = Path.of(System.getProperty("project.root", "..")).resolve("docs/errors.md");

    @Test
    void thePageShowsTheRenderedHandlers() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int begin = page.indexOf(ErrorHandlerSnippets.BEGIN);
        int end = page.indexOf(ErrorHandlerSnippets.END);
        assertTrue(begin >= 0 && end > begin, "docs/errors.md lacks the handlers markers");
        String expected = ErrorHandlerSnippets.render();
        Files.writeString(Path.of("target/errors-handlers.md"), expected, StandardCharsets.UTF_8);
        assertEquals(expected, page.substring(begin, end + ErrorHandlerSnippets.END.length()),
                "the handlers section of docs/errors.md should be target/errors-handlers.md");
    }

    @Test
    void everyExceptionClassHasAHandler() throws Exception {
        List<String> handled = ErrorHandlerSnippets.HANDLERS.stream().map(ErrorHandlerSnippets.Handler::simpleName)
                .sorted().toList();
        assertEquals(exceptionClasses(), handled);
    }

    /** The subclasses of LogAnalyticsException in the component's error package, read from the component jar. */
    private static List<String> exceptionClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path location = Path.of(LogAnalyticsException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            Path root = jar == null ? location : jar.getPath("/");
            Path dir = root.resolve("io/github/camelloganalytics/error");
            List<String> names;
            try (Stream<Path> files = Files.list(dir)) {
                names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                        .map(n -> n.substring(0, n.length() - ".class".length())).sorted().toList();
            }
            List<String> exceptions = new java.util.ArrayList<>();
            for (String name : names) {
                if (LogAnalyticsException.class.isAssignableFrom(Class.forName(ErrorHandlerSnippets.PACKAGE + name))) {
                    exceptions.add(name);
                }
            }
            return exceptions;
        }
    }

    @Test
    void camelLoadsEachXmlAndYamlHandlerForItsClass() throws Exception {
        for (ErrorHandlerSnippets.Handler h : ErrorHandlerSnippets.HANDLERS) {
            Map<String, String> files = Map.of(
                    "handler.xml", "<camel><routeConfiguration>" + h.xml() + "</routeConfiguration></camel>",
                    "handler.yaml", h.yaml());
            for (Map.Entry<String, String> file : files.entrySet()) {
                try (DefaultCamelContext context = new DefaultCamelContext()) {
                    PluginHelper.getRoutesLoader(context)
                            .loadRoutes(ResourceHelper.fromString(file.getKey(), file.getValue()));
                    List<RouteConfigurationDefinition> configurations =
                            ((ModelCamelContext) context).getRouteConfigurationDefinitions();
                    assertEquals(1, configurations.size(), file.getKey() + " of " + h.simpleName());
                    List<OnExceptionDefinition> handlers = configurations.get(0).getOnExceptions();
                    assertEquals(1, handlers.size(), file.getKey() + " of " + h.simpleName());
                    assertEquals(List.of(h.className()), handlers.get(0).getExceptions(), file.getKey());
                    assertEquals(h.redeliveries() > 0, handlers.get(0).getRedeliveryPolicyType() != null, file.getKey());
                }
            }
        }
    }
}
