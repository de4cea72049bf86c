package io.greentrain.agent.it.instrumentation;

import io.greentrain.agent.it.StreamDrain;
import static io.greentrain.agent.it.instrumentation.Steps.assertOneCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.instrumentation.apps.AttachJob;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar greentrain-agent.jar attach <pid>} into a JVM whose trainer classes were loaded and used before:
 * retransformation instruments them, and the next training call is seen.
 */
class DynamicAttachIT {

    @TempDir
    Path dir;

    @Test
    void classesLoadedBeforeTheAgentAttachesAreInstrumented() throws Exception {
        JobRun job = JobRun.of(AttachJob.class);
        Process target = job.start();
        StreamDrain err = new StreamDrain(target.getErrorStream());
        err.start();
        StringBuilder stdout = new StringBuilder();
        try (OutputStream stdin = target.getOutputStream()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8));
            String ready = out.readLine();
            assertThat(ready).as("job stderr:\n%s", err.text()).isEqualTo("ready " + target.pid());
            stdout.append(ready).append('\n');

            Process attach = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    JobRun.agentJar().toString(), "attach", Long.toString(target.pid()),
                    JobRun.estimatePath(dir.resolve("calls.jsonl"))).redirectErrorStream(true).start();
            String attachOutput = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(attach.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(attach.exitValue()).as(attachOutput).isZero();

            stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                stdout.append(line).append('\n');
            }
        }
        assertThat(target.waitFor(120, TimeUnit.SECONDS)).isTrue();
        err.join();
        JobResult run = new JobResult(Arrays.asList("AttachJob"), target.exitValue(), stdout.toString(), err.text(), 0);

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.agentProblems()).as(run.toString()).isEmpty();
        assertThat(run.started("before-attach")).isEmpty();
        assertOneCall(run, "after-attach", "tribuo:LogisticRegressionTrainer AbstractSGDTrainer#train", "success");
        // the class that declares train() was loaded (and ran) before the agent: it was retransformed
        assertThat(run.stderr).contains("greentrain: debug: instrumented org.tribuo.common.sgd.AbstractSGDTrainer (retransformed)");
    }
}
