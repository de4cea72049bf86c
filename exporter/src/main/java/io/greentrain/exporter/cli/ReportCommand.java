package io.greentrain.exporter.cli;

import io.greentrain.exporter.records.CallRecordReader;
import io.greentrain.exporter.carbon.GridIntensityTable;
import io.greentrain.exporter.records.report.EmissionsChart;
import io.greentrain.exporter.records.report.ReportPage;
import io.greentrain.exporter.records.report.RecordsSummary;
import io.greentrain.exporter.records.report.ReportDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import io.greentrain.exporter.records.CallRecord;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code report <records file>}: totals per library and model, top emitters, energy spent on identical reruns
 * and the measured share, as console tables; with {@code --output} also a Markdown ({@code .md}) or HTML
 * ({@code .html}) file with a chart (for Markdown the chart is a PNG beside the file).
 */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = GreenTrainCli.Version.class,
        description = "Summarise a records file (greentrain-calls.jsonl or .csv): per model, top emitting runs, groups, repeated runs, measured share.")
final class ReportCommand implements Callable<Integer> {

    static final int CHART_WIDTH = 900;
    static final int CHART_HEIGHT = 480;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RECORDS", description = "Records files written by the agent (JSON Lines or CSV), or"
            + " directories searched for *.jsonl and *.csv files (all executors of a cluster, say).")
    List<Path> records;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "How many top emitting runs to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Also write the report to FILE: .md (Markdown) or .html, with a chart.")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "markdown or html; default from the --output file name.")
    String format;

    @Override
    public Integer call() throws IOException {
        if (top < 0) {
            throw bad("--top must be >= 0: " + top);
        }
        String kind = output == null ? null : kind();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = RecordFiles.expand(records, this::bad);
        List<CallRecord> all = new ArrayList<>();
        for (Path file : files) {
            CallRecordReader.Result read;
            try {
                read = CallRecordReader.read(file);
            } catch (NoSuchFileException e) {
                throw bad("records file not found: " + file);
            } catch (IOException e) {
                throw bad("cannot read records file " + file + ": " + e.getMessage());
            }
            if (read.skipped() > 0) {
                err.println("greentrain: skipped " + read.skipped() + " malformed line(s) in " + file + " (first: " + read.firstProblem() + ")");
                err.flush();
            }
            all.addAll(read.records());
        }
        RecordsSummary summary = new RecordsSummary(all);
        ReportDocument document = new ReportDocument(summary, top);
        RecordsSummary.Totals total = summary.total();
        out.println("GreenTrain report of " + (files.size() == 1 ? files.get(0).toString() : files.size() + " records files") + " (" + total.runs() + (total.runs() == 1 ? " run, " : " runs, ")
                + total.calls() + (total.calls() == 1 ? " call)" : " calls)"));
        out.println();
        document.printText(out);
        if (output != null) {
            write(document, summary, kind, out, err);
        }
        out.flush();
        return 0;
    }

    private String kind() {
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        if (f.isEmpty()) {
            String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".md") || name.endsWith(".markdown")) {
                return "markdown";
            }
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return "html";
            }
            throw bad("cannot tell the report format from '" + output + "': use a .md or .html name, or --format markdown|html");
        }
        if (f.equals("md")) {
            return "markdown";
        }
        if (f.equals("markdown") || f.equals("html")) {
            return f;
        }
        throw bad("--format must be markdown or html: '" + format + "'");
    }

    private void write(ReportDocument document, RecordsSummary summary, String kind, PrintWriter out, PrintWriter err) throws IOException {
        String title = "GreenTrain report: " + (records.size() == 1 ? String.valueOf(records.get(0).getFileName()) : records.size() + " sources");
        if (kind.equals("html")) {
            // the page draws its own charts in the browser (ECharts inlined): no image to render here
            Files.write(output, ReportPage.html(document, summary, title, GridIntensityTable.embedded()).getBytes(StandardCharsets.UTF_8));
        } else {
            byte[] chart = null;
            try {
                chart = EmissionsChart.png(summary, CHART_WIDTH, CHART_HEIGHT);
            } catch (IOException | RuntimeException | LinkageError e) {
                // no fonts or no AWT in a stripped-down JRE: the tables are still worth writing
                err.println("greentrain: chart not drawn (" + e.getClass().getSimpleName() + "); writing the report without it");
                err.flush();
            }
            String chartName = null;
            if (chart != null) {
                String base = output.getFileName().toString().replaceFirst("\\.[^.]*$", "");
                chartName = base + "-chart.png";
                Path chartFile = output.toAbsolutePath().resolveSibling(chartName);
                Files.write(chartFile, chart);
            }
            Files.write(output, document.markdown(title, chartName).getBytes(StandardCharsets.UTF_8));
        }
        out.println("Report written to " + output);
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
