package io.greentrain.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the grafana module's shipped files are, and how they are read (Jackson, JSON and YAML). */
final class GrafanaFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private GrafanaFiles() {
    }

    /** The grafana module directory: set by surefire/failsafe, else the working directory. */
    static Path moduleDir() {
        return Path.of(System.getProperty("greentrain.grafana.dir", ".")).toAbsolutePath().normalize();
    }

    /** The multi-module root (the grafana module's parent). */
    static Path projectDir() {
        return moduleDir().getParent();
    }

    static Path dashboard() {
        return moduleDir().resolve("dashboards/greentrain.json");
    }

    static Path rules() {
        return moduleDir().resolve("alerts/greentrain.rules.yml");
    }

    static List<Path> ruleTests() {
        try (Stream<Path> files = Files.list(moduleDir().resolve("alerts/tests"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".test.yml")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path provisioning() {
        return moduleDir().resolve("provisioning");
    }

    /** The exporter's list of metric names, whose comments give the Prometheus names. */
    static Path metricNamesSource() {
        return projectDir().resolve("exporter/src/main/java/io/greentrain/exporter/metrics/MetricNames.java");
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
