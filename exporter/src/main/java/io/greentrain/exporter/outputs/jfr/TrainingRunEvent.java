package io.greentrain.exporter.outputs.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A training run ended. */
@Name(TrainingRunEvent.NAME)
@Label("Training Run")
@Description("A model trained (its calls, epochs and mini-batches), with the energy and CO2e GreenTrain attributed to it")
final class TrainingRunEvent extends TrainingEvent {
    static final String NAME = "greentrain.TrainingRun";
}
