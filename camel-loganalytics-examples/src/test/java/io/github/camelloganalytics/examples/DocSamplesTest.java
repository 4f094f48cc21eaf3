package io.github.camelloganalytics.examples;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.error.QuerySyntaxException;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Java, XML and YAML sample of README.md and docs/*.md (component-reference.md is generated) is run, compiled,
 * or checked for what it claims, as {@link #SAMPLES} says; a sample that {@link #SAMPLES} does not classify fails
 * {@link #everySampleIsClassified()}, so a new one cannot go unchecked. The pages are read at test time.
 *
 * <ul>
 * <li>{@code FILE}: the sample is a file that a test runs, shown as it is (its paragraphs, in order, ignoring
 * javadoc comments and the package line).</li>
 * <li>{@code RUN_ROUTE}, {@code RUN_XML}, {@code RUN_YAML}: the sample is loaded into a CamelContext with the routes
 * of a scenario and run against the emulator; the scenario checks what the sample claims to do.</li>
 * <li>{@code RUN_STATEMENTS}: Java statements compiled into a method and run against a fresh emulator, followed by
 * the rule's check code.</li>
 * <li>{@code COMPILE_ROUTE}, {@code COMPILE_STATEMENTS}, {@code COMPILE_CLASS}: compiled only (they need a bean, a
 * file or a broker that the sample leaves to the reader).</li>
 * <li>{@code HANDLER}: the generated handlers of docs/errors.md; Java ones are compiled here, XML and YAML ones are
 * loaded by ErrorHandlerSnippetsTest.</li>
 * <li>{@code DEPENDENCY}: a pom snippet whose coordinates must match this project's poms.</li>
 * <li>{@code URI_OPTIONS}: a fragment (placeholders, another component's endpoint) whose loganalytics: URI options
 * must exist in the component's catalog; that check also applies to every other sample.</li>
 * <li>{@code KAMELET}: a route of a Kamelet whose parameters must be the Kamelet's.</li>
 * <li>{@code NOT_CHECKED}: outside this build's class path, with the reason.</li>
 * </ul>
 */
class DocSamplesTest {

    static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    static final String EXAMPLES_TESTS = "camel-loganalytics-examples/src/test/java/io/github/camelloganalytics/examples/";
    static final String COMPONENT_TESTS = "camel-loganalytics-component/src/test/java/io/github/camelloganalytics/";

    enum How {
        FILE, RUN_ROUTE, RUN_XML, RUN_YAML, RUN_STATEMENTS, COMPILE_ROUTE, COMPILE_STATEMENTS, COMPILE_CLASS,
        HANDLER, DEPENDENCY, URI_OPTIONS, KAMELET, NOT_CHECKED
    }

    /**
     * How one sample is checked: the page, a text only that sample of the page contains, and the detail of the check
     * (the file shown, the scenario, the check code run after statements, extra imports, or a reason).
     */
    record Rule(String page, String marker, How how, String detail) {
    }

    /** A scenario a route sample runs in: routes added beside the sample, and what is then checked. */
    record Scenario(String javaRoutes, String xmlRoutes, String yamlRoutes, BiConsumer<LogAnalyticsEmulator, CamelContext> check) {
    }

    static final String BAD_QUERY = "badQuery";
    static final String THROTTLED = "throttled";
    static final String HEARTBEATS = "heartbeats";
    static final String HEARTBEAT_COUNT = "heartbeatCount";

    static final Map<String, Scenario> SCENARIOS = Map.of(
            // a query the service refuses as malformed reaches the handler, which hands the message on
            BAD_QUERY, new Scenario(
                    "from(\"direct:query\").to(\"loganalytics:{{ws}}?query=Heartbeat | wher\");\n"
                            + "from(\"direct:badQuery\").to(\"mock:badQuery\");",
                    "<route><from uri=\"direct:query\"/><to uri=\"loganalytics:{{ws}}?query=Heartbeat | wher\"/></route>"
                            + "<route><from uri=\"direct:badQuery\"/><to uri=\"mock:badQuery\"/></route>",
                    "- route:\n    from:\n      uri: direct:query\n      steps:\n"
                            + "        - to: \"loganalytics:{{ws}}?query=Heartbeat | wher\"\n"
                            + "- route:\n    from:\n      uri: direct:badQuery\n      steps:\n        - to: mock:badQuery\n",
                    (emulator, context) -> {
                        Exchange out = context.createProducerTemplate().send("direct:query", e -> { });
                        assertNull(out.getException(), "the handler marks the exchange handled");
                        MockEndpoint bad = context.getEndpoint("mock:badQuery", MockEndpoint.class);
                        assertEquals(1, bad.getReceivedCounter());
                        assertInstanceOf(QuerySyntaxException.class,
                                bad.getExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT));
                    }),
            // two 429s with Retry-After: 0, then the answer: redelivered twice, at once
            THROTTLED, new Scenario(
                    "from(\"direct:query\").to(\"loganalytics:{{ws}}?query=Heartbeat | take 1\");",
                    "<route><from uri=\"direct:query\"/><to uri=\"loganalytics:{{ws}}?query=Heartbeat | take 1\"/></route>",
                    "- route:\n    from:\n      uri: direct:query\n      steps:\n"
                            + "        - to: \"loganalytics:{{ws}}?query=Heartbeat | take 1\"\n",
                    (emulator, context) -> {
                        emulator.faults().next(2).status(429).retryAfter("0");
                        List<?> rows = context.createProducerTemplate().requestBody("direct:query", null, List.class);
                        assertEquals(1, rows.size());
                        assertEquals(List.of(429, 429, 200), emulator.requestLog().entries().stream()
                                .filter(r -> r.body().contains("take 1")).map(LoggedRequest::status).toList());
                    }),
            HEARTBEATS, new Scenario("", "", "", (emulator, context) -> assertEquals(3,
                    context.createProducerTemplate().requestBody("direct:heartbeats", null, List.class).size())),
            HEARTBEAT_COUNT, new Scenario("", "", "", (emulator, context) -> {
                List<?> rows = context.createProducerTemplate().requestBody("direct:heartbeat-count", null, List.class);
                assertEquals(1, rows.size());
                assertTrue(((Map<?, ?>) rows.get(0)).containsKey("Count"), rows.toString());
            }));

    static final String HEARTBEAT_ROUTE = EXAMPLES_TESTS + "HeartbeatRoute.java";

    /** Every sample, classified. Samples of pages other helpers own are read as they are when the test runs. */
    static final List<Rule> SAMPLES = List.of(
            new Rule("README.md", "public class HeartbeatRoute", How.FILE, HEARTBEAT_ROUTE),

            new Rule("docs/getting-started.md", "<artifactId>camel-main</artifactId>", How.DEPENDENCY, ""),
            new Rule("docs/getting-started.md", "public class HeartbeatRoute", How.FILE, HEARTBEAT_ROUTE),
            new Rule("docs/getting-started.md", "public class Application", How.COMPILE_CLASS, ""),

            new Rule("docs/testing.md", "<artifactId>camel-loganalytics-testkit</artifactId>", How.DEPENDENCY, ""),
            new Rule("docs/testing.md", "class HeartbeatRouteTest", How.FILE, EXAMPLES_TESTS + "HeartbeatRouteTest.java"),

            new Rule("docs/errors.md", "exchange.getProperty(Exchange.EXCEPTION_CAUGHT", How.RUN_STATEMENTS,
                    "assertInstanceOf(QuerySyntaxException.class, e); return e;"),
            new Rule("docs/errors.md", ".to(\"direct:badQuery\")", How.RUN_ROUTE, BAD_QUERY),
            new Rule("docs/errors.md", "<to uri=\"direct:badQuery\"/>", How.RUN_XML, BAD_QUERY),
            new Rule("docs/errors.md", "uri: direct:badQuery", How.RUN_YAML, BAD_QUERY),
            new Rule("docs/errors.md", "onException(ThrottledException.class, ServiceUnavailableException.class)",
                    How.RUN_ROUTE, THROTTLED),
            new Rule("docs/errors.md", "ThrottledException</exception>\n      <exception>", How.RUN_XML, THROTTLED),
            new Rule("docs/errors.md", "ThrottledException\n      - io.github", How.RUN_YAML, THROTTLED),
            new Rule("docs/errors.md", "<!-- handlers:begin -->", How.HANDLER, "<!-- handlers:end -->"),

            new Rule("docs/authentication.md", "new DefaultAzureCredentialBuilder()", How.RUN_STATEMENTS,
                    "assertSame(credential, context.getRegistry().lookupByName(\"azureCredential\")); return null;"),
            new Rule("docs/authentication.md", "context.getRegistry().bind(\"emulatorTls\", tls);", How.RUN_STATEMENTS,
                    "assertEquals(10, template.requestBody(uri + \"&query=Heartbeat | take 10\", null, List.class)"
                            + ".size()); assertEquals(1, emulator.tokenEndpoint().tokenRequestCount()); return null;"),

            new Rule("docs/camel-tooling.md", "public class ExportRoute", How.COMPILE_CLASS,
                    "org.apache.camel.builder.endpoint.EndpointRouteBuilder"),
            new Rule("docs/camel-tooling.md", "ComponentsBuilderFactory.loganalytics()", How.RUN_STATEMENTS,
                    "assertEquals(\"...\", camelContext.getComponent(\"loganalytics\", LogAnalyticsComponent.class)"
                            + ".getConfiguration().getTenantId()); return null;"),
            new Rule("docs/camel-tooling.md", "kamelet:loganalytics-source", How.KAMELET, ""),

            new Rule("docs/consumer.md", "new JdbcStateRepository(dataSource)", How.URI_OPTIONS,
                    "a DataSource left to the reader, and camel-kafka"),
            new Rule("docs/consumer.md", "from(\"master:activity-export:loganalytics:{{workspaceId}}", How.URI_OPTIONS,
                    "camel-master and camel-kafka; the failover runs in ClusteredConsumerTest"),
            new Rule("docs/consumer.md", "new KubernetesClusterService()", How.NOT_CHECKED,
                    "camel-kubernetes's API, which this build does not have"),
            new Rule("docs/consumer.md", "from(\"master:activity-export:loganalytics:...", How.URI_OPTIONS,
                    "a line of the sample above"),

            new Rule("docs/quarkus.md", "camel-quarkus-bom", How.DEPENDENCY, ""),
            new Rule("docs/quarkus.md", "@ApplicationScoped", How.URI_OPTIONS,
                    "CDI's annotation: the Quarkus module's tests run such a route"),

            new Rule("docs/spring-boot.md", "camel-spring-boot-bom", How.DEPENDENCY, ""),
            new Rule("docs/spring-boot.md", "from(\"direct:heartbeats\")", How.RUN_ROUTE, HEARTBEATS),
            new Rule("docs/spring-boot.md", "uri: direct:heartbeat-count", How.RUN_YAML, HEARTBEAT_COUNT),
            new Rule("docs/spring-boot.md", "<artifactId>camel-loganalytics-testkit</artifactId>", How.DEPENDENCY, ""),
            new Rule("docs/spring-boot.md", "class ReportingRoutesTest", How.NOT_CHECKED,
                    "needs spring-boot-test; AutoConfigureLogAnalyticsEmulatorTest (the starter's tests) runs this"
                            + " test's two cases against the emulator"),

            new Rule("docs/targets.md", "operation=BATCH", How.COMPILE_ROUTE, "a #tokens TokenProvider bean and an ARM workspace"),

            new Rule("docs/testkit.md", "<artifactId>camel-loganalytics-testkit</artifactId>", How.DEPENDENCY, ""),
            new Rule("docs/testkit.md", "class MyRouteTest", How.COMPILE_CLASS,
                    "org.apache.camel.test.junit5.CamelTestSupport,org.junit.jupiter.api.Test,"
                            + "org.junit.jupiter.api.extension.ExtendWith"),
            new Rule("docs/testkit.md", "void readsHeartbeatsWithAClientSecret()", How.FILE,
                    COMPONENT_TESTS + "TestkitQuickStartTest.java"),
            new Rule("docs/testkit.md", "try (LogAnalyticsEmulator emulator = new LogAnalyticsEmulator().start())",
                    How.RUN_STATEMENTS, "return null;"),
            new Rule("docs/testkit.md", "ws.createTable(\"Orders_CL\"", How.RUN_STATEMENTS,
                    "assertEquals(3, t.size()); return null;"),
            new Rule("docs/testkit.md", "ws.createStandardTable(\"Syslog\")", How.RUN_STATEMENTS,
                    "assertTrue(perf.indexOf(\"CounterValue\") >= 0); assertEquals(0, ws.table(\"Syslog\").orElseThrow().size()); return null;"),
            new Rule("docs/testkit.md", "StandardData.fill(heartbeat", How.RUN_STATEMENTS,
                    "assertTrue(heartbeat.size() > 0); return null;"),
            new Rule("docs/testkit.md", "TableLoader.load(\"Orders_CL\"", How.COMPILE_STATEMENTS,
                    "files of the reader's"),
            new Rule("docs/testkit.md", "emulator.clock().offsetBy(", How.RUN_STATEMENTS, "return null;"),
            new Rule("docs/testkit.md", "class MyDataTest", How.COMPILE_CLASS,
                    "org.junit.jupiter.api.extension.RegisterExtension"),
            new Rule("docs/testkit.md", "public class FailedOrdersRoute", How.FILE,
                    COMPONENT_TESTS + "FailedOrdersRoute.java"),
            new Rule("docs/testkit.md", "alertsForRegionsWithTwoOrMoreFailedOrdersInTheLastDay", How.FILE,
                    COMPONENT_TESTS + "FailedOrdersRouteTest.java"),
            new Rule("docs/testkit.md", "emulator.clients().register(", How.RUN_STATEMENTS,
                    "assertTrue(t.length() > 100 && old.length() > 100); return null;"),
            new Rule("docs/testkit.md", "emulator.faults().next(3)", How.RUN_STATEMENTS, "return null;"),
            new Rule("docs/testkit.md", "emulator.limits()", How.RUN_STATEMENTS, "return null;"),
            new Rule("docs/testkit.md", "emulator.requestLog().last()", How.RUN_STATEMENTS,
                    "assertEquals(\"Bearer <redacted>\", r.header(\"Authorization\")); return null;"));

    private static final Set<String> LANGUAGES = Set.of("java", "xml", "yaml");

    private static final String IMPORTS = """
            import java.io.*;
            import java.math.*;
            import java.nio.file.Files;
            import java.time.*;
            import java.util.*;
            import javax.net.ssl.*;
            import io.github.camelloganalytics.*;
            import io.github.camelloganalytics.client.*;
            import io.github.camelloganalytics.error.*;
            import io.github.camelloganalytics.state.*;
            import io.github.camelloganalytics.testkit.*;
            import io.github.camelloganalytics.testkit.data.*;
            import io.github.camelloganalytics.testkit.generate.*;
            import io.github.camelloganalytics.testkit.load.*;
            import io.github.camelloganalytics.testkit.schema.*;
            import io.github.camelloganalytics.dsl.*;
            import io.github.camelloganalytics.examples.*;
            import org.apache.camel.*;
            import org.apache.camel.builder.*;
            import org.apache.camel.main.*;
            import org.apache.camel.support.jsse.*;
            import com.azure.core.credential.*;
            import com.azure.identity.*;
            import java.time.Clock;
            import java.util.List;
            import java.util.Map;
            import java.nio.file.Path;
            import static org.junit.jupiter.api.Assertions.*;
            """;

    /** The samples with their rule, for the tests below. */
    static Map<DocSample, Rule> classified() throws IOException {
        Map<DocSample, Rule> classified = new LinkedHashMap<>();
        for (DocSample sample : DocSample.all(ROOT)) {
            if (!LANGUAGES.contains(sample.language())) {
                continue;
            }
            List<Rule> rules = SAMPLES.stream().filter(r -> matches(r, sample)).toList();
            if (rules.size() == 1) {
                classified.put(sample, rules.get(0));
            }
        }
        return classified;
    }

    private static boolean matches(Rule rule, DocSample sample) {
        if (!rule.page().equals(sample.page())) {
            return false;
        }
        if (rule.how() == How.HANDLER) {
            return inSection(sample, rule.marker(), rule.detail());
        }
        return sample.text().contains(rule.marker()) && !inHandlersSection(sample);
    }

    private static boolean inHandlersSection(DocSample sample) {
        return SAMPLES.stream().anyMatch(r -> r.how() == How.HANDLER && r.page().equals(sample.page())
                && inSection(sample, r.marker(), r.detail()));
    }

    private static boolean inSection(DocSample sample, String begin, String end) {
        try {
            List<String> lines = Files.readAllLines(ROOT.resolve(sample.page()), StandardCharsets.UTF_8);
            int from = lines.indexOf(begin) + 1;
            int to = lines.indexOf(end) + 1;
            return from > 0 && sample.line() > from && sample.line() < to;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everySampleIsClassified() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<Rule> used = new java.util.HashSet<>();
        Map<How, Integer> counts = new java.util.EnumMap<>(How.class);
        int total = 0;
        for (DocSample sample : DocSample.all(ROOT)) {
            if (!LANGUAGES.contains(sample.language())) {
                continue;
            }
            total++;
            List<Rule> rules = SAMPLES.stream().filter(r -> matches(r, sample)).toList();
            if (rules.size() != 1) {
                problems.add(sample.where() + " (" + sample.language() + ") matches " + rules.size()
                        + " rules of DocSamplesTest.SAMPLES; say how it is run or checked:\n" + sample.text());
            } else {
                used.add(rules.get(0));
                counts.merge(rules.get(0).how(), 1, Integer::sum);
            }
        }
        for (Rule rule : SAMPLES) {
            if (!used.contains(rule)) {
                problems.add("no sample of " + rule.page() + " contains " + rule.marker() + " any more: remove its rule");
            }
        }
        StringBuilder inventory = new StringBuilder("samples: " + total + "\n");
        counts.forEach((how, n) -> inventory.append(how).append(": ").append(n).append('\n'));
        Files.writeString(Path.of("target/doc-samples-inventory.txt"), inventory.toString());
        assertTrue(problems.isEmpty(), String.join("\n\n", problems));
    }

    @TestFactory
    Stream<DynamicTest> filesShownAsTheyAre() throws IOException {
        return of(How.FILE, (sample, rule) -> {
            String file = Files.readString(ROOT.resolve(rule.detail()), StandardCharsets.UTF_8)
                    .replaceAll("(?s)[ \\t]*/\\*\\*.*?\\*/\\n", "").replaceAll("(?m)^package .*;\\n", "");
            List<String> lines = file.lines().map(String::stripTrailing).toList();
            int at = 0;
            for (String paragraph : sample.text().split("\\n\\s*\\n")) {
                List<String> wanted = paragraph.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
                if (wanted.isEmpty()) {
                    continue;
                }
                int found = indexOf(lines, wanted, at);
                assertTrue(found >= 0, sample.where() + " must show " + rule.detail() + " as it is (in its order);"
                        + " not there:\n" + paragraph);
                at = found + wanted.size();
            }
        });
    }

    private static int indexOf(List<String> lines, List<String> wanted, int from) {
        for (int i = from; i + wanted.size() <= lines.size(); i++) {
            if (lines.subList(i, i + wanted.size()).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    @TestFactory
    Stream<DynamicTest> routesRunAgainstTheEmulator() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (How how : List.of(How.RUN_ROUTE, How.RUN_XML, How.RUN_YAML)) {
            tests.addAll(of(how, (sample, rule) -> {
                Scenario scenario = SCENARIOS.get(rule.detail());
                try (LogAnalyticsEmulator emulator = new LogAnalyticsEmulator().start();
                        CamelContext context = contextFor(emulator)) {
                    switch (how) {
                        case RUN_ROUTE -> context.addRoutes(fixture(sample, routeClass(sample, scenario.javaRoutes())));
                        case RUN_XML -> load(context, "sample.xml", sample.text().contains("<!-- routes -->")
                                ? sample.text().replace("<!-- routes -->", scenario.xmlRoutes())
                                : "<camel>" + sample.text() + scenario.xmlRoutes() + "</camel>");
                        default -> load(context, "sample.yaml", sample.text() + scenario.yamlRoutes());
                    }
                    context.start();
                    scenario.check().accept(emulator, context);
                }
            }).toList());
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> statementsRunAgainstTheEmulator() throws IOException {
        return of(How.RUN_STATEMENTS, (sample, rule) -> {
            // the samples configure the component themselves
            try (LogAnalyticsEmulator emulator = new LogAnalyticsEmulator().start();
                    CamelContext context = new DefaultCamelContext()) {
                context.start();
                DocSampleFixture fixture = fixture(sample, statementsClass(sample, rule.detail()));
                // a query the emulator refused, as an onException sees it: also the request log's last entry
                Exchange failed;
                try (CamelContext probe = contextFor(emulator)) {
                    probe.start();
                    failed = probe.createProducerTemplate().send("loganalytics:" + LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID
                            + "?query=Heartbeat | wher", e -> { });
                }
                failed.setProperty(Exchange.EXCEPTION_CAUGHT, failed.getException());
                fixture.with(emulator, context, emulator.workspace(java.util.UUID.randomUUID().toString()), failed,
                        new ByteArrayInputStream("TimeGenerated,OrderId\n".getBytes(StandardCharsets.UTF_8)));
                fixture.run();
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> javaSamplesCompile() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        tests.addAll(of(How.COMPILE_ROUTE, (sample, rule) -> compile(sample, routeClass(sample, ""))).toList());
        tests.addAll(of(How.COMPILE_STATEMENTS, (sample, rule) -> compile(sample, statementsClass(sample, "return null;")))
                .toList());
        tests.addAll(of(How.COMPILE_CLASS, (sample, rule) -> {
            Matcher name = Pattern.compile("class (\\w+)").matcher(sample.text());
            assertTrue(name.find(), sample.where());
            StringBuilder imports = new StringBuilder();
            for (String type : rule.detail().split(",")) {
                if (!type.isBlank()) {
                    imports.append("import ").append(type).append(";\n");
                }
            }
            String text = sample.text();
            String own = text.lines().filter(l -> l.startsWith("import ")).reduce("", (a, l) -> a + l + "\n");
            String body = text.lines().filter(l -> !l.startsWith("import ")).reduce("", (a, l) -> a + l + "\n");
            SampleCompiler.compile(Map.of("docsamples." + name.group(1),
                    "package docsamples;\n" + own + IMPORTS + imports + body));
        }).toList());
        // the generated handlers, in one run of the compiler
        Map<String, String> handlers = new LinkedHashMap<>();
        classified().forEach((sample, rule) -> {
            if (rule.how() == How.HANDLER && "java".equals(sample.language())) {
                handlers.putAll(routeClass(sample, ""));
            }
        });
        tests.add(DynamicTest.dynamicTest("HANDLER docs/errors.md: " + handlers.size() + " Java handlers",
                () -> SampleCompiler.compile(handlers)));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> dependenciesMatchThePoms() throws IOException {
        String version = projectVersion();
        String poms = allPoms();
        return of(How.DEPENDENCY, (sample, rule) -> {
            Matcher dependency = Pattern.compile("(?s)<dependency>(.*?)</dependency>").matcher(sample.text());
            int n = 0;
            while (dependency.find()) {
                n++;
                String group = element(dependency.group(1), "groupId");
                String artifact = element(dependency.group(1), "artifactId");
                String v = element(dependency.group(1), "version");
                if ("io.github.camelloganalytics".equals(group)) {
                    assertTrue(poms.contains("<artifactId>" + artifact + "</artifactId>"), artifact + " is no module");
                    assertTrue(version.equals(v) || "${camel-loganalytics.version}".equals(v),
                            sample.where() + ": " + artifact + " " + v + ", the project is " + version);
                } else if (v != null) {
                    assertTrue(poms.contains(">" + v + "<"), sample.where() + ": no pom builds with " + group + ":"
                            + artifact + ":" + v);
                } else {
                    assertTrue(poms.contains("<groupId>" + group + "</groupId>\n            <artifactId>" + artifact
                            + "</artifactId>"), sample.where() + ": no pom uses " + group + ":" + artifact);
                }
            }
            assertTrue(n > 0, sample.where() + " has no dependency");
        });
    }

    @Test
    void everySamplesEndpointOptionsExist() throws IOException {
        Set<String> options = new TreeSet<>();
        ComponentReferencePage.metadata().get("properties").fieldNames().forEachRemaining(options::add);
        List<String> problems = new ArrayList<>();
        for (DocSample sample : DocSample.all(ROOT)) {
            for (String option : uriOptions(sample.text())) {
                if (!options.contains(option)) {
                    problems.add(sample.where() + ": no option " + option);
                }
            }
        }
        // camel.component.loganalytics.<option> in kebab case, in the properties samples
        Set<String> componentOptions = new TreeSet<>();
        ComponentReferencePage.metadata().get("componentProperties").fieldNames().forEachRemaining(componentOptions::add);
        Pattern property = Pattern.compile("(?m)^camel\\.component\\.loganalytics\\.([a-z-]+)\\s*=");
        for (DocSample sample : DocSample.all(ROOT)) {
            Matcher m = property.matcher(sample.text());
            while (m.find()) {
                String option = Pattern.compile("-([a-z])").matcher(m.group(1)).replaceAll(r -> r.group(1).toUpperCase());
                if (!componentOptions.contains(option)) {
                    problems.add(sample.where() + ": no component option " + m.group(1));
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        // the inventory's URI_OPTIONS samples are checked by this test; each has at least one URI
        for (Map.Entry<DocSample, Rule> e : classified().entrySet()) {
            if (e.getValue().how() == How.URI_OPTIONS) {
                assertFalse(uriOptions(e.getKey().text()).isEmpty(), e.getKey().where() + " has no loganalytics: URI");
            }
        }
    }

    @Test
    void kameletRoutesUseTheKameletsParameters() throws IOException {
        for (Map.Entry<DocSample, Rule> e : classified().entrySet()) {
            if (e.getValue().how() != How.KAMELET) {
                continue;
            }
            Map<?, ?> route = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) yaml(e.getKey().text())).get(0))
                    .get("route")).get("from");
            String kamelet = ((String) route.get("uri")).substring("kamelet:".length());
            Map<?, ?> definition = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) yaml(Files.readString(ROOT.resolve(
                    "camel-loganalytics-component/src/main/resources/kamelets/" + kamelet + ".kamelet.yaml"))))
                    .get("spec")).get("definition");
            Set<?> given = ((Map<?, ?>) route.get("parameters")).keySet();
            for (Object parameter : given) {
                assertTrue(((Map<?, ?>) definition.get("properties")).containsKey(parameter),
                        e.getKey().where() + ": the Kamelet has no parameter " + parameter);
            }
            for (Object required : (List<?>) definition.get("required")) {
                assertTrue(given.contains(required), e.getKey().where() + " lacks required " + required);
            }
        }
    }

    private static Object yaml(String text) {
        return new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    /** The option names of every loganalytics: URI in a sample, its Java string concatenations joined first. */
    static Set<String> uriOptions(String text) {
        String joined = text.replaceAll("\"\\s*(//[^\\n]*)?\\n?\\s*\\+\\s*\"", "");
        Set<String> names = new TreeSet<>();
        Matcher uri = Pattern.compile("loganalytics:[^\"\\s<?&]*[?&]([^\"\\n<]*)").matcher(joined);
        while (uri.find()) {
            String query = uri.group(1);
            int i = 0;
            while (i < query.length()) {
                int eq = query.indexOf('=', i);
                if (eq < 0) {
                    break;
                }
                names.add(query.substring(i, eq));
                int next = query.startsWith("RAW(", eq + 1) ? query.indexOf(")&", eq) : query.indexOf('&', eq);
                i = next < 0 ? query.length() : next + (query.charAt(next) == ')' ? 2 : 1);
            }
        }
        names.removeIf(n -> n.startsWith("{{") || n.isEmpty());
        return names;
    }

    private Stream<DynamicTest> of(How how, SampleCheck check) throws IOException {
        return classified().entrySet().stream().filter(e -> e.getValue().how() == how)
                .map(e -> DynamicTest.dynamicTest(how + " " + e.getKey().where(),
                        () -> check.check(e.getKey(), e.getValue())));
    }

    @FunctionalInterface
    interface SampleCheck {
        void check(DocSample sample, Rule rule) throws Exception;
    }

    private static CamelContext contextFor(LogAnalyticsEmulator emulator) {
        DefaultCamelContext context = new DefaultCamelContext();
        LogAnalyticsComponent component = new LogAnalyticsComponent();
        component.getConfiguration().setHost(emulator.queryUrl());
        component.getConfiguration().setAccessToken(emulator.token());
        context.addComponent("loganalytics", component);
        Properties p = new Properties();
        for (String name : List.of("ws", "workspace-id", "workspaceId", "loganalytics.workspaceId", "workspace.id")) {
            p.put(name, LogAnalyticsEmulator.SAMPLE_WORKSPACE_ID);
        }
        context.getPropertiesComponent().setInitialProperties(p);
        return context;
    }

    private static void load(CamelContext context, String name, String text) throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString(name, text));
    }

    private static String className(DocSample sample) {
        return "docsamples.Sample" + sample.page().replaceAll("\\W", "_") + "_" + sample.line();
    }

    private static Map<String, String> routeClass(DocSample sample, String moreRoutes) {
        String name = className(sample);
        return Map.of(name, "package docsamples;\n" + IMPORTS + "public class " + name.substring(11)
                + " extends DocSampleFixture {\n    @Override\n    public void configure() throws Exception {\n"
                + sample.text() + "\n" + moreRoutes + "\n    }\n}\n");
    }

    private static Map<String, String> statementsClass(DocSample sample, String then) {
        String name = className(sample);
        return Map.of(name, "package docsamples;\n" + IMPORTS + "public class " + name.substring(11)
                + " extends DocSampleFixture {\n    @Override\n    public Object run() throws Exception {\n"
                + sample.text() + "\n" + then + "\n    }\n}\n");
    }

    private static void compile(DocSample sample, Map<String, String> source) throws IOException {
        SampleCompiler.compile(source);
    }

    private static DocSampleFixture fixture(DocSample sample, Map<String, String> source) throws Exception {
        ClassLoader loader = SampleCompiler.compile(source);
        return (DocSampleFixture) loader.loadClass(source.keySet().iterator().next()).getConstructor().newInstance();
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1).strip() : null;
    }

    private static String projectVersion() throws IOException {
        return element(Files.readString(ROOT.resolve("pom.xml")).replaceFirst("(?s)<parent>.*?</parent>", ""), "version");
    }

    private static String allPoms() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT, 3)) {
            for (Path pom : files.filter(p -> p.getFileName().toString().equals("pom.xml")
                    && !p.toString().contains("target")).toList()) {
                all.append(Files.readString(pom));
            }
        }
        return all.toString();
    }
}
