package io.greentrain.examples.tradeoff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The Pareto front of accuracy (higher is better) against cost (grams CO2e or joules, lower is better): the points
 * no other point beats on both at once. Points whose accuracy or cost is NaN take no part.
 */
public final class ParetoFront {

    private ParetoFront() {
    }

    /** The non-dominated points, cheapest first. */
    public static List<MedianPoint> of(List<MedianPoint> points, ToDoubleFunction<MedianPoint> cost) {
        List<MedianPoint> candidates = new ArrayList<>();
        for (MedianPoint p : points) {
            if (!Double.isNaN(p.accuracy()) && !Double.isNaN(cost.applyAsDouble(p))) {
                candidates.add(p);
            }
        }
        List<MedianPoint> front = new ArrayList<>();
        for (MedianPoint p : candidates) {
            boolean dominated = false;
            for (MedianPoint q : candidates) {
                if (q == p) {
                    continue;
                }
                double qc = cost.applyAsDouble(q);
                double pc = cost.applyAsDouble(p);
                boolean noWorse = q.accuracy() >= p.accuracy() && qc <= pc;
                boolean better = q.accuracy() > p.accuracy() || qc < pc;
                if (noWorse && better) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(p);
            }
        }
        front.sort(Comparator.comparingDouble(cost).thenComparingDouble(MedianPoint::accuracy));
        return front;
    }
}
