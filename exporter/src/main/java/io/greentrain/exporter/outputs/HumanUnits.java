package io.greentrain.exporter.outputs;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Short human forms of joules, grams and seconds for the stderr lines (three significant figures). */
public final class HumanUnits {

    private HumanUnits() {
    }

    public static String joules(double joules) {
        if (joules >= 1e9) {
            return number(joules / 1e9) + " GJ";
        }
        if (joules >= 1e6) {
            return number(joules / 1e6) + " MJ";
        }
        if (joules >= 1e3) {
            return number(joules / 1e3) + " kJ";
        }
        return number(joules) + " J";
    }

    public static String grams(double grams) {
        if (grams >= 1e6) {
            return number(grams / 1e6) + " t";
        }
        if (grams >= 1e3) {
            return number(grams / 1e3) + " kg";
        }
        return number(grams) + " g";
    }

    public static String seconds(double seconds) {
        if (seconds >= 3600) {
            long s = Math.round(seconds);
            return s / 3600 + " h " + (s % 3600) / 60 + " min";
        }
        if (seconds >= 60) {
            long s = Math.round(seconds);
            return s / 60 + " min " + s % 60 + " s";
        }
        return number(seconds) + " s";
    }

    /** Three significant figures, no exponent, no trailing zeros: 0.00123, 1.23, 12.3, 123, 1234. */
    public static String number(double value) {
        if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
            return value == 0 ? "0" : String.valueOf(value);
        }
        double magnitude = Math.floor(Math.log10(Math.abs(value)));
        int decimals = (int) Math.max(0, 2 - magnitude);
        // BigDecimal, not String.format: the Formatter's first use initialises the JDK's locale data (some 40 ms of a
        // short training JVM, paid before its first line is out); same digits: Double.toString's, rounded half up
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
