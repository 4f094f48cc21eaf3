package io.github.camelloganalytics.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot application querying Log Analytics from a Java route ({@link HeartbeatRoutes}) and YAML routes
 * ({@code camel/*.yaml}), configured by {@code application.properties} and the environment only. With no workspace
 * configured it queries an emulator started in the same JVM ({@link EmulatorUnlessConfigured}). Once its routes have
 * reported it prints a summary ({@link ExampleRunner}); with {@value #EXIT} it then exits, with 0 when every route
 * reported and none failed, else 1, and otherwise keeps serving {@code /actuator/health} until stopped.
 */
@SpringBootApplication
public class SpringBootExampleApplication {

    /** The property that makes the application exit after its summary, as the example's Maven run sets it. */
    public static final String EXIT = "example.exit";

    /**
     * Runs the application; exits after the summary when {@value #EXIT} is true.
     *
     * @param args Spring Boot arguments ({@code --example.exit=true}, {@code --server.port=8080}, ...)
     */
    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(SpringBootExampleApplication.class, args);
        if (context.getEnvironment().getProperty(EXIT, Boolean.class, false)) {
            // the exit code is RouteReports', an ExitCodeGenerator bean
            System.exit(SpringApplication.exit(context));
        }
    }
}
