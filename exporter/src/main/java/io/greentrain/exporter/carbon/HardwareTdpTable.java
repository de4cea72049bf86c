package io.greentrain.exporter.carbon;

import io.greentrain.config.EditDistance;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Thermal design power per device model ({@code hardware-tdp.csv}: GPUs/TPUs and a few CPUs from mlco2/impact,
 * CPUs from codecarbon), for the ex-ante {@code estimate} command.
 *
 * <p>Lookup rules ({@link #find}): names are compared case-insensitively after dropping (R)/(TM) marks, a
 * leading {@code NVIDIA} and punctuation; an exact name wins; otherwise the one model whose name contains
 * every word typed ({@code h100 sxm}); several such models, or none, is an {@link IllegalArgumentException}
 * naming the value and listing candidates.
 */
public final class HardwareTdpTable {

    static final String RESOURCE = "hardware-tdp.csv";
    private static final int MAX_LISTED = 6;

    /** One device model. */
    public static final class Device {
        private final String name;
        private final String type;
        private final double watts;
        private final String dataset;
        private final String normalized;

        Device(String name, String type, double watts, String dataset) {
            this.name = Objects.requireNonNull(name);
            this.type = Objects.requireNonNull(type);
            if (!(watts > 0) || Double.isInfinite(watts)) {
                throw new IllegalArgumentException("TDP of " + name + " must be > 0 W: " + watts);
            }
            this.watts = watts;
            this.dataset = Objects.requireNonNull(dataset);
            this.normalized = normalize(name);
        }

        public String name() {
            return name;
        }

        /** {@code gpu}, {@code tpu} or {@code cpu}. */
        public String type() {
            return type;
        }

        public double watts() {
            return watts;
        }

        public String dataset() {
            return dataset;
        }
    }

    private final List<Device> devices;

    HardwareTdpTable(List<Device> devices) {
        this.devices = Collections.unmodifiableList(new ArrayList<>(devices));
    }

    public static HardwareTdpTable embedded() {
        return Holder.TABLE;
    }

    private static final class Holder {
        static final HardwareTdpTable TABLE = load();
    }

    private static HardwareTdpTable load() {
        try (InputStream in = HardwareTdpTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the GreenTrain jar");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static HardwareTdpTable parse(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true).get();
        List<Device> devices = new ArrayList<>();
        for (CSVRecord row : format.parse(reader)) {
            devices.add(new Device(row.get("name"), row.get("type"), Double.parseDouble(row.get("watts")), row.get("dataset")));
        }
        return new HardwareTdpTable(devices);
    }

    public List<Device> devices() {
        return devices;
    }

    /** @throws IllegalArgumentException naming {@code model} when no single device matches */
    public Device find(String model) {
        String wanted = normalize(model == null ? "" : model);
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("hardware model must not be empty: '" + model + "'");
        }
        List<Device> containing = new ArrayList<>();
        Set<String> words = new HashSet<>(Arrays.asList(wanted.split(" ")));
        for (Device device : devices) {
            if (device.normalized.equals(wanted)) {
                return device;
            }
            if (new HashSet<>(Arrays.asList(device.normalized.split(" "))).containsAll(words)) {
                containing.add(device);
            }
        }
        if (containing.size() == 1) {
            return containing.get(0);
        }
        if (containing.size() > 1) {
            throw new IllegalArgumentException("hardware '" + model + "' matches " + containing.size() + " models: "
                    + names(containing) + "; name one exactly or give watts (e.g. 300W)");
        }
        List<Device> close = new ArrayList<>();
        for (Device device : devices) {
            if (EditDistance.between(wanted, device.normalized) <= Math.max(2, wanted.length() / 4)) {
                close.add(device);
            }
        }
        close.sort(Comparator.comparingInt(d -> EditDistance.between(wanted, d.normalized)));
        throw new IllegalArgumentException("unknown hardware '" + model + "'"
                + (close.isEmpty() ? "" : "; close matches: " + names(close))
                + "; give a GPU/CPU model from the TDP table (e.g. 'A100 SXM4 80 GB', 'T4', 'Intel Xeon Gold 6248') or watts (e.g. 300W)");
    }

    private static String names(List<Device> list) {
        List<String> names = new ArrayList<>();
        for (Device d : list.subList(0, Math.min(MAX_LISTED, list.size()))) {
            names.add(d.name);
        }
        return String.join(", ", names) + (list.size() > MAX_LISTED ? ", ..." : "");
    }

    static String normalize(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("(r)", " ").replace("(tm)", " ").replace("\u00ae", " ")
                .replace("\u2122", " ").replaceAll("[^a-z0-9.]+", " ").trim();
        if (n.startsWith("nvidia ")) {
            n = n.substring("nvidia ".length());
        }
        return n.replaceAll("\\s+", " ");
    }
}
