package io.greentrain.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.greentrain.examples.tradeoff.ResultsCsv;
import io.greentrain.examples.tradeoff.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar in forked JVMs: without the agent the study exits 2 with instructions; with the agent attached a
 * tiny grid on the digits runs end to end and every training run is charged energy from the agent's records.
 */
class TradeoffWithAgentIT {

    @TempDir
    Path dir;

    static Path examplesJar() {
        return Paths.get(System.getProperty("greentrain.examples.jar.path", "target/greentrain-examples.jar"));
    }

    static Path agentJar() {
        return Paths.get(System.getProperty("greentrain.agent.jar.path", "../agent/dist/target/greentrain-agent.jar"));
    }

    static String cache() {
        return System.getProperty("greentrain.examples.cache", "target/test-cache");
    }

    private static final class Result {
        int exit;
        String output;
    }

    private Result run(List<String> command) throws IOException, InterruptedException {
        Path log = dir.resolve("out-" + System.nanoTime() + ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(150, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command + "\n" + Files.readString(log));
        }
        Result r = new Result();
        r.exit = p.exitValue();
        r.output = Files.readString(log, StandardCharsets.UTF_8);
        return r;
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void withoutTheAgentTheStudyExits2AndSaysHowToAttachIt() throws Exception {
        assumeTrue(Files.isRegularFile(examplesJar()), "examples jar not built");
        Result r = run(List.of(java(), "-jar", examplesJar().toAbsolutePath().toString(), "tradeoff"));
        assertThat(r.exit).as(r.output).isEqualTo(2);
        assertThat(r.output).contains("-javaagent:").contains("greentrain-agent.jar").contains("tradeoff");
    }

    @Test
    void withTheAgentATinyGridRunsAndIsCharged() throws Exception {
        assumeTrue(Files.isRegularFile(examplesJar()), "examples jar not built");
        assumeTrue(Files.isRegularFile(agentJar()), "agent jar not built: " + agentJar());
        Path records = dir.resolve("calls.jsonl");
        Path out = dir.resolve("study");
        List<String> cmd = new ArrayList<>(List.of(java(), "-Xmx2g",
                "-javaagent:" + agentJar().toAbsolutePath() + "=records.file=" + records + ",records.detail=calls,progress.interval=1s,"
                        + "prometheus.enabled=false",
                "-jar", examplesJar().toAbsolutePath().toString(), "tradeoff", "--data", "digits",
                "--cache-dir", new File(cache()).getAbsolutePath(), "--libraries", "tribuo,smile",
                "--methods", "uniform,sensitivity,ccs,progressive", "--fractions", "0.25,1", "--seeds", "1",
                // Smile's random forest fails on a 13-row sample of digits that lacks classes: no 1 % step here
                "--progressive-fractions", "0.1,0.5,1",
                "--out", out.toString()));
        Result r = run(cmd);
        assertThat(r.exit).as(r.output).isZero();
        // its output is a file here, not a terminal: the study's progress and the agent's lines are plain lines
        assertThat(r.output).containsPattern("\\[1/\\d+\\] ").contains("greentrain: ");
        assertThat(r.output).as("control characters in a log that is not a terminal").doesNotContain("\r").doesNotContain("\u001b");
        assertThat(r.output).contains("Results CSV:").contains("Summary table:").contains("Plot:");
        List<RunResult> results = ResultsCsv.read(out.resolve("runs.csv"));
        assertThat(results).hasSize(4 * 5); // 4 models x (full, 3 methods, progressive)
        assertThat(out.resolve("summary.md")).exists();
        assertThat(results).allSatisfy(x -> assertThat(x.accuracy()).isBetween(0.3, 1.0));
        assertThat(records).as("the agent's records file; output:\n" + r.output).exists();
        assertThat(results).as("training energy from the agent's records:\n" + r.output)
                .allSatisfy(x -> assertThat(x.trainingJoules()).isPositive());
        // selection is charged from the agent's 'subset' records (and the proxy scoring of ccs from a 'custom' call; progressive sums every step's selection)
        assertThat(results.stream().filter(x -> !x.isFull()))
                .allSatisfy(x -> assertThat(x.selectionJoules()).as(x.toString()).isPositive());
        assertThat(out.resolve("accuracy-vs-co2e.png")).exists();
    }
}
