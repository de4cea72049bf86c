package io.greentrain.grafana;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus names the exporter documents in MetricNames.java, read from its Javadoc: each
 * {@code {@code greentrain_x{label,label[,optional]}}} is one exposed name with its labels; a comment
 * that says "(timer)" is a Micrometer timer, exposed as {@code _count}, {@code _sum} and {@code _max}.
 */
final class PublishedMetrics {

    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);
    private static final Pattern CODE = Pattern.compile("\\{@code (greentrain_[a-z0-9_]+)(?:\\{([a-z_,\\[\\]]*)})?}");

    private PublishedMetrics() {
    }

    /** Exposed name → its label names (optional ones included), sorted by name. */
    static Map<String, List<String>> read() {
        String source;
        try {
            source = Files.readString(GrafanaFiles.metricNamesSource());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exporter's metric names at " + GrafanaFiles.metricNamesSource(), e);
        }
        Map<String, Set<String>> names = new TreeMap<>();
        Matcher doc = JAVADOC.matcher(source);
        while (doc.find()) {
            String comment = doc.group(1);
            boolean timer = comment.contains("(timer)");
            Matcher code = CODE.matcher(comment);
            while (code.find()) {
                Set<String> labels = new LinkedHashSet<>();
                if (code.group(2) != null) {
                    for (String label : code.group(2).split("[,\\[\\]]")) {
                        if (!label.isBlank()) {
                            labels.add(label.trim());
                        }
                    }
                }
                List<String> exposed = timer
                        ? List.of(code.group(1) + "_count", code.group(1) + "_sum", code.group(1) + "_max")
                        : List.of(code.group(1));
                for (String name : exposed) {
                    names.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(labels);
                }
            }
        }
        Map<String, List<String>> result = new TreeMap<>();
        names.forEach((name, labels) -> result.put(name, new ArrayList<>(labels)));
        return result;
    }
}
