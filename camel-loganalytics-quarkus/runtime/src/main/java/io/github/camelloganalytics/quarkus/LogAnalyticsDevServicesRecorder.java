package io.github.camelloganalytics.quarkus;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;

import javax.net.ssl.TrustManagerFactory;

import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;

/**
 * Builds, in the application, what Dev Services hand over from the build: the trust for the emulator's token
 * endpoint, whose certificate is self-signed. Only the certificate crosses (as text); the emulator itself stays in the
 * build's class loader.
 */
@Recorder
public class LogAnalyticsDevServicesRecorder {

    /**
     * @param certificate the token endpoint's certificate, DER encoded, then Base64
     * @return TLS parameters that trust that certificate and nothing else, for the component's
     *         {@code sslContextParameters}
     */
    public RuntimeValue<SSLContextParameters> trustOnly(String certificate) {
        try {
            Certificate parsed = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(certificate)));
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("loganalytics-emulator", parsed);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            TrustManagersParameters trust = new TrustManagersParameters();
            trust.setTrustManager(factory.getTrustManagers()[0]);
            SSLContextParameters parameters = new SSLContextParameters();
            parameters.setTrustManagers(trust);
            return new RuntimeValue<>(parameters);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Dev Services for Log Analytics cannot trust the emulator's token endpoint", e);
        }
    }
}
