package io.greentrain.exporter.records.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The report's chart, drawn with XChart: grams CO2e per library and model (or kWh when no record has carbon
 * figures), at most {@value #MAX_BARS} bars, rendered headless to PNG.
 */
public final class EmissionsChart {

    static final int MAX_BARS = 12;

    private EmissionsChart() {
    }

    /** True when the chart shows grams; false when it falls back to energy. */
    static boolean showsGrams(RecordsSummary summary) {
        return summary.total().grams() > 0;
    }

    /** PNG bytes of the chart. @throws IOException when the image cannot be encoded */
    public static byte[] png(RecordsSummary summary, int width, int height) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // a command-line tool: never open a display
        }
        boolean grams = showsGrams(summary);
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (RecordsSummary.Totals t : summary.byModel()) {
            if (labels.size() == MAX_BARS) {
                break;
            }
            labels.add(t.library() + " " + t.model());
            values.add(grams ? t.grams() : t.joules() / 3.6e6);
        }
        if (labels.isEmpty()) {
            labels.add("no calls");
            values.add(0.0);
        }
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height)
                .title(grams ? "Emissions per library and model" : "Energy per library and model")
                .xAxisTitle("library and model").yAxisTitle(grams ? "g CO2e" : "kWh").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLabelRotation(30);
        chart.getStyler().setLabelsVisible(false);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Bar);
        chart.getStyler().setChartTitleBoxVisible(false);
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0x2E, 0x7D, 0x32)});
        chart.addSeries(grams ? "g CO2e" : "kWh", labels, values);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        return out.toByteArray();
    }
}
