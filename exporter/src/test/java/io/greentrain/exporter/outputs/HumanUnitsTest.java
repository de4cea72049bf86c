package io.greentrain.exporter.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.records.ComponentEnergy;
import java.util.List;
import org.junit.jupiter.api.Test;

class HumanUnitsTest {

    @Test
    void threeSignificantFigures() {
        assertThat(HumanUnits.number(0.001234)).isEqualTo("0.00123");
        assertThat(HumanUnits.number(1.5)).isEqualTo("1.5");
        assertThat(HumanUnits.number(12.34)).isEqualTo("12.3");
        assertThat(HumanUnits.number(1234.4)).isEqualTo("1234");
        assertThat(HumanUnits.joules(999)).isEqualTo("999 J");
        assertThat(HumanUnits.joules(1520)).isEqualTo("1.52 kJ");
        assertThat(HumanUnits.grams(2500)).isEqualTo("2.5 kg");
        assertThat(HumanUnits.seconds(108)).isEqualTo("1 min 48 s");
        assertThat(HumanUnits.seconds(7260)).isEqualTo("2 h 1 min");
    }

    @Test
    void consoleLineNamesOutcomeSourcesZoneAndIntensitySource() {
        CallRecord failed = new CallRecord("r", 1, "h", "t", "smile", "RandomForest", "RandomForest#fit", "error",
                "java.lang.OutOfMemoryError", 0, 500, 0.5, 0, -1, List.of(new ComponentEnergy("cpu", "estimate", 42)), "", "",
                new CarbonFigures("aws:eu-west-3", 105, "table:mlco2-impact-2019", 1.1, 0.00135));
        assertThat(ConsoleLine.format(failed)).isEqualTo("smile RandomForest 0.5 s error (java.lang.OutOfMemoryError): "
                + "cpu 42 J (estimate); 0.00135 g CO2e (aws:eu-west-3 105 g/kWh, table:mlco2-impact-2019, PUE 1.1)");
    }
}
