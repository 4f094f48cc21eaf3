package io.github.camelloganalytics;

import java.time.Duration;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer's options: bad values fail at endpoint creation naming the option and value; the defaults are the
 * documented ones; the scheduler options are Camel's own.
 */
class ConsumerOptionsTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.getRegistry().bind("watermarks", new MemoryStateRepository());
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "startFrom=yesterday|startFrom|yesterday",
            "startFrom=-PT1H|startFrom|-PT1H",
            "maxWindow=0s|maxWindow|PT0S",
            "maxWindow=-PT1H|maxWindow|PT-1H",
            "ingestionDelay=-PT5M|ingestionDelay|PT-5M",
            "lookback=-P1D|lookback|PT-24H" })
    void aBadValueIsNamedWithItsOption(String options, String option, String value) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("loganalytics:ws?accessToken=secret-xyz&incremental=true&" + options));
        assertTrue(e.getMessage().contains("option " + option), e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-xyz"), e.getMessage());
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        LogAnalyticsConfiguration config = context.getEndpoint("loganalytics:ws?accessToken=t",
                LogAnalyticsEndpoint.class).getConfiguration();
        assertFalse(config.isSplitRows());
        assertFalse(config.isIncremental());
        assertEquals(Duration.ofMinutes(5), config.getIngestionDelay());
        assertEquals(Duration.ofHours(1), config.getMaxWindow());
        assertEquals(Duration.ZERO, config.getLookback());
    }

    @Test
    void optionsAndTheSchedulerOptionsReachTheConsumer() throws Exception {
        String uri = "loganalytics:ws?accessToken=t&query=T&incremental=true&splitRows=true&ingestionDelay=10m"
                     + "&maxWindow=PT15M&startFrom=2026-01-01T00:00:00Z&stateRepository=#watermarks&delay=30s"
                     + "&initialDelay=2s&backoffMultiplier=4&backoffErrorThreshold=2";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("r").autoStartup(false).to("mock:out");
            }
        });
        LogAnalyticsEndpoint endpoint = context.getEndpoint(uri, LogAnalyticsEndpoint.class);
        LogAnalyticsConfiguration config = endpoint.getConfiguration();
        assertTrue(config.isSplitRows());
        assertTrue(config.isIncremental());
        assertEquals(Duration.ofMinutes(10), config.getIngestionDelay());
        assertEquals(Duration.ofMinutes(15), config.getMaxWindow());
        assertSame(context.getRegistry().lookupByName("watermarks"), config.getStateRepository());
        LogAnalyticsConsumer consumer = (LogAnalyticsConsumer) endpoint.createConsumer(exchange -> { });
        assertEquals(30_000, consumer.getDelay());
        assertEquals(2_000, consumer.getInitialDelay());
        assertEquals(4, consumer.getBackoffMultiplier());
        assertEquals(2, consumer.getBackoffErrorThreshold());
    }

    @Test
    void aConsumerWithoutAQueryFailsAtRouteStart() throws Exception {
        RouteBuilder noQuery = new RouteBuilder() {
            @Override
            public void configure() {
                from("loganalytics:ws?accessToken=t").routeId("noQuery").to("mock:out");
            }
        };
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(noQuery));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertTrue(root.getMessage().contains("needs the option query"), root.getMessage());
    }
}
