package io.github.camelloganalytics;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Routes under test talk real HTTP over loopback to the testkit's emulator of the query API, with real tokens it
 * verifies. The bean {@code #tokens} mints a token of the sample client for whatever scope the component asks,
 * as Entra ID would, and records the scopes asked for.
 */
@ExtendWith(LogAnalyticsEmulatorExtension.class)
abstract class EmulatorTestSupport {

    static LogAnalyticsEmulator emulator;

    /** The scopes the component asked {@code #tokens} for, in order. */
    final List<String> scopesAsked = new CopyOnWriteArrayList<>();
    CamelContext context;
    ProducerTemplate template;

    @BeforeEach
    void startCamel() throws Exception {
        emulator.requestLog().clear();
        emulator.faults().clear();
        context = new DefaultCamelContext();
        context.getRegistry().bind("tokens", (TokenProvider) scope -> {
            scopesAsked.add(scope);
            return emulator.clients().appToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, scope);
        });
        configure(context);
        context.start();
        template = context.createProducerTemplate();
    }

    /** Adds routes or beans before the context starts. */
    void configure(CamelContext camelContext) throws Exception {
    }

    @AfterEach
    void stopCamel() {
        context.stop();
        emulator.faults().clear();
    }

    /** A producer URI on the emulator: {@code path} after the scheme, then {@code options}. */
    static String uri(String path, String options) {
        return "loganalytics:" + path + "?host=" + emulator.queryUrl() + (options.isEmpty() ? "" : "&" + options);
    }

    Exchange send(String uri, Object body) {
        return template.send(uri, e -> e.getMessage().setBody(body));
    }
}
