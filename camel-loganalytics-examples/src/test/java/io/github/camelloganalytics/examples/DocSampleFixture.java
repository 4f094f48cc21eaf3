package io.github.camelloganalytics.examples;

import java.io.InputStream;
import java.time.Instant;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.Workspace;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * What a Java sample of the docs takes for granted around it, named as the docs name it: the class DocSamplesTest
 * compiles a route sample into (its {@link #configure()}) or a sample of statements into (its {@link #run()}), with
 * the variables the samples use as fields that a sample's own declarations may shadow.
 */
public abstract class DocSampleFixture extends RouteBuilder {

    /** The running emulator. */
    protected LogAnalyticsEmulator emulator;
    /** The CamelContext, pointed at the emulator, under both names the docs use. */
    protected CamelContext context;
    /** The CamelContext again (the Component DSL sample's name for it). */
    protected CamelContext camelContext;
    /** A producer template of the context. */
    protected ProducerTemplate template;
    /** A fresh workspace of the emulator. */
    protected Workspace ws;
    /** The fresh workspace's id. */
    protected String id;
    /** A subscription id. */
    protected String subscriptionId = "6f1c3c1e-5d0c-4f57-9f6a-3f1a2b4c5d6e";
    /** The emulator's clock's instant. */
    protected Instant now;
    /** An instant. */
    protected Instant instant = Instant.parse("2026-03-02T12:00:00Z");
    /** An exchange of the context. */
    protected Exchange exchange;
    /** A stream of CSV text. */
    protected InputStream inputStream;

    /**
     * Sets the fields.
     *
     * @param emulator the running emulator
     * @param context  the CamelContext pointed at it
     * @param ws       a fresh workspace of the emulator
     * @param exchange an exchange of the context
     * @param csv      a stream of CSV text
     */
    public void with(LogAnalyticsEmulator emulator, CamelContext context, Workspace ws, Exchange exchange,
            InputStream csv) {
        this.emulator = emulator;
        this.context = context;
        this.camelContext = context;
        this.template = context.createProducerTemplate();
        this.ws = ws;
        this.id = ws.id();
        this.now = emulator.clock().instant();
        this.exchange = exchange;
        this.inputStream = csv;
    }

    /** A route sample's routes; none for a sample of statements. */
    @Override
    public void configure() throws Exception {
    }

    /**
     * A sample of statements, run.
     *
     * @return what the sample's check code returns
     * @throws Exception what the sample throws
     */
    public Object run() throws Exception {
        return null;
    }
}
