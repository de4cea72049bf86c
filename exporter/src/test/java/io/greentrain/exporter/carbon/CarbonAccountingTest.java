package io.greentrain.exporter.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;
import io.greentrain.exporter.status.AgentLog;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarbonAccountingTest {

    private final GridIntensityTable table = GridIntensityTable.embedded();

    private static long problems(String reason) {
        var count = AgentLog.problemCounts().get("carbon\u0000" + reason);
        return count == null ? 0 : count.get();
    }

    private static CallRecord record(double cpuJoules, double gpuJoules) {
        return new CallRecord("run-1", 42, "host", "main", "dl4j", "MultiLayerNetwork", "MultiLayerNetwork#fit", "success", "",
                1_000, 61_000, 60.0, 3, 3, List.of(new ComponentEnergy("cpu", "rapl", cpuJoules),
                new ComponentEnergy("gpu", "nvml", gpuJoules)), "rows=10", "cfg", null);
    }

    @Test
    void annotatesARecordWithZoneIntensitySourcePueAndGrams() {
        GridZone de = table.find("DE").orElseThrow();
        try (CarbonAccounting carbon = new CarbonAccounting(FixedGridIntensity.of(de), 1.2)) {
            CallRecord annotated = carbon.annotate(record(3.0e6, 0.6e6));
            CarbonFigures c = annotated.carbon();
            assertThat(c.zone()).isEqualTo("DE");
            assertThat(c.gramsPerKwh()).isEqualTo(de.gramsPerKwh());
            assertThat(c.intensitySource()).isEqualTo(de.tableSource());
            assertThat(c.pue()).isEqualTo(1.2);
            assertThat(c.grams()).isCloseTo(1.0 * 1.2 * de.gramsPerKwh(), within(1e-9)); // 3.6 MJ = 1 kWh
        }
    }

    @Test
    void configuredZoneUsesItsTableValue() {
        GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.CARBON_ZONE, "gcp:europe-west1");
        try (CarbonAccounting carbon = CarbonAccounting.fromConfig(config)) {
            GridZone zone = table.find("gcp:europe-west1").orElseThrow();
            assertThat(carbon.intensity().zone()).isEqualTo("gcp:europe-west1");
            assertThat(carbon.intensity().current()).isEqualTo(new IntensityReading(zone.gramsPerKwh(), zone.tableSource()));
            assertThat(carbon.pue()).isEqualTo(1.0);
        }
    }

    @Test
    void noZoneIsTheWorldAverageAndAFixedIntensityWins() {
        try (CarbonAccounting carbon = CarbonAccounting.fromConfig(GreenTrainConfig.defaults())) {
            assertThat(carbon.intensity().zone()).isEqualTo("world");
            assertThat(carbon.intensity().current().source()).isEqualTo("table:iea-2019");
        }
        GreenTrainConfig fixed = GreenTrainConfig.defaults().with(Options.CARBON_INTENSITY, 123.0).with(Options.CARBON_PUE, 1.4);
        try (CarbonAccounting carbon = CarbonAccounting.fromConfig(fixed)) {
            assertThat(carbon.intensity().zone()).isEqualTo("custom");
            assertThat(carbon.intensity().current()).isEqualTo(new IntensityReading(123, "config"));
            assertThat(carbon.figures(3.6e6, 0, 1).grams()).isCloseTo(123 * 1.4, within(1e-9));
        }
        try (CarbonAccounting carbon = CarbonAccounting.fromConfig(fixed.with(Options.CARBON_ZONE, "SE"))) {
            assertThat(carbon.intensity().zone()).isEqualTo("SE");
        }
    }

    @Test
    void unknownZoneIsReportedAndFallsBackToTheWorld() {
        long before = problems("unknown_zone");
        try (CarbonAccounting carbon = CarbonAccounting.fromConfig(GreenTrainConfig.defaults().with(Options.CARBON_ZONE, "Frnace"))) {
            assertThat(carbon.intensity().zone()).isEqualTo("world");
        }
        assertThat(problems("unknown_zone")).isEqualTo(before + 1);
    }

    @Test
    void electricityMapsFromConfigAsksForTheCloudRegionsCountry() throws IOException {
        try (FakeProviderServer server = new FakeProviderServer()) {
            server.answer(200, ProviderFormats.electricityMaps("FR", 33));
            GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.CARBON_ZONE, "aws:eu-west-3")
                    .with(Options.CARBON_PROVIDER, "electricitymaps").with(Options.CARBON_PROVIDER_URL, server.baseUrl())
                    .with(Options.CARBON_PROVIDER_TOKEN, "tok").with(Options.CARBON_PROVIDER_TIMEOUT, Duration.ofSeconds(2));
            try (CarbonAccounting carbon = CarbonAccounting.fromConfig(config)) {
                assertThat(carbon.intensity()).isInstanceOf(LiveGridIntensity.class);
                ((LiveGridIntensity) carbon.intensity()).refresh();
                assertThat(carbon.intensity().current()).isEqualTo(new IntensityReading(33, "electricitymaps"));
                assertThat(carbon.intensity().zone()).isEqualTo("aws:eu-west-3");
                assertThat(server.requests()).allMatch(r -> "zone=FR".equals(r.uri.getQuery()));
            }
        }
    }

    @Test
    void ukGridImpliesGreatBritainAndUsesTheRegion() throws IOException {
        try (FakeProviderServer server = new FakeProviderServer()) {
            server.answer(200, ProviderFormats.ukRegional(13, 99));
            GreenTrainConfig config = GreenTrainConfig.defaults().with(Options.CARBON_PROVIDER, "ukgrid")
                    .with(Options.CARBON_PROVIDER_URL, server.baseUrl()).with(Options.CARBON_PROVIDER_REGION, "13");
            try (CarbonAccounting carbon = CarbonAccounting.fromConfig(config)) {
                ((LiveGridIntensity) carbon.intensity()).refresh();
                assertThat(carbon.intensity().zone()).isEqualTo("GB");
                assertThat(carbon.intensity().current()).isEqualTo(new IntensityReading(99, "ukgrid"));
                assertThat(server.lastRequest().uri.getPath()).isEqualTo("/regional/regionid/13");
            }
        }
    }

    @Test
    void unusableProviderSettingsFallBackToTheTable() {
        long before = problems("provider_config");
        GreenTrainConfig noToken = GreenTrainConfig.defaults().with(Options.CARBON_ZONE, "FR")
                .with(Options.CARBON_PROVIDER, "electricitymaps");
        GreenTrainConfig ukForFrance = GreenTrainConfig.defaults().with(Options.CARBON_ZONE, "FR")
                .with(Options.CARBON_PROVIDER, "ukgrid");
        GreenTrainConfig usState = noToken.with(Options.CARBON_ZONE, "US-CA").with(Options.CARBON_PROVIDER_TOKEN, "t");
        GreenTrainConfig badRegion = GreenTrainConfig.defaults().with(Options.CARBON_PROVIDER, "ukgrid")
                .with(Options.CARBON_PROVIDER_REGION, "london");
        for (GreenTrainConfig config : List.of(noToken, ukForFrance, usState, badRegion)) {
            try (CarbonAccounting carbon = CarbonAccounting.fromConfig(config)) {
                assertThat(carbon.intensity()).isInstanceOf(FixedGridIntensity.class);
                assertThat(carbon.intensity().current().source()).startsWith("table:");
            }
        }
        assertThat(problems("provider_config")).isEqualTo(before + 4);
    }

    @Test
    void electricityMapsZoneForEachKindOfZone() {
        assertThat(GridIntensitySetup.electricityMapsZone(table.find("DEU").orElseThrow(), table)).isEqualTo("DE");
        assertThat(GridIntensitySetup.electricityMapsZone(table.find("SE3").orElseThrow(), table)).isEqualTo("SE-SE3");
        assertThat(GridIntensitySetup.electricityMapsZone(table.find("CA-QC").orElseThrow(), table)).isEqualTo("CA-QC");
        assertThat(GridIntensitySetup.electricityMapsZone(table.find("US-TX").orElseThrow(), table)).isEmpty();
        assertThat(GridIntensitySetup.electricityMapsZone(table.find("azure:westeurope").orElseThrow(), table)).isEqualTo("NL");
    }
}
