package io.greentrain.exporter.records.report;

import io.greentrain.exporter.outputs.HumanUnits;
import io.greentrain.exporter.outputs.TextTable;
import io.greentrain.exporter.records.CallRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link RecordsSummary} as the console tables, as Markdown (chart as a PNG file beside it) or as
 * one self-contained HTML page (chart embedded as a data URI). All three show the same sections.
 */
public final class ReportDocument {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final RecordsSummary summary;
    private final List<ReportSection> sections;

    public ReportDocument(RecordsSummary summary, int top) {
        this.summary = summary;
        this.sections = sections(summary, top);
    }

    public List<ReportSection> sections() {
        return sections;
    }

    static List<ReportSection> sections(RecordsSummary s, int top) {
        List<ReportSection> result = new ArrayList<>();
        RecordsSummary.Totals t = s.total();
        List<String[]> totals = new ArrayList<>();
        totals.add(new String[] {"what", "value"});
        totals.add(new String[] {"runs", t.runs() + " (" + t.calls() + " training calls)"});
        totals.add(new String[] {"groups", String.valueOf(s.groups().size())});
        totals.add(new String[] {"training time", HumanUnits.seconds(t.seconds())});
        totals.add(new String[] {"energy", kwh(t.joules()) + " (" + HumanUnits.joules(t.joules()) + ")"});
        totals.add(new String[] {"emissions", HumanUnits.grams(t.grams()) + " CO2e"
                + (s.zones().isEmpty() ? "" : " (zone " + String.join(", ", s.zones()) + "; intensity "
                + String.join(", ", s.intensitySources()) + ")")});
        totals.add(new String[] {"measured energy", percent(s.measuredShare()) + " measured, " + percent(
                s.measuredJoules() + s.estimatedJoules() == 0 ? 0 : 1 - s.measuredShare()) + " estimated"});
        if (s.estimatedJoules() > 0) {
            totals.add(new String[] {"estimated energy", HumanUnits.joules(s.estimatedJoules()) + ", between "
                    + HumanUnits.joules(s.estimatedLowJoules()) + " and " + HumanUnits.joules(s.estimatedHighJoules())
                    + " (the estimate's published error band; the energy total is between "
                    + HumanUnits.joules(s.measuredJoules() + s.estimatedLowJoules()) + " and "
                    + HumanUnits.joules(s.measuredJoules() + s.estimatedHighJoules()) + ")"});
        }
        totals.add(new String[] {"repeated runs", HumanUnits.joules(s.rerunJoules()) + " in " + s.reruns().size() + " fingerprint(s)"});
        result.add(new ReportSection("Totals", totals, s.callsWithoutCarbon() == 0 ? ""
                : s.callsWithoutCarbon() + " run(s) have no carbon figures and count 0 g."));

        List<String[]> models = new ArrayList<>();
        models.add(new String[] {"library", "model", "runs", "calls", "time", "energy", "g CO2e", "share"});
        for (RecordsSummary.Totals m : s.byModel()) {
            models.add(new String[] {m.library(), m.model(), String.valueOf(m.runs()), String.valueOf(m.calls()), HumanUnits.seconds(m.seconds()),
                    HumanUnits.joules(m.joules()), HumanUnits.number(m.grams()),
                    t.grams() > 0 ? percent(m.grams() / t.grams()) : percent(t.joules() == 0 ? 0 : m.joules() / t.joules())});
        }
        result.add(new ReportSection("Per library and model", models, t.grams() > 0 ? "" : "share is of energy (no grams recorded)"));

        ApplicationTotals spark = new ApplicationTotals(s.runs());
        if (spark.any()) {
            result.add(applications(spark));
            result.add(executors(spark));
        }

        List<String[]> emitters = new ArrayList<>();
        emitters.add(new String[] {"start", "run", "library", "model", "calls", "outcome", "time", "energy", "g CO2e", "zone"});
        for (CallRecord r : s.topEmitters(top)) {
            emitters.add(new String[] {TIME.format(Instant.ofEpochMilli(r.startEpochMillis())), runLabel(r), r.library(), r.model(),
                    String.valueOf(r.run().calls()), r.outcome(),
                    HumanUnits.seconds(r.durationSeconds()), HumanUnits.joules(r.totalJoules()),
                    r.carbon() == null ? "-" : HumanUnits.number(r.carbon().grams()), r.carbon() == null ? "-" : r.carbon().zone()});
        }
        result.add(new ReportSection("Top " + top + " emitting runs", emitters, ""));

        List<String[]> groups = new ArrayList<>();
        groups.add(new String[] {"group", "what", "runs", "calls", "time", "energy", "g CO2e"});
        for (RecordsSummary.Group g : s.groups()) {
            RecordsSummary.Totals gt = g.totals();
            groups.add(new String[] {g.groupId(), g.name(), String.valueOf(gt.runs()), String.valueOf(gt.calls()),
                    HumanUnits.seconds(gt.seconds()), HumanUnits.joules(gt.joules()), HumanUnits.number(gt.grams())});
        }
        result.add(new ReportSection("Groups", groups, s.groups().isEmpty()
                ? "No run was made in a cross-validation, a search or a named group." : "Totals of the runs in each group."));

        List<String[]> reruns = new ArrayList<>();
        reruns.add(new String[] {"library", "model", "data / config fingerprint", "runs", "repeated energy", "repeated g CO2e"});
        for (RecordsSummary.Reruns r : s.reruns()) {
            reruns.add(new String[] {r.library(), r.model(), r.fingerprint(), String.valueOf(r.runs()),
                    HumanUnits.joules(r.rerunJoules()), HumanUnits.number(r.rerunGrams())});
        }
        result.add(new ReportSection("Repeated runs", reruns, s.reruns().isEmpty()
                ? "No run was made twice with the same data and configuration fingerprints."
                : "Energy of every run after the first with the same library, model, data and configuration."));
        return result;
    }

    private static ReportSection applications(ApplicationTotals spark) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"application", "name", "executors", "hosts", "runs", "calls", "time", "energy", "g CO2e"});
        for (ApplicationTotals.Row a : ApplicationTotals.sortedByEnergy(spark.applications())) {
            RecordsSummary.Totals at = a.totals();
            rows.add(new String[] {a.appId().isEmpty() ? "-" : a.appId(), a.appName(), String.valueOf(a.executorCount()),
                    String.valueOf(a.hosts().size()), String.valueOf(at.runs()), String.valueOf(at.calls()), HumanUnits.seconds(at.seconds()),
                    HumanUnits.joules(at.joules()), HumanUnits.number(at.grams())});
        }
        return new ReportSection("Per Spark application", rows, "Sums of the runs each application's driver and executors made.");
    }

    private static ReportSection executors(ApplicationTotals spark) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"application", "executor", "host", "runs", "calls", "time", "energy", "g CO2e"});
        for (ApplicationTotals.Row e : spark.executors()) {
            RecordsSummary.Totals et = e.totals();
            rows.add(new String[] {e.appId().isEmpty() ? e.appName() : e.appId(), e.executorId(), String.join(", ", e.hosts()),
                    String.valueOf(et.runs()), String.valueOf(et.calls()), HumanUnits.seconds(et.seconds()),
                    HumanUnits.joules(et.joules()), HumanUnits.number(et.grams())});
        }
        return new ReportSection("Per Spark executor", rows, "");
    }

    /** The run's name, else its id; a schema-1 record has neither. */
    private static String runLabel(CallRecord r) {
        if (!r.run().runName().isEmpty()) {
            return r.run().runName();
        }
        return r.runId().isEmpty() ? "-" : r.runId();
    }

    private static String kwh(double joules) {
        return HumanUnits.number(joules / 3.6e6) + " kWh";
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** The console form. */
    public void printText(PrintWriter out) {
        for (ReportSection section : sections) {
            out.println(section.title());
            if (section.rows().size() > 1) {
                TextTable.print(out, section.rows(), 2);
            }
            if (!section.note().isEmpty()) {
                out.println("  " + section.note());
            }
            out.println();
        }
        out.flush();
    }

    /** Markdown with GitHub tables; {@code chartFile} (relative to the document) is linked when not null. */
    public String markdown(String title, String chartFile) {
        StringBuilder md = new StringBuilder("# ").append(escapeMarkdown(title)).append("\n\n");
        if (chartFile != null) {
            md.append("![").append(EmissionsChart.showsGrams(summary) ? "Emissions" : "Energy")
                    .append(" per library and model](").append(chartFile).append(")\n\n");
        }
        for (ReportSection section : sections) {
            md.append("## ").append(section.title()).append("\n\n");
            if (section.rows().size() > 1) {
                for (int i = 0; i < section.rows().size(); i++) {
                    md.append('|');
                    for (String cell : section.rows().get(i)) {
                        md.append(' ').append(escapeMarkdown(cell)).append(" |");
                    }
                    md.append('\n');
                    if (i == 0) {
                        md.append('|').append(" --- |".repeat(section.rows().get(0).length)).append('\n');
                    }
                }
                md.append('\n');
            }
            if (!section.note().isEmpty()) {
                md.append(escapeMarkdown(section.note())).append("\n\n");
            }
        }
        return md.toString();
    }

    /**
     * One HTML page: {@code head} (styles, scripts) inside {@code <head>}, then the title, {@code beforeSections} (the
     * charts, see {@link ReportPage}), then every section as a table.
     */
    public String html(String title, String head, String beforeSections) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escapeHtml(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}"
                        + "table{border-collapse:collapse;margin-bottom:.5em}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
                        + "th{background:#e8f5e9}p.note{color:#555}</style>\n").append(head).append("</head>\n<body>\n<h1>")
                .append(escapeHtml(title)).append("</h1>\n").append(beforeSections);
        for (ReportSection section : sections) {
            html.append("<h2>").append(escapeHtml(section.title())).append("</h2>\n");
            if (section.rows().size() > 1) {
                html.append("<table>\n");
                for (int i = 0; i < section.rows().size(); i++) {
                    String cell = i == 0 ? "th" : "td";
                    html.append("<tr>");
                    for (String value : section.rows().get(i)) {
                        html.append('<').append(cell).append('>').append(escapeHtml(value)).append("</").append(cell).append('>');
                    }
                    html.append("</tr>\n");
                }
                html.append("</table>\n");
            }
            if (!section.note().isEmpty()) {
                html.append("<p class=\"note\">").append(escapeHtml(section.note())).append("</p>\n");
            }
        }
        return html.append("</body>\n</html>\n").toString();
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<':
                    out.append("&lt;");
                    break;
                case '>':
                    out.append("&gt;");
                    break;
                case '&':
                    out.append("&amp;");
                    break;
                case '"':
                    out.append("&quot;");
                    break;
                default:
                    out.append(c);
            }
        }
        return out.toString();
    }

    static String escapeMarkdown(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
