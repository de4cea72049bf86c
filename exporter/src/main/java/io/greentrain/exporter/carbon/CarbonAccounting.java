package io.greentrain.exporter.carbon;

import io.greentrain.config.GreenTrainConfig;
import io.greentrain.config.Options;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.CarbonFigures;
import io.greentrain.exporter.status.AgentLog;
import java.util.Objects;

/**
 * The carbon stage: turns a finished call's joules into grams CO2e with the zone, intensity, intensity
 * source and PUE that produced them.
 *
 * <p>Configuration rules ({@link #fromConfig}): a fixed {@code greentrain.carbon.intensity} wins (source
 * {@code config}); else a live provider if configured (falling back to the zone's table value on any failure);
 * else the zone's table value. No zone: the world average, labelled {@code world}, with a one-time hint. An
 * unknown zone: one line listing close matches, then the world average. Nothing here stops the job.
 */
public final class CarbonAccounting implements AutoCloseable {

    private final GridIntensity intensity;
    private final EmissionsCalculator calculator;

    public CarbonAccounting(GridIntensity intensity, double pue) {
        this.intensity = Objects.requireNonNull(intensity, "intensity");
        this.calculator = new EmissionsCalculator(pue);
    }

    /** Builds the stage the configuration asks for; problems are reported, never thrown. */
    public static CarbonAccounting fromConfig(GreenTrainConfig config) {
        return new CarbonAccounting(GridIntensitySetup.fromConfig(config, GridIntensityTable.embedded(), System::currentTimeMillis),
                config.get(Options.CARBON_PUE));
    }

    public GridIntensity intensity() {
        return intensity;
    }

    public double pue() {
        return calculator.pue();
    }

    public EmissionsCalculator calculator() {
        return calculator;
    }

    /** Carbon figures for {@code joules} used between the two instants (epoch millis). */
    public CarbonFigures figures(double joules, long fromMillis, long toMillis) {
        IntensityReading reading = intensity.over(fromMillis, toMillis);
        return new CarbonFigures(intensity.zone(), reading.gramsPerKwh(), reading.source(), calculator.pue(),
                calculator.grams(joules, reading.gramsPerKwh()));
    }

    /** The record with its carbon figures filled in. */
    public CallRecord annotate(CallRecord record) {
        return record.withCarbon(figures(record.totalJoules(), record.startEpochMillis(), record.endEpochMillis()));
    }

    @Override
    public void close() {
        intensity.close();
    }

    /** Log hint printed when no zone is configured. */
    static void hintNoZone(GridZone world) {
        AgentLog.info("no grid zone set: charging the world average " + world.gramsPerKwh() + " g/kWh (" + world.dataset()
                + "); set " + Options.CARBON_ZONE.key() + " to your country (FR), region (US-CA) or cloud region (aws:eu-west-3)");
    }
}
