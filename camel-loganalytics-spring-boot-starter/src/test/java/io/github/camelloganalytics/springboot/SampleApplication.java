package io.github.camelloganalytics.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The application the tests start: one route in Java here, one in YAML under {@code camel/}; neither says how to
 * reach or authenticate to the service, the properties do. The runnable example is the module
 * {@code camel-loganalytics-examples/spring-boot}.
 */
@SpringBootApplication
public class SampleApplication {

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
