package org.tribuo;

import java.util.Map;

/** Fixture standing in for Tribuo's Trainer interface. */
public interface Trainer {

    default Object train(Dataset dataset) {
        return train(dataset, java.util.Collections.emptyMap());
    }

    Object train(Dataset dataset, Map<String, Object> provenance);

    default Object train(Dataset dataset, Map<String, Object> provenance, int invocationCount) {
        return train(dataset, provenance);
    }
}
