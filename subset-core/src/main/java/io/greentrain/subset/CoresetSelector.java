package io.greentrain.subset;

import java.util.Objects;
import java.util.function.IntToDoubleFunction;

/**
 * The entry point of coreset selection: an immutable configuration (method, size, seed, per-class options) whose
 * {@code select(...)} methods return a {@link Coreset} of row indices and weights. Deterministic: the same rows and
 * seed give the same coreset, whether the rows are a {@code float[][]}, a {@code double[][]} or a {@link RowSource}.
 *
 * <pre>{@code
 * Coreset c = CoresetSelector.lightweight().fraction(0.05).seed(42).select(features);
 * Coreset s = CoresetSelector.stratified().size(1000).minPerClass(5).select(features, labels);
 * Coreset e = CoresetSelector.el2n(scores).fraction(0.7).keep(ScoreBand.skipHardest(0.05)).select(n, labels);
 * }</pre>
 *
 * <p>Methods and formulas are described on {@link SelectionMethod}. Bad input — empty data, a fraction outside
 * (0, 1], m &gt; n, NaN or infinite features, labels that do not match the rows, a source that cannot restart, a
 * single class for {@code stratified} — throws an {@link IllegalArgumentException} whose message names the value.
 * The caller's arrays are only read.
 */
public final class CoresetSelector {

    /** Per-example scores for el2n: an array or a function of the row index. */
    static final class Scores {
        final double[] array;
        final IntToDoubleFunction function;

        Scores(double[] array, IntToDoubleFunction function) {
            this.array = array;
            this.function = function;
        }
    }

    private final SelectionMethod method;
    private final int size;
    private final double fraction;
    private final long seed;
    private final boolean perClass;
    private final int minPerClass;
    private final Scores scores;
    private final ScoreBand scoreBand;

    private CoresetSelector(SelectionMethod method, int size, double fraction, long seed, boolean perClass,
                            int minPerClass, Scores scores, ScoreBand scoreBand) {
        this.method = method;
        this.size = size;
        this.fraction = fraction;
        this.seed = seed;
        this.perClass = perClass;
        this.minPerClass = minPerClass;
        this.scores = scores;
        this.scoreBand = scoreBand;
    }

    /** A selector for {@code method}; set its size with {@link #size(int)} or {@link #fraction(double)}. */
    public static CoresetSelector of(SelectionMethod method) {
        Objects.requireNonNull(method, "method");
        return new CoresetSelector(method, 0, Double.NaN, 0L, false, 1, null, ScoreBand.hardest());
    }

    /** {@link SelectionMethod#UNIFORM}: m rows without replacement, weight n/m. */
    public static CoresetSelector uniform() {
        return of(SelectionMethod.UNIFORM);
    }

    /** {@link SelectionMethod#STRATIFIED}: uniform within each class, class proportions kept, weight n_c/m_c. */
    public static CoresetSelector stratified() {
        return of(SelectionMethod.STRATIFIED);
    }

    /** {@link SelectionMethod#LIGHTWEIGHT}: q(x) = ½·1/n + ½·d(x,μ)²/Σd², weight 1/(m·q(x)) (Bachem et al. 2018). */
    public static CoresetSelector lightweight() {
        return of(SelectionMethod.LIGHTWEIGHT);
    }

    /** {@link SelectionMethod#ARCHETYPAL}: q(x) = d(x,μ)²/Σd², weight 1/(m·q(x)) (Mair &amp; Brefeld 2019). */
    public static CoresetSelector archetypal() {
        return of(SelectionMethod.ARCHETYPAL);
    }

    /** {@link SelectionMethod#KCENTER}: k-center greedy in feature or embedding space (Sener &amp; Savarese 2018). */
    public static CoresetSelector kcenter() {
        return of(SelectionMethod.KCENTER);
    }

    /**
     * {@link SelectionMethod#EL2N}: score-based pruning with one score per row, e.g. EL2N = ‖softmax − one-hot‖₂
     * a few epochs into training, averaged over a few runs (Paul et al. 2021). The array is copied.
     */
    public static CoresetSelector el2n(double[] scores) {
        Objects.requireNonNull(scores, "scores");
        return of(SelectionMethod.EL2N).withScores(new Scores(scores.clone(), null));
    }

    /** {@link SelectionMethod#EL2N} with scores computed on demand, once per row index, at selection time. */
    public static CoresetSelector el2n(IntToDoubleFunction scores) {
        Objects.requireNonNull(scores, "scores");
        return of(SelectionMethod.EL2N).withScores(new Scores(null, scores));
    }

    /**
     * {@link SelectionMethod#SENSITIVITY}: draws ∝ ½·leverage/Σ + ½·1/n, weight 1/(m·q), the sensitivity bound of
     * logistic regression (Huggins et al. 2016; Munteanu et al. 2018).
     */
    public static CoresetSelector sensitivity() {
        return of(SelectionMethod.SENSITIVITY);
    }

    /**
     * {@link SelectionMethod#CCS}: coverage-centric selection over difficulty scores of a short proxy training
     * (Zheng et al. 2023), skipping the hardest 10 % unless {@link #keep(ScoreBand)} says otherwise. Copied.
     */
    public static CoresetSelector ccs(double[] scores) {
        return scored(SelectionMethod.CCS, scores).keep(ScoreBand.skipHardest(0.1));
    }

    /** {@link SelectionMethod#MODERATE}: rows whose distance to the class centre is nearest the median (Xia et al. 2023). */
    public static CoresetSelector moderate(double[] distances) {
        return scored(SelectionMethod.MODERATE, distances);
    }

    /** {@link SelectionMethod#GOSS}: largest loss gradients kept, the rest sampled and up-weighted (Ke et al. 2017). */
    public static CoresetSelector goss(double[] gradientNorms) {
        return scored(SelectionMethod.GOSS, gradientNorms);
    }

    /**
     * A score-ranked method ({@link SelectionMethod#usesScores()}) with one score per row; the array is copied.
     *
     * @throws IllegalArgumentException if the method takes no scores
     */
    public static CoresetSelector scored(SelectionMethod method, double[] scores) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scores, "scores");
        if (!method.usesScores()) {
            throw new IllegalArgumentException("method " + method.id() + " takes no scores");
        }
        return of(method).withScores(new Scores(scores.clone(), null));
    }

    /** As {@link #scored(SelectionMethod, double[])} with scores computed once per row index at selection time. */
    public static CoresetSelector scored(SelectionMethod method, IntToDoubleFunction scores) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(scores, "scores");
        if (!method.usesScores()) {
            throw new IllegalArgumentException("method " + method.id() + " takes no scores");
        }
        return of(method).withScores(new Scores(null, scores));
    }

    /**
     * Selects m rows (draws, for the with-replacement methods).
     *
     * @throws IllegalArgumentException if m &lt;= 0
     */
    public CoresetSelector size(int m) {
        if (m <= 0) {
            throw new IllegalArgumentException("coreset size m = " + m + " must be positive");
        }
        return new CoresetSelector(method, m, Double.NaN, seed, perClass, minPerClass, scores, scoreBand);
    }

    /**
     * Selects m = max(1, round(fraction·n)) rows.
     *
     * @throws IllegalArgumentException if the fraction is not in (0, 1]
     */
    public CoresetSelector fraction(double fraction) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction = " + fraction + " is not in (0, 1]");
        }
        return new CoresetSelector(method, 0, fraction, seed, perClass, minPerClass, scores, scoreBand);
    }

    /** The seed of the random choices (default 0). */
    public CoresetSelector seed(long seed) {
        return new CoresetSelector(method, size, fraction, seed, perClass, minPerClass, scores, scoreBand);
    }

    /**
     * Runs the method separately within each class, with m split in proportion to class sizes (at least
     * {@link #minPerClass(int)} each). For {@code uniform} this is {@code stratified}; for the importance methods each
     * class gets its own mean and normaliser, so weights stay unbiased within every class.
     */
    public CoresetSelector perClass(boolean perClass) {
        return new CoresetSelector(method, size, fraction, seed, perClass, minPerClass, scores, scoreBand);
    }

    /**
     * The fewest rows each class receives in stratified or per-class selection (default 1; a class with fewer rows
     * keeps all of them).
     *
     * @throws IllegalArgumentException if negative
     */
    public CoresetSelector minPerClass(int minPerClass) {
        if (minPerClass < 0) {
            throw new IllegalArgumentException("minPerClass = " + minPerClass + " must not be negative");
        }
        return new CoresetSelector(method, size, fraction, seed, perClass, minPerClass, scores, scoreBand);
    }

    /**
     * Which ranks {@code el2n} keeps (default {@link ScoreBand#hardest()}; mind its caveat at small fractions); for
     * {@code ccs}, how many of the hardest rows it drops before binning.
     */
    public CoresetSelector keep(ScoreBand band) {
        Objects.requireNonNull(band, "band");
        return new CoresetSelector(method, size, fraction, seed, perClass, minPerClass, scores, band);
    }

    private CoresetSelector withScores(Scores newScores) {
        return new CoresetSelector(method, size, fraction, seed, perClass, minPerClass, newScores, scoreBand);
    }

    /** The selection method. */
    public SelectionMethod method() {
        return method;
    }

    /** The seed of the random choices. */
    public long seed() {
        return seed;
    }

    /** True if the method runs separately within each class. */
    public boolean isPerClass() {
        return perClass;
    }

    /** The fewest rows per class in stratified and per-class selection. */
    public int minPerClass() {
        return minPerClass;
    }

    /** The ranks el2n keeps. */
    public ScoreBand scoreBand() {
        return scoreBand;
    }

    /** Selects from the rows of a float matrix, without labels. */
    public Coreset select(float[][] features) {
        return select(features, null);
    }

    /** Selects from the rows of a float matrix; {@code labels} (one class per row, or null) drive stratification. */
    public Coreset select(float[][] features, int[] labels) {
        Objects.requireNonNull(features, "features");
        Checks.labelsMatchRows(labels, features.length);
        Checks.notEmpty(features.length, "features");
        return run(DataInput.of(features, labels, "features"), null);
    }

    /** Selects from the rows of a double matrix, without labels. */
    public Coreset select(double[][] features) {
        return select(features, null);
    }

    /** Selects from the rows of a double matrix; {@code labels} (one class per row, or null) drive stratification. */
    public Coreset select(double[][] features, int[] labels) {
        Objects.requireNonNull(features, "features");
        Checks.labelsMatchRows(labels, features.length);
        Checks.notEmpty(features.length, "features");
        return run(DataInput.of(features, labels, "features"), null);
    }

    /**
     * Selects from {@code rows} rows known only by index and label: for the methods that never read features
     * (uniform, stratified, el2n).
     *
     * @throws IllegalArgumentException for a method that reads features
     */
    public Coreset select(int rows, int[] labels) {
        if (method.readsFeatures()) {
            throw new IllegalArgumentException("method " + method.id() + " reads features; pass them instead of a "
                    + "row count");
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows = " + rows + " must not be negative");
        }
        Checks.labelsMatchRows(labels, rows);
        Checks.notEmpty(rows, "the data");
        return run(new IndexInput(rows, labels), null);
    }

    /**
     * Selects from a re-iterable row source. The four sampling methods stream it twice with O(m + classes·d) memory
     * ({@link StreamingSelector}); kcenter keeps all rows in memory and el2n keeps one label per row.
     */
    public Coreset select(RowSource rows) {
        return select(rows, null);
    }

    /** As {@link #select(RowSource)}, showing each selected row to {@code listener} while the last pass is on it. */
    public Coreset select(RowSource rows, DrawListener listener) {
        Objects.requireNonNull(rows, "rows");
        return run(DataInput.of(rows), listener);
    }

    private Coreset run(RowInput input, DrawListener listener) {
        switch (method) {
            case KCENTER:
                return KCenterGreedy.select(this, input, listener);
            case EL2N:
                return ScorePruning.select(this, input, listener);
            case CCS:
                return CoverageCentricSelection.select(this, input, listener);
            case MODERATE:
                return ModerateSelection.select(this, input, listener);
            case GOSS:
                return GradientOneSideSampling.select(this, input, listener);
            case SENSITIVITY:
                return SensitivitySampling.select(this, input, listener);
            default:
                return StreamingSelector.run(this, input, listener);
        }
    }

    // ---- shared by the per-method selectors -------------------------------------------------------------------

    boolean byClass() {
        return perClass || method == SelectionMethod.STRATIFIED;
    }

    Scores scores() {
        return scores;
    }

    RowStatistics.Plan passOnePlan() {
        RowStatistics.Plan plan = new RowStatistics.Plan();
        plan.byClass = byClass();
        plan.labelsNeededBy = method == SelectionMethod.STRATIFIED ? "stratified" : method.id() + " per class";
        plan.needsFeatures = method.readsFeatures();
        return plan;
    }

    void checkStrata(Strata strata, long rows) {
        if (method == SelectionMethod.STRATIFIED && strata.count() < 2) {
            throw new IllegalArgumentException("stratified needs at least 2 classes, but all " + rows
                    + " rows have label " + strata.label(0));
        }
    }

    int resolveSize(long rows) {
        long m = size > 0 ? size : Double.isNaN(fraction) ? -1 : Math.max(1L, Math.round(fraction * rows));
        if (m < 0) {
            throw new IllegalStateException("no coreset size: call size(m) or fraction(f) on the selector");
        }
        if (m > rows) {
            throw new IllegalArgumentException("coreset size m = " + m + " exceeds the number of rows n = " + rows);
        }
        return (int) m;
    }

    int[] allocate(Strata strata, int m) {
        return BudgetAllocation.allocate(strata.sizes(), m, byClass() ? minPerClass : 0);
    }

    @Override
    public String toString() {
        return "CoresetSelector[" + method.id() + (size > 0 ? ", m=" + size : ", fraction=" + fraction)
                + ", seed=" + seed + (perClass ? ", perClass, minPerClass=" + minPerClass : "")
                + (method == SelectionMethod.EL2N || method == SelectionMethod.CCS ? ", keep=" + scoreBand : "") + "]";
    }
}
