package io.greentrain.examples.tradeoff;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import io.greentrain.examples.DataOptions;
import io.greentrain.examples.data.DataSets;
import io.greentrain.examples.data.TrainTest;
import io.greentrain.examples.jobs.Dl4jMlp;
import io.greentrain.examples.jobs.Models;
import io.greentrain.examples.jobs.Trainer;
import io.greentrain.subset.ProgressiveTraining;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The accuracy-vs-CO2e study: every model x selection method x fraction x seed, energy from the agent's records.
 * Writes {@code runs.csv}, {@code summary.md} and {@code accuracy-vs-co2e.png} and prints their paths.
 */
@Command(name = "tradeoff", mixinStandardHelpOptions = true,
        description = {"Do representative subsets trade a little accuracy for a lot less CO2e?",
            "For each model (DL4J, Smile, Tribuo), selection method and fraction, with several seeds: select, train, "
                + "evaluate on the held-out test split; energy and CO2e come from the GreenTrain agent's per-call "
                + "records, so the agent must be attached (exit code 2 and instructions otherwise).",
            "The default quick setting uses 6,000 training and 2,000 test rows of Fashion-MNIST pooled to 14x14, methods "
                + "uniform, sensitivity, ccs and progressive, fractions 5/10/25/100 %%, 3 seeds; --full runs all methods "
                + "(1/2/5/10/25/100 %%, 5 seeds) on all rows. A discarded warm-up pass comes first; runs go in a seeded "
                + "random order."})
public final class TradeoffCommand implements Callable<Integer> {

    static final int QUICK_ROWS = 6000;
    static final int QUICK_TEST_ROWS = 2000;

    @Mixin
    DataOptions dataOptions = new DataOptions();

    @Option(names = "--full", description = "Run the whole grid: all training and test rows (unless --rows/--test-rows), "
            + "fractions 1/2/5/10/25/100 %%, 5 seeds, every method.")
    boolean full;

    @Option(names = "--big-models", description = "Bigger models and more epochs (the jobs' --full setting).")
    boolean bigModels;

    @Option(names = "--methods", split = ",", paramLabel = "M",
            description = "Selection methods, and 'progressive' for the just-enough-data mode (default with --full: uniform, "
                    + "sensitivity, ccs, moderate, goss, progressive; quick: uniform, sensitivity, ccs, progressive).")
    List<String> methods;

    @Option(names = "--fractions", split = ",", paramLabel = "F",
            description = "Fractions of the training rows, e.g. 0.05,0.1,1 (1 = the full-data run).")
    List<Double> fractions;

    @Option(names = "--proxy-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Share of the training rows the one-epoch proxy of ccs/moderate/goss trains on. "
                    + "Default: ${DEFAULT-VALUE}.")
    double proxyFraction;

    @Option(names = "--min-gain", defaultValue = "0.005", paramLabel = "G",
            description = "Progressive mode: stop when the validation accuracy rises by less than G per step. "
                    + "Default: ${DEFAULT-VALUE}.")
    double progressiveMinGain;

    @Option(names = "--progressive-fractions", split = ",", paramLabel = "F",
            description = "Progressive mode: the growing fractions (default 0.01,0.02,0.05,0.1,0.2,0.5,1).")
    List<Double> progressiveFractions;

    @Option(names = "--order-seed", defaultValue = "20261207", paramLabel = "S",
            description = "Seed of the random run order. Default: ${DEFAULT-VALUE}.")
    long orderSeed;

    @Option(names = "--seeds", paramLabel = "N", description = "Seeds 1..N (default: 5 with --full, 3 otherwise).")
    Integer seedCount;

    private int seeds;

    @Option(names = "--libraries", split = ",", paramLabel = "L",
            description = "Libraries to include (default: dl4j,smile,tribuo).")
    List<String> libraries;

    @Option(names = "--out", defaultValue = "tradeoff-results", paramLabel = "DIR",
            description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--records", paramLabel = "FILE",
            description = "The agent's records file (default: as configured for the agent: records.file in its arguments, "
                    + "greentrain.records.file, GREENTRAIN_RECORDS_FILE, or greentrain-calls.jsonl).")
    Path records;

    @Option(names = "--record-wait", defaultValue = "5000", paramLabel = "MS",
            description = "How long to wait for the agent's record of a call after it returns. Default: ${DEFAULT-VALUE}.")
    long recordWaitMillis;

    @Option(names = "--dl4j-threads", defaultValue = "1", paramLabel = "N",
            description = "ND4J OpenMP/BLAS threads (0 = ND4J's default). Default: ${DEFAULT-VALUE}.")
    int dl4jThreads;

    @Option(names = "--from-csv", paramLabel = "FILE",
            description = "Do not run anything: rebuild summary.md and the plot from a runs.csv of an earlier study.")
    Path fromCsv;

    @Option(names = "--no-progress", description = "No progress bar (one line per finished run instead).")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        if (fromCsv != null) {
            return rebuildReport();
        }
        if (AgentSetup.agentJar() == null) {
            err.println(AgentSetup.attachInstructions(full ? "--full" : ""));
            return 2;
        }
        Instant started = Instant.now();
        Models.Effort effort = bigModels ? Models.Effort.FULL : Models.Effort.QUICK;
        boolean images = dataOptions.dataSet() == DataSets.FASHION_MNIST;
        TrainTest data = dataOptions.load(full || !images ? 0 : QUICK_ROWS, full || !images ? 0 : QUICK_TEST_ROWS,
                images ? 2 : 1);
        List<Trainer> trainers = new ArrayList<>();
        for (String lib : libraries == null ? List.of("dl4j", "smile", "tribuo") : libraries) {
            trainers.addAll(Models.forLibrary(lib, effort));
        }
        if (trainers.stream().anyMatch(t -> t.library().equals("dl4j"))) {
            Dl4jMlp.limitThreads(dl4jThreads);
        }
        seeds = seedCount != null ? seedCount : full ? 5 : 3;
        if (seeds < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--seeds = " + seeds
                    + " must be at least 1");
        }
        List<String> methodList = methods != null ? methods : full ? StudySettings.ALL_METHODS
                : StudySettings.QUICK_METHODS;
        for (String m : methodList) {
            if (!m.equals(StudySettings.PROGRESSIVE)) {
                io.greentrain.subset.SelectionMethod.fromId(m); // fail early on a typo
            }
        }
        List<Double> fractionList = fractions != null ? fractions
                : full ? StudySettings.FULL_FRACTIONS : StudySettings.QUICK_FRACTIONS;
        List<Long> seedList = new ArrayList<>();
        for (long s = 1; s <= seeds; s++) {
            seedList.add(s);
        }
        StudySettings settings = new StudySettings(trainers, methodList, fractionList, seedList, proxyFraction,
                progressiveFractions == null ? ProgressiveTraining.DEFAULT_FRACTIONS
                        : progressiveFractions.stream().mapToDouble(Double::doubleValue).toArray(),
                progressiveMinGain, orderSeed);
        Path recordsFile = records != null ? records : AgentSetup.recordsFile();
        EnergyMeter meter = new AgentRecordsMeter(RecordsFile.fromEnd(recordsFile), ProcessHandle.current().pid(),
                recordWaitMillis);
        err.println("tradeoff: " + data + "; " + trainers.size() + " models, methods " + methodList + ", fractions "
                + fractionList + ", " + seeds + " seed(s); agent records from " + recordsFile.toAbsolutePath());

        List<RunResult> results;
        // System.console() is null when stderr is not a terminal (a pipe, a file, a CI log): plain lines, no carriage returns
        ProgressReporter progress = new ProgressReporter(err, noProgress || System.console() == null,
                out.resolve("runs.csv"));
        try {
            results = new TradeoffStudy(data, settings, meter).run(progress);
        } finally {
            progress.close();
        }
        Duration took = Duration.between(started, Instant.now());

        Path csv = out.resolve("runs.csv");
        Path md = out.resolve("summary.md");
        Path png = out.resolve("accuracy-vs-co2e.png");
        ResultsCsv.write(csv, results);
        StudyReport report = new StudyReport(results, methodList);
        List<String> context = new ArrayList<>();
        context.add("- Data: " + data + " — " + dataOptions.dataSet().licence() + ".");
        context.add("- Grid: " + trainers.size() + " models (" + String.join(", ", trainers.stream().map(Trainer::id)
                .toList()) + "), methods " + String.join(", ", methodList) + ", fractions " + fractionList
                + ", seeds " + seedList + " (" + (full ? "--full" : "quick") + " setting" + (bigModels ? ", big models" : "")
                + ").");
        context.add("- Energy and CO2e: GreenTrain agent records (" + recordsFile + "); energy sources "
                + sources(results) + "; zone " + zone(results) + ".");
        context.add(String.format(Locale.ROOT, "- Wall time of the whole study: %d min %02d s, %d runs, %s.",
                took.toMinutes(), took.toSecondsPart(), results.size(), Instant.now().toString().substring(0, 10)));
        context.add("- Command: `java -javaagent:agent/dist/target/greentrain-agent.jar=... -jar "
                + "examples/target/greentrain-examples.jar tradeoff" + commandArgs() + "`");
        String problems = meter.problems();
        if (!problems.isEmpty()) {
            context.add("- Measurement notes: " + problems);
        }
        report.write(md, "Accuracy vs CO2e: is a coreset good enough? (" + data.train().name() + ")", context);
        String plotNote = "";
        try {
            AccuracyCarbonPlot.write(png, report, methodList, dataOptions.dataSet().id());
        } catch (Exception | LinkageError e) {
            plotNote = " (plot failed: " + e + ")";
        }
        PrintStream o = System.out;
        o.println();
        o.print(report.goals().headline());
        if (!problems.isEmpty()) {
            o.println("Measurement notes: " + problems);
        }
        o.printf(Locale.ROOT, "Study finished in %d min %02d s (%d runs).%n", took.toMinutes(), took.toSecondsPart(),
                results.size());
        o.println("Results CSV:   " + csv.toAbsolutePath());
        o.println("Summary table: " + md.toAbsolutePath());
        o.println("Plot:          " + png.toAbsolutePath() + plotNote);
        return 0;
    }

    private int rebuildReport() throws java.io.IOException {
        List<RunResult> results = ResultsCsv.read(fromCsv);
        List<String> methodList = new ArrayList<>();
        for (String m : StudySettings.ALL_METHODS) {
            if (results.stream().anyMatch(r -> r.method().equals(m))) {
                methodList.add(m);
            }
        }
        StudyReport report = new StudyReport(results, methodList);
        Path md = out.resolve("summary.md");
        Path png = out.resolve("accuracy-vs-co2e.png");
        List<String> context = new ArrayList<>();
        String previous = previousContext(md);
        context.add(previous.isEmpty() ? "- Rebuilt from " + fromCsv + "." : previous);
        report.write(md, "Accuracy vs CO2e: is a coreset good enough? (" + (results.isEmpty() ? ""
                : results.get(0).data()) + ")", context);
        AccuracyCarbonPlot.write(png, report, methodList, results.isEmpty() ? "" : results.get(0).data());
        System.out.print(report.goals().headline());
        System.out.println("Summary table: " + md.toAbsolutePath());
        System.out.println("Plot:          " + png.toAbsolutePath());
        return 0;
    }

    /** The context lines (before "## Goals") of an existing summary, so a rebuild keeps them. */
    private static String previousContext(Path md) throws java.io.IOException {
        if (!java.nio.file.Files.exists(md)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : java.nio.file.Files.readAllLines(md)) {
            if (line.startsWith("## ")) {
                break;
            }
            if (line.startsWith("- ")) {
                sb.append(sb.length() == 0 ? "" : "\n").append(line);
            }
        }
        return sb.toString();
    }

    private String commandArgs() {
        StringBuilder sb = new StringBuilder();
        if (full) {
            sb.append(" --full");
        }
        if (bigModels) {
            sb.append(" --big-models");
        }
        if (!dataOptions.dataSet().id().equals("fashion-mnist")) {
            sb.append(" --data ").append(dataOptions.dataSet().id());
        }
        if (dataOptions.rows() != null) {
            sb.append(" --rows ").append(dataOptions.rows());
        }
        if (dataOptions.testRows() != null) {
            sb.append(" --test-rows ").append(dataOptions.testRows());
        }
        if (methods != null) {
            sb.append(" --methods ").append(String.join(",", methods));
        }
        if (fractions != null) {
            sb.append(" --fractions ").append(fractions.stream().map(String::valueOf).reduce((a, b) -> a + "," + b)
                    .orElse(""));
        }
        if (seedCount != null) {
            sb.append(" --seeds ").append(seeds);
        }
        return sb.toString();
    }

    private static String sources(List<RunResult> results) {
        java.util.Set<String> s = new java.util.TreeSet<>();
        for (RunResult r : results) {
            r.trainingComponentSource().forEach((c, src) -> s.add(c + "=" + src));
        }
        return s.isEmpty() ? "none recorded" : String.join(", ", s);
    }

    private static String zone(List<RunResult> results) {
        for (RunResult r : results) {
            if (!r.zone().isEmpty()) {
                return r.zone() + " (" + r.intensitySource + ", " + r.gramsPerKwh + " g/kWh, PUE " + r.pue + ")";
            }
        }
        return "unknown";
    }

    /** The console progress bar (or one line per run without a terminal or with --no-progress). */
    static final class ProgressReporter implements TradeoffStudy.Listener, AutoCloseable {
        private final PrintStream err;
        private final boolean lines;
        private ProgressBar bar;
        private int done;
        private int total;
        private final Path csv;

        ProgressReporter(PrintStream err, boolean lines, Path csv) {
            this.err = err;
            this.lines = lines;
            this.csv = csv;
        }

        @Override
        public void seedFinished(List<RunResult> soFar) throws java.io.IOException {
            if (csv != null) {
                ResultsCsv.write(csv, soFar);
            }
        }

        @Override
        public void message(String text) {
            err.println("tradeoff: " + text);
        }

        @Override
        public void started(int totalRuns) {
            total = totalRuns;
            if (!lines) {
                bar = new ProgressBarBuilder().setTaskName("tradeoff").setInitialMax(totalRuns)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500)
                        .setConsumer(new ConsoleProgressBarConsumer(err)).showSpeed().build();
            }
        }

        @Override
        public void runFinished(RunResult r) {
            done++;
            String what = String.format(Locale.ROOT, "%s %s %s seed %d acc %.3f", r.modelId(), r.method(),
                    StudyReport.pct(r.fraction()), r.seed(), r.accuracy());
            if (bar != null) {
                bar.step();
                bar.setExtraMessage(what);
            } else {
                err.printf(Locale.ROOT, "[%d/%d] %s, %s J%n", done, total, what, StudyReport.fmt(r.totalJoules()));
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
