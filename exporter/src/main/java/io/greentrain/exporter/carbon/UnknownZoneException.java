package io.greentrain.exporter.carbon;

import java.util.Collections;
import java.util.List;

/** A zone code that the embedded table does not know; the message names it and lists close matches. */
public final class UnknownZoneException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String zone;
    private final List<String> closeMatches;

    UnknownZoneException(String zone, List<String> closeMatches) {
        super("unknown carbon zone '" + zone + "'"
                + (closeMatches.isEmpty() ? "; use an ISO country code (FR, FRA), a region (US-CA, CA-QC, SE-SE1) "
                        + "or a cloud region (aws:eu-west-3, gcp:europe-west1, azure:westeurope)"
                        : "; close matches: " + String.join(", ", closeMatches)));
        this.zone = zone;
        this.closeMatches = Collections.unmodifiableList(closeMatches);
    }

    public String zone() {
        return zone;
    }

    /** Suggestions, best first, each written {@code CODE (name)}. */
    public List<String> closeMatches() {
        return closeMatches;
    }
}
