package io.greentrain.subset;

import java.util.SplittableRandom;

/**
 * Seeds for the random choices. SplittableRandom's algorithm is fixed by its specification, so a seed selects the same
 * coreset on every JVM.
 */
public final class Seeds {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * A seed for the {@code stream}-th use of {@code seed} (an epoch, a resampling), through SplitMix64's finaliser.
     * Adding a constant to a seed is not enough: {@code new SplittableRandom(s + 0x9E3779B97F4A7C15L)} yields the
     * sequence of {@code new SplittableRandom(s)} shifted by one, so consecutive epochs would be nearly identical.
     */
    public static long derive(long seed, long stream) {
        long z = seed + (stream + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** One independent random stream per stratum, split from the user's seed in stratum order. */
    static SplittableRandom[] perStratum(long seed, int strata) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[strata];
        for (int s = 0; s < strata; s++) {
            streams[s] = root.split();
        }
        return streams;
    }
}
