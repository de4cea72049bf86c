package io.greentrain.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreenTrainConfigTest {

    private final List<String> problems = new ArrayList<>();

    @Test
    void defaultsWhenNothingIsSet() {
        GreenTrainConfig config = GreenTrainConfig.resolve(Map.of(), Map.of(), "", problems::add);
        assertThat(config.get(Options.ENABLED)).isTrue();
        assertThat(config.get(Options.PROMETHEUS_PORT)).isEqualTo(9469);
        assertThat(config.get(Options.SAMPLE_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.origin(Options.PROMETHEUS_PORT)).isEqualTo("default");
        assertThat(problems).isEmpty();
    }

    @Test
    void precedenceIsSystemPropertyThenEnvironmentThenAgentArgumentsThenFileThenDefault(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("greentrain.properties");
        Files.writeString(file, "greentrain.prometheus.port=1001\ngreentrain.prometheus.host=10.0.0.1\n"
                + "greentrain.carbon.zone=FR\ngreentrain.log.level=debug\n");
        Map<String, String> env = Map.of("GREENTRAIN_CONFIG", file.toString(), "GREENTRAIN_PROMETHEUS_PORT", "1002",
                "GREENTRAIN_PROMETHEUS_HOST", "10.0.0.2");
        Map<String, String> props = Map.of("greentrain.prometheus.port", "1003");
        GreenTrainConfig config = GreenTrainConfig.resolve(props, env, "prometheus.port=1004,prometheus.host=10.0.0.4,carbon.zone=DE",
                problems::add);

        assertThat(config.get(Options.PROMETHEUS_PORT)).isEqualTo(1003);
        assertThat(config.get(Options.PROMETHEUS_HOST)).isEqualTo("10.0.0.2");
        assertThat(config.get(Options.CARBON_ZONE)).isEqualTo("DE");
        assertThat(config.get(Options.LOG_LEVEL)).isEqualTo("debug");
        assertThat(config.origin(Options.LOG_LEVEL)).startsWith("config file");
        assertThat(problems).isEmpty();
    }

    @Test
    void invalidValueIsOneLineNamingKeyValueAndAllowedAndFallsBackToTheDefault() {
        GreenTrainConfig config = GreenTrainConfig.resolve(Map.of("greentrain.prometheus.port", "70000"), Map.of(),
                "sample.interval=5ms;carbon.pue=0.9", problems::add);
        assertThat(config.get(Options.PROMETHEUS_PORT)).isEqualTo(9469);
        assertThat(config.get(Options.SAMPLE_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.get(Options.CARBON_PUE)).isEqualTo(1.0);
        assertThat(problems).containsExactlyInAnyOrder(
                "invalid greentrain.prometheus.port='70000' (system property): allowed is an integer from 0 to 65535; using the default 9469",
                "invalid greentrain.sample.interval='5ms' (agent argument): allowed is a duration like 200ms, 1s, 5m or 1h from 100ms to 1m; using the default 1s",
                "invalid greentrain.carbon.pue='0.9' (agent argument): allowed is a number from 1 to 5; using the default 1.0");
    }

    @Test
    void aSecretIsNeverEchoed() {
        GreenTrainConfig.resolve(Map.of(), Map.of(), "unknown.secretish=hunter2,prometheus.auth.password=hunter2", problems::add);
        assertThat(problems).hasSize(1).allSatisfy(p -> assertThat(p).doesNotContain("hunter2"));
    }

    @Test
    void unknownKeysAreReportedWithCloseMatches() {
        GreenTrainConfig.resolve(Map.of("greentrain.prometheus.prot", "1"), Map.of(), "", problems::add);
        assertThat(problems).containsExactly(
                "unknown system property 'greentrain.prometheus.prot' (did you mean greentrain.prometheus.port?); ignored");
    }

    @Test
    void unreadableConfigFileIsOneLineAndOtherSourcesStillApply(@TempDir Path dir) {
        GreenTrainConfig config = GreenTrainConfig.resolve(Map.of("greentrain.config", dir.resolve("missing.properties").toString()),
                Map.of(), "prometheus.port=1234", problems::add);
        assertThat(config.get(Options.PROMETHEUS_PORT)).isEqualTo(1234);
        assertThat(problems).hasSize(1).first().asString().startsWith("cannot read config file greentrain.config=");
    }

    @Test
    void durationsAndBooleansParseTheDocumentedForms() {
        assertThat(ValueType.duration(Duration.ZERO, Duration.ofDays(1)).parse("200ms")).isEqualTo(Duration.ofMillis(200));
        assertThat(ValueType.duration(Duration.ZERO, Duration.ofDays(1)).parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ValueType.duration(Duration.ZERO, Duration.ofDays(1)).parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ValueType.bool().parse("FALSE")).isFalse();
        assertThat(ValueType.oneOf("jsonl", "csv").parse("CSV")).isEqualTo("csv");
    }

    @Test
    void everyOptionHasAKeyDescriptionAndAValidDefault() {
        for (Option<?> option : Options.all()) {
            assertThat(option.key()).startsWith("greentrain.");
            assertThat(option.description()).as(option.key()).isNotBlank();
            assertThat(option.environmentName()).matches("GREENTRAIN_[A-Z0-9_]+");
            if (!option.defaultText().isEmpty()) {
                assertThat(option.type().parse(option.defaultText())).as(option.key()).isEqualTo(option.defaultValue());
            }
        }
        assertThat(Options.all().stream().map(Option::key).distinct().count()).isEqualTo(Options.all().size());
        assertThat(GreenTrainConfig.resolve(Collections.emptyMap(), Collections.emptyMap(), null, problems::add)).isNotNull();
    }
}
