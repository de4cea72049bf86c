package io.greentrain.agent.it.instrumentation;

import io.greentrain.agent.it.ForkedJvm;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The three runs every library's instrumentation IT compares: the training job without the agent ({@link #plain}), with
 * it on the estimate path ({@link #traced}, records in {@code <name>estimate.jsonl}) and with it on a fixture RAPL tree
 * ({@link #rapl}, records in {@code <name>rapl.jsonl}), one after the other.
 */
final class ThreeRuns {

    /** A fresh builder of the job each time (each run adds its own agent options). */
    interface Job {
        ForkedJvm create() throws IOException;
    }

    final JobResult plain;
    final JobResult traced;
    final JobResult rapl;
    final Path estimateRecords;
    final Path raplRecords;

    private ThreeRuns(JobResult plain, JobResult traced, JobResult rapl, Path estimateRecords, Path raplRecords) {
        this.plain = plain;
        this.traced = traced;
        this.rapl = rapl;
        this.estimateRecords = estimateRecords;
        this.raplRecords = raplRecords;
    }

    /** Runs the job three times in {@code dir}; {@code name} prefixes the files ("" or "smile3-"). */
    static ThreeRuns of(Job job, Path dir, String name) throws IOException, InterruptedException {
        Path estimateRecords = dir.resolve(name + "estimate.jsonl");
        Path raplRecords = dir.resolve(name + "rapl.jsonl");
        JobResult plain = JobResult.run(job.create());
        JobResult traced = JobResult.run(job.create().withAgent(AgentOptions.estimatePath(estimateRecords)));
        JobResult rapl;
        try (RaplFixture fixture = RaplFixture.start(dir.resolve(name + "powercap"))) {
            rapl = JobResult.run(job.create().withAgent(AgentOptions.raplFixture(fixture.root(), raplRecords)));
        }
        return new ThreeRuns(plain, traced, rapl, estimateRecords, raplRecords);
    }
}
