package io.greentrain.agent.it.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.reliability.apps.ConfiguredJob;
import io.greentrain.config.Option;
import io.greentrain.config.Options;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid values for every option in {@link Options#all()}, through every configuration channel: the job's
 * stdout, stderr (GreenTrain's lines aside) and exit code are exactly those of a run without the agent, and
 * the agent says what happened in exactly one {@code greentrain:} line naming the key and the value (never
 * the value of a secret).
 *
 * <p>Typed options (boolean, integer, number, duration, enum) get generated bad values (garbage and out of
 * range) and are checked together, one JVM per channel. Text options accept any text, so each gets a value
 * that is wrong for what it names (a missing file, an unresolvable host, an unknown zone...) in its own JVM.
 * {@link #everyOptionHasAFaultHere()} fails when an option is added without one.
 */
class ConfigFaultsIT {

    private static final String EXIT = "3";
    private static final String GOOD_TOKEN = "good-Token-0b1c";

    @TempDir
    static Path dir;

    private static ForkedJvm.Result withoutAgent;
    private static com.sun.net.httpserver.HttpServer carbonApi;

    @BeforeAll
    static void runTheJobWithoutTheAgent() throws Exception {
        withoutAgent = job().run();
        assertThat(withoutAgent.exitCode).isEqualTo(3);
        carbonApi = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        carbonApi.createContext("/", exchange -> {
            String token = exchange.getRequestHeaders().getFirst("auth-token");
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            byte[] body;
            int status;
            if (!GOOD_TOKEN.equals(token)) {
                status = 401;
                body = "{\"message\":\"Invalid auth-token\"}".getBytes(StandardCharsets.UTF_8);
            } else if (!query.equals("zone=FR")) {
                status = 404;
                body = "{\"message\":\"Zone not found\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 200;
                body = "{\"zone\":\"FR\",\"carbonIntensity\":42,\"datetime\":\"2026-01-01T00:00:00.000Z\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        carbonApi.start();
    }

    @AfterAll
    static void stopCarbonApi() {
        if (carbonApi != null) {
            carbonApi.stop(0);
        }
    }

    private static ForkedJvm job(String... lingerMillis) {
        String[] args = lingerMillis.length == 0 ? new String[] {EXIT} : new String[] {EXIT, lingerMillis[0]};
        return ForkedJvm.main(ConfiguredJob.class, args).workDir(dir);
    }

    // ---- typed options ------------------------------------------------------------------------------

    static List<Option<?>> typedOptions() {
        return Options.all().stream().filter(o -> !o.type().typeName().equals("string")).collect(Collectors.toList());
    }

    /** A value no parser of this type accepts, without ',' ';' or '=' (so it also fits in agent arguments). */
    static String garbage(Option<?> option) {
        switch (option.type().typeName()) {
            case "boolean":
                return "maybe";
            case "integer":
                return "12abc";
            case "number":
                return "one.five";
            case "duration":
                return "5 fortnights";
            case "enum":
                return "bogus";
            case "url":
                return "not-a-url";
            default:
                throw new IllegalArgumentException("no garbage for " + option.type().typeName() + " (" + option.key() + ")");
        }
    }

    private static final Pattern RANGE = Pattern.compile("from (\\S+) to (\\S+)$");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    /** A well-formed value just outside the documented range, when the type has one. */
    static Optional<String> outOfRange(Option<?> option) {
        Matcher m = RANGE.matcher(option.type().allowed());
        if (!m.find()) {
            return Optional.empty();
        }
        switch (option.type().typeName()) {
            case "integer":
                return Optional.of(String.valueOf(Long.parseLong(m.group(2)) + 1));
            case "number":
                return Optional.of(new BigDecimal(m.group(2)).add(BigDecimal.ONE).toPlainString());
            case "duration": {
                Matcher min = DURATION.matcher(m.group(1));
                if (!min.matches()) {
                    return Optional.empty();
                }
                long amount = Long.parseLong(min.group(1));
                if (amount == 0) {
                    return Optional.empty(); // nothing is shorter than zero
                }
                return Optional.of(amount > 1 ? (amount - 1) + min.group(2) : "1ms");
            }
            default:
                return Optional.empty();
        }
    }

    @Test
    void everyOptionHasAFaultHere() throws Exception {
        for (Option<?> option : Options.all()) {
            if (option.type().typeName().equals("string")) {
                assertThat(textFaults().map(a -> (String) a.get()[0]))
                        .as("no invalid value for the text option " + option.key() + ": add one to textFaults()")
                        .anyMatch(name -> name.equals(option.key()) || name.startsWith(option.key() + " "));
            } else {
                assertThat(garbage(option)).isNotEmpty();
            }
        }
    }

    @Test
    void garbageInSystemProperties() throws Exception {
        ForkedJvm jvm = job().withAgent("prometheus.host=127.0.0.1");
        Map<Option<?>, String> bad = new LinkedHashMap<>();
        for (Option<?> option : typedOptions()) {
            bad.put(option, garbage(option));
            jvm.jvmArg("-D" + option.key() + "=" + garbage(option));
        }
        assertOneLinePerBadValue(jvm.run(), bad);
    }

    @Test
    void outOfRangeInAgentArguments() throws Exception {
        Map<Option<?>, String> bad = new LinkedHashMap<>();
        for (Option<?> option : typedOptions()) {
            outOfRange(option).ifPresent(value -> bad.put(option, value));
        }
        assertThat(bad.keySet()).as("options with a range").extracting(Option::key)
                .contains(Options.PROMETHEUS_PORT.key(), Options.SAMPLE_INTERVAL.key(), Options.CARBON_PUE.key());
        String arguments = "prometheus.host=127.0.0.1," + bad.entrySet().stream()
                .map(e -> e.getKey().key().substring("greentrain.".length()) + "=" + e.getValue()).collect(Collectors.joining(","));
        assertOneLinePerBadValue(job().withAgent(arguments).run(), bad);
    }

    @Test
    void garbageInTheEnvironment() throws Exception {
        Map<Option<?>, String> bad = new LinkedHashMap<>();
        Map<String, String> env = new LinkedHashMap<>();
        for (Option<?> option : typedOptions()) {
            bad.put(option, garbage(option));
            env.put(option.environmentName(), garbage(option));
        }
        ForkedJvm jvm = job().withAgent("prometheus.host=127.0.0.1");
        assertOneLinePerBadValue(jvm.env(env).timeout(Duration.ofSeconds(120)).run(), bad);
    }

    @Test
    void garbageInTheConfigFile() throws Exception {
        Map<Option<?>, String> bad = new LinkedHashMap<>();
        StringBuilder file = new StringBuilder("# greentrain.properties written by ConfigFaultsIT\n");
        for (Option<?> option : typedOptions()) {
            bad.put(option, garbage(option));
            file.append(option.key()).append('=').append(garbage(option)).append('\n');
        }
        Path config = dir.resolve("garbage.properties");
        Files.writeString(config, file.toString());
        assertOneLinePerBadValue(job().withAgent("prometheus.host=127.0.0.1,config=" + config).run(), bad);
    }

    private static void assertOneLinePerBadValue(ForkedJvm.Result result, Map<Option<?>, String> bad) {
        assertJobUnchanged(result);
        for (Map.Entry<Option<?>, String> entry : bad.entrySet()) {
            String key = entry.getKey().key();
            assertThat(result.greenTrainLines()).as(key + "=" + entry.getValue() + " in\n" + result.stderr)
                    .filteredOn(l -> l.contains(key + "=") && l.contains("'" + entry.getValue() + "'"))
                    .singleElement().satisfies(l -> assertThat(l).contains("allowed is"));
        }
    }

    private static void assertJobUnchanged(ForkedJvm.Result result) {
        assertThat(result.exitCode).as(result.toString()).isEqualTo(withoutAgent.exitCode);
        assertThat(result.stdout).isEqualTo(withoutAgent.stdout);
        assertThat(result.stderrWithoutGreenTrain()).isEqualTo(withoutAgent.stderrWithoutGreenTrain());
        assertThat(result.stderr).doesNotContain("Exception in thread").doesNotContain("\tat ");
    }

    // ---- text options -------------------------------------------------------------------------------

    /**
     * (case name starting with the key, agent arguments, system properties, text that must be in the one line,
     * text that must appear nowhere, linger ms). The agent arguments always include a free port on loopback.
     */
    static Stream<Arguments> textFaults() {
        Path missingDir = dir.resolve("no-such-dir");
        Path keystore = dir.resolve("endpoint.p12");
        String api = carbonApi == null ? "http://127.0.0.1:9" : "http://127.0.0.1:" + carbonApi.getAddress().getPort();
        return Stream.of(
                Arguments.of("greentrain.config (missing file)", "", sys("greentrain.config", missingDir.resolve("gt.properties")),
                        missingDir.resolve("gt.properties").toString(), null, 0, null),
                Arguments.of("greentrain.config (a directory)", "", sys("greentrain.config", dir), dir.toString(), null, 0, null),
                Arguments.of("greentrain.config (malformed)", "", sys("greentrain.config", "@malformed"), "malformed.properties", null, 0, null),
                Arguments.of("greentrain.prometheus.host", "", sys("greentrain.prometheus.host", "no-such-host.invalid"),
                        "no-such-host.invalid", null, 0, null),
                Arguments.of("greentrain.prometheus.tls.keystore", "", sys("greentrain.prometheus.tls.keystore", missingDir.resolve("ks.p12")),
                        missingDir.resolve("ks.p12").toString(), null, 0, null),
                Arguments.of("greentrain.prometheus.tls.keystore.password", "",
                        sys("greentrain.prometheus.tls.keystore", "@keystore", "greentrain.prometheus.tls.keystore.password", "wrong-Ks-8d7e"),
                        keystore.toString(), "wrong-Ks-8d7e", 0, null),
                Arguments.of("greentrain.prometheus.auth.user", "",
                        sys("greentrain.prometheus.auth.user", "ops:team", "greentrain.prometheus.auth.password", "Auth-pw-4e5f"),
                        "ops:team", "Auth-pw-4e5f", 0, null),
                Arguments.of("greentrain.prometheus.auth.password", "", sys("greentrain.prometheus.auth.password", "Lonely-pw-6a7b"),
                        Options.PROMETHEUS_AUTH_USER.key(), "Lonely-pw-6a7b", 0, null),
                Arguments.of("greentrain.discovery.dir", "", sys("greentrain.discovery.dir", missingDir.resolve("targets")),
                        missingDir.resolve("targets").toString(), null, 0, null),
                Arguments.of("greentrain.discovery.address", "", sys("greentrain.discovery.dir", dir,
                        "greentrain.discovery.address", "http://node-1:9469"), "http://node-1:9469", null, 0, null),
                Arguments.of("greentrain.pushgateway.job", "pushgateway.url=http://127.0.0.1:9,pushgateway.job=,pushgateway.timeout=200ms",
                        Map.of(), Options.PUSHGATEWAY_JOB.key(), null, 0, null),
                Arguments.of("greentrain.rapl.root", "", sys("greentrain.rapl.root", missingDir.resolve("powercap")),
                        missingDir.resolve("powercap").toString(), null, 0, null),
                // a cgroup root the user named that is no cgroup v2 mount: one line naming it (cgroup/not_found)
                Arguments.of("greentrain.cgroup.root", "", sys("greentrain.cgroup.root", missingDir.resolve("cgroup")),
                        missingDir.resolve("cgroup").toString(), null, 0, null),
                Arguments.of("greentrain.hypervisor.root", "", sys("greentrain.hypervisor.root", missingDir.resolve("scaphandre")),
                        missingDir.resolve("scaphandre").toString(), null, 0, null),
                Arguments.of("greentrain.nvml.library", "", sys("greentrain.nvml.library", missingDir.resolve("libnvidia-ml.so.1")),
                        missingDir.resolve("libnvidia-ml.so.1").toString(), null, 0, null),
                Arguments.of("greentrain.records.file", "", sys("greentrain.records.file", missingDir.resolve("calls.jsonl")),
                        missingDir.resolve("calls.jsonl").toString(), null, 0, null),
                Arguments.of("greentrain.carbon.zone", "", sys("greentrain.carbon.zone", "XX-NOWHERE"), "XX-NOWHERE", null, 0, null),
                Arguments.of("greentrain.carbon.provider.url", "", sys("greentrain.carbon.provider", "electricitymaps",
                        "greentrain.carbon.zone", "FR", "greentrain.carbon.provider.token", GOOD_TOKEN,
                        "greentrain.carbon.provider.url", "ftp://carbon.example"), "ftp://carbon.example", GOOD_TOKEN, 0, null),
                Arguments.of("greentrain.carbon.provider.token", "", sys("greentrain.carbon.provider", "electricitymaps",
                        "greentrain.carbon.zone", "FR", "greentrain.carbon.provider.url", api,
                        "greentrain.carbon.provider.token", "wrong-Token-9f8e"), Options.CARBON_PROVIDER_TOKEN.key(), "wrong-Token-9f8e", 3000, null),
                Arguments.of("greentrain.carbon.provider.region", "", sys("greentrain.carbon.provider", "electricitymaps",
                        "greentrain.carbon.zone", "FR", "greentrain.carbon.provider.url", api, "greentrain.carbon.provider.token", GOOD_TOKEN,
                        "greentrain.carbon.provider.region", "NOWHERE-99"), "NOWHERE-99", GOOD_TOKEN, 3000, null));
    }

    private static Map<String, String> sys(Object... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i].toString(), keyValues[i + 1].toString());
        }
        return map;
    }

    static Stream<Arguments> textFaultsWithoutKnownDefect() {
        return textFaults().filter(a -> a.get()[6] == null);
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("textFaultsWithoutKnownDefect")
    void wrongTextValue(String name, String agentArguments, Map<String, String> properties, String mustBeInTheLine,
                        String secret, int lingerMillis, String defect) throws Exception {
        checkWrongTextValue(name, agentArguments, properties, mustBeInTheLine, secret, lingerMillis);
    }


    private void checkWrongTextValue(String name, String agentArguments, Map<String, String> properties, String mustBeInTheLine,
                                     String secret, int lingerMillis) throws Exception {
        String key = name.split(" ")[0];
        ForkedJvm jvm = lingerMillis > 0 ? job(String.valueOf(lingerMillis)) : job();
        jvm.withAgent("prometheus.port=0,prometheus.host=127.0.0.1" + (agentArguments.isEmpty() ? "" : "," + agentArguments));
        for (Map.Entry<String, String> property : properties.entrySet()) {
            jvm.jvmArg("-D" + property.getKey() + "=" + resolve(property.getValue()));
        }
        ForkedJvm.Result result = jvm.run();
        assertJobUnchanged(result);
        List<String> lines = result.greenTrainLines().stream()
                .filter(l -> l.contains(key) || l.contains(resolve(mustBeInTheLine))).collect(Collectors.toList());
        assertThat(lines).as("lines naming " + key + " or " + mustBeInTheLine + " in\n" + result.stderr).singleElement()
                .satisfies(l -> assertThat(l).contains(key).contains(resolve(mustBeInTheLine)));
        if (secret != null) {
            assertThat(result.stderr + result.stdout).doesNotContain(secret);
        }
    }

    /** "@keystore": a real keystore; "@malformed": a properties file Properties.load rejects. */
    private static String resolve(String value) {
        try {
            if (value.equals("@keystore")) {
                Path keystore = dir.resolve("endpoint.p12");
                if (!Files.exists(keystore)) {
                    TlsFixture.generate(dir, "right-Ks-1234");
                }
                return keystore.toString();
            }
            if (value.equals("@malformed")) {
                Path file = dir.resolve("malformed.properties");
                Files.writeString(file, "greentrain.carbon.zone=\\uZZZZ\n");
                return file.toString();
            }
            return value;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Port in use: covered for the output too (EndpointIT checks the line). */
    @Test
    void portInUse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ForkedJvm.Result result = job().withAgent("prometheus.host=127.0.0.1,prometheus.port=" + taken.getLocalPort()).run();
            assertJobUnchanged(result);
            assertThat(result.greenTrainLines()).filteredOn(l -> l.contains(String.valueOf(taken.getLocalPort()))).singleElement()
                    .satisfies(l -> assertThat(l).contains("in use").contains(Options.PROMETHEUS_PORT.key()));
        }
    }
}
