package io.github.camelloganalytics.testkit.token;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A freshly generated RSA 2048 key pair and a self-signed X.509 v3 certificate for it (SHA256withRSA).
 * <p>
 * The emulator needs a TLS certificate at start-up and test code needs client certificates, yet the JDK has no
 * public API to create certificates and the testkit must not pull BouncyCastle or use {@code sun.*} internals.
 * So this class writes the few DER structures a certificate needs by hand and lets the JDK's
 * {@link CertificateFactory} parse the result back, which also proves the encoding well-formed.
 * <p>
 * The certificate carries basicConstraints CA:true, so it can serve as its own trust anchor, key usages for TLS
 * and signing, and a SubjectAlternativeName with the given DNS names and IP addresses (hostname verification in
 * {@code HttpsURLConnection} and {@code java.net.http.HttpClient} reads only the SAN).
 */
public final class SelfSignedCertificate {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] KEYSTORE_PASSWORD = "changeit".toCharArray();

    private static final String OID_SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String OID_COMMON_NAME = "2.5.4.3";
    private static final String OID_SUBJECT_KEY_IDENTIFIER = "2.5.29.14";
    private static final String OID_KEY_USAGE = "2.5.29.15";
    private static final String OID_SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String OID_BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String OID_EXT_KEY_USAGE = "2.5.29.37";
    private static final String OID_SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String OID_CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    private final KeyPair keyPair;
    private final X509Certificate certificate;

    private SelfSignedCertificate(KeyPair keyPair, X509Certificate certificate) {
        this.keyPair = keyPair;
        this.certificate = certificate;
    }

    /**
     * A certificate for {@code CN=localhost} with SAN {@code DNS:localhost} and {@code IP:127.0.0.1}, valid from a
     * day ago (so clock differences never make it "not yet valid") to two years ahead: what a loopback server needs.
     *
     * @return a new key pair and certificate
     */
    public static SelfSignedCertificate forLocalhost() {
        try {
            return generate("localhost", List.of("localhost"), List.of(InetAddress.getByName("127.0.0.1")),
                    Duration.ofDays(730));
        } catch (UnknownHostException e) {
            // a literal address is never looked up, so this cannot happen
            throw new IllegalStateException(e);
        }
    }

    /**
     * A certificate for the given common name without alternative names, valid from a day ago for two years: what a
     * client certificate credential needs.
     *
     * @param  commonName the subject's (and issuer's) CN
     * @return            a new key pair and certificate
     */
    public static SelfSignedCertificate forCommonName(String commonName) {
        return generate(commonName, List.of(), List.of(), Duration.ofDays(730));
    }

    /**
     * Generates an RSA 2048 key pair and a self-signed certificate for it.
     *
     * @param  commonName  the subject's (and issuer's) CN
     * @param  dnsNames    DNS names for the SubjectAlternativeName extension (may be empty)
     * @param  ipAddresses IP addresses for the SubjectAlternativeName extension (may be empty)
     * @param  validity    how long after now the certificate stays valid; it is valid from a day before now
     * @return             a new key pair and certificate
     */
    public static SelfSignedCertificate generate(String commonName, List<String> dnsNames,
                                                 List<InetAddress> ipAddresses, Duration validity) {
        Objects.requireNonNull(commonName, "commonName");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair keyPair = generator.generateKeyPair();
            Instant now = Instant.now();
            byte[] der = encodeCertificate(keyPair, commonName, dnsNames, ipAddresses, now.minus(Duration.ofDays(1)),
                    now.plus(validity));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            // parsing alone does not check the signature: verify it so an encoding slip fails here, not in a handshake
            certificate.verify(keyPair.getPublic());
            return new SelfSignedCertificate(keyPair, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a self-signed certificate", e);
        }
    }

    /** @return the certificate */
    public X509Certificate certificate() {
        return certificate;
    }

    /** @return the private key matching the certificate */
    public PrivateKey privateKey() {
        return keyPair.getPrivate();
    }

    /** @return the key pair the certificate was issued for */
    public KeyPair keyPair() {
        return keyPair;
    }

    /**
     * The SHA-1 thumbprint of the DER certificate, base64url without padding: the {@code x5t} JOSE header value and
     * the form in which Entra ID names certificates.
     *
     * @return the {@code x5t} value
     */
    public String x5t() {
        return thumbprint(certificate, "SHA-1");
    }

    /**
     * The SHA-256 thumbprint of the DER certificate, base64url without padding: the {@code x5t#S256} JOSE header.
     *
     * @return the {@code x5t#S256} value
     */
    public String x5tS256() {
        return thumbprint(certificate, "SHA-256");
    }

    /**
     * A PKCS#12 key store holding the private key and certificate under alias {@code key}, password
     * {@code changeit}.
     *
     * @return a new in-memory key store
     */
    public KeyStore keyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("key", keyPair.getPrivate(), KEYSTORE_PASSWORD, new X509Certificate[] { certificate });
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build a key store", e);
        }
    }

    /**
     * A key store trusting only this certificate (alias {@code trusted}).
     *
     * @return a new in-memory trust store
     */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("trusted", certificate);
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build a trust store", e);
        }
    }

    /**
     * An SSL context presenting this certificate, for a TLS server.
     *
     * @return a new server-side SSL context
     */
    public SSLContext serverSslContext() {
        try {
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore(), KEYSTORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, RANDOM);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a server SSL context", e);
        }
    }

    /**
     * An SSL context trusting this certificate and nothing else, for clients of a server using
     * {@link #serverSslContext()}: the JVM's default trust is left untouched.
     *
     * @return a new client-side SSL context
     */
    public SSLContext clientSslContext() {
        try {
            TrustManagerFactory trustManagers = TrustManagerFactory
                    .getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a client SSL context", e);
        }
    }

    /**
     * The PEM text of the certificate followed by the PKCS#8 private key, the layout Azure SDKs accept for a
     * certificate credential file.
     *
     * @return PEM text
     */
    public String toPem() {
        try {
            Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            return "-----BEGIN CERTIFICATE-----\n" + mime.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n"
                    + mime.encodeToString(keyPair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String thumbprint(X509Certificate certificate, String digest) {
        try {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance(digest).digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- DER encoding (X.690) of RFC 5280 structures ------------------------------------------------------------

    private static byte[] encodeCertificate(KeyPair keyPair, String commonName, List<String> dnsNames,
                                            List<InetAddress> ipAddresses, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        byte[] signatureAlgorithm = sequence(oid(OID_SHA256_WITH_RSA), nul());
        byte[] name = sequence(set(sequence(oid(OID_COMMON_NAME), utf8String(commonName))));
        // RFC 5280 wants a positive serial of at most 20 octets; 8 random bytes and a clear sign bit are plenty
        byte[] serial = new byte[8];
        RANDOM.nextBytes(serial);
        serial[0] &= 0x7f;
        serial[0] |= 0x01;

        List<byte[]> extensions = new ArrayList<>();
        extensions.add(extension(OID_BASIC_CONSTRAINTS, true, sequence(bool(true))));
        // digitalSignature (bit 0), keyEncipherment (bit 2), keyCertSign (bit 5): 1010 0100, 2 unused bits
        extensions.add(extension(OID_KEY_USAGE, true, tlv(0x03, new byte[] { 0x02, (byte) 0xa4 })));
        extensions.add(extension(OID_EXT_KEY_USAGE, false, sequence(oid(OID_SERVER_AUTH), oid(OID_CLIENT_AUTH))));
        extensions.add(extension(OID_SUBJECT_KEY_IDENTIFIER, false,
                octetString(MessageDigest.getInstance("SHA-1").digest(keyPair.getPublic().getEncoded()))));
        if (!dnsNames.isEmpty() || !ipAddresses.isEmpty()) {
            List<byte[]> names = new ArrayList<>();
            for (String dns : dnsNames) {
                names.add(tlv(0x82, dns.getBytes(StandardCharsets.US_ASCII))); // [2] IMPLICIT IA5String dNSName
            }
            for (InetAddress ip : ipAddresses) {
                names.add(tlv(0x87, ip.getAddress())); // [7] IMPLICIT OCTET STRING iPAddress
            }
            extensions.add(extension(OID_SUBJECT_ALT_NAME, false, sequence(names.toArray(new byte[0][]))));
        }

        byte[] tbs = sequence(
                tlv(0xa0, integer(BigInteger.valueOf(2))), // [0] EXPLICIT version v3
                integer(new BigInteger(serial)),
                signatureAlgorithm,
                name,
                sequence(time(notBefore), time(notAfter)),
                name,
                keyPair.getPublic().getEncoded(), // already a DER SubjectPublicKeyInfo
                tlv(0xa3, sequence(extensions.toArray(new byte[0][])))); // [3] EXPLICIT extensions

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keyPair.getPrivate());
        signer.update(tbs);
        return sequence(tbs, signatureAlgorithm, bitString(signer.sign()));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical
                ? sequence(oid(oid), bool(true), octetString(value))
                : sequence(oid(oid), octetString(value));
    }

    private static byte[] time(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 on
        if (utc.getYear() < 2050) {
            return tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(utc)
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(utc)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sequence(byte[]... items) {
        return tlv(0x30, concat(items));
    }

    private static byte[] set(byte[]... items) {
        return tlv(0x31, concat(items));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray()); // two's complement, minimal: exactly DER's INTEGER content
    }

    private static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] { value ? (byte) 0xff : 0x00 });
    }

    private static byte[] nul() {
        return new byte[] { 0x05, 0x00 };
    }

    private static byte[] octetString(byte[] content) {
        return tlv(0x04, content);
    }

    private static byte[] bitString(byte[] content) {
        byte[] withUnusedBits = new byte[content.length + 1];
        System.arraycopy(content, 0, withUnusedBits, 1, content.length);
        return tlv(0x03, withUnusedBits);
    }

    private static byte[] utf8String(String value) {
        return tlv(0x0c, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeBase128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeBase128(out, Long.parseLong(arcs[i]));
        }
        return tlv(0x06, out.toByteArray());
    }

    private static void writeBase128(ByteArrayOutputStream out, long value) {
        int groups = 1;
        for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
            groups++;
        }
        for (int i = groups - 1; i >= 0; i--) {
            int group = (int) ((value >>> (7 * i)) & 0x7f);
            out.write(i == 0 ? group : group | 0x80);
        }
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int octets = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write((length >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
