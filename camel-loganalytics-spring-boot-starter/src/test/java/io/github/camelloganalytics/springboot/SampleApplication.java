package io.github.camelloganalytics.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The application the tests start: one route in Java here, one in YAML under {@code camel/}; neither says how to
 * reach or authenticate to the service, the properties do.
 */
@SpringBootApplication
public class SampleApplication {

    /**
     * Runs the application against an embedded emulator, as its test does: both routes once, their rows printed,
     * then {@code /actuator/health} served until the process is stopped.
     */
    public static void main(String[] args) {
        ConfigurableApplicationContext application = new SpringApplicationBuilder(SampleApplication.class)
                .initializers(new EmulatorProperties(), new EmulatorProperties.SecretInEnvironment()).run(args);
        ProducerTemplate template = application.getBean(CamelContext.class).createProducerTemplate();
        System.out.println("Java route, Heartbeat | take 3: " + template.requestBody("direct:heartbeats", (Object) null));
        System.out.println("YAML route, Heartbeat | count: " + template.requestBody("direct:heartbeat-count", (Object) null));
        System.out.println("health: http://localhost:" + application.getEnvironment().getProperty("local.server.port")
                           + "/actuator/health");
    }

    /** The Java DSL route: the three latest heartbeats of the workspace. */
    @Bean
    RouteBuilder heartbeats() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:heartbeats").routeId("heartbeats")
                        .to("loganalytics:{{emulator.workspace-id}}?query=Heartbeat | take 3");
            }
        };
    }

    /** The component finds this bean by type: no property names it. */
    @Bean
    SSLContextParameters emulatorTrust() throws Exception {
        return EmulatorProperties.emulatorTrust();
    }
}
