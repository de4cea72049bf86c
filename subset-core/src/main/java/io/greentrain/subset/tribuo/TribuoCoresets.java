package io.greentrain.subset.tribuo;

import io.greentrain.subset.Coreset;
import io.greentrain.subset.CoresetSelector;
import io.greentrain.subset.ProgressiveTraining;
import io.greentrain.subset.Resampling;
import io.greentrain.subset.Seeds;
import io.greentrain.subset.WeightScale;
import io.greentrain.subset.WeightedResampling;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableDataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.WeightedExamples;

/**
 * Coresets as Tribuo datasets, one line in the user's code:
 *
 * <pre>{@code
 * Model<Label> model = trainer.train(train);                                                   // before
 * Model<Label> model = trainer.train(TribuoCoresets.selectFor(trainer, train, selector));       // after
 * }</pre>
 *
 * <p>Trainers tagged {@link WeightedExamples} (SGD linear models, CART, XGBoost, ...) receive the selected examples
 * with their coreset weights ({@link #select}); the others receive the selected examples repeated in proportion to
 * their weights ({@link #replicate}). The examples are copies: a {@code DatasetView} would share the caller's
 * {@link Example} objects, and setting a weight on one would change the caller's data. The result shares the caller's
 * feature and output domains, so feature ids and label ids stay the same.
 *
 * <p>Weights are on the {@link WeightScale#MEAN_ONE} scale by default: Tribuo's SGD multiplies each step by the
 * example weight, so population weights of n/m would multiply the learning rate by n/m. An example that already
 * carries a weight v gets v·w, since the coreset estimates Σ v_i ℓ_i.
 */
public final class TribuoCoresets {

    private TribuoCoresets() {
    }

    /** True if the trainer uses example weights (it implements {@link WeightedExamples}). */
    public static boolean honoursWeights(Trainer<?> trainer) {
        return trainer instanceof WeightedExamples;
    }

    /** The coreset of a dataset's examples (features densified over its feature domain; labels = class ids). */
    public static <T extends Output<T>> Coreset coreset(Dataset<T> dataset, CoresetSelector selector) {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(selector, "selector");
        return selector.select(new ExampleRows<>(dataset));
    }

    /** Copies of the selected examples, with mean-one coreset weights. */
    public static <T extends Output<T>> ImmutableDataset<T> select(Dataset<T> dataset, CoresetSelector selector) {
        return select(dataset, selector, WeightScale.MEAN_ONE);
    }

    /** Copies of the selected examples, with coreset weights on the given scale. */
    public static <T extends Output<T>> ImmutableDataset<T> select(Dataset<T> dataset, CoresetSelector selector,
                                                                    WeightScale scale) {
        Coreset coreset = coreset(dataset, selector);
        double[] weights = coreset.weights(scale);
        List<Example<T>> copies = new ArrayList<>(coreset.size());
        for (int k = 0; k < coreset.size(); k++) {
            Example<T> original = dataset.getExample(coreset.index(k));
            Example<T> copy = original.copy();
            copy.setWeight((float) (original.getWeight() * weights[k]));
            copies.add(copy);
        }
        return datasetOf(dataset, copies);
    }

    /**
     * Copies of the selected examples, each repeated ⌊m·w/Σw⌋ or ⌈m·w/Σw⌉ times (systematic resampling, m = the
     * coreset's draws) in a shuffled order, keeping their original weights: for trainers that ignore weights.
     */
    public static <T extends Output<T>> ImmutableDataset<T> replicate(Dataset<T> dataset, CoresetSelector selector) {
        Coreset coreset = coreset(dataset, selector);
        int[] counts = WeightedResampling.counts(coreset, coreset.draws(), Resampling.SYSTEMATIC,
                Seeds.derive(selector.seed(), 0));
        int[] order = WeightedResampling.expand(counts, Seeds.derive(selector.seed(), 1));
        List<Example<T>> copies = new ArrayList<>(order.length);
        for (int position : order) {
            copies.add(dataset.getExample(coreset.index(position)).copy());
        }
        return datasetOf(dataset, copies);
    }

    /** {@link #select} for a trainer that honours weights, {@link #replicate} otherwise. */
    public static <T extends Output<T>> ImmutableDataset<T> selectFor(Trainer<T> trainer, Dataset<T> dataset,
                                                                       CoresetSelector selector) {
        return honoursWeights(trainer) ? select(dataset, selector) : replicate(dataset, selector);
    }

    /** Trains {@code trainer} on the coreset of {@code dataset}: {@code trainer.train(selectFor(...))}. */
    public static <T extends Output<T>> Model<T> train(Trainer<T> trainer, Dataset<T> dataset,
                                                       CoresetSelector selector) {
        return trainer.train(selectFor(trainer, dataset, selector));
    }

    /**
     * "Just enough data" in one call: {@link #train} on the growing coresets of {@code schedule} until the held-out
     * score of the model (e.g. accuracy on a validation split) stops rising ({@link ProgressiveTraining}).
     */
    public static <T extends Output<T>> ProgressiveTraining.Result<Model<T>> trainProgressively(Trainer<T> trainer,
            Dataset<T> dataset, CoresetSelector selector, ProgressiveTraining schedule,
            ToDoubleFunction<Model<T>> heldOut) {
        return schedule.run(selector, s -> train(trainer, dataset, s), heldOut);
    }

    private static <T extends Output<T>> ImmutableDataset<T> datasetOf(Dataset<T> parent, List<Example<T>> examples) {
        return new ImmutableDataset<>(examples, parent.getSourceProvenance(), parent.getOutputFactory(),
                parent.getFeatureIDMap(), parent.getOutputIDInfo(), false);
    }
}
