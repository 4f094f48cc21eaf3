package io.github.camelloganalytics.examples;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import org.apache.camel.Route;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * The examples as a Camel Main application: it queries the workspace the settings name, or, when they name none,
 * an emulator it starts in the same JVM; runs the example routes in the DSL the setting {@code examples.dsl} picks;
 * stops as soon as every route has reported (or after {@code camel.main.duration-max-seconds}); prints what each
 * route got; and exits 0 only when every route reported and
 * none failed unexpectedly.
 */
public final class ExamplesApplication {

    /** Loaded only against the emulator: they need a token for another API and a scripted 429. */
    private static final String EMULATOR_ONLY_ROUTES = "**/emulator-*";
    /** The setting naming the directory the consumer example writes its files to. */
    public static final String EXPORT_DIR = "examples.exportDir";
    /** The setting naming the directory under which each run gets its own export directory. */
    public static final String OUTPUT_DIR = "examples.outputDir";

    private ExamplesApplication() {
    }

    /**
     * Runs the examples with the settings of {@link ExampleSettings}; exits with 0 when every route reported and none
     * failed.
     */
    public static void main(String[] args) throws Exception {
        // Maven hands on every forwarded setting, empty when the user gave none; Camel's placeholders read system
        // properties before anything else, so an empty one would hide the value the run sets
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> System.getProperty(name).isBlank())
                .forEach(System::clearProperty);
        Properties settings = ExampleSettings.load(System.getenv(), System.getProperties());
        Dsl dsl = Dsl.parse(settings.getProperty("examples.dsl"));
        Optional<ExampleTarget> real = ExampleTarget.real(settings);
        Summary summary;
        if (real.isPresent()) {
            summary = run(real.get(), dsl, settings);
        } else {
            try (LogAnalyticsEmulator emulator = new LogAnalyticsEmulator().start()) {
                summary = run(ExampleTarget.emulator(emulator), dsl, settings);
            }
        }
        System.exit(summary.isSuccessful() ? 0 : 1);
    }

    /**
     * Runs the example routes once against a target, prints the summary and returns it.
     *
     * @param settings further Camel Main properties ({@code camel.main.duration-max-seconds}, ...); the target's
     *                 properties win over them
     */
    public static Summary run(ExampleTarget target, Dsl dsl, Properties settings) throws Exception {
        Main main = new Main();
        Summary summary = new Summary(main::completed);
        main.bind(Summary.BEAN_NAME, summary);
        Properties properties = new Properties();
        properties.putAll(settings);
        properties.putAll(target.properties());
        Path exportDir = exportDir(properties, dsl);
        properties.setProperty(EXPORT_DIR, exportDir.toString());
        main.setOverrideProperties(properties);
        if (dsl == Dsl.JAVA) {
            main.configure().addRoutesBuilder(new ErrorHandlers());
            main.configure().addRoutesBuilder(new QueryRoutes());
            main.configure().addRoutesBuilder(new ExportRoutes());
            if (target.emulated()) {
                main.configure().addRoutesBuilder(new EmulatorFaultRoutes());
            }
        } else {
            main.configure().withRoutesIncludePattern(dsl.routesIncludePattern());
            if (!target.emulated()) {
                main.configure().withRoutesExcludePattern(EMULATOR_ONLY_ROUTES);
            }
        }
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                summary.expect(started.getCamelContext().getRoutes().stream().map(Route::getRouteId).toList());
            }
        });
        String heading = "camel-loganalytics examples, " + dsl.name().toLowerCase(Locale.ROOT) + " DSL, against "
                + target.description();
        // Camel Main's own INFO lines are silenced: on an early finish it still says the time limit was hit
        System.out.println(heading + ": running, for at most "
                + properties.getProperty("camel.main.duration-max-seconds", "(no limit)") + " seconds");
        main.run();
        System.out.print(summary.render(heading));
        Outcome export = summary.outcome(ExportRoutes.ROUTE_ID);
        if (export != null && !export.files().isEmpty()) {
            System.out.println(ExportRoutes.ROUTE_ID + " wrote its files to " + exportDir);
        }
        return summary;
    }

    /**
     * Where the consumer example writes: {@value #EXPORT_DIR} when set, else a new directory per run under
     * {@value #OUTPUT_DIR}, so that a run never appends to the files of an earlier one.
     */
    static Path exportDir(Properties properties, Dsl dsl) {
        String set = properties.getProperty(EXPORT_DIR, "").trim();
        if (!set.isEmpty()) {
            return Path.of(set).toAbsolutePath();
        }
        String run = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").format(LocalDateTime.now());
        return Path.of(properties.getProperty(OUTPUT_DIR, "target/examples-output").trim())
                .resolve(dsl.name().toLowerCase(Locale.ROOT) + "-" + run).toAbsolutePath();
    }
}
