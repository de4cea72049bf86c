package io.greentrain.exporter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.carbon.GridIntensityTable;
import io.greentrain.exporter.carbon.GridZone;
import io.greentrain.exporter.carbon.HardwareTdpTable;
import io.greentrain.exporter.outputs.HumanUnits;
import org.junit.jupiter.api.Test;

class EstimateCommandTest {

    private final GridIntensityTable table = GridIntensityTable.embedded();

    @Test
    void gpuModelCountHoursZoneAndPue() {
        HardwareTdpTable.Device a100 = HardwareTdpTable.embedded().find("A100 SXM4 80 GB");
        GridZone zone = table.find("aws:us-east-1").orElseThrow();
        double kwh = a100.watts() * 4 * 100 / 1000.0 * 1.1;
        CliRun run = CliRun.of("estimate", "--hardware", "a100 sxm4 80 gb", "-n", "4", "--hours", "100", "--zone", "aws:us-east-1",
                "--pue", "1.1");
        assertThat(run.exitCode).as(run.err).isZero();
        assertThat(run.out).contains("4 x A100 SXM4 80 GB gpu (" + HumanUnits.number(a100.watts()) + " W each TDP, mlco2-impact)")
                .contains("energy     " + HumanUnits.number(kwh) + " kWh")
                .contains("zone       aws:us-east-1")
                .contains("emissions  " + HumanUnits.number(kwh * zone.gramsPerKwh() / 1000) + " kg CO2e");
        GridZone cleanest = table.cleanestRegion("aws").orElseThrow();
        assertThat(cleanest.gramsPerKwh()).isLessThan(zone.gramsPerKwh());
        assertThat(run.out).contains(cleanest.code() + " (cleanest aws region)")
                .contains("world (World average)").contains("FR (France)").contains("CA-QC (Quebec)")
                .doesNotContain("cleanest gcp region");
    }

    @Test
    void wattsAndACountryCompareWithTheCleanestRegionOfEachBigCloud() {
        GridZone fr = table.find("FR").orElseThrow();
        CliRun run = CliRun.of("estimate", "-H", "250W", "-t", "10", "-z", "fra");
        assertThat(run.exitCode).as(run.err).isZero();
        // 250 W x 10 h = 2.5 kWh
        assertThat(run.out).contains("1 x device (250 W each, as given)").contains("energy     2.5 kWh")
                .contains("emissions  " + HumanUnits.number(2.5 * fr.gramsPerKwh() / 1000) + " kg CO2e")
                .contains("(cleanest aws region)").contains("(cleanest gcp region)").contains("(cleanest azure region)");
    }

    @Test
    void badArgumentsAreOneLinePlusUsageAndExitCode2() {
        String[][] cases = {
            {"estimate", "-H", "A100", "-t", "1"},
            {"estimate", "-H", "Quantum 9000", "-t", "1"},
            {"estimate", "-H", "300W", "-t", "1", "-z", "Frnace"},
            {"estimate", "-H", "300W", "-t", "0"},
            {"estimate", "-H", "300W", "-t", "1", "--pue", "0.8"},
            {"estimate", "-H", "300W", "-t", "1", "-n", "0"},
            {"estimate", "-H", "300W"},
            {"estimate", "-H", "300W", "-t", "abc"},
        };
        String[] expected = {"matches", "unknown hardware 'Quantum 9000'", "FR (France)", "--hours", "0.8", "--count", "--hours",
            "abc"};
        for (int i = 0; i < cases.length; i++) {
            CliRun run = CliRun.of(cases[i]);
            assertThat(run.exitCode).as(String.join(" ", cases[i])).isEqualTo(2);
            String firstLine = run.err.lines().findFirst().orElse("");
            assertThat(firstLine).as(String.join(" ", cases[i])).startsWith("greentrain: ").contains(expected[i]);
            assertThat(run.err).contains("Usage: greentrain-agent.jar estimate");
            assertThat(run.out).isEmpty();
        }
    }
}
