package io.greentrain.exporter.cli;

import io.greentrain.exporter.carbon.EmissionsCalculator;
import io.greentrain.exporter.carbon.GridIntensityTable;
import io.greentrain.exporter.carbon.GridZone;
import io.greentrain.exporter.carbon.HardwareTdpTable;
import io.greentrain.exporter.carbon.UnknownZoneException;
import io.greentrain.exporter.carbon.ZoneResolver;
import io.greentrain.exporter.outputs.HumanUnits;
import io.greentrain.exporter.outputs.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code estimate}: the ML Emissions Calculator (Lacoste et al. 2019) on the command line. Energy is
 * {@code TDP x count x hours x PUE} (it assumes the devices draw their full TDP), emissions are that energy
 * times the zone's table intensity; then the same job in the cleanest region of the same cloud provider (or of
 * each big provider when the zone is not a cloud region) and in a few reference zones.
 */
@Command(name = "estimate", sortOptions = false, mixinStandardHelpOptions = true, versionProvider = GreenTrainCli.Version.class,
        description = "Estimate kWh and kg CO2e of a training job before running it (ML Emissions Calculator method).")
final class EstimateCommand implements Callable<Integer> {

    /** Zones printed for comparison: the world average, low- and high-carbon grids. */
    static final List<String> REFERENCE_ZONES = List.of("world", "SE", "FR", "CA-QC", "GB", "DE", "US", "CN", "IN");
    private static final List<String> BIG_CLOUDS = List.of("aws", "gcp", "azure");
    private static final Pattern WATTS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*w?", Pattern.CASE_INSENSITIVE);

    @Spec
    CommandSpec spec;

    @Option(names = {"-H", "--hardware"}, required = true, paramLabel = "MODEL|WATTS",
            description = "GPU/CPU model from the TDP table (e.g. 'A100 SXM4 80 GB', T4, 'Intel Xeon Gold 6248') or watts per device (e.g. 300W).")
    String hardware;

    @Option(names = {"-n", "--count"}, defaultValue = "1", paramLabel = "N", description = "Number of devices (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = {"-t", "--hours"}, required = true, paramLabel = "HOURS", description = "Wall-clock hours the job runs.")
    double hours;

    @Option(names = {"-z", "--zone"}, defaultValue = "", paramLabel = "ZONE",
            description = "Country (FR), region (US-CA, CA-QC, SE-SE1) or cloud region (aws:eu-west-3); default: world average.")
    String zone;

    @Option(names = "--pue", defaultValue = "1.0", paramLabel = "PUE",
            description = "Power usage effectiveness of the data centre, >= 1.0 (default: ${DEFAULT-VALUE}).")
    double pue;

    @Override
    public Integer call() {
        if (count < 1) {
            throw bad("--count must be >= 1: " + count);
        }
        if (!(hours > 0) || Double.isInfinite(hours)) {
            throw bad("--hours must be a number > 0: " + hours);
        }
        if (!(pue >= 1.0) || Double.isInfinite(pue)) {
            throw bad("--pue must be a number >= 1.0: " + pue);
        }
        GridIntensityTable table = GridIntensityTable.embedded();
        GridZone where;
        try {
            where = new ZoneResolver(table).resolve(zone);
        } catch (UnknownZoneException e) {
            throw bad(e.getMessage());
        }
        Device device = device(hardware);
        EmissionsCalculator calculator = new EmissionsCalculator(pue);
        double kwh = calculator.jobKwh(device.watts, count, hours);
        double kg = kwh * where.gramsPerKwh() / 1000;

        PrintWriter out = spec.commandLine().getOut();
        out.println("GreenTrain estimate (ML Emissions Calculator method: TDP x count x hours x PUE, devices at full TDP)");
        out.printf(Locale.ROOT, "  hardware   %d x %s (%s W each%s)%n", count, device.label, HumanUnits.number(device.watts), device.origin);
        out.printf(Locale.ROOT, "  runtime    %s h, PUE %s%n", HumanUnits.number(hours), HumanUnits.number(pue));
        out.printf(Locale.ROOT, "  energy     %s kWh%n", HumanUnits.number(kwh));
        out.printf(Locale.ROOT, "  zone       %s%n", describe(where));
        out.printf(Locale.ROOT, "  emissions  %s kg CO2e%n", HumanUnits.number(kg));
        out.println();
        out.println("Same job elsewhere:");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"zone", "g/kWh", "kg CO2e", "change"});
        List<GridZone> compared = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (where.kind() == GridZone.Kind.CLOUD) {
            table.cleanestRegion(where.cloudProvider()).ifPresent(z -> {
                compared.add(z);
                notes.add("cleanest " + where.cloudProvider() + " region");
            });
        } else {
            for (String provider : BIG_CLOUDS) {
                table.cleanestRegion(provider).ifPresent(z -> {
                    compared.add(z);
                    notes.add("cleanest " + provider + " region");
                });
            }
        }
        for (String code : REFERENCE_ZONES) {
            table.find(code).ifPresent(z -> {
                compared.add(z);
                notes.add(z.name());
            });
        }
        for (int i = 0; i < compared.size(); i++) {
            GridZone z = compared.get(i);
            double otherKg = kwh * z.gramsPerKwh() / 1000;
            rows.add(new String[] {z.code() + " (" + notes.get(i) + ")", HumanUnits.number(z.gramsPerKwh()),
                    HumanUnits.number(otherKg), change(kg, otherKg)});
        }
        TextTable.print(out, rows, 2);
        out.println("Sources: " + sources(where, compared) + ". Intensities are yearly averages; measure the real job "
                + "with the agent for energy, and a live provider for the grid.");
        out.flush();
        return 0;
    }

    private ParameterException bad(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A device: label, watts and where the watts came from. */
    private static final class Device {
        final String label;
        final double watts;
        final String origin;

        Device(String label, double watts, String origin) {
            this.label = label;
            this.watts = watts;
            this.origin = origin;
        }
    }

    private Device device(String text) {
        Matcher m = WATTS.matcher(text.trim());
        if (m.matches()) {
            double watts = Double.parseDouble(m.group(1));
            if (!(watts > 0) || watts > 100_000) {
                throw bad("--hardware watts must be from 0 to 100000: " + text);
            }
            return new Device("device", watts, ", as given");
        }
        try {
            HardwareTdpTable.Device d = HardwareTdpTable.embedded().find(text);
            return new Device(d.name() + " " + d.type(), d.watts(), " TDP, " + d.dataset());
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static String describe(GridZone z) {
        return z.code() + (z.name().isEmpty() || z.kind() == GridZone.Kind.WORLD ? "" : " (" + z.name() + ")") + ", "
                + HumanUnits.number(z.gramsPerKwh()) + " g/kWh (" + z.tableSource() + ")";
    }

    private static String change(double mine, double other) {
        if (mine == 0) {
            return other == 0 ? "0 %" : "n/a";
        }
        long percent = Math.round((other - mine) / mine * 100);
        return (percent > 0 ? "+" : "") + percent + " %";
    }

    private static String sources(GridZone where, List<GridZone> compared) {
        Set<String> datasets = new LinkedHashSet<>();
        datasets.add(where.dataset());
        for (GridZone z : compared) {
            datasets.add(z.dataset());
        }
        return String.join(", ", datasets);
    }
}
