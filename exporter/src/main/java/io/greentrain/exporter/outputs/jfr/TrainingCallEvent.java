package io.greentrain.exporter.outputs.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** A library call of a run ended (only with {@code records.detail=calls}); its energy is also in its run's event. */
@Name(TrainingCallEvent.NAME)
@Label("Training Call")
@Description("One library training call of a run (records.detail=calls); its energy is part of its run's")
final class TrainingCallEvent extends TrainingEvent {
    static final String NAME = "greentrain.TrainingCall";
}
