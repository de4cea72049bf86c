package io.greentrain.exporter.metrics;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.status.AgentLog;
import io.greentrain.exporter.threads.DaemonThreads;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Serves {@code /metrics} and {@code /-/healthy} with client_java's {@link HTTPServer} on one daemon
 * thread named {@code greentrain-http}. Any failure (port in use, bad keystore) is one warning and a
 * counted problem: the job and every other part of GreenTrain keep running.
 */
public final class PrometheusEndpoint implements AutoCloseable {

    /**
     * Everything but {@code /metrics} and {@code /-/healthy}: client_java would serve its HTML landing page for
     * every other path; a scrape target should not answer anything it does not have to.
     */
    private static final HttpHandler NOT_FOUND = exchange -> {
        try {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(404, -1);
        } finally {
            exchange.close();
        }
    };

    private final HTTPServer server;

    private PrometheusEndpoint(HTTPServer server) {
        this.server = server;
    }

    /** Starts the endpoint, or returns null (after one warning) when it cannot. */
    public static PrometheusEndpoint start(PrometheusRegistry registry, GreenTrainConfig config) {
        if (!config.get(Options.PROMETHEUS_ENABLED)) {
            return null;
        }
        String host = config.get(Options.PROMETHEUS_HOST);
        int port = config.get(Options.PROMETHEUS_PORT);
        String user = config.get(Options.PROMETHEUS_AUTH_USER);
        String authProblem = authProblem(user, config.get(Options.PROMETHEUS_AUTH_PASSWORD));
        if (authProblem != null) {
            // fail closed: incomplete or unusable credentials must never mean "serve without authentication"
            AgentLog.problem("endpoint", "auth_invalid", "metrics endpoint not started: " + authProblem + "; training is still measured");
            return null;
        }
        String[] jobsProperties = serverPropertiesBefore();
        try {
            return start(registry, config, host, port, user);
        } finally {
            restore(jobsProperties);
        }
    }

    private static PrometheusEndpoint start(PrometheusRegistry registry, GreenTrainConfig config, String host, int port, String user) {
        ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("greentrain-http"));
        try {
            HTTPServer.Builder builder = HTTPServer.builder()
                    .registry(registry)
                    .hostname(host)
                    .port(port)
                    .executorService(executor)
                    .defaultHandler(NOT_FOUND);
            if (!user.isEmpty()) {
                builder.authenticator(new FixedCredentials(user, config.get(Options.PROMETHEUS_AUTH_PASSWORD)));
            }
            String keystore = config.get(Options.PROMETHEUS_TLS_KEYSTORE);
            if (!keystore.isEmpty()) {
                builder.httpsConfigurator(new HttpsConfigurator(sslContext(keystore,
                        config.get(Options.PROMETHEUS_TLS_KEYSTORE_PASSWORD))));
            }
            HTTPServer server = builder.buildAndStart();
            String scheme = keystore.isEmpty() ? "http" : "https";
            AgentLog.info("metrics on " + scheme + "://" + host + ":" + server.getPort() + "/metrics");
            return new PrometheusEndpoint(server);
        } catch (BindException e) {
            executor.shutdownNow();
            AgentLog.problem("endpoint", "port_in_use", "metrics endpoint not started: " + host + ":" + port
                    + " is in use (set " + Options.PROMETHEUS_PORT.key() + "=0 for a free port); training is still measured");
        } catch (Exception e) {
            executor.shutdownNow();
            AgentLog.problem("endpoint", "start_failed", "metrics endpoint not started on " + host + ":" + port + " ("
                    + Options.PROMETHEUS_HOST.key() + ", " + Options.PROMETHEUS_PORT.key() + "): "
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "; training is still measured");
        }
        return null;
    }

    /**
     * The JDK's HTTP server reads its settings from system properties once per JVM, when the first server is made,
     * and client_java's HTTPServer class sets two of them ({@code sun.net.httpserver.maxReqTime}/{@code maxRspTime})
     * for good when it initializes. We set {@code sun.net.httpserver.nodelay=true} for that moment (unless the job
     * chose a value): without it every scrape by a keep-alive client (Prometheus, curl, Java's HttpClient) waits
     * ~40 ms for Nagle and delayed ACKs. {@link #restore} then puts every property back as the job had it.
     */
    private static final String[] SERVER_PROPERTIES = {"sun.net.httpserver.nodelay", "sun.net.httpserver.maxReqTime",
        "sun.net.httpserver.maxRspTime"};

    private static String[] serverPropertiesBefore() {
        String[] before = new String[SERVER_PROPERTIES.length];
        for (int i = 0; i < SERVER_PROPERTIES.length; i++) {
            before[i] = System.getProperty(SERVER_PROPERTIES[i]);
        }
        if (before[0] == null) {
            System.setProperty(SERVER_PROPERTIES[0], "true");
        }
        return before;
    }

    private static void restore(String[] before) {
        for (int i = 0; i < SERVER_PROPERTIES.length; i++) {
            if (before[i] == null) {
                System.clearProperty(SERVER_PROPERTIES[i]);
            } else {
                System.setProperty(SERVER_PROPERTIES[i], before[i]);
            }
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Why these basic-auth settings cannot protect the endpoint, or null when they can (or auth is off). Never shows the password. */
    static String authProblem(String user, String password) {
        if (user.isEmpty() && !password.isEmpty()) {
            return Options.PROMETHEUS_AUTH_PASSWORD.key() + " is set but " + Options.PROMETHEUS_AUTH_USER.key()
                    + " is empty; set both for basic auth, or neither";
        }
        if (!user.isEmpty() && password.isEmpty()) {
            return Options.PROMETHEUS_AUTH_USER.key() + "='" + user + "' is set but " + Options.PROMETHEUS_AUTH_PASSWORD.key()
                    + " is empty; set both for basic auth, or neither";
        }
        if (user.indexOf(':') >= 0) {
            return "invalid " + Options.PROMETHEUS_AUTH_USER.key() + "='" + user + "': HTTP basic auth user names cannot contain ':'";
        }
        return null;
    }

    private static SSLContext sslContext(String keystoreFile, String password) throws Exception {
        char[] secret = password.toCharArray();
        KeyStore keyStore = KeyStore.getInstance(keystoreFile.endsWith(".jks") ? "JKS" : "PKCS12");
        if (!Files.isRegularFile(Paths.get(keystoreFile)) || !Files.isReadable(Paths.get(keystoreFile))) {
            throw new IOException("keystore " + Options.PROMETHEUS_TLS_KEYSTORE.key() + "='" + keystoreFile
                    + "' does not exist or is not a readable file");
        }
        try (InputStream in = Files.newInputStream(Paths.get(keystoreFile))) {
            keyStore.load(in, secret);
        } catch (IOException e) {
            // never echo the password; the file name is enough to act on
            throw new IOException("cannot read keystore " + Options.PROMETHEUS_TLS_KEYSTORE.key() + "='" + keystoreFile
                    + "': wrong " + Options.PROMETHEUS_TLS_KEYSTORE_PASSWORD.key() + " or not a keystore", e);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, secret);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    /** HTTP basic auth against one configured user; compares in constant time. */
    private static final class FixedCredentials extends BasicAuthenticator {
        private final byte[] user;
        private final byte[] password;

        FixedCredentials(String user, String password) {
            super("greentrain");
            this.user = user.getBytes(StandardCharsets.UTF_8);
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean checkCredentials(String givenUser, String givenPassword) {
            boolean userOk = MessageDigest.isEqual(user, givenUser.getBytes(StandardCharsets.UTF_8));
            boolean passwordOk = MessageDigest.isEqual(password, givenPassword.getBytes(StandardCharsets.UTF_8));
            return userOk & passwordOk;
        }
    }
}
