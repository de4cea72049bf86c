package io.greentrain.subset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The two-pass selection of {@code uniform}, {@code stratified}, {@code lightweight} and {@code archetypal} over a
 * {@link RowSource}, so a data set larger than the heap can be reduced.
 *
 * <ul>
 *   <li>Pass 1: rows per class, and per stratum the mean μ and Σ d(x, μ)² (per-dimension Welford updates,
 *       O(strata·d) memory); every row is validated.</li>
 *   <li>Pass 2: exact sampling in one sweep — Knuth's selection sampling for the uniform methods, m sorted uniforms
 *       swept against the cumulative q(x) for the importance methods (O(m) memory).</li>
 * </ul>
 *
 * Memory is O(m + strata·d) for {@link #select}, plus O(m·d) for the rows kept by {@link #selectRows}. The
 * in-memory entry points of {@link CoresetSelector} run the same two passes over the array, so a seed gives the same
 * coreset whether the rows are streamed or not.
 */
public final class StreamingSelector {

    private final CoresetSelector spec;

    private StreamingSelector(CoresetSelector spec) {
        this.spec = spec;
    }

    /**
     * The streaming form of a configured selector.
     *
     * @throws IllegalArgumentException if its method needs all rows in memory (kcenter, el2n)
     */
    public static StreamingSelector of(CoresetSelector spec) {
        Objects.requireNonNull(spec, "spec");
        if (!spec.method().isStreaming()) {
            throw new IllegalArgumentException("method " + spec.method().id() + " is not a two-pass streaming method; "
                    + "use CoresetSelector.select, which keeps what it needs in memory");
        }
        return new StreamingSelector(spec);
    }

    /** Selects a coreset of the source in two passes. */
    public Coreset select(RowSource source) {
        return select(source, null);
    }

    /** Selects a coreset in two passes, showing each selected row to {@code listener} during pass 2. */
    public Coreset select(RowSource source, DrawListener listener) {
        Objects.requireNonNull(source, "source");
        return run(spec, DataInput.of(source), listener);
    }

    /** Selects a coreset in two passes and keeps copies of the selected rows and their labels (O(m·d) memory). */
    public CoresetRows selectRows(RowSource source) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        Coreset coreset = select(source, (row, cursor) -> {
            rows.add(cursor.row().clone());
            labels.add(cursor.label());
        });
        int[] labelArray = new int[labels.size()];
        for (int k = 0; k < labelArray.length; k++) {
            labelArray[k] = labels.get(k);
        }
        return new CoresetRows(coreset, rows.toArray(new float[0][]), labelArray);
    }

    static Coreset run(CoresetSelector spec, RowInput input, DrawListener listener) {
        SelectionMethod method = spec.method();
        RowStatistics.Plan plan = spec.passOnePlan();
        plan.trackFeatures = method.readsFeatures();
        RowStatistics stats = RowStatistics.collect(input, plan);
        spec.checkStrata(stats.strata, stats.rows);
        int m = spec.resolveSize(stats.rows);
        int[] budget = spec.allocate(stats.strata, m);
        SplittableRandom[] random = Seeds.perStratum(spec.seed(), stats.strata.count());
        StratumSampler[] samplers = new StratumSampler[stats.strata.count()];
        for (int s = 0; s < samplers.length; s++) {
            long rows = stats.strata.size(s);
            switch (method) {
                case UNIFORM:
                case STRATIFIED:
                    samplers[s] = new SequentialSample(rows, budget[s], random[s]);
                    break;
                case LIGHTWEIGHT:
                    samplers[s] = new ImportanceSweep(0.5, rows, stats.mean[s], stats.spread[s], budget[s], random[s]);
                    break;
                case ARCHETYPAL:
                    samplers[s] = new ImportanceSweep(0.0, rows, stats.mean[s], stats.spread[s], budget[s], random[s]);
                    break;
                default:
                    throw new IllegalStateException("not a streaming method: " + method);
            }
        }
        CoresetCollector out = new CoresetCollector();
        String name = input.describe();
        try (RowPass pass = input.open(2)) {
            long row = 0;
            while (pass.advance()) {
                if (row >= stats.rows) {
                    throw new IllegalArgumentException("rows of " + name + " changed between passes: pass 2 has more"
                            + " than the " + stats.rows + " rows of pass 1");
                }
                int s = stats.strata.of(pass.label(), row, name);
                if (samplers[s].visit(pass, row, out) && listener != null) {
                    listener.drawn(row, pass.cursor());
                }
                row++;
            }
            if (row != stats.rows) {
                throw cannotRestart(input, row, stats.rows);
            }
        }
        for (StratumSampler sampler : samplers) {
            sampler.finish(out, name);
        }
        return out.build(method, spec.seed(), stats.rows, m);
    }

    static IllegalArgumentException cannotRestart(RowInput input, long rowsNow, long rowsBefore) {
        return new IllegalArgumentException("row source " + input.describe() + " yielded " + rowsNow
                + " rows in its second pass but " + rowsBefore + " in the first: it cannot restart (a one-shot "
                + "iterator?); selection needs a source that can be read twice");
    }
}
