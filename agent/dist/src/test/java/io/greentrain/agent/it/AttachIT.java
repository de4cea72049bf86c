package io.greentrain.agent.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.apps.WaitingJob;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar greentrain-agent.jar attach <pid>} against a running JVM. */
class AttachIT {

    @TempDir
    Path workDir;

    @Test
    void attachStartsTheEndpointInARunningJvmAndASecondAttachIsHarmless() throws Exception {
        Path stop = workDir.resolve("stop");
        Process target = ForkedJvm.main(WaitingJob.class, stop.toString()).workDir(workDir).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream()));
            assertThat(out.readLine()).isEqualTo("ready");
            int port = Scraper.freePort();

            ForkedJvm.Result first = attach(target.pid(), "eager=true,prometheus.port=" + port + ",prometheus.host=127.0.0.1");
            assertThat(first.exitCode).as(first.toString()).isZero();
            assertThat(Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(20))).contains("greentrain_build_info");

            ForkedJvm.Result second = attach(target.pid(), "prometheus.port=" + port);
            assertThat(second.exitCode).as(second.toString()).isZero();

            Files.createFile(stop);
            assertThat(target.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(target.exitValue()).isZero();
            assertThat(out.readLine()).isEqualTo("stopped");
            String stderr = new String(target.getErrorStream().readAllBytes());
            assertThat(stderr).contains("greentrain: agent already attached to this JVM");
        } finally {
            target.destroyForcibly();
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
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        builder.command().add("-jar");
        builder.command().add(ForkedJvm.agentJar().toAbsolutePath().toString());
        builder.command().addAll(java.util.Arrays.asList(args));
        Process process = builder.start();
        String stdout = new String(process.getInputStream().readAllBytes());
        String stderr = new String(process.getErrorStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ForkedJvm.Result(process.exitValue(), stdout, stderr);
    }
}
