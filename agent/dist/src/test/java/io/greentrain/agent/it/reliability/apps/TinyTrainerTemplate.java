package io.greentrain.agent.it.reliability.apps;

import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;

/**
 * The smallest Tribuo trainer: {@code train} spins for {@link Spin#micros} microseconds and
 * returns null. It is never used under this name: {@link TrainerClasses} copies its bytecode into the package
 * {@code org.tribuo.greentrain.it} under any simple name, so the agent sees a real Tribuo {@code Trainer}
 * implementation (one training call per {@code train}) whose model label is that name.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public class TinyTrainerTemplate implements Trainer {

    @Override
    public Model train(Dataset examples, Map runProvenance) {
        Spin.now();
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
