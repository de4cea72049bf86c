package io.prometheus.metrics.config;

import java.util.Map;

/**
 * GreenTrain's replacement for client_java's loader, present only inside the agent's isolated class loader
 * (the agent jar's build drops the library's own copy of this class; the exporter used as a plain library
 * keeps the original).
 *
 * <p>Why: client_java reads {@code io.prometheus.*} system properties and a {@code prometheus.properties}
 * file in a static initializer and throws on keys it does not know. Those settings belong to the
 * application's own client_java (possibly a newer version with keys ours has never heard of); read by our
 * copy they would stop GreenTrain's endpoint, or silently reconfigure it. GreenTrain configures its
 * endpoint from its own options only, so this loader returns client_java's built-in defaults.
 */
public final class PrometheusPropertiesLoader {

    private PrometheusPropertiesLoader() {
    }

    /** client_java's defaults; ignores system properties and properties files. */
    public static PrometheusProperties load() {
        return PrometheusProperties.builder().build();
    }

    /** Micrometer passes its registry settings here; GreenTrain uses the defaults, which need none of them. */
    public static PrometheusProperties load(Map<Object, Object> ignored) {
        return load();
    }
}
