package io.greentrain.examples.tradeoff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The median over seeds of the runs of one (model, method, fraction) cell of the grid. */
public final class MedianPoint {

    /**
     * The cell's median run: the cell's identity (library, model, method, fraction) and, for accuracy, selection joules
     * (0 for the full-data baseline) and training joules, the median over the cell's runs. A median of sums is not the sum
     * of the medians, so the totals (joules, grams) are this point's own fields, as are the spreads and shares.
     */
    private final RunResult medianRun;
    private final int runs;
    private final double rowsUsed;
    private final double totalJoules;
    private final double grams;
    private final double accuracyMin;
    private final double accuracyMax;
    private final double shareMedian;
    private final double shareMin;
    private final double shareMax;
    private final double selectionShare;

    /**
     * @param fullJoules the full-data run's total joules per "model|seed", so that every energy share is a ratio of
     *                   one seed's run to the same seed's full-data run
     */
    MedianPoint(List<RunResult> cell, Map<String, Double> fullJoules) {
        RunResult first = cell.get(0);
        // seed 0: a median over seeds has none; grams: this point's own (below)
        this.medianRun = RunResult.of(first.library(), first.model(), first.method(), first.fraction(), 0,
                median(cell, RunResult::accuracy), first.isFull() ? 0 : median(cell, RunResult::selectionJoules),
                median(cell, RunResult::trainingJoules), Double.NaN);
        this.runs = cell.size();
        this.rowsUsed = median(cell, r -> r.rowsUsed());
        this.totalJoules = median(cell, RunResult::totalJoulesMeasured);
        this.grams = median(cell, RunResult::grams);
        this.accuracyMin = cell.stream().mapToDouble(RunResult::accuracy).filter(d -> !Double.isNaN(d)).min()
                .orElse(Double.NaN);
        this.accuracyMax = cell.stream().mapToDouble(RunResult::accuracy).filter(d -> !Double.isNaN(d)).max()
                .orElse(Double.NaN);
        double[] shares = new double[cell.size()];
        double[] selection = new double[cell.size()];
        for (int i = 0; i < shares.length; i++) {
            RunResult r = cell.get(i);
            Double full = fullJoules.get(r.modelId() + "|" + r.seed());
            shares[i] = full == null || !(full > 0) ? Double.NaN : r.totalJoulesMeasured() / full;
            selection[i] = full == null || !(full > 0) || r.isFull() ? Double.NaN : r.selectionJoules() / full;
        }
        this.shareMedian = median(shares);
        this.shareMin = Arrays.stream(shares).filter(d -> !Double.isNaN(d)).min().orElse(Double.NaN);
        this.shareMax = Arrays.stream(shares).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
        this.selectionShare = median(selection);
    }

    /** {@link #median(double...)} of {@code value} over {@code runs}. */
    public static double median(List<RunResult> runs, ToDoubleFunction<RunResult> value) {
        return median(runs.stream().mapToDouble(value).toArray());
    }

    /** Median of the non-NaN values; NaN if there are none. Even counts average the two middle values. */
    public static double median(double... values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Groups runs by model, method and fraction, in a stable order (model, full first, method, fraction). */
    public static List<MedianPoint> of(List<RunResult> results, List<String> methodOrder) {
        Map<String, Double> fullJoules = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (r.isFull()) {
                fullJoules.put(r.modelId() + "|" + r.seed(), r.totalJoulesMeasured());
            }
        }
        Map<String, List<RunResult>> cells = new LinkedHashMap<>();
        for (RunResult r : results) {
            cells.computeIfAbsent(r.modelId() + "|" + r.method() + "|" + r.fraction(), k -> new ArrayList<>()).add(r);
        }
        List<String> models = new ArrayList<>();
        for (RunResult r : results) {
            if (!models.contains(r.modelId())) {
                models.add(r.modelId());
            }
        }
        List<MedianPoint> out = new ArrayList<>();
        for (List<RunResult> cell : cells.values()) {
            out.add(new MedianPoint(cell, fullJoules));
        }
        out.sort(Comparator.comparingInt((MedianPoint p) -> models.indexOf(p.modelId()))
                .thenComparingInt(p -> p.isFull() ? -1 : methodOrder.indexOf(p.method()) < 0 ? 999
                        : methodOrder.indexOf(p.method()))
                .thenComparingDouble(MedianPoint::fraction));
        return out;
    }

    public String modelId() {
        return medianRun.modelId();
    }

    public String method() {
        return medianRun.method();
    }

    public boolean isFull() {
        return medianRun.isFull();
    }

    public double fraction() {
        return medianRun.fraction();
    }

    public int runs() {
        return runs;
    }

    public double rowsUsed() {
        return rowsUsed;
    }

    public double accuracy() {
        return medianRun.accuracy();
    }

    public double selectionJoules() {
        return medianRun.selectionJoules();
    }

    public double trainingJoules() {
        return medianRun.trainingJoules();
    }

    /** Median of selection + training joules (selection the agent did not measure counts as 0). */
    public double totalJoules() {
        return totalJoules;
    }

    public double grams() {
        return grams;
    }

    public double accuracyMin() {
        return accuracyMin;
    }

    public double accuracyMax() {
        return accuracyMax;
    }

    /** Median over seeds of (selection + training joules) / the same seed's full-data joules. */
    public double energyShare() {
        return shareMedian;
    }

    public double energyShareMin() {
        return shareMin;
    }

    public double energyShareMax() {
        return shareMax;
    }

    /** Median over seeds of selection (and scoring) joules / the same seed's full-data training joules. */
    public double selectionShare() {
        return selectionShare;
    }

    @Override
    public String toString() {
        return modelId() + " " + method() + " " + fraction() + " acc " + accuracy() + " g " + grams;
    }
}
