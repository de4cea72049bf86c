package io.greentrain.exporter.carbon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EmissionsCalculatorTest {

    @Test
    void gramsAreKwhTimesPueTimesIntensity() {
        EmissionsCalculator calc = new EmissionsCalculator(1.5);
        // 7.2 MJ = 2 kWh at the device, 3 kWh at the facility, at 120 g/kWh
        assertThat(calc.facilityKwh(7.2e6)).isCloseTo(3.0, within(1e-12));
        assertThat(calc.grams(7.2e6, 120)).isCloseTo(360.0, within(1e-9));
        assertThat(new EmissionsCalculator(1.0).grams(0, 500)).isZero();
    }

    @Test
    void jobEnergyIsTheMlEmissionsCalculatorFormula() {
        // 4 GPUs at 300 W for 10 h with PUE 1.1 = 13.2 kWh
        assertThat(new EmissionsCalculator(1.1).jobKwh(300, 4, 10)).isCloseTo(13.2, within(1e-9));
    }

    @Test
    void rejectsImpossibleInputsNamingTheValue() {
        assertThatThrownBy(() -> new EmissionsCalculator(0.9)).hasMessageContaining("0.9");
        assertThatThrownBy(() -> new EmissionsCalculator(Double.NaN)).hasMessageContaining("NaN");
        EmissionsCalculator calc = new EmissionsCalculator(1.0);
        assertThatThrownBy(() -> calc.grams(-1, 100)).hasMessageContaining("-1");
        assertThatThrownBy(() -> calc.grams(1, Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
        assertThatThrownBy(() -> calc.jobKwh(0, 1, 1)).hasMessageContaining("watts");
        assertThatThrownBy(() -> calc.jobKwh(100, 0, 1)).hasMessageContaining("count");
        assertThatThrownBy(() -> calc.jobKwh(100, 1, -2)).hasMessageContaining("-2");
    }
}
