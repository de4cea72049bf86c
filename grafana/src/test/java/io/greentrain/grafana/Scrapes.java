package io.greentrain.grafana;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** Waiting on a live Prometheus. */
final class Scrapes {

    private Scrapes() {
    }

    /** Waits until Prometheus has scraped every target successfully at least {@code count} times. */
    static void await(PrometheusServer prometheus, int count, Duration timeout) throws IOException, InterruptedException {
        until(prometheus, "min(sum_over_time(up[5m]))", count, timeout);
    }

    /** Waits until {@code expr} evaluates to at least {@code atLeast}. */
    static void until(PrometheusServer prometheus, String expr, double atLeast, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        double last = Double.NaN;
        while (Instant.now().isBefore(deadline)) {
            last = prometheus.value(expr);
            if (last >= atLeast) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(expr + " stayed below " + atLeast + " for " + timeout + " (last " + last + "); prometheus log:\n"
                + prometheus.logTail());
    }
}
