package io.greentrain.examples.bench;

import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;

/**
 * The cheapest Tribuo trainer there is: {@code train} returns null at once. Never used under this name:
 * {@link OverheadTrainers} copies its bytecode into package {@code org.tribuo.greentrain.bench}, where the agent
 * instruments it like any Tribuo trainer, so one {@code train} is one complete training call (enter and exit
 * advice, the agent's accounting) around no work at all.
 */
@SuppressWarnings({"rawtypes"})
public class OverheadTrainerTemplate implements Trainer {

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
}
