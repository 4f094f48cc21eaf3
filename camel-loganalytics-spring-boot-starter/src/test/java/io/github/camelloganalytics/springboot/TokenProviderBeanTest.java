package io.github.camelloganalytics.springboot;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelloganalytics.LogAnalyticsComponent;
import io.github.camelloganalytics.auth.TokenProvider;
import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ContextConfiguration;

import static io.github.camelloganalytics.springboot.EmulatorProperties.EMULATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With no credential in the properties, the application's one {@link TokenProvider} bean is the component's
 * credential, its one {@code SSLContextParameters} bean the TLS settings; and a property {@code #beanName} names a
 * bean for an option that takes one.
 */
@SpringBootTest(classes = { SampleApplication.class, TokenProviderBeanTest.Tokens.class },
                properties = "camel.component.loganalytics.state-repository=#watermarks")
@ContextConfiguration(initializers = EmulatorProperties.class)
class TokenProviderBeanTest {

    static final AtomicInteger TOKENS_ASKED = new AtomicInteger();

    @TestConfiguration
    static class Tokens {
        @Bean
        TokenProvider emulatorTokens() {
            return scope -> {
                TOKENS_ASKED.incrementAndGet();
                return EMULATOR.clients().appToken(LogAnalyticsEmulator.SAMPLE_CLIENT_ID, scope);
            };
        }

        @Bean
        org.apache.camel.support.processor.state.MemoryStateRepository watermarks() {
            return new org.apache.camel.support.processor.state.MemoryStateRepository();
        }
    }

    @Autowired
    ProducerTemplate template;
    @Autowired
    CamelContext camelContext;
    @Autowired
    TokenProvider emulatorTokens;
    @Autowired
    org.apache.camel.support.processor.state.MemoryStateRepository watermarks;
    @Autowired
    org.apache.camel.support.jsse.SSLContextParameters emulatorTrust;

    @Test
    void theTokenProviderBeanIsTheCredentialAndBeanReferencesResolve() {
        List<?> rows = template.requestBody("direct:heartbeats", null, List.class);
        assertEquals(3, rows.size());
        assertTrue(TOKENS_ASKED.get() > 0);
        LogAnalyticsComponent component = camelContext.getComponent("loganalytics", LogAnalyticsComponent.class);
        assertSame(emulatorTokens, component.getConfiguration().getTokenProvider());
        assertSame(watermarks, component.getConfiguration().getStateRepository());
        assertSame(emulatorTrust, component.getConfiguration().getSslContextParameters());
        assertTrue(EMULATOR.requestLog().entries().stream().noneMatch(r -> r.status() == 401 || r.status() == 403));
    }
}
