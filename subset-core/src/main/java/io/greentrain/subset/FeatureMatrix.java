package io.greentrain.subset;

/** Random access to in-memory rows, for the selectors that need it (k-center greedy). */
interface FeatureMatrix {

    int rows();

    int label(int row);

    /** ‖x_a − x_b‖². */
    double squaredDistance(int a, int b);
}
