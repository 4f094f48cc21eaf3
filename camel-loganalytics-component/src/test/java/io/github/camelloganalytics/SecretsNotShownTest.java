package io.github.camelloganalytics;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.camelloganalytics.testkit.LogAnalyticsEmulator;
import io.github.camelloganalytics.testkit.token.SelfSignedCertificate;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelloganalytics.testkit.LogAnalyticsEmulator.SAMPLE_TENANT_ID;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secrets never show: not in what the component, Camel and MSAL4J log while credentials succeed and fail, not in
 * the exceptions routes see, not in {@code endpoint.toString()} or the sanitized URI Camel logs and JMX shows.
 */
class SecretsNotShownTest extends EmulatorAuthSupport {

    private static final String WRONG_SECRET = "wrong-secret-5b7c9d";
    private static final String CERTIFICATE_PASSWORD = "pfx-password-8e2f4a";

    @TempDir
    Path dir;

    @Test
    void noSecretInLogsExceptionsOrEndpointStrings() throws Exception {
        String refreshToken = emulator.tokenEndpoint().issueRefreshToken(SAMPLE_TENANT_ID,
                LogAnalyticsEmulator.SAMPLE_CLIENT_ID, "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9");
        emulator.tokenEndpoint().expireRefreshToken(refreshToken);
        String accessToken = emulator.token();
        Path pem = Files.writeString(dir.resolve("client.pem"), SelfSignedCertificate.forCommonName("x").toPem());
        List<String> secrets = List.of(LogAnalyticsEmulator.SAMPLE_CLIENT_SECRET, WRONG_SECRET, refreshToken,
                CERTIFICATE_PASSWORD, accessToken);
        List<String> uris = List.of(
                uri(sampleClient()),
                uri("tenantId=" + SAMPLE_TENANT_ID + "&clientId=" + LogAnalyticsEmulator.SAMPLE_CLIENT_ID
                    + "&clientSecret=RAW(" + WRONG_SECRET + ")"),
                uri("credentialType=REFRESH_TOKEN&" + sampleClient() + "&refreshToken=RAW(" + refreshToken + ")"),
                uri("tenantId=" + SAMPLE_TENANT_ID + "&clientId=x&certificatePath=" + pem
                    + "&certificatePassword=RAW(" + CERTIFICATE_PASSWORD + ")"),
                uri("accessToken=RAW(" + accessToken + ")&scope=https://management.azure.com/.default"));

        List<Throwable> failures = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        String logs = captureStandardError(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    // Camel's default error handler logs each failed exchange with its exception and stack trace
                    for (int i = 0; i < uris.size(); i++) {
                        from("direct:r" + i).to(uris.get(i));
                    }
                }
            });
            for (int i = 0; i < uris.size(); i++) {
                Exception failure = template.request("direct:r" + i, e -> e.getMessage().setBody(QUERY))
                        .getException();
                if (failure != null) {
                    failures.add(failure);
                }
                Endpoint endpoint = context.getEndpoint(uris.get(i));
                shown.add(endpoint.toString());
                shown.add(URISupport.sanitizeUri(endpoint.getEndpointUri()));
                shown.add(((LogAnalyticsEndpoint) endpoint).getConfiguration().toString());
            }
        });

        assertTrue(failures.size() >= 3, "the wrong secret, the expired grant, the wrong audience fail: " + failures);
        // the capture works: Camel logged the refused client with the service's message
        assertTrue(logs.contains("AADSTS7000215"), logs);
        for (String secret : secrets) {
            assertFalse(logs.contains(secret), "a secret in the logs: " + logs);
            for (Throwable failure : failures) {
                for (Throwable t = failure; t != null; t = t.getCause()) {
                    assertFalse(String.valueOf(t.getMessage()).contains(secret), t.toString());
                }
            }
            for (String text : shown) {
                assertFalse(text.contains(secret), text);
            }
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    /** What slf4j-simple (the test binding, writing to {@code System.err}) and anything else printed meanwhile. */
    private static String captureStandardError(Action action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
