package io.greentrain.agent.it.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.ForkedJvm;
import io.greentrain.agent.it.Scraper;
import io.greentrain.agent.it.instrumentation.apps.ConcurrentTrainingJob;
import io.greentrain.exporter.records.CallRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight threads training concurrently are eight calls, and together they are charged no more than the whole process
 * used meanwhile: overlapping calls share the process's energy instead of each getting all of it.
 */
class ConcurrentCallsEnergyIT {

    private static final Pattern PROCESS_ENERGY =
            Pattern.compile("^greentrain_process_energy_joules_total\\{[^}]*} (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void eightConcurrentCallsSumToAtMostTheProcessEnergyOfTheInterval() throws Exception {
        int port = Scraper.freePort();
        Path records = dir.resolve("calls.jsonl");
        ForkedJvm job = ForkedJvm.trainingJob(ConcurrentTrainingJob.class).withAgent(AgentOptions.estimatePath(records)
                .replace("prometheus.enabled=false", "prometheus.enabled=true,prometheus.host=127.0.0.1,prometheus.port=" + port)
                + ",sample.interval=100ms");
        double before;
        double after;
        ForkedJvm.Result result;
        try (ForkedJvm.Live process = job.start()) {
            assertThat(process.nextStdoutLine(Duration.ofSeconds(120))).as(process::stderr).isEqualTo("hold before");
            before = processJoulesAfterASample(port);
            process.writeLine("go");
            assertThat(process.nextStdoutLine(Duration.ofSeconds(120))).as(process::stderr).isEqualTo("hold after");
            after = processJoulesAfterASample(port);
            process.writeLine("go");
            process.stdin().close();
            result = process.finish(Duration.ofSeconds(120));
        }
        assertThat(result.exitCode).as(result.stderr).isZero();

        List<CallRecord> concurrent = Records.read(records).stream().filter(r -> r.thread().startsWith("trainer-"))
                .collect(Collectors.toList());
        assertThat(concurrent).as(result.stderr).hasSize(8).allMatch(r -> r.totalJoules() > 0);
        double calls = concurrent.stream().mapToDouble(CallRecord::totalJoules).sum();
        assertThat(after - before).as("process energy between the pauses").isGreaterThan(0);
        assertThat(calls).as("energy of the 8 calls (J) vs the process's energy over the interval (J) %.3f", after - before)
                .isLessThanOrEqualTo((after - before) * 1.0001);
    }

    /** Sum of the process energy counters, read once the sampler (100 ms) has run inside the pause. */
    private static double processJoulesAfterASample(int port) throws Exception {
        Thread.sleep(400);
        String metrics = Scraper.awaitOk(port, "/metrics", Duration.ofSeconds(20));
        Matcher m = PROCESS_ENERGY.matcher(metrics);
        double sum = 0;
        int counters = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            counters++;
        }
        assertThat(counters).as("greentrain_process_energy_joules_total series in\n%s", metrics).isPositive();
        return sum;
    }
}
