package io.greentrain.exporter.carbon;

/** A live source of grid carbon intensity. {@link #fetch} blocks for at most the provider's timeout. */
public interface IntensityProvider {

    /** Bounded label used as the intensity source: {@code electricitymaps}, {@code ukgrid}. */
    String name();

    /** Human description for log lines, e.g. {@code Electricity Maps zone FR}. Never contains a secret. */
    String describe();

    /** The latest intensity. @throws IntensityUnavailableException on any failure (network, HTTP, body) */
    IntensityReading fetch() throws IntensityUnavailableException;
}
