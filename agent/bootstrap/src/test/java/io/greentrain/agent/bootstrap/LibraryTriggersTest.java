package io.greentrain.agent.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LibraryTriggersTest {

    @Test
    void eachLibraryIsRecognisedByItsPackage() {
        assertThat(library("org/deeplearning4j/nn/multilayer/MultiLayerNetwork")).isEqualTo("dl4j");
        assertThat(library("smile/classification/SVM")).isEqualTo("smile");
        assertThat(library("org/tribuo/Trainer")).isEqualTo("tribuo");
        assertThat(library("io/greentrain/subset/CoresetIterator")).isEqualTo("subset");
        assertThat(library("io/greentrain/api/GreenTrain")).isEqualTo("custom");
        assertThat(LibraryTriggers.library(LibraryTriggers.indexOfBinaryName("smile.regression.OLS"))).isEqualTo("smile");
    }

    @Test
    void everythingElseIsNoLibrary() {
        for (String name : new String[] {"java/lang/String", "org/nd4j/linalg/factory/Nd4j", "smiley/Face", "org/tribuonot/X",
            "io/greentrain/agent/lifecycle/AgentStarter", "io/greentrain/exporter/GreenTrainExporter", "", null}) {
            assertThat(LibraryTriggers.indexOf(name)).as(name).isEqualTo(-1);
        }
    }

    private static String library(String internalName) {
        return LibraryTriggers.library(LibraryTriggers.indexOf(internalName));
    }
}
