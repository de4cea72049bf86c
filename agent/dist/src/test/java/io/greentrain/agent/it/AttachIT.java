package io.greentrain.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.apps.WaitingJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar greentrain-agent.jar attach <pid>} against a running JVM. */
class AttachIT {

    @TempDir
    Path workDir;

    @Test
    void attachStartsTheEndpointInARunningJvmAndASecondAttachIsHarmless() throws Exception {
        Path stop = workDir.resolve("stop");
        try (ForkedJvm.Live target = ForkedJvm.main(WaitingJob.class, stop.toString()).workDir(workDir).start()) {
            assertThat(target.nextStdoutLine(Duration.ofSeconds(60))).isEqualTo("ready");
            int port = Scraper.freePort();

            ForkedJvm.Result first = attach(target.pid(), "eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1");
            assertThat(first.exitCode).as(first.toString()).isZero();
            assertThat(Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(20))).contains("greentrain_build_info");

            ForkedJvm.Result second = attach(target.pid(), "prometheus.port=" + port);
            assertThat(second.exitCode).as(second.toString()).isZero();

            Files.createFile(stop);
            ForkedJvm.Result result = target.finish(Duration.ofSeconds(30));
            assertThat(result.exitCode).isZero();
            assertThat(target.nextStdoutLine(Duration.ofSeconds(1))).isEqualTo("stopped");
            assertThat(result.stderr).contains("greentrain: agent already attached to this JVM");
        }
    }

    @Test
    void badPidIsUsageAndExitCode2() throws Exception {
        ForkedJvm.Result result = attachArgs("attach", "not-a-pid");
        assertThat(result.exitCode).isEqualTo(2);
        assertThat(result.stderr).contains("not-a-pid").contains("usage: java -jar greentrain-agent.jar attach <pid>");
    }

    private static ForkedJvm.Result attach(long pid, String options) throws Exception {
        return attachArgs("attach", Long.toString(pid), options);
    }

    private static ForkedJvm.Result attachArgs(String... args) throws Exception {
        return ForkedJvm.agentCommand(args).run();
    }
}
