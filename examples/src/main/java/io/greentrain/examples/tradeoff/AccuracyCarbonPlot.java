package io.greentrain.examples.tradeoff;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Accuracy against CO2e (or joules), one panel per model, one line per selection method through its fractions
 * (medians over seeds), the full-data point as a black diamond. Drawn with XChart into a PNG.
 */
public final class AccuracyCarbonPlot {

    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
    };

    private AccuracyCarbonPlot() {
    }

    /** All models at once: accuracy change against energy share of the full-data run, one marker set per method. */
    static XYChart overview(StudyReport report, List<String> methodOrder) {
        XYChart chart = new XYChartBuilder().width(620).height(440).title("all models: cost vs accuracy change")
                .xAxisTitle("energy, % of the full-data run (selection included, log)")
                .yAxisTitle("accuracy change vs full data (pp)").build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(7);
        int colour = 0;
        for (String method : methodOrder) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (MedianPoint p : report.points()) {
                MedianPoint full = report.fullOf(p.modelId());
                if (!p.method().equals(method) || full == null) {
                    continue;
                }
                double share = 100 * p.energyShare();
                double delta = 100 * (p.accuracy() - full.accuracy());
                if (share > 0 && !Double.isNaN(delta)) {
                    x.add(share);
                    y.add(delta);
                }
            }
            if (!x.isEmpty()) {
                XYSeries s = chart.addSeries(method, x, y);
                s.setMarkerColor(PALETTE[colour % PALETTE.length]);
                s.setMarker(SeriesMarkers.CIRCLE);
            }
            colour++;
        }
        XYSeries goal = chart.addSeries("goal 1: >= -1 pp at <= 25 %", List.of(0.1, 25.0, 25.0),
                List.of(-1.0, -1.0, 0.5));
        goal.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        goal.setMarker(SeriesMarkers.NONE);
        goal.setLineColor(Color.BLACK);
        goal.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        return chart;
    }

    private static void spread(XYChart chart, String name, List<Double> x, List<Double> y, Color colour) {
        if (x.stream().anyMatch(v -> !(v > 0)) || y.stream().anyMatch(v -> Double.isNaN(v))) {
            return;
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(colour);
        s.setLineStyle(new BasicStroke(0.8f));
        s.setShowInLegend(false);
    }

    public static void write(Path png, StudyReport report, List<String> methodOrder, String subtitle) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<XYChart> charts = new ArrayList<>();
        Set<String> models = new LinkedHashSet<>();
        for (MedianPoint p : report.points()) {
            models.add(p.modelId());
        }
        for (String model : models) {
            XYChart chart = new XYChartBuilder().width(620).height(440)
                    .title(model + (subtitle.isEmpty() ? "" : " — " + subtitle))
                    .xAxisTitle("energy, % of the same seed's full-data run (selection included, log)")
                    .yAxisTitle("test accuracy (median, bars: min-max over seeds)")
                    .build();
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setPlotBackgroundColor(Color.WHITE);
            chart.getStyler().setPlotGridLinesColor(new Color(0xdddddd));
            chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            chart.getStyler().setYAxisDecimalPattern("0.000");
            chart.getStyler().setMarkerSize(7);
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            MedianPoint full = report.fullOf(model);
            for (String method : methodOrder) {
                List<Double> x = new ArrayList<>();
                List<Double> y = new ArrayList<>();
                List<MedianPoint> mine = new ArrayList<>();
                for (MedianPoint p : report.points()) {
                    double c = 100 * p.energyShare();
                    if (p.modelId().equals(model) && p.method().equals(method) && c > 0 && !Double.isNaN(p.accuracy())) {
                        x.add(c);
                        y.add(p.accuracy());
                        mine.add(p);
                    }
                }
                if (x.isEmpty()) {
                    continue;
                }
                Color c = PALETTE[methodOrder.indexOf(method) % PALETTE.length];
                XYSeries series = chart.addSeries(method, x, y);
                series.setLineColor(c);
                series.setMarkerColor(c);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setLineStyle(new BasicStroke(1.6f));
                if (method.equals(StudySettings.PROGRESSIVE)) {
                    series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    series.setMarker(SeriesMarkers.SQUARE);
                }
                int k = 0;
                for (MedianPoint p : mine) { // the spread over seeds: energy share and accuracy, min to max
                    spread(chart, method + " energy " + k, List.of(100 * p.energyShareMin(), 100 * p.energyShareMax()),
                            List.of(p.accuracy(), p.accuracy()), c);
                    spread(chart, method + " accuracy " + k, List.of(100 * p.energyShare(), 100 * p.energyShare()),
                            List.of(p.accuracyMin(), p.accuracyMax()), c);
                    k++;
                }
            }
            if (full != null) {
                XYSeries f = chart.addSeries("full data (100 %)", List.of(100.0), List.of(full.accuracy()));
                f.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                f.setMarker(SeriesMarkers.DIAMOND);
                f.setMarkerColor(Color.BLACK);
            }
            if (!chart.getSeriesMap().isEmpty()) {
                charts.add(chart);
            }
        }
        if (charts.isEmpty()) {
            throw new IOException("nothing to plot: no run has both an accuracy and a positive " + report.costName());
        }
        if (charts.size() > 1) {
            charts.add(overview(report, methodOrder));
        }
        if (png.getParent() != null) {
            Files.createDirectories(png.getParent());
        }
        int cols = charts.size() == 1 ? 1 : 2;
        int rows = (charts.size() + cols - 1) / cols;
        while (charts.size() < rows * cols) {
            XYChart blank = new XYChartBuilder().width(620).height(440).title("").build();
            blank.getStyler().setChartBackgroundColor(Color.WHITE);
            blank.getStyler().setPlotBackgroundColor(Color.WHITE);
            blank.getStyler().setPlotBorderVisible(false);
            blank.getStyler().setAxisTicksVisible(false);
            blank.getStyler().setLegendVisible(false);
            blank.getStyler().setPlotGridLinesVisible(false);
            blank.addSeries(" ", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
            charts.add(blank);
        }
        String name = png.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(charts, rows, cols, base, BitmapEncoder.BitmapFormat.PNG);
    }
}
