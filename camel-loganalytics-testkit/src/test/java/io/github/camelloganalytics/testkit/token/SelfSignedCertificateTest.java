package io.github.camelloganalytics.testkit.token;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfSignedCertificateTest {

    @Test
    void localhostCertificateHasWhatTlsClientsCheck() throws Exception {
        SelfSignedCertificate generated = SelfSignedCertificate.forLocalhost();
        X509Certificate certificate = generated.certificate();

        assertEquals(3, certificate.getVersion());
        assertEquals("CN=localhost", certificate.getSubjectX500Principal().getName());
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals("SHA256withRSA", certificate.getSigAlgName());
        assertEquals(2048, ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
        assertTrue(certificate.getBasicConstraints() >= 0, "CA:true");
        assertTrue(certificate.getKeyUsage()[0] && certificate.getKeyUsage()[2] && certificate.getKeyUsage()[5]);
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"));
        assertTrue(certificate.getSubjectAlternativeNames().contains(List.of(2, "localhost")));
        assertTrue(certificate.getSubjectAlternativeNames().contains(List.of(7, "127.0.0.1")));
        Instant now = Instant.now();
        assertTrue(certificate.getNotBefore().toInstant().isBefore(now.minus(Duration.ofHours(23))));
        assertTrue(certificate.getNotAfter().toInstant().isAfter(now.plus(Duration.ofDays(729))));
        certificate.checkValidity();
        certificate.verify(certificate.getPublicKey());
    }

    @Test
    void clientCertificateHasNoAlternativeNames() throws Exception {
        X509Certificate certificate = SelfSignedCertificate.forCommonName("my app").certificate();
        assertEquals("CN=my app", certificate.getSubjectX500Principal().getName());
        assertNull(certificate.getSubjectAlternativeNames());
    }

    @Test
    void storesAndPemHoldTheCertificate() throws Exception {
        SelfSignedCertificate generated = SelfSignedCertificate.forCommonName("stores");

        KeyStore trust = generated.trustStore();
        assertEquals(List.of("trusted"), Collections.list(trust.aliases()));
        assertEquals(generated.certificate(), trust.getCertificate("trusted"));
        assertEquals(generated.privateKey(), generated.keyStore().getKey("key", "changeit".toCharArray()));

        String pem = generated.toPem();
        assertTrue(pem.contains("-----BEGIN PRIVATE KEY-----"));
        X509Certificate parsed = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(generated.certificate(), parsed);
    }
}
