package io.greentrain.examples.data;

/** A data set could not be fetched or verified; the message says what to install or do. */
public final class DataUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataUnavailableException(String message) {
        super(message);
    }

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
