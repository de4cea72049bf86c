package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.records.EstimateBand;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The CPU estimate replayed against measurement: codecarbon's CPU-load vs RAPL profiling (four CPUs, 86 load phases of
 * about 30 s, RAPL package energy per phase; fixture {@code cpu-load-profiling.csv}, derived from mlco2/codecarbon
 * b05965e4, MIT, provenance in its header). Each phase's load goes through {@link CpuPowerEstimate} with the CPU's
 * TDP; the ratio measured / estimated is what {@link EstimateBand} must cover. The figures go to
 * docs/estimate-validation.md; this test pins them, so a change to the model that moves them fails here.
 */
class EstimateValidationTest {

    @Test
    void theBandCoversAtLeastNineInTenPhasesAndTheMedianIsNearOne() throws Exception {
        Map<String, List<Double>> ratiosByCpu = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("cpu-load-profiling.csv");
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            for (CSVRecord phase : CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                CpuPowerEstimate estimate = new CpuPowerEstimate(Double.parseDouble(phase.get("tdp_watts")), "replay");
                double estimatedJoules = estimate.watts(Double.parseDouble(phase.get("load"))) * Double.parseDouble(phase.get("seconds"));
                double ratio = Double.parseDouble(phase.get("rapl_joules")) / estimatedJoules;
                ratiosByCpu.computeIfAbsent(phase.get("cpu"), k -> new ArrayList<>()).add(ratio);
                all.add(ratio);
            }
        }
        long inBand = all.stream().filter(r -> r >= EstimateBand.CPU_LOW && r <= EstimateBand.CPU_HIGH).count();
        for (Map.Entry<String, List<Double>> cpu : ratiosByCpu.entrySet()) {
            double[] r = cpu.getValue().stream().mapToDouble(Double::doubleValue).toArray();
            System.out.printf("%-45s phases %2d  measured/estimated median %.2f [%.2f..%.2f]  in band %.0f %%%n", cpu.getKey(), r.length,
                    median(r), Arrays.stream(r).min().orElse(Double.NaN), Arrays.stream(r).max().orElse(Double.NaN),
                    100.0 * Arrays.stream(r).filter(x -> x >= EstimateBand.CPU_LOW && x <= EstimateBand.CPU_HIGH).count() / r.length);
        }
        double[] every = all.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf("all: %d phases, median %.2f [%.2f..%.2f], %d in the band [%.1f, %.1f]%n", every.length, median(every),
                Arrays.stream(every).min().orElse(Double.NaN), Arrays.stream(every).max().orElse(Double.NaN), inBand,
                EstimateBand.CPU_LOW, EstimateBand.CPU_HIGH);

        assertThat(ratiosByCpu).hasSize(4);
        assertThat(every).hasSize(86);
        assertThat((double) inBand / every.length).as("share of phases whose measurement lies in the band").isGreaterThanOrEqualTo(0.9);
        assertThat(median(every)).as("median measured / estimated").isBetween(0.8, 1.1);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
