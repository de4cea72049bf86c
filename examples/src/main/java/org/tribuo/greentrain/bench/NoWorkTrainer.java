package org.tribuo.greentrain.bench;

import java.util.Collections;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;

/**
 * The cheapest Tribuo trainer there is: {@code train} returns null at once. It is in a package below {@code org.tribuo}
 * because that is where the agent looks for Tribuo trainers, so the agent instruments it like any Tribuo trainer and one
 * {@code train} is one complete training call (enter and exit advice, the agent's accounting) around no work at all.
 *
 * <p>The overhead benchmarks ({@code io.greentrain.examples.bench}) need this one trainer class only, so it is a plain
 * class; the agent's own tests, which need any number of distinct trainer classes, define theirs at run time.
 */
@SuppressWarnings({"rawtypes"})
public class NoWorkTrainer implements Trainer {

    @Override
    public Model train(Dataset examples, Map runProvenance) {
        return null;
    }

    @Override
    public int getInvocationCount() {
        return 0;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return null;
    }

    /** One training call of {@code trainer} as a job makes it: {@code train(dataset, runProvenance)}. */
    @SuppressWarnings("unchecked")
    public static Object call(Trainer trainer) {
        return trainer.train(null, Collections.emptyMap());
    }
}
