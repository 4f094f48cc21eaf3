package io.github.camelloganalytics.reliability;

import java.io.IOException;
import java.util.Arrays;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A CamelContext started for each test and a {@link RawHttpServer} the test sets up, closed after it: the set-up of
 * the tests against hostile servers, {@link HostileServerTest} and {@link HostileHeapTest}.
 */
abstract class HostileServerSupport {

    static final String WORKSPACE = "3a8c2d1e-4f5b-4c6d-8e7f-9a0b1c2d3e4f";

    CamelContext context;
    ProducerTemplate template;
    /** The hostile server of the test, set by the test itself. */
    RawHttpServer server;

    @BeforeEach
    void startCamel() {
        context = new DefaultCamelContext();
        context.start();
        template = context.createProducerTemplate();
    }

    @AfterEach
    void stopCamelAndServer() throws IOException {
        context.stop();
        if (server != null) {
            server.close();
        }
    }

    /**
     * A server answering every query with one string cell of {@code cellBytes} bytes of {@code x}, its length
     * announced, written as fast as the client reads it.
     *
     * @param  cellBytes   the size of the cell
     * @return             the running server
     * @throws IOException when no loopback port can be opened
     */
    static RawHttpServer oneCell(long cellBytes) throws IOException {
        return new RawHttpServer(c -> {
            c.readRequest();
            String start = RawHttpServer.RESULT_START + "[0,\"";
            c.write(RawHttpServer.okHead(start.length() + cellBytes + 6));
            c.write(start);
            byte[] block = new byte[64 * 1024];
            Arrays.fill(block, (byte) 'x');
            for (long sent = 0; sent < cellBytes; sent += block.length) {
                c.write(block);
            }
        });
    }

    /** An endpoint on {@link #server} with a fixed token and query, then {@code options}. */
    String uri(String options) {
        return "loganalytics:" + WORKSPACE + "?host=" + server.url() + "&accessToken=hostile-token&query=Anything"
               + (options.isEmpty() ? "" : "&" + options);
    }
}
