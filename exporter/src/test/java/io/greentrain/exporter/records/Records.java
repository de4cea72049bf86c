package io.greentrain.exporter.records;

import java.util.List;

/** Sample records for tests. */
final class Records {

    private Records() {
    }

    static CallRecord sample(String model, double cpuJoules, CarbonFigures carbon) {
        return new CallRecord("run-7", 4242, "node-1", "trainer \"main\", 1", "dl4j", model, "MultiLayerNetwork#fit", "success", "",
                1_700_000_000_123L, 1_700_000_012_456L, 12.333, 2, 5,
                List.of(new ComponentEnergy("cpu", "rapl", cpuJoules), new ComponentEnergy("dram", "estimate", 12.5),
                        new ComponentEnergy("gpu", "nvml", 400.25)),
                "rows=60000,features=784", "cfg-1f3a", carbon,
                new RunFacts(RunFacts.RUN, "run-7-3", "nightly \"mlp\"", 600, 19_200, "run-7-g1", "tribuo CrossValidation"));
    }

    static CarbonFigures carbon() {
        return new CarbonFigures("FR", 56.04, "table:owid-2023", 1.2, 0.0123);
    }
}
