package io.greentrain.agent.it.instrumentation;

import static io.greentrain.agent.it.instrumentation.Steps.assertOneCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.instrumentation.apps.AttachJob;
import java.nio.file.Path;
import java.time.Duration;
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
        JobResult run;
        try (ForkedJvm.Live target = ForkedJvm.trainingJob(AttachJob.class).start()) {
            String ready = target.nextStdoutLine(Duration.ofSeconds(240));
            assertThat(ready).as("job stderr:\n%s", target.stderr()).isEqualTo("ready " + target.pid());

            ForkedJvm.Result attach = ForkedJvm.agentCommand("attach", Long.toString(target.pid()),
                    AgentOptions.estimatePath(dir.resolve("calls.jsonl"))).run();
            assertThat(attach.exitCode).as(attach.toString()).isZero();

            target.writeLine("go");
            target.stdin().close();
            run = new JobResult(target.finish(Duration.ofSeconds(120)));
        }

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.agentProblems()).as(run.toString()).isEmpty();
        assertThat(run.started("before-attach")).isEmpty();
        assertOneCall(run, "after-attach", "tribuo:LogisticRegressionTrainer AbstractSGDTrainer#train", "success");
        // the class that declares train() was loaded (and ran) before the agent: it was retransformed
        assertThat(run.stderr).contains("greentrain: debug: instrumented org.tribuo.common.sgd.AbstractSGDTrainer (retransformed)");
    }
}
