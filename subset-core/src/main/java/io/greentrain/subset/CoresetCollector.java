package io.greentrain.subset;

import java.util.Arrays;

/** Grows the (index, weight) pairs of a coreset as rows are chosen, then freezes them into a {@link Coreset}. */
final class CoresetCollector {

    private int[] indices = new int[64];
    private double[] weights = new double[64];
    private int size;

    /** Adds a row and returns its slot. */
    int add(long index, double weight) {
        if (size == indices.length) {
            indices = Arrays.copyOf(indices, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        indices[size] = (int) index;
        weights[size] = weight;
        return size++;
    }

    void addWeight(int slot, double extra) {
        weights[slot] += extra;
    }

    int size() {
        return size;
    }

    /** Freezes rows that were added in ascending index order (the streaming pass adds them so). */
    Coreset build(SelectionMethod method, long seed, long sourceRows, int draws) {
        return new Coreset(method, seed, sourceRows, draws, Arrays.copyOf(indices, size),
                Arrays.copyOf(weights, size));
    }

    /** Freezes rows added in any order, sorting them by index. */
    Coreset buildSorted(SelectionMethod method, long seed, long sourceRows, int draws) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(indices[a], indices[b]));
        int[] sortedIndices = new int[size];
        double[] sortedWeights = new double[size];
        for (int i = 0; i < size; i++) {
            sortedIndices[i] = indices[order[i]];
            sortedWeights[i] = weights[order[i]];
        }
        return new Coreset(method, seed, sourceRows, draws, sortedIndices, sortedWeights);
    }
}
