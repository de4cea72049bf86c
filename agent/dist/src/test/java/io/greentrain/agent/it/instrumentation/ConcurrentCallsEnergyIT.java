package io.greentrain.agent.it.instrumentation;

import io.greentrain.agent.it.StreamDrain;
import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.agent.it.Scraper;
import io.greentrain.agent.it.instrumentation.apps.ConcurrentTrainingJob;
import io.greentrain.exporter.records.CallRecord;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        JobRun job = JobRun.of(ConcurrentTrainingJob.class).withAgent(JobRun.estimatePath(records)
                .replace("prometheus.enabled=false", "prometheus.enabled=true,prometheus.host=127.0.0.1,prometheus.port=" + port)
                + ",sample.interval=100ms");
        Process process = job.start();
        StreamDrain err = new StreamDrain(process.getErrorStream());
        err.start();
        double before;
        double after;
        try (OutputStream stdin = process.getOutputStream()) {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).as(err::text).isEqualTo("hold before");
            before = processJoulesAfterASample(port);
            stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertThat(out.readLine()).as(err::text).isEqualTo("hold after");
            after = processJoulesAfterASample(port);
            stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        err.join();
        assertThat(process.exitValue()).as(err.text()).isZero();

        List<CallRecord> concurrent = Records.read(records).stream().filter(r -> r.thread().startsWith("trainer-"))
                .collect(Collectors.toList());
        assertThat(concurrent).as(err.text()).hasSize(8).allMatch(r -> r.totalJoules() > 0);
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
