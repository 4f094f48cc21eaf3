package io.github.camelloganalytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Routes under test talk real HTTP over loopback to a WireMock server standing in for the query API.
 */
abstract class WireMockTestSupport extends CamelTestSupport {

    static final String WORKSPACE = "b5e7a1d2-3c4f-4a6b-9c8d-0e1f2a3b4c5d";
    static final String TOKEN = "test-bearer-token";
    static final String QUERY_PATH = "/v1/workspaces/" + WORKSPACE + "/query";

    static WireMockServer wireMock;

    @BeforeAll
    static void startWireMock() {
        wireMock = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wireMock.start();
    }

    @AfterAll
    static void stopWireMock() {
        wireMock.stop();
    }

    @BeforeEach
    void resetWireMock() {
        wireMock.resetAll();
    }

    /** A producer URI for the WireMock workspace, with a token and any further options. */
    static String loganalytics(String options) {
        return "loganalytics:" + WORKSPACE + "?host=http://127.0.0.1:" + wireMock.port() + "&accessToken=" + TOKEN
               + (options.isEmpty() ? "" : "&" + options);
    }

    static String resource(String name) {
        try (InputStream in = WireMockTestSupport.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
