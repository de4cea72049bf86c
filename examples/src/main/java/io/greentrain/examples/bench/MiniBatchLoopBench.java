package io.greentrain.examples.bench;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The per-batch cost in a real job: {@link MiniBatchLoopJob} (600 {@code net.fit(DataSet)} calls on one DL4J network)
 * in alternating JVMs without the agent and with it (and with a second agent jar, {@code --before PATH}, for a
 * before/after comparison), one JVM at a time, the order rotating every round. The figure is the job's own
 * {@code loop.seconds} (first training call to the end of the last), so the agent's start-up is excluded; the report
 * gives per-round ratios and the added time per mini-batch, median [min..max], plus records and stderr lines. The jobs run
 * with {@code OMP_NUM_THREADS=1} (see {@link #run}).
 *
 * <pre>
 * java -cp examples/target/greentrain-examples.jar io.greentrain.examples.bench.MiniBatchLoopBench --rounds 9
 * </pre>
 * Writes {@code docs/minibatch.md} and {@code docs/minibatch.csv} (see {@code --out}).
 */
public final class MiniBatchLoopBench {

    static final int CALLS = MiniBatchLoopJob.EPOCHS * MiniBatchLoopJob.BATCHES;

    record Run(String variant, int round, double loopSeconds, int runRecords, long callsCounted, int greenTrainLines, int exitCode) {
    }

    private final Map<String, Path> agents;
    private final Path examplesJar;
    private final Path work;
    private final int rounds;

    MiniBatchLoopBench(Map<String, Path> agents, Path examplesJar, Path work, int rounds) {
        this.agents = agents;
        this.examplesJar = examplesJar;
        this.work = work;
        this.rounds = rounds;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Path> agents = new LinkedHashMap<>();
        agents.put("agent", Paths.get("agent/dist/target/greentrain-agent.jar"));
        Path out = Paths.get("docs");
        int rounds = 9;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--agent" -> agents.put("agent", Paths.get(args[++i]));
                case "--before" -> agents.put("before", Paths.get(args[++i]));
                case "--out" -> out = Paths.get(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (allowed: --agent PATH, --before PATH, --out DIR, --rounds N)");
            }
        }
        for (Map.Entry<String, Path> agent : agents.entrySet()) {
            if (!Files.isRegularFile(agent.getValue())) {
                throw new IllegalArgumentException(agent.getKey() + " jar not found: " + agent.getValue()
                        + " (build it: mvn -B -q -pl examples -am package -DskipTests)");
            }
            agent.setValue(agent.getValue().toAbsolutePath());
        }
        Path examples = Paths.get(MiniBatchLoopBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        MiniBatchLoopBench bench = new MiniBatchLoopBench(agents, examples, Files.createTempDirectory("greentrain-minibatch"), rounds);
        bench.runAll(out, "java -cp " + examples.getFileName() + " " + MiniBatchLoopBench.class.getName() + " " + String.join(" ", args));
    }

    void runAll(Path out, String command) throws Exception {
        Instant started = Instant.now();
        List<String> variants = new ArrayList<>();
        variants.add("none");
        variants.addAll(agents.keySet());
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (int k = 0; k < variants.size(); k++) {
                String variant = variants.get((k + round) % variants.size()); // rotate the order every round
                Run run = run(variant, round);
                runs.add(run);
                System.err.printf(Locale.ROOT, "round %d %-7s loop %6.3f s run records %d calls %d greentrain lines %d%s%n", round, variant,
                        run.loopSeconds(), run.runRecords(), run.callsCounted(), run.greenTrainLines(),
                        run.exitCode() == 0 ? "" : " EXIT " + run.exitCode());
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("minibatch.csv"), csv(runs), StandardCharsets.UTF_8);
        String report = report(runs, variants, command, started);
        Files.writeString(out.resolve("minibatch.md"), report, StandardCharsets.UTF_8);
        System.out.println(report);
    }

    private Run run(String variant, int round) throws IOException, InterruptedException {
        String id = variant + "-" + round;
        Path records = work.resolve(id + ".jsonl");
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        if (!variant.equals("none")) {
            command.add("-javaagent:" + agents.get(variant) + "=prometheus.port=0,records.file=" + records);
        }
        command.addAll(List.of("-cp", examplesJar.toString(), MiniBatchLoopJob.class.getName()));
        Path stdout = work.resolve(id + ".out");
        Path stderr = work.resolve(id + ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("GREENTRAIN_") || k.equals("JAVA_TOOL_OPTIONS"));
        // ND4J's OpenMP threads spin between ops: with the default team on a 2-core machine the loop took 3.4 to 15 s
        // per run (measured), which hides any per-batch cost; one thread made it 1.5 s and steady
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(id + " did not finish");
        }
        double loop = Files.readAllLines(stdout, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("loop.seconds="))
                .mapToDouble(l -> Double.parseDouble(l.substring("loop.seconds=".length()))).findFirst().orElse(Double.NaN);
        int lines = (int) Files.readAllLines(stderr, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("greentrain:")).count();
        int runRecords = 0;
        long calls = 0;
        if (Files.exists(records)) {
            CallRecordReader.Result read = CallRecordReader.read(records);
            // the loop's run is the one of 600 calls (the warm-up on another network is a run of its own)
            for (CallRecord record : read.runs()) {
                runRecords++;
                calls = Math.max(calls, record.run().calls());
            }
            if (read.runs().isEmpty()) {
                calls = read.calls().size() - MiniBatchLoopJob.WARM_UP_BATCHES; // a schema-1 agent writes one record per call
            }
        }
        return new Run(variant, round, loop, runRecords, calls, lines, process.exitValue());
    }

    private String report(List<Run> runs, List<String> variants, String command, Instant started) {
        StringBuilder md = new StringBuilder("# The per-batch path: 600 `net.fit(DataSet)` calls with and without the agent\n\n");
        md.append("Written by `").append(command).append("` (").append(started.truncatedTo(ChronoUnit.SECONDS)).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, Java ").append(Runtime.version().feature())
                .append("). ").append(rounds).append(" rounds, one JVM at a time, the order rotating every round; the time is the ")
                .append("job's loop (first training call to the end of the last, ").append(CALLS).append(" calls). ")
                .append("Cells: median [min..max]; ratios and differences are per round.\n\n");
        md.append("| variant | loop s | ratio to none | added per mini-batch | run records (warm-up + loop) | calls in the loop's run | `greentrain:` lines |\n")
                .append("|---|---|---|---|---|---|---|\n");
        double[] none = pick(runs, "none").stream().mapToDouble(Run::loopSeconds).toArray();
        for (String variant : variants) {
            List<Run> picked = pick(runs, variant);
            double[] loop = picked.stream().mapToDouble(Run::loopSeconds).toArray();
            String ratio = "";
            String perBatch = "";
            if (!variant.equals("none")) {
                double[] ratios = new double[loop.length];
                double[] micros = new double[loop.length];
                for (int i = 0; i < loop.length; i++) {
                    ratios[i] = loop[i] / none[i];
                    micros[i] = (loop[i] - none[i]) * 1e6 / CALLS;
                }
                ratio = "x" + StartupBench.cell(ratios, "%.3f");
                perBatch = StartupBench.cell(micros, "%+.1f") + " us";
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", variant, StartupBench.cell(loop, "%.3f"), ratio, perBatch,
                    range(picked.stream().mapToDouble(Run::runRecords).toArray()), range(picked.stream().mapToDouble(Run::callsCounted).toArray()),
                    range(picked.stream().mapToDouble(Run::greenTrainLines).toArray())));
        }
        long failed = runs.stream().filter(r -> r.exitCode() != 0).count();
        md.append("\n").append(failed == 0 ? "Every run exited 0." : failed + " run(s) exited non-zero.").append("\n");
        return md.toString();
    }

    private static List<Run> pick(List<Run> runs, String variant) {
        return runs.stream().filter(r -> r.variant().equals(variant)).toList();
    }

    private static String range(double[] values) {
        long min = (long) Arrays.stream(values).min().orElse(0);
        long max = (long) Arrays.stream(values).max().orElse(0);
        return min == max ? String.valueOf(min) : min + ".." + max;
    }

    private static String csv(List<Run> runs) throws IOException {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder()
                .setHeader("variant", "round", "loop_seconds", "run_records", "calls_counted", "greentrain_lines", "exit_code").build())) {
            for (Run run : runs) {
                printer.printRecord(run.variant(), run.round(), run.loopSeconds(), run.runRecords(), run.callsCounted(),
                        run.greenTrainLines(), run.exitCode());
            }
        }
        return text.toString();
    }
}
