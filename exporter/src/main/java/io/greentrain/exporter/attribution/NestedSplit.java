package io.greentrain.exporter.attribution;

import java.util.ArrayList;
import java.util.List;

/**
 * How a run and the runs nested in it (a user's {@code GreenTrain.measure} block and the library calls inside it) share
 * what the family is charged for an interval, so every joule is counted once: a child gets the part of the interval it
 * was running ({@code presence}), the parent keeps the rest. Children that ran at the same time (on several threads)
 * take the parent's whole share and split it by presence. The rule applies again below each child.
 *
 * <p>Example: a block runs for the whole interval and the fit inside it for 0.8 of it: the fit gets 0.8 of the family's
 * energy and the block 0.2. Two fits on two threads for the whole interval: 0.5 each, the block none.
 */
final class NestedSplit {

    private NestedSplit() {
    }

    /**
     * @param parents  for each run, the index of the run it is nested in (among the same runs), or -1 for a family's root
     * @param presence for each run, the part of the interval it was running, in [0, 1]
     * @return for each run, its part of its root's charge; each family's parts sum to 1
     */
    static double[] shares(int[] parents, double[] presence) {
        int n = parents.length;
        if (presence.length != n) {
            throw new IllegalArgumentException("parents and presence differ in length: " + n + " != " + presence.length);
        }
        List<List<Integer>> children = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            children.add(new ArrayList<>(0));
        }
        for (int k = 0; k < n; k++) {
            int parent = parents[k];
            if (parent >= n || parent == k) {
                throw new IllegalArgumentException("run " + k + " has parent " + parent + " (of " + n + " runs)");
            }
            if (parent >= 0) {
                children.get(parent).add(k);
            }
        }
        double[] shares = new double[n];
        boolean[] visited = new boolean[n];
        for (int k = 0; k < n; k++) {
            if (parents[k] < 0) {
                assign(k, 1.0, children, presence, shares, visited);
            }
        }
        for (int k = 0; k < n; k++) {
            if (!visited[k]) {
                throw new IllegalArgumentException("run " + k + " is in a cycle of parents, not below a root");
            }
        }
        return shares;
    }

    private static void assign(int run, double part, List<List<Integer>> children, double[] presence, double[] shares,
                               boolean[] visited) {
        visited[run] = true;
        List<Integer> kids = children.get(run);
        double running = 0;
        for (int kid : kids) {
            running += clamp(presence[kid]);
        }
        double own = 1 - Math.min(1, running);
        double total = own + running;
        if (kids.isEmpty() || total <= 0) {
            shares[run] = part;
            for (int kid : kids) {
                assign(kid, 0, children, presence, shares, visited);
            }
            return;
        }
        shares[run] = part * own / total;
        for (int kid : kids) {
            assign(kid, part * clamp(presence[kid]) / total, children, presence, shares, visited);
        }
    }

    private static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }
}
