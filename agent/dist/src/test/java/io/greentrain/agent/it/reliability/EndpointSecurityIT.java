package io.greentrain.agent.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.Scraper;
import io.greentrain.agent.it.reliability.apps.ServingJob;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The metrics endpoint as an ops team would lock it down: HTTPS from a keystore made with {@code keytool},
 * HTTP basic auth, bound to loopback. A real HTTP client (the JDK's, verifying the certificate and host)
 * checks that wrong or missing credentials are refused, that nothing but {@code /metrics} and
 * {@code /-/healthy} is served, and that no secret (keystore password, basic-auth password, carbon provider
 * API key) ever shows up in metrics, records or the job's output, even at {@code log.level=debug}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndpointSecurityIT {

    private static final String USER = "scraper";
    private static final String AUTH_PASSWORD = "auth-Pw-3f8b2a61";
    private static final String KEYSTORE_PASSWORD = "ks-Pw-7c1d9e4a";
    private static final String PROVIDER_TOKEN = "em-Token-5e0c4b77";
    private static final List<String> SECRETS = List.of(AUTH_PASSWORD, KEYSTORE_PASSWORD, PROVIDER_TOKEN);

    @TempDir
    static Path dir;

    private static TlsFixture tls;
    private static ForkedJvm.Live job;
    private static int port;
    private static HttpClient client;
    private static Path records;
    private static com.sun.net.httpserver.HttpServer providerStub;
    private static final List<String> tokensSeenByProvider = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startJobWithTlsAndBasicAuth() throws Exception {
        tls = TlsFixture.generate(dir, KEYSTORE_PASSWORD);
        client = HttpClient.newBuilder().sslContext(tls.trustingClient()).connectTimeout(Duration.ofSeconds(2)).build();
        providerStub = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        providerStub.createContext("/", exchange -> {
            tokensSeenByProvider.add(String.valueOf(exchange.getRequestHeaders().getFirst("auth-token")));
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        providerStub.start();
        port = Scraper.freePort();
        records = dir.resolve("records.jsonl");
        job = ForkedJvm.main(ServingJob.class, "serve", dir.resolve("stop").toString()).workDir(dir)
                .withAgent("eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1,log.level=debug")
                .jvmArg("-Dgreentrain.prometheus.tls.keystore=" + tls.keystore,
                        "-Dgreentrain.prometheus.tls.keystore.password=" + KEYSTORE_PASSWORD,
                        "-Dgreentrain.prometheus.auth.user=" + USER,
                        "-Dgreentrain.prometheus.auth.password=" + AUTH_PASSWORD,
                        "-Dgreentrain.carbon.provider=electricitymaps",
                        "-Dgreentrain.carbon.provider.url=http://127.0.0.1:" + providerStub.getAddress().getPort(),
                        "-Dgreentrain.carbon.provider.token=" + PROVIDER_TOKEN,
                        "-Dgreentrain.records.file=" + records).start();
        job.awaitStdout("ready", Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                if (get("/metrics", USER, AUTH_PASSWORD).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // endpoint not bound yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no HTTPS endpoint on " + port + "\nstderr:\n" + job.stderr());
            }
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        if (job != null) {
            job.close();
        }
        if (providerStub != null) {
            providerStub.stop(0);
        }
    }

    @Test
    @Order(1)
    void metricsAndHealthAreServedOverHttpsToTheRightCredentials() throws Exception {
        HttpResponse<String> metrics = get("/metrics", USER, AUTH_PASSWORD);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.uri().getScheme()).isEqualTo("https");
        assertThat(metrics.body()).contains("greentrain_build_info{");
        assertThat(get("/-/healthy", USER, AUTH_PASSWORD).statusCode()).isEqualTo(200);
        assertThat(job.stderr()).contains("greentrain: metrics on https://127.0.0.1:" + port + "/metrics");
    }

    @ParameterizedTest(name = "{0}")
    @Order(2)
    @ValueSource(strings = {"no credentials", "wrong password", "wrong user", "empty password", "password as user", "right password, case changed"})
    void wrongOrMissingCredentialsAreRefused(String variant) throws Exception {
        String user = USER;
        String password;
        switch (variant) {
            case "no credentials":
                user = null;
                password = null;
                break;
            case "wrong password":
                password = AUTH_PASSWORD + "x";
                break;
            case "wrong user":
                user = "admin";
                password = AUTH_PASSWORD;
                break;
            case "empty password":
                password = "";
                break;
            case "password as user":
                user = AUTH_PASSWORD;
                password = USER;
                break;
            default:
                password = AUTH_PASSWORD.toUpperCase();
        }
        for (String path : List.of("/metrics", "/-/healthy", "/")) {
            HttpResponse<String> response = get(path, user, password);
            assertThat(response.statusCode()).as(variant + " " + path).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(response.body()).doesNotContain("greentrain_");
        }
    }

    @ParameterizedTest(name = "{0}")
    @Order(3)
    @ValueSource(strings = {"/", "/index.html", "/favicon.ico", "/debug", "/-/reload", "/-/quit", "/.env",
        "/api/v1/query?query=up"})
    void nothingButMetricsAndHealthIsServed(String path) throws Exception {
        HttpResponse<String> response = get(path, USER, AUTH_PASSWORD);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("greentrain_").doesNotContainIgnoringCase("<html");
    }

    @Test
    @Order(4)
    void plainHttpOnTheTlsPortGetsNoMetrics() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .header("Authorization", basic(USER, AUTH_PASSWORD)).timeout(Duration.ofSeconds(5)).build();
        Optional<String> body;
        try {
            HttpResponse<String> response = plain.send(request, HttpResponse.BodyHandlers.ofString());
            body = Optional.of(response.statusCode() + " " + response.body());
        } catch (IOException | InterruptedException refused) {
            body = Optional.empty();
        }
        assertThat(body).as("plain HTTP answered").satisfiesAnyOf(
                b -> assertThat(b).isEmpty(),
                b -> assertThat(b.get()).doesNotContain("greentrain_"));
    }

    @Test
    @Order(5)
    void aClientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
        HttpClient untrusting = HttpClient.newBuilder().sslContext(SSLContext.getDefault()).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/metrics"))
                .header("Authorization", basic(USER, AUTH_PASSWORD)).timeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> untrusting.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    @Order(6)
    void noSecretAppearsInMetricsRecordsOrOutput() throws Exception {
        String metrics = get("/metrics", USER, AUTH_PASSWORD).body();
        String debugMetrics = get("/metrics?debug=openmetrics", USER, AUTH_PASSWORD).body();
        Files.createFile(dir.resolve("stop"));
        ForkedJvm.Result result = job.finish(Duration.ofSeconds(60));
        assertThat(result.exitCode).isZero();
        assertThat(result.stdout).contains("job done");
        String recorded = Files.exists(records) ? Files.readString(records, StandardCharsets.UTF_8) : "";
        for (String secret : SECRETS) {
            assertThat(metrics).as("/metrics").doesNotContain(secret);
            assertThat(debugMetrics).as("/metrics?debug").doesNotContain(secret);
            assertThat(result.stdout).as("stdout").doesNotContain(secret);
            assertThat(result.stderr).as("stderr").doesNotContain(secret);
            assertThat(recorded).as("records").doesNotContain(secret);
            assertThat(base64Forms(secret)).noneSatisfy(encoded -> assertThat(result.stderr + metrics + recorded).contains(encoded));
        }
        // the provider, if it was called, really got the token: the secret was configured, just never shown
        assertThat(tokensSeenByProvider).allSatisfy(t -> assertThat(t).isEqualTo(PROVIDER_TOKEN));
    }

    // ---- separate JVMs -------------------------------------------------------------------------------

    @Test
    @Order(10)
    void loopbackBindIsUnreachableFromOtherAddressesAndTheDefaultIsReachable() throws Exception {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
        for (String host : new String[] {"127.0.0.1", null}) {
            int p = Scraper.freePort();
            Path stop = dir.resolve("stop-bind-" + host);
            ForkedJvm jvm = ForkedJvm.main(ServingJob.class, "serve", stop.toString()).workDir(dir)
                    .withAgent("eager=true,prometheus.port=" + p + (host == null ? "" : ",prometheus.host=" + host));
            try (ForkedJvm.Live bound = jvm.start()) {
                bound.awaitStdout("ready", Duration.ofSeconds(30));
                Scraper.awaitOk(p, "/-/healthy", Duration.ofSeconds(30)); // up on loopback in both cases
                boolean reachable = connects(external.get(), p);
                assertThat(reachable).as("host=" + host + " reachable on " + external.get()).isEqualTo(host == null);
                Files.createFile(stop);
                assertThat(bound.finish(Duration.ofSeconds(30)).exitCode).isZero();
            }
        }
    }

    @Test
    @Order(11)
    void wrongKeystorePasswordIsOneLineWithoutThePasswordAndTheJobRuns() throws Exception {
        int p = Scraper.freePort();
        ForkedJvm.Result result = ForkedJvm.main(io.greentrain.agent.it.apps.PlainJob.class, "exit3", "4000").workDir(dir)
                .withAgent("eager=true,prometheus.port=" + p + ",prometheus.host=127.0.0.1")
                .jvmArg("-Dgreentrain.prometheus.tls.keystore=" + tls.keystore,
                        "-Dgreentrain.prometheus.tls.keystore.password=not-" + KEYSTORE_PASSWORD)
                .run();
        assertThat(result.exitCode).isEqualTo(3);
        assertThat(result.stdout).contains("exiting with 3");
        assertThat(result.greenTrainLines()).filteredOn(l -> l.contains("keystore")).hasSize(1)
                .allSatisfy(l -> assertThat(l).contains("greentrain.prometheus.tls.keystore").contains(tls.keystore.toString()));
        assertThat(result.stderr).doesNotContain(KEYSTORE_PASSWORD).doesNotContain("Exception in thread");
    }

    @Test
    @Order(12)
    void aPasswordWithoutAUserNeverServesMetricsUnauthenticated() throws Exception {
        int p = Scraper.freePort();
        Path stop = dir.resolve("stop-nouser");
        ForkedJvm jvm = ForkedJvm.main(ServingJob.class, "serve", stop.toString()).workDir(dir)
                .withAgent("eager=true,prometheus.port=" + p + ",prometheus.host=127.0.0.1")
                .jvmArg("-Dgreentrain.prometheus.auth.password=" + AUTH_PASSWORD);
        try (ForkedJvm.Live half = jvm.start()) {
            half.awaitStdout("ready", Duration.ofSeconds(30));
            awaitStderr(half, "greentrain.prometheus.auth", "metrics on");
            Optional<Integer> status;
            try {
                status = Optional.of(Scraper.get(p, "/metrics").statusCode());
            } catch (IOException notServed) {
                status = Optional.empty();
            }
            assertThat(status).as("/metrics without credentials").satisfiesAnyOf(
                    s -> assertThat(s).isEmpty(), s -> assertThat(s).hasValue(401));
            Files.createFile(stop);
            ForkedJvm.Result result = half.finish(Duration.ofSeconds(30));
            assertThat(result.exitCode).isZero();
            assertThat(result.greenTrainLines()).filteredOn(l -> l.contains("greentrain.prometheus.auth.user")).hasSize(1);
            assertThat(result.stderr).doesNotContain(AUTH_PASSWORD);
        }
    }

    @Test
    @Order(13)
    void aSecretWithACommaInTheAgentArgumentsIsNeverEchoed() throws Exception {
        String password = "Alpha7-x,Bravo8-y;Charlie9-z";
        ForkedJvm.Result result = ForkedJvm.main(io.greentrain.agent.it.apps.PlainJob.class, "normal").workDir(dir)
                .withAgent("eager=true,prometheus.port=0,prometheus.host=127.0.0.1,prometheus.auth.user=u,prometheus.auth.password=" + password)
                .run();
        assertThat(result.exitCode).isZero();
        assertThat(result.stdout).contains("job done");
        for (String part : password.split("[,;]")) {
            assertThat(result.stderr).as("part of the password on stderr").doesNotContain(part);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Waits until the agent said one of the texts on stderr (the endpoint decided either way). */
    private static void awaitStderr(ForkedJvm.Live job, String... texts) throws InterruptedException {
        job.awaitStderr(Duration.ofSeconds(30), texts);
        Thread.sleep(300);
    }

    private static HttpResponse<String> get(String path, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The secret base64-encoded at each alignment (as it would appear inside an Authorization header). */
    private static List<String> base64Forms(String secret) {
        List<String> forms = new java.util.ArrayList<>();
        for (String prefix : new String[] {"", "x", "xx"}) {
            String encoded = Base64.getEncoder().withoutPadding().encodeToString((prefix + secret).getBytes(StandardCharsets.UTF_8));
            int skip = prefix.isEmpty() ? 0 : 4;
            forms.add(encoded.substring(skip, encoded.length() - 4));
        }
        return forms;
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean connects(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
