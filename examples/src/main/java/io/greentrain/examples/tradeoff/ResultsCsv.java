package io.greentrain.examples.tradeoff;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The study's CSV: one row per run. Joules and grams come from the agent's records; an empty cell means the agent
 * did not record that phase. Training energy is split per component with its source
 * ({@code train_joules_cpu}, {@code train_source_cpu}, ...).
 */
public final class ResultsCsv {

    /** The fixed columns, in order; per-component columns follow {@code train_joules}. */
    public static final List<String> FIXED = List.of("data", "library", "model", "method", "fraction", "seed",
            "rows_available", "rows_used", "rows_trained", "accuracy", "selection_seconds", "selection_joules",
            "selection_grams", "selection_calls", "train_seconds", "train_joules");
    public static final List<String> TAIL = List.of("train_grams", "total_joules", "grams_co2e", "zone",
            "grams_per_kwh", "intensity_source", "pue", "order", "scoring_joules", "steps");
    /** Components always given a column, even when the agent reported none (GPU on a CPU machine). */
    public static final List<String> COMPONENTS = List.of("cpu", "dram", "gpu");

    private ResultsCsv() {
    }

    public static List<String> header(List<RunResult> results) {
        Set<String> components = new LinkedHashSet<>(COMPONENTS);
        for (RunResult r : results) {
            components.addAll(r.trainingComponentJoules.keySet());
        }
        List<String> header = new ArrayList<>(FIXED);
        for (String c : components) {
            header.add("train_joules_" + c);
            header.add("train_source_" + c);
        }
        header.addAll(TAIL);
        return header;
    }

    public static void write(Path file, List<RunResult> results) throws IOException {
        List<String> header = header(results);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(new String[0]))
                     .setRecordSeparator("\n").get())) {
            for (RunResult r : results) {
                List<String> row = new ArrayList<>();
                row.add(r.data);
                row.add(r.library);
                row.add(r.model);
                row.add(r.method);
                row.add(num(r.fraction));
                row.add(Long.toString(r.seed));
                row.add(Integer.toString(r.rowsAvailable));
                row.add(Integer.toString(r.rowsUsed));
                row.add(Integer.toString(r.rowsTrained));
                row.add(num(r.accuracy));
                row.add(num(r.selectionSeconds));
                row.add(num(r.selectionJoules));
                row.add(num(r.selectionGrams));
                row.add(r.selectionCalls);
                row.add(num(r.trainingSeconds));
                row.add(num(r.trainingJoules));
                for (int i = FIXED.size(); i < header.size() - TAIL.size(); i += 2) {
                    String component = header.get(i).substring("train_joules_".length());
                    Double j = r.trainingComponentJoules.get(component);
                    row.add(j == null ? "" : num(j));
                    String s = r.trainingComponentSource.get(component);
                    row.add(s == null ? "" : s);
                }
                row.add(num(r.trainingGrams));
                row.add(num(r.totalJoules()));
                row.add(num(r.grams()));
                row.add(r.zone);
                row.add(num(r.gramsPerKwh));
                row.add(r.intensitySource);
                row.add(num(r.pue));
                row.add(Integer.toString(r.order));
                row.add(num(r.scoringJoules));
                row.add(r.steps);
                csv.printRecord(row);
            }
        }
    }

    public static List<RunResult> read(Path file) throws IOException {
        List<RunResult> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Iterable<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader);
            for (CSVRecord rec : records) {
                RunResult r = new RunResult();
                r.data = rec.get("data");
                r.library = rec.get("library");
                r.model = rec.get("model");
                r.method = rec.get("method");
                r.fraction = dbl(rec.get("fraction"));
                r.seed = Long.parseLong(rec.get("seed"));
                r.rowsAvailable = Integer.parseInt(rec.get("rows_available"));
                r.rowsUsed = Integer.parseInt(rec.get("rows_used"));
                r.rowsTrained = Integer.parseInt(rec.get("rows_trained"));
                r.accuracy = dbl(rec.get("accuracy"));
                r.selectionSeconds = dbl(rec.get("selection_seconds"));
                r.selectionJoules = dbl(rec.get("selection_joules"));
                r.selectionGrams = dbl(rec.get("selection_grams"));
                r.selectionCalls = rec.get("selection_calls");
                r.trainingSeconds = dbl(rec.get("train_seconds"));
                r.trainingJoules = dbl(rec.get("train_joules"));
                for (String name : rec.getParser().getHeaderNames()) {
                    if (name.startsWith("train_joules_")) {
                        String component = name.substring("train_joules_".length());
                        if (!rec.get(name).isEmpty()) {
                            r.trainingComponentJoules.put(component, dbl(rec.get(name)));
                            r.trainingComponentSource.put(component, rec.get("train_source_" + component));
                        }
                    }
                }
                r.trainingGrams = dbl(rec.get("train_grams"));
                r.zone = rec.get("zone");
                r.gramsPerKwh = dbl(rec.get("grams_per_kwh"));
                r.intensitySource = rec.get("intensity_source");
                r.pue = dbl(rec.get("pue"));
                if (rec.isMapped("order")) {
                    r.order = Integer.parseInt(rec.get("order"));
                    r.scoringJoules = dbl(rec.get("scoring_joules"));
                    r.steps = rec.get("steps");
                }
                out.add(r);
            }
        }
        return out;
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
                .replaceAll("\\.$", "");
    }

    static double dbl(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s);
    }
}
