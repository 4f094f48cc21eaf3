package io.github.camelloganalytics.benchmarks;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.camelloganalytics.testkit.token.SelfSignedCertificate;

/**
 * A loopback server's TLS identity (the testkit's self-signed certificate for localhost and 127.0.0.1) and the
 * client side trusting it: the Azure SDK refuses to send a bearer token over plain HTTP, so every contender talks
 * HTTPS to the same server and pays the same TLS cost.
 */
public final class Tls {

    private static final char[] PASSWORD = "benchmarks".toCharArray();

    private final SelfSignedCertificate certificate = SelfSignedCertificate.forLocalhost();
    private final SSLContext server;
    private final SSLContext client;
    private final KeyStore trustStore;

    /** Generates the certificate. */
    public Tls() {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", certificate.privateKey(), PASSWORD,
                    new Certificate[] { certificate.certificate() });
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);

            trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            trustStore.setCertificateEntry("server", certificate.certificate());
            client = SSLContext.getInstance("TLS");
            client.init(null, trustManagers().getTrustManagers(), null);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Cannot build the loopback TLS material", e);
        }
    }

    /** @return the server's context, holding its key */
    public SSLContext serverContext() {
        return server;
    }

    /** @return a client context trusting only the server's certificate */
    public SSLContext clientContext() {
        return client;
    }

    /** @return trust managers for the server's certificate */
    public TrustManagerFactory trustManagers() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        return tmf;
    }

    /** @return the server's certificate */
    public X509Certificate certificate() {
        return certificate.certificate();
    }
}
