package io.greentrain.agent.it.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed server certificate for 127.0.0.1/localhost, made with the JDK's own {@code keytool}. */
final class TlsFixture {

    final Path keystore;
    final Path certificate;

    private TlsFixture(Path keystore, Path certificate) {
        this.keystore = keystore;
        this.certificate = certificate;
    }

    /** Generates {@code <dir>/endpoint.p12} (PKCS12) protected by the password, and its exported certificate. */
    static TlsFixture generate(Path dir, String password) throws IOException, InterruptedException {
        Path keystore = dir.resolve("endpoint.p12");
        Path certificate = dir.resolve("endpoint.crt");
        keytool("-genkeypair", "-alias", "greentrain", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password, "-keypass", password);
        keytool("-exportcert", "-rfc", "-alias", "greentrain", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", password, "-file", certificate.toString());
        return new TlsFixture(keystore, certificate);
    }

    /** A client context that trusts exactly this certificate (host names are still verified by the client). */
    SSLContext trustingClient() throws Exception {
        Certificate cert;
        try (InputStream in = Files.newInputStream(certificate)) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("greentrain", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(java.util.Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + output);
        }
    }
}
