package io.greentrain.exporter.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.greentrain.config.GreenTrainConfig;
import io.greentrain.exporter.attribution.JvmIdentity;
import io.greentrain.exporter.status.AgentLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTargetTest {

    private static JvmIdentity jvm(String host, long pid) {
        return new JvmIdentity("jvm-1", pid, host);
    }


    @TempDir
    Path dir;

    private static GreenTrainConfig config(String arguments) {
        List<String> problems = new ArrayList<>();
        GreenTrainConfig config = GreenTrainConfig.resolve(Map.of(), Map.of(), arguments, problems::add);
        assertThat(problems).isEmpty();
        return config;
    }

    private static long problems(String reason) {
        var count = AgentLog.problemCounts().get("discovery\u0000" + reason);
        return count == null ? 0 : count.get();
    }

    @Test
    void writesOneFileSdTargetGroupAndRemovesItAtClose() throws IOException {
        DiscoveryTarget target = DiscoveryTarget.announce(config("discovery.dir=" + dir + ",prometheus.host=127.0.0.1"), 40123, jvm("node-1", 4242));
        assertThat(target).isNotNull();
        assertThat(target.file()).isEqualTo(dir.resolve("greentrain-node-1-4242.json"));
        JsonNode groups = new ObjectMapper().readTree(target.file().toFile());
        assertThat(groups.isArray()).isTrue();
        assertThat(groups.get(0).path("targets").get(0).asText()).isEqualTo("127.0.0.1:40123");
        assertThat(groups.get(0).path("labels").size()).isZero();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target.file()); // the temporary file was moved, not left behind
        }
        target.close();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void announcesTheHostNameBehindAWildcardBindAndHttpsWithAKeystore() throws IOException {
        DiscoveryTarget target = DiscoveryTarget.announce(config("discovery.dir=" + dir + ",prometheus.tls.keystore=/etc/ks.p12"), 9469, jvm("gpu-node-7", 1));
        JsonNode group = new ObjectMapper().readTree(target.file().toFile()).get(0);
        assertThat(group.path("targets").get(0).asText()).isEqualTo("gpu-node-7:9469");
        assertThat(group.path("labels").path("__scheme__").asText()).isEqualTo("https");
        assertThat(DiscoveryTarget.address(config("discovery.address=10.1.2.3"), "h")).isEqualTo("10.1.2.3");
    }

    @Test
    void filesOfThisHostsDeadJvmsAreRemovedAndOthersKept() throws IOException {
        long alive = ProcessHandle.current().pid();
        long dead = deadPid();
        Path mineAlive = Files.writeString(dir.resolve("greentrain-node-1-" + alive + ".json"), "[]");
        Path mineDead = Files.writeString(dir.resolve("greentrain-node-1-" + dead + ".json"), "[]");
        Path otherHost = Files.writeString(dir.resolve("greentrain-node-2-" + dead + ".json"), "[]");
        Path unrelated = Files.writeString(dir.resolve("spark-targets.json"), "[]");
        DiscoveryTarget.announce(config("discovery.dir=" + dir), 1, jvm("node-1", 77_000_001L));
        assertThat(mineDead).doesNotExist();
        assertThat(mineAlive).exists();
        assertThat(otherHost).exists(); // its pid may be alive over there
        assertThat(unrelated).exists();
    }

    @Test
    void aMissingDirectoryIsOneProblemAndNoTarget() {
        long before = problems("directory_missing");
        assertThat(DiscoveryTarget.announce(config("discovery.dir=" + dir.resolve("nope")), 1, jvm("h", 1))).isNull();
        assertThat(problems("directory_missing")).isEqualTo(before + 1);
        assertThat(DiscoveryTarget.announce(config(""), 1, jvm("h", 1))).isNull(); // off by default
    }

    private static long deadPid() {
        for (long pid = 4_000_000L; ; pid++) {
            if (ProcessHandle.of(pid).isEmpty()) {
                return pid;
            }
        }
    }
}
