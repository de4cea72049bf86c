package org.nd4j.linalg.dataset.api.iterator;

/** Fixture standing in for ND4J's DataSetIterator (matched by name). */
public interface DataSetIterator {

    int batch();
}
