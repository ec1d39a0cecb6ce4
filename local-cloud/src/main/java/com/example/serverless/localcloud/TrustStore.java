package com.example.serverless.localcloud;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's trusted roots plus MiniStack's self-signed certificate, as a PKCS#12 trust store on disk: the function
 * JVMs get it through {@code -Djavax.net.ssl.trustStore}, the JVM that started MiniStack installs it as its default.
 */
public final class TrustStore {

    private final Path file;
    private final Path certificate;
    private final SSLContext sslContext;

    private TrustStore(Path file, Path certificate, SSLContext sslContext) {
        this.file = file;
        this.certificate = certificate;
        this.sslContext = sslContext;
    }

    static TrustStore forCertificate(Path certificatePem, Path file) {
        try {
            KeyStore store = KeyStore.getInstance(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toFile(),
                    (char[]) null);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            for (String alias : java.util.Collections.list(store.aliases())) {
                trusted.setCertificateEntry(alias, store.getCertificate(alias));
            }
            try (InputStream in = Files.newInputStream(certificatePem)) {
                Certificate miniStack = CertificateFactory.getInstance("X.509").generateCertificate(in);
                trusted.setCertificateEntry("ministack", miniStack);
            }
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            // Stored without a password, as the JDK's own cacerts: no integrity MAC and no encrypted certificates, so
            // loading it runs no PBKDF2. With one (two runs of 10,000 iterations) every local function's first TLS
            // call took about 40 ms longer than on AWS, where the JVM loads cacerts. It holds public certificates only.
            try (OutputStream out = Files.newOutputStream(temporary)) {
                trusted.store(out, null);
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return new TrustStore(file, certificatePem, context);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the trust store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a trust store from " + certificatePem, e);
        }
    }

    /** The PKCS#12 file, read without a password. */
    public Path file() {
        return file;
    }

    /** MiniStack's certificate as PEM: for {@code AWS_CA_BUNDLE} and {@code curl --cacert}. */
    public Path certificate() {
        return certificate;
    }

    /**
     * The certificate's public key as Chromium's {@code --ignore-certificate-errors-spki-list} takes it (base64 of
     * the SHA-256 of its SubjectPublicKeyInfo): a browser trusts this one key for names it does not carry.
     */
    public String publicKeyPin() {
        try (InputStream in = Files.newInputStream(certificate)) {
            byte[] key = CertificateFactory.getInstance("X.509").generateCertificate(in).getPublicKey().getEncoded();
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + certificate, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read " + certificate, e);
        }
    }

    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * Every TLS client of this JVM trusts MiniStack from now on: SDK clients (their HTTP clients read the
     * javax.net.ssl properties when built), java.net.http clients and HttpsURLConnection (the default context).
     */
    void trustInThisJvm() {
        System.setProperty("javax.net.ssl.trustStore", file.toString());
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        SSLContext.setDefault(sslContext);
        HttpsURLConnection.setDefaultSSLSocketFactory(sslContext.getSocketFactory());
    }
}
