package io.greentrain.subset;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The registry of coreset selection methods. Each returns row indices and weights and is deterministic for a seed.
 *
 * <p>Notation: X is the data set of n rows, μ its mean, d(x, μ) the Euclidean distance, m the number of draws
 * (the requested coreset size), q(x) the sampling probability of row x.
 */
public enum SelectionMethod {

    /**
     * m rows uniformly without replacement, weight n/m each: the strong baseline that every other method must beat.
     * With {@code perClass} it is {@link #STRATIFIED}.
     */
    UNIFORM("uniform", true, false, false),

    /**
     * Uniform without replacement within each class; class c gets m_c ≈ m·n_c/n rows (largest remainder, at least
     * {@code minPerClass}) and weight n_c/m_c, so class proportions are kept. Needs at least two classes.
     */
    STRATIFIED("stratified", true, true, false),

    /**
     * Lightweight coreset (Bachem, Lucic &amp; Krause 2018, "Scalable k-Means Clustering via Lightweight Coresets", KDD):
     * q(x) = ½·1/n + ½·d(x,μ)² / Σ d(x',μ)², m i.i.d. draws with replacement, weight 1/(m·q(x)) per draw.
     * The uniform half bounds every weight by 2n/m.
     */
    LIGHTWEIGHT("lightweight", true, false, true),

    /**
     * Coreset for archetypal analysis (Mair &amp; Brefeld 2019, "Coresets for Archetypal Analysis", NeurIPS,
     * Algorithm 2): q(x) = d(x,μ)² / Σ d(x',μ)², m i.i.d. draws with replacement, weight 1/(m·q(x)) per draw.
     * A row exactly at μ is never drawn.
     */
    ARCHETYPAL("archetypal", true, false, true),

    /**
     * k-center greedy (Sener &amp; Savarese 2018, "Active Learning for Convolutional Neural Networks: A Core-Set
     * Approach", ICLR): start from a seeded random row, then repeatedly add the row farthest from the chosen ones —
     * a 2-approximation of the minimax cover, for diversity in feature or embedding space. Weight of a centre = the
     * number of rows nearest to it. O(n·m·d) time, all rows in memory: not a streaming method.
     */
    KCENTER("kcenter", false, false, true),

    /**
     * Score-based pruning (Paul, Ganguli &amp; Dziugaite 2021, "Deep Learning on a Data Diet", NeurIPS): keep the
     * hardest, the easiest, or a band of rows ranked by a user-supplied score such as EL2N = E‖softmax(f(x)) − y‖₂.
     * Deterministic; weight n/m (n_c/m_c per class) only for bookkeeping — the selection is not unbiased.
     */
    EL2N("el2n", false, false, false),

    /**
     * Sensitivity sampling for logistic regression (Huggins, Campbell &amp; Broderick 2016, "Coresets for Scalable
     * Bayesian Logistic Regression", NeurIPS; Munteanu, Schwiegelshohn, Sohler &amp; Woodruff 2018, "On Coresets for
     * Logistic Regression", NeurIPS): rows are drawn with probability proportional to an upper bound on their
     * sensitivity, the largest share of the logistic loss a row can carry over all parameter vectors. Munteanu et al.
     * bound it by the row's ℓ2 leverage score plus 1/n (their Lemma 3.3 for μ-complex data); with z = (x, 1),
     * h(x) = zᵀ(ZᵀZ + λI)⁻¹z, q(x) = ½·h(x)/Σh + ½·1/n (the uniform half, as in Huggins et al.'s mixture, keeps
     * every weight ≤ 2n/m), m i.i.d. draws, weight 1/(m·q(x)) per draw. Two passes, O(d²) memory, n doubles.
     */
    SENSITIVITY("sensitivity", false, false, true),

    /**
     * Coverage-centric coreset selection (Zheng, Liu, Lin, Grosse &amp; Prakash 2023, "Coverage-centric Coreset
     * Selection for High Pruning Rates", ICLR, Algorithm 1): drop the β hardest rows by a difficulty score from a
     * short proxy training (EL2N, AUM, forgetting), split the remaining score range into k equal-width strata and
     * spend the budget from the smallest stratum up, each getting min(size, budget left / strata left) rows drawn
     * uniformly. Easy, middle and hard rows stay covered at any size. Weight n_c/m_c (the paper trains unweighted).
     */
    CCS("ccs", false, false, false),

    /**
     * Moderate coreset (Xia, Liu, Yu, Shen, Han &amp; Liu 2023, "Moderate Coreset: A Universal Method of Data
     * Selection for Real-world Data-efficient Deep Learning", ICLR): score each row by its distance to its class
     * centre in the representation of a short proxy training and keep the m_c rows of each class whose score is
     * closest to that class's median, neither the easiest nor the hardest. Deterministic; weight n_c/m_c.
     */
    MODERATE("moderate", false, false, false),

    /**
     * Gradient-based one-side sampling (Ke et al. 2017, "LightGBM: A Highly Efficient Gradient Boosting Decision
     * Tree", NeurIPS, Algorithm 2), the loss-based row importance that the tree literature supports: with a score
     * |g| per row (the loss gradient of a short proxy training; for the softmax log loss ‖p − y‖₂, which is EL2N),
     * keep the a·m rows of largest |g| with weight 1 and draw the other (1 − a)·m uniformly from the rest with
     * weight (n − a·m)/((1 − a)·m), so sums over the data (the split gains) stay unbiased.
     */
    GOSS("goss", false, false, false);

    private final String id;
    private final boolean streaming;
    private final boolean needsLabels;
    private final boolean readsFeatures;

    SelectionMethod(String id, boolean streaming, boolean needsLabels, boolean readsFeatures) {
        this.id = id;
        this.streaming = streaming;
        this.needsLabels = needsLabels;
        this.readsFeatures = readsFeatures;
    }

    /** The lower-case name used in configuration and logs, e.g. {@code "lightweight"}. */
    public String id() {
        return id;
    }

    /** True if the method runs in two passes with O(m + classes·d) memory ({@link StreamingSelector}). */
    public boolean isStreaming() {
        return streaming;
    }

    /** True if the method cannot run without class labels. */
    public boolean needsLabels() {
        return needsLabels;
    }

    /** True if the method ranks rows by a per-row score given to the selector ({@code el2n}, {@code ccs}, ...). */
    public boolean usesScores() {
        return this == EL2N || this == CCS || this == MODERATE || this == GOSS;
    }

    /** True if the selection depends on the feature values (not only on n, labels or scores). */
    public boolean readsFeatures() {
        return readsFeatures;
    }

    /**
     * Looks a method up by its {@link #id()} (case-insensitive; the enum constant name also works).
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static SelectionMethod fromId(String id) {
        if (id != null) {
            String key = id.trim().toLowerCase(Locale.ROOT);
            for (SelectionMethod method : values()) {
                if (method.id.equals(key)) {
                    return method;
                }
            }
        }
        throw new IllegalArgumentException("unknown selection method '" + id + "'; known: "
                + Arrays.stream(values()).map(SelectionMethod::id).collect(Collectors.joining(", ")));
    }
}
