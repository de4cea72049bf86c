package io.greentrain.exporter.carbon;

/**
 * A live provider gave no usable intensity. {@link #reason()} is a bounded label for the problem counter
 * ({@code timeout}, {@code unreachable}, {@code unauthorized}, {@code http_error}, {@code malformed});
 * the message says what happened and never contains a secret.
 */
public final class IntensityUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public IntensityUnavailableException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
