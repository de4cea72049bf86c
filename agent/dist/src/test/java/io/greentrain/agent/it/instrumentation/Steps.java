package io.greentrain.agent.it.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions on the calls the agent reported per job step. */
final class Steps {

    private Steps() {
    }

    /** The run finished normally and GreenTrain reported no problem of its own (a failed transform, a failed start). */
    static void assertCleanRun(JobResult run) {
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.agentProblems()).as(run.toString()).isEmpty();
    }

    /** Exactly one call in {@code step}, {@code library:model Type#method}, ended with {@code outcome}. */
    static JobResult.Started assertOneCall(JobResult run, String step, String call, String outcome) {
        List<JobResult.Started> started = run.started(step);
        assertThat(started).as("calls started in step '%s'\n%s", step, run).extracting(JobResult.Started::call).containsExactly(call);
        assertThat(run.ended(step)).as("calls ended in step '%s'\n%s", step, run).extracting(e -> e.outcome).containsExactly(outcome);
        return started.get(0);
    }

    /** {@code count} calls in {@code step}, all {@code call}, each on its own thread, all successful. */
    static List<JobResult.Started> assertConcurrentCalls(JobResult run, String step, String call, int count) {
        List<JobResult.Started> started = run.started(step);
        assertThat(started).as("calls started in step '%s'\n%s", step, run).hasSize(count)
                .allMatch(s -> s.call().equals(call));
        assertThat(started.stream().map(s -> s.thread).collect(Collectors.toSet())).as("threads").hasSize(count);
        assertThat(run.ended(step)).as("calls ended in step '%s'", step).hasSize(count).allMatch(e -> e.outcome.equals("success"));
        return started;
    }
}
