package io.greentrain.exporter.records.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.greentrain.exporter.carbon.GridIntensityTable;
import io.greentrain.exporter.carbon.GridZone;
import io.greentrain.exporter.outputs.HumanUnits;
import io.greentrain.exporter.records.CallRecord;
import io.greentrain.exporter.records.ComponentEnergy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as one HTML page that works offline: the tables of {@link ReportDocument} under three charts drawn by
 * Apache ECharts, whose minified build is inlined from its webjar (no network at view time). The charts are drawn as
 * SVG, so their tick labels and legends are text a browser test can read: energy and CO2e over time per model,
 * energy by component and source per model, and the same runs' CO2e in the cleanest zones of the embedded table.
 * Values are scaled to one unit per axis ({@link AxisUnit}), so ticks read "2.5 kJ" or "400 mg", never "0".
 */
public final class ReportPage {

    static final String ECHARTS = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.common.min.js";
    static final String RENDERER = "report-page.js";
    static final int MAX_MODELS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportPage() {
    }

    /** The whole page. @throws UncheckedIOException when the bundled ECharts build is missing from the class path */
    public static String html(ReportDocument document, RecordsSummary summary, String title, GridIntensityTable table) {
        String head = "<style>.chart{width:960px;height:380px;margin:1em 0}.totals span{font-weight:bold}</style>\n"
                + "<script>" + resource(ReportPage.class.getClassLoader(), ECHARTS) + "</script>\n";
        StringBuilder body = new StringBuilder();
        RecordsSummary.Totals total = summary.total();
        body.append("<p class=\"totals\">").append(total.runs()).append(total.runs() == 1 ? " run" : " runs").append(", ")
                .append(total.calls()).append(" calls: <span id=\"total-joules\" data-joules=\"").append(total.joules()).append("\">")
                .append(HumanUnits.joules(total.joules())).append("</span>");
        if (total.grams() > 0) {
            body.append(", <span id=\"total-grams\" data-grams=\"").append(total.grams()).append("\">")
                    .append(HumanUnits.grams(total.grams())).append(" CO2e</span>");
        }
        if (summary.estimatedJoules() > 0) {
            body.append("; of it estimated <span id=\"estimated-joules\" data-low=\"").append(summary.estimatedLowJoules())
                    .append("\" data-high=\"").append(summary.estimatedHighJoules()).append("\">")
                    .append(HumanUnits.joules(summary.estimatedJoules())).append(" (between ").append(HumanUnits.joules(summary.estimatedLowJoules()))
                    .append(" and ").append(HumanUnits.joules(summary.estimatedHighJoules())).append(")</span>");
        }
        body.append("</p>\n");
        body.append("<h2>Energy and CO2e over time</h2>\n<div class=\"chart\" id=\"chart-timeline\"></div>\n");
        body.append("<h2>Energy by component and source</h2>\n<div class=\"chart\" id=\"chart-components\"></div>\n");
        if (total.grams() > 0) {
            body.append("<h2>The same runs in the cleanest zones</h2>\n<div class=\"chart\" id=\"chart-zones\"></div>\n");
        }
        body.append("<script type=\"application/json\" id=\"report-data\">")
                // "<" only occurs inside JSON strings, where \u003c means the same: no model name can end the element early
                .append(data(summary, table).toString().replace("<", "\\u003c")).append("</script>\n")
                .append("<script>").append(resource(ReportPage.class.getClassLoader(), packagePath() + RENDERER)).append("</script>\n");
        return document.html(title, head, body.toString());
    }

    /** What the charts draw, in axis units. */
    static ObjectNode data(RecordsSummary summary, GridIntensityTable table) {
        ObjectNode data = JSON.createObjectNode();
        List<RecordsSummary.Totals> models = summary.byModel().stream().limit(MAX_MODELS).collect(Collectors.toList());
        double maxJoules = models.stream().mapToDouble(RecordsSummary.Totals::joules).max().orElse(0);
        double maxGrams = models.stream().mapToDouble(RecordsSummary.Totals::grams).max().orElse(0);
        AxisUnit energy = AxisUnit.energy(maxJoules);
        AxisUnit mass = AxisUnit.mass(Math.max(maxGrams, summary.total().grams()));
        data.putObject("units").put("energy", energy.name).put("mass", mass.name);
        Map<String, List<CallRecord>> runsByModel = byModel(summary.runs());
        data.set("timeline", timeline(runsByModel, models, energy, mass));
        data.set("components", components(runsByModel, models, energy));
        data.set("zones", zones(summary, table, mass));
        return data;
    }

    /** The runs per model ({@link #modelName}), each model's in order of their end. */
    private static Map<String, List<CallRecord>> byModel(List<CallRecord> runs) {
        Map<String, List<CallRecord>> byModel = new LinkedHashMap<>();
        for (CallRecord run : runs) {
            byModel.computeIfAbsent(modelName(run.library(), run.model()), k -> new ArrayList<>()).add(run);
        }
        byModel.values().forEach(own -> own.sort(Comparator.comparingLong(CallRecord::endEpochMillis)));
        return byModel;
    }

    private static String modelName(String library, String model) {
        return library + " " + model;
    }

    /** Per model, cumulative joules and grams at each run's end (from 0 at the first run's start). */
    private static ArrayNode timeline(Map<String, List<CallRecord>> runsByModel, List<RecordsSummary.Totals> models, AxisUnit energy,
                                      AxisUnit mass) {
        ArrayNode series = JSON.createArrayNode();
        for (RecordsSummary.Totals model : models) {
            List<CallRecord> own = runsByModel.getOrDefault(modelName(model.library(), model.model()), List.of());
            if (own.isEmpty()) {
                continue;
            }
            ObjectNode one = series.addObject().put("name", modelName(model.library(), model.model()));
            ArrayNode points = one.putArray("points");
            points.addArray().add(own.stream().mapToLong(CallRecord::startEpochMillis).min().getAsLong()).add(0.0).add(0.0);
            double joules = 0;
            double grams = 0;
            for (CallRecord run : own) {
                joules += run.totalJoules();
                grams += run.carbon() == null ? 0 : run.carbon().grams();
                points.addArray().add(run.endEpochMillis()).add(joules / energy.size).add(grams / mass.size);
            }
        }
        return series;
    }

    /** Per model (categories), joules of each component and source (series), stacked. */
    private static ObjectNode components(Map<String, List<CallRecord>> runsByModel, List<RecordsSummary.Totals> models,
                                         AxisUnit energy) {
        Map<String, double[]> bySource = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            RecordsSummary.Totals model = models.get(m);
            String name = modelName(model.library(), model.model());
            categories.add(name);
            for (CallRecord run : runsByModel.getOrDefault(name, List.of())) {
                for (ComponentEnergy e : run.energy()) {
                    bySource.computeIfAbsent(e.component() + " (" + e.source() + ")", k -> new double[models.size()])[m] += e.joules();
                }
            }
        }
        ObjectNode components = JSON.createObjectNode();
        ArrayNode names = components.putArray("categories");
        categories.forEach(names::add);
        ArrayNode series = components.putArray("series");
        for (Map.Entry<String, double[]> source : bySource.entrySet()) {
            ArrayNode values = series.addObject().put("name", source.getKey()).putArray("values");
            for (double joules : source.getValue()) {
                values.add(joules / energy.size);
            }
        }
        return components;
    }

    /**
     * These runs' grams where they ran, then what the same energy (with each run's PUE) would have emitted in the three
     * cleanest countries and the cleanest region of each cloud provider of the embedded table.
     */
    private static ArrayNode zones(RecordsSummary summary, GridIntensityTable table, AxisUnit mass) {
        ArrayNode zones = JSON.createArrayNode();
        double kwhWithPue = 0;
        for (CallRecord run : summary.runs()) {
            if (run.carbon() != null) {
                kwhWithPue += run.totalJoules() / 3.6e6 * run.carbon().pue();
            }
        }
        if (kwhWithPue <= 0) {
            return zones;
        }
        zones.addObject().put("label", "these runs (" + String.join(", ", summary.zones()) + ")")
                .put("value", summary.total().grams() / mass.size);
        // 0 g/kWh is a gap in the source data, not a clean grid
        List<GridZone> cleanest = table.zones().stream().filter(z -> z.kind() == GridZone.Kind.COUNTRY && z.gramsPerKwh() > 0)
                .sorted(Comparator.comparingDouble(GridZone::gramsPerKwh)).limit(3).collect(Collectors.toList());
        for (String provider : new String[] {"aws", "gcp", "azure"}) {
            table.cleanestRegion(provider).ifPresent(cleanest::add);
        }
        for (GridZone zone : cleanest) {
            String name = zone.kind() == GridZone.Kind.CLOUD ? zone.code() : zone.code() + " " + zone.name();
            zones.addObject().put("label", String.format(Locale.ROOT, "%s (%.0f g/kWh)", name, zone.gramsPerKwh()))
                    .put("value", kwhWithPue * zone.gramsPerKwh() / mass.size);
        }
        return zones;
    }

    private static String packagePath() {
        return ReportPage.class.getPackage().getName().replace('.', '/') + "/";
    }

    static String resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(path + " is not on the class path (a damaged jar?)"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
