package io.greentrain.exporter.sensors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which NVML devices this process may use, by {@code CUDA_VISIBLE_DEVICES} as CUDA reads it: unset
 * means all; empty means none; otherwise a comma-separated list of indices or {@code GPU-} UUIDs
 * (a unique prefix is enough), and the first invalid entry ends the list (CUDA ignores it and all that
 * follow). Integer entries are NVML indices, which are CUDA's only with
 * {@code CUDA_DEVICE_ORDER=PCI_BUS_ID}; UUIDs are unambiguous. {@code MIG-} entries name MIG slices,
 * which GreenTrain does not map to their parent GPU: they are reported, not measured.
 */
public final class CudaVisibleDevices {

    private final List<Integer> indices;
    private final List<String> notes;

    private CudaVisibleDevices(List<Integer> indices, List<String> notes) {
        this.indices = List.copyOf(indices);
        this.notes = List.copyOf(notes);
    }

    /**
     * @param value the variable's value, null when unset
     * @param uuids UUID of each NVML device, by NVML index
     */
    public static CudaVisibleDevices select(String value, List<String> uuids) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < uuids.size(); i++) {
            all.add(i);
        }
        List<String> notes = new ArrayList<>();
        if (value == null) {
            return new CudaVisibleDevices(all, notes);
        }
        Set<Integer> chosen = new LinkedHashSet<>();
        for (String raw : value.split(",", -1)) {
            String entry = raw.trim();
            Integer index = resolve(entry, uuids);
            if (index == null) {
                if (entry.startsWith("MIG-")) {
                    notes.add("CUDA_VISIBLE_DEVICES entry '" + entry + "' is a MIG slice: not mapped to a GPU, not measured");
                    continue;
                }
                if (!entry.isEmpty() || value.trim().length() > 0) {
                    notes.add("CUDA_VISIBLE_DEVICES entry '" + entry + "' matches no GPU: it and the entries after it are ignored, as CUDA does");
                }
                break;
            }
            chosen.add(index);
        }
        return new CudaVisibleDevices(new ArrayList<>(chosen), notes);
    }

    private static Integer resolve(String entry, List<String> uuids) {
        if (entry.isEmpty()) {
            return null;
        }
        if (entry.chars().allMatch(Character::isDigit)) {
            try {
                int index = Integer.parseInt(entry);
                return index < uuids.size() ? index : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (!entry.startsWith("GPU-")) {
            return null;
        }
        Integer found = null;
        for (int i = 0; i < uuids.size(); i++) {
            if (uuids.get(i).startsWith(entry)) {
                if (found != null) {
                    return null; // ambiguous prefix
                }
                found = i;
            }
        }
        return found;
    }

    /** NVML indices of the visible devices, in the variable's order. */
    public List<Integer> indices() {
        return indices;
    }

    public List<String> notes() {
        return notes;
    }
}
