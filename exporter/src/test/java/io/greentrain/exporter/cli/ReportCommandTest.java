package io.greentrain.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CallRecordWriter;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.records.RecordFormat;
import io.greentrain.exporter.records.RunFacts;
import io.greentrain.exporter.records.SparkApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    Path dir;

    private static CallRecord call(String library, String model, long start, double cpu, String cpuSource, double gpu,
                                   String dataFp, String configFp, double grams) {
        return new CallRecord("run", 7, "h", "main", library, model, model + "#fit", "success", "", start, start + 10_000, 10, 1, 1,
                List.of(new ComponentEnergy("cpu", cpuSource, cpu), new ComponentEnergy("gpu", "nvml", gpu)), dataFp, configFp,
                grams < 0 ? null : new CarbonFigures("FR", 56, "table:owid-2023", 1, grams));
    }

    private Path records(RecordFormat format) {
        Path file = dir.resolve(format == RecordFormat.CSV ? "calls.csv" : "calls.jsonl");
        CallRecordWriter writer = new CallRecordWriter(file, format);
        writer.append(call("dl4j", "MultiLayerNetwork", 1_000, 3000, "rapl", 1000, "rows=100", "cfg-a", 40));
        writer.append(call("dl4j", "MultiLayerNetwork", 5_000, 2000, "rapl", 1000, "rows=100", "cfg-a", 30)); // rerun
        writer.append(call("dl4j", "MultiLayerNetwork", 9_000, 2500, "rapl", 500, "rows=100", "cfg-b", 25));  // other config
        writer.append(call("smile", "RandomForest", 2_000, 1000, "estimate", 0, "", "", 5));
        writer.append(call("tribuo", "<script>Trainer", 3_000, 100, "estimate", 0, "", "", -1));
        return file;
    }

    @Test
    void consoleTablesShowTotalsModelsTopEmittersRerunsAndMeasuredShare() {
        CliRun run = CliRun.of("report", records(RecordFormat.JSONL).toString(), "--top", "2");
        assertThat(run.exitCode).as(run.err).isZero();
        // 40+30+25+5 g; measured = 3000+1000+2000+1000+2500+500 = 10000 J of 11100 J
        assertThat(run.out).contains("(5 runs, 5 calls)").contains("100 g CO2e (zone FR; intensity table:owid-2023)")
                .contains("90.1 % measured, 9.9 % estimated")
                .contains("estimated energy  1.1 kJ, between 550 J and 2.2 kJ")
                .contains("repeated runs     3 kJ in 1 fingerprint(s)")
                .contains("1 run(s) have no carbon figures");
        String models = run.out.substring(run.out.indexOf("Per library and model"), run.out.indexOf("Top 2 emitting runs"));
        assertThat(models.lines().skip(2).findFirst().orElse("")).contains("dl4j").contains("MultiLayerNetwork").contains("95")
                .contains("95.0 %");
        String top = run.out.substring(run.out.indexOf("Top 2 emitting runs"), run.out.indexOf("Groups"));
        assertThat(top.lines().filter(l -> l.contains("MultiLayerNetwork"))).hasSize(2);
        assertThat(top).contains("40").contains("30").doesNotContain("RandomForest");
        String reruns = run.out.substring(run.out.indexOf("Groups"));
        assertThat(reruns).contains("rows=100 / cfg-a").contains("3 kJ").doesNotContain("cfg-b");
    }

    @Test
    void aDirectoryOfExecutorFilesIsSummedPerApplicationAndExecutor() throws Exception {
        // one file per JVM, as records.file=dir/greentrain-{host}-{pid}.jsonl writes them; the driver trained too
        SparkApp a1 = new SparkApp("app-1", "nightly", "1");
        SparkApp a2 = new SparkApp("app-1", "nightly", "2");
        SparkApp driver = new SparkApp("app-1", "nightly", "driver");
        SparkApp b1 = new SparkApp("app-2", "adhoc", "1");
        Files.createDirectories(dir.resolve("work/app-1/1"));
        write(dir.resolve("work/app-1/1/greentrain-calls.jsonl"), RecordFormat.JSONL,
                call("smile", "RandomForest", 1_000, 100, "rapl", 0, "", "", 1).withSparkApp(a1),
                call("smile", "RandomForest", 2_000, 150, "rapl", 0, "", "", 2).withSparkApp(a1));
        write(dir.resolve("exec-2.csv"), RecordFormat.CSV, call("smile", "RandomForest", 3_000, 200, "rapl", 0, "", "", 3).withSparkApp(a2));
        write(dir.resolve("driver.jsonl"), RecordFormat.JSONL, call("smile", "RandomForest", 4_000, 50, "rapl", 0, "", "", 0.5)
                .withSparkApp(driver));
        write(dir.resolve("other.jsonl"), RecordFormat.JSONL,
                call("tribuo", "LinearSGD", 5_000, 1000, "rapl", 0, "", "", 10).withSparkApp(b1),
                call("dl4j", "MultiLayerNetwork", 6_000, 7, "rapl", 0, "", "", 0.1)); // not Spark
        Files.writeString(dir.resolve("README.txt"), "not records");

        CliRun run = CliRun.of("report", dir.toString());
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("4 records files").contains("(6 runs, 6 calls)");
        String apps = run.out.substring(run.out.indexOf("Per Spark application"), run.out.indexOf("Per Spark executor"));
        // app-2 first (more energy); app-1 = 100 + 150 + 200 + 50 J over 3 executors (the driver counted), 6.5 g
        assertThat(apps.lines().skip(2).findFirst().orElse("")).contains("app-2").contains("adhoc").contains("1 kJ").contains("10");
        assertThat(apps.lines().skip(3).findFirst().orElse("")).contains("app-1").contains("nightly").containsPattern("\\s3\\s+1\\s+4\\s")
                .contains("500 J").contains("6.5");
        String execs = run.out.substring(run.out.indexOf("Per Spark executor"), run.out.indexOf("Top 5 emitting runs"));
        assertThat(execs.lines().filter(l -> l.contains("app-1"))).hasSize(3);
        assertThat(execs.lines().filter(l -> l.contains("app-1") && l.contains("250 J"))).hasSize(1);
        assertThat(run.out).doesNotContain("MultiLayerNetwork  0"); // the plain job is in the totals, in no application

        CliRun twoFiles = CliRun.of("report", dir.resolve("exec-2.csv").toString(), dir.resolve("driver.jsonl").toString());
        assertThat(twoFiles.out).contains("(2 runs, 2 calls)").contains("250 J");
        CliRun empty = CliRun.of("report", Files.createDirectories(dir.resolve("empty")).toString());
        assertThat(empty.exitCode).isNotZero();
        assertThat(empty.err).contains("no records files").contains("empty");
    }

    private static void write(Path file, RecordFormat format, CallRecord... records) {
        CallRecordWriter writer = new CallRecordWriter(file, format);
        for (CallRecord r : records) {
            writer.append(r);
        }
    }

    @Test
    void htmlReportIsOnePageWithItsChartLibraryAndEscapesNames() throws Exception {
        Path html = dir.resolve("report.html");
        CliRun run = CliRun.of("report", records(RecordFormat.CSV).toString(), "--output", html.toString());
        assertThat(run.exitCode).as(run.err).isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<h2>Repeated runs</h2>")
                .contains("&lt;script&gt;Trainer").doesNotContain("<script>Trainer").doesNotContain("src=\"http")
                .contains("id=\"chart-timeline\"").contains("id=\"chart-components\"").contains("id=\"report-data\"")
                .contains("echarts").doesNotContain("data:image/png");
        String json = page.substring(page.indexOf("id=\"report-data\">") + "id=\"report-data\">".length());
        json = json.substring(0, json.indexOf("</script>"));
        com.fasterxml.jackson.databind.JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(data.path("components").path("categories").toString()).contains("<script>Trainer");
        assertThat(data.path("units").path("energy").asText()).isIn("mJ", "J", "kJ", "Wh", "kWh");
    }

    @Test
    void markdownReportWritesTheChartBesideIt() throws Exception {
        Path md = dir.resolve("out/report.md");
        Files.createDirectories(md.getParent());
        CliRun run = CliRun.of("report", records(RecordFormat.JSONL).toString(), "-o", md.toString());
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(Files.readString(md)).contains("![Emissions per library and model](report-chart.png)")
                .contains("| library | model | runs | calls |").contains("| dl4j | MultiLayerNetwork | 3 | 3 |");
        assertThat(Files.readAllBytes(md.resolveSibling("report-chart.png"))).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void malformedLinesAreSkippedWithOneLineOnStderr() throws Exception {
        Path file = records(RecordFormat.JSONL);
        Files.writeString(file, Files.readString(file) + "garbage\n");
        CliRun run = CliRun.of("report", file.toString());
        assertThat(run.exitCode).isZero();
        assertThat(run.err).startsWith("greentrain: skipped 1 malformed line(s)").contains("line 6");
    }

    @Test
    void badArgumentsExitWith2() {
        CliRun missing = CliRun.of("report", dir.resolve("nope.jsonl").toString());
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.err).startsWith("greentrain: records file not found").contains("Usage: greentrain-agent.jar report");
        CliRun badFormat = CliRun.of("report", records(RecordFormat.JSONL).toString(), "-o", dir.resolve("r.pdf").toString());
        assertThat(badFormat.exitCode).isEqualTo(2);
        assertThat(badFormat.err).contains("r.pdf");
        CliRun noFile = CliRun.of("report");
        assertThat(noFile.exitCode).isEqualTo(2);
        assertThat(noFile.err).startsWith("greentrain: Missing required parameter");
    }

    private static CallRecord run(String runId, String kind, long calls, String groupId, String configFp, double cpu, long start) {
        return new CallRecord("jvm-1", 7, "h", "main", "tribuo", "LinearSGDTrainer", "AbstractSGDTrainer#train", "success", "",
                start, start + 1_000, 1, 0, -1, List.of(new ComponentEnergy("cpu", "rapl", cpu)), "rows=600", configFp,
                new CarbonFigures("FR", 56, "table:owid-2023", 1, cpu / 1000),
                new RunFacts(kind, runId, "", calls, 600, groupId, groupId.isEmpty() ? "" : "tribuo CrossValidation"));
    }

    @Test
    void runsAreTheUnitGroupsAreSummedAndCallDetailIsNotCountedTwice() throws Exception {
        Path file = dir.resolve("runs.jsonl");
        CallRecordWriter writer = new CallRecordWriter(file, RecordFormat.JSONL);
        writer.append(run("j-1", RunFacts.CALL, 1, "j-g1", "cfg-1", 400, 1_000)); // detail of run j-1
        writer.append(run("j-1", RunFacts.RUN, 5, "j-g1", "cfg-1", 2000, 1_000));
        writer.append(run("j-2", RunFacts.RUN, 5, "j-g1", "cfg-2", 3000, 2_000));
        writer.append(run("j-3", RunFacts.RUN, 5, "", "cfg-1", 1000, 9_000));     // the same as j-1 again, later
        CliRun report = CliRun.of("report", file.toString());
        assertThat(report.exitCode).as(report.err).isZero();
        assertThat(report.out).contains("(3 runs, 15 calls)").contains("groups           1")
                .contains("repeated runs    1 kJ in 1 fingerprint(s)");
        String groups = report.out.substring(report.out.indexOf("Groups"), report.out.indexOf("Repeated runs"));
        assertThat(groups).contains("j-g1").contains("tribuo CrossValidation").contains("5 kJ");
        assertThat(groups.lines().filter(l -> l.contains("j-g1")).findFirst().orElse("")).contains("  2  ").contains("  10  ");
    }

    @Test
    void aSchema1PerCallFileStillLoadsEachCallAsARun() throws Exception {
        Path file = dir.resolve("old.jsonl");
        Files.writeString(file, "{\"schema_version\":1,\"run_id\":\"6f1c2a\",\"pid\":77,\"host\":\"node-2\",\"thread\":\"main\","
                + "\"library\":\"smile\",\"model\":\"RandomForest\",\"entry_point\":\"RandomForest#fit\",\"outcome\":\"success\","
                + "\"error_type\":\"\",\"start\":\"2025-03-01T10:00:00Z\",\"end\":\"2025-03-01T10:00:02.500Z\","
                + "\"duration_seconds\":2.5,\"epochs\":0,\"epochs_planned\":-1,"
                + "\"energy\":[{\"component\":\"cpu\",\"source\":\"rapl\",\"joules\":4200.0}],\"total_joules\":4200.0,"
                + "\"data_fingerprint\":\"rows=100\",\"config_fingerprint\":\"abc\",\"carbon\":null}\n");
        CliRun report = CliRun.of("report", file.toString());
        assertThat(report.exitCode).as(report.err).isZero();
        assertThat(report.err).isEmpty();
        assertThat(report.out).contains("(1 run, 1 call)").contains("RandomForest").contains("4.2 kJ");
    }
}
