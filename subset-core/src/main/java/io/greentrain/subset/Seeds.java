package io.greentrain.subset;

import java.util.SplittableRandom;

/**
 * One independent random stream per stratum, split from the user's seed in stratum order. SplittableRandom's
 * algorithm is fixed by its specification, so a seed selects the same coreset on every JVM.
 */
final class Seeds {

    private Seeds() {
    }

    static SplittableRandom[] perStratum(long seed, int strata) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[strata];
        for (int s = 0; s < strata; s++) {
            streams[s] = root.split();
        }
        return streams;
    }
}
