package io.github.camelloganalytics.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCertificate;

/**
 * Reads a client certificate as Azure tooling writes it: PEM (certificates and a PKCS#8 RSA key, encrypted or not)
 * or PKCS#12 ({@code .pfx}/{@code .p12}, with its password). Told apart by content, not by file name.
 */
final class ClientCertificates {

    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private static final String PBES2 = "PBES2";
    private static final String PBES2_OID = "1.2.840.113549.1.5.13";

    private ClientCertificates() {
    }

    /**
     * @param  path                     the file
     * @param  password                 the PKCS#12 password or the encrypted key's, or null
     * @return                          MSAL4J's certificate credential
     * @throws IllegalArgumentException naming the option and what is wrong, never the password
     */
    static IClientCertificate load(String path, String password) {
        byte[] content;
        try {
            content = Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("certificatePath '" + path + "' cannot be read: " + e, e);
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        try {
            if (text.contains("-----BEGIN ")) {
                return fromPem(text, password, path);
            }
            try (InputStream in = new ByteArrayInputStream(content)) {
                return ClientCredentialFactory.createFromCertificate(in, password == null ? "" : password);
            }
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            // a wrong password and a corrupt file look alike to the key store; the JDK's message names neither secret
            throw new IllegalArgumentException("certificatePath '" + path + "' is not a readable PKCS#12 file with the"
                                               + " given certificatePassword: " + e.getMessage(), e);
        }
    }

    private static IClientCertificate fromPem(String text, String password, String path)
            throws GeneralSecurityException, IOException {
        List<X509Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            switch (m.group(1)) {
                case "CERTIFICATE" -> chain.add((X509Certificate) certificates
                        .generateCertificate(new ByteArrayInputStream(der)));
                case "PRIVATE KEY" -> key = rsaKey(new PKCS8EncodedKeySpec(der));
                case "ENCRYPTED PRIVATE KEY" -> key = rsaKey(decrypt(der, password, path));
                case "RSA PRIVATE KEY" -> throw new IllegalArgumentException("certificatePath '" + path
                        + "' holds a PKCS#1 key (BEGIN RSA PRIVATE KEY); convert it to PKCS#8 with"
                        + " 'openssl pkcs8 -topk8 -nocrypt'");
                default -> {
                    // other blocks (parameters, CSRs) are not part of a client credential
                }
            }
        }
        if (chain.isEmpty() || key == null) {
            throw new IllegalArgumentException("certificatePath '" + path + "' must hold a certificate and its"
                                               + " PKCS#8 private key (BEGIN CERTIFICATE and BEGIN PRIVATE KEY)");
        }
        return ClientCredentialFactory.createFromCertificateChain(key, chain);
    }

    private static PKCS8EncodedKeySpec decrypt(byte[] der, String password, String path)
            throws GeneralSecurityException, IOException {
        if (password == null) {
            throw new IllegalArgumentException("certificatePath '" + path + "' holds an encrypted key: set"
                                               + " certificatePassword");
        }
        EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
        String algorithm = info.getAlgName();
        if (info.getAlgParameters() != null && (PBES2.equalsIgnoreCase(algorithm) || PBES2_OID.equals(algorithm))) {
            // the JDK names a PBES2 key only by its parameters ("PBEWithHmacSHA256AndAES_256"), and only that
            // name finds its cipher
            algorithm = info.getAlgParameters().toString();
        }
        SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
        Cipher cipher = Cipher.getInstance(algorithm);
        cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password.toCharArray())),
                info.getAlgParameters());
        return info.getKeySpec(cipher);
    }

    private static PrivateKey rsaKey(PKCS8EncodedKeySpec spec) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(spec);
    }
}
