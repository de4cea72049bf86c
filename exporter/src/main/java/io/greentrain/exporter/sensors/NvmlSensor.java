package io.greentrain.exporter.sensors;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import io.greentrain.exporter.status.AgentLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * GPU energy from NVIDIA's NVML, one {@code gpu} channel per device visible to this process
 * ({@link CudaVisibleDevices}), labelled with the NVML index.
 *
 * <p>Per device, energy is the delta of {@code nvmlDeviceGetTotalEnergyConsumption} (millijoules since
 * the driver loaded; Volta and newer) where the device supports it; otherwise
 * {@code nvmlDeviceGetPowerUsage} readings integrated over time with the trapezoid rule, which is only
 * as good as the sampling interval. Which one a device uses is decided once, when the sensor opens.
 *
 * <p>This process's share of each device is decided on sampler ticks by {@link GpuProcessShare} from
 * {@code nvmlDeviceGetComputeRunningProcesses_v3} and, when several processes share a device,
 * {@code nvmlDeviceGetProcessUtilization}; reads at call boundaries only read the energy counters.
 */
public final class NvmlSensor implements EnergySensor {

    private static final int INITIAL_CAPACITY = 64;

    private final NvmlLibrary nvml;
    private final List<Device> devices;
    private final List<EnergyChannel> channels;
    private final long ownPid;
    private final IntPredicate visiblePid;
    private final Memory value = new Memory(8);
    private final Memory count = new Memory(4);
    /** Bytes per entry of a process list: 24 or 32 depending on the driver (see NvmlProcessInfoLayout). */
    private final int processEntryBytes;
    private boolean closed;

    private NvmlSensor(NvmlLibrary nvml, List<Device> devices, long ownPid, IntPredicate visiblePid, int processEntryBytes) {
        this.nvml = nvml;
        this.processEntryBytes = processEntryBytes;
        this.devices = devices;
        this.ownPid = ownPid;
        this.visiblePid = visiblePid;
        List<EnergyChannel> list = new ArrayList<>();
        for (Device device : devices) {
            list.add(EnergyChannel.gpu(EnergySource.NVML, String.valueOf(device.index), device.describe()));
        }
        this.channels = Collections.unmodifiableList(list);
        for (Device device : devices) {
            device.share = decideShare(device);
        }
    }

    /** The result of {@link #open}: the sensor (null when there is nothing to measure) and what was found. */
    public static final class Opening {
        private final NvmlSensor sensor;
        private final SensorDiagnosis diagnosis;

        Opening(NvmlSensor sensor, SensorDiagnosis diagnosis) {
            this.sensor = sensor;
            this.diagnosis = diagnosis;
        }

        /** Null when no GPU is measured. */
        public NvmlSensor sensor() {
            return sensor;
        }

        public SensorDiagnosis diagnosis() {
            return diagnosis;
        }
    }

    /**
     * Loads NVML, initialises it and opens the visible devices. Never throws: a missing library (the usual
     * case on machines without NVIDIA GPUs) gives no sensor and a quiet diagnosis; a library that is
     * present but fails gives a warning.
     *
     * @param library            name or path ({@code greentrain.nvml.library})
     * @param libraryWasConfigured true when the user named the library: then not finding it is a warning
     * @param cudaVisibleDevices the {@code CUDA_VISIBLE_DEVICES} value, null when unset
     * @param ownPid             this process's pid
     */
    public static Opening open(String library, boolean libraryWasConfigured, String cudaVisibleDevices, long ownPid) {
        Objects.requireNonNull(library, "library");
        NvmlLibrary nvml;
        try {
            if (!libraryWasConfigured && !nvidiaDriverPresent()) {
                // loading JNA and failing dlopen costs ~200 ms of startup on every GPU-less host: skip it
                throw new UnsatisfiedLinkError("no NVIDIA kernel driver (/proc/driver/nvidia, /dev/nvidiactl, /dev/dxg)");
            }
            nvml = NvmlLibrary.load(library);
        } catch (Throwable e) {
            String problem = "no NVIDIA library '" + library + "' (" + e.getClass().getSimpleName()
                    + (e.getMessage() != null && e.getMessage().startsWith("no NVIDIA kernel driver") ? ": " + e.getMessage() : "") + ")";
            String fix = "on a host with NVIDIA GPUs install the NVIDIA driver (it ships libnvidia-ml.so.1), or set greentrain.nvml.library "
                    + "to the library's absolute path; in a container use the NVIDIA container toolkit (--gpus all)";
            return new Opening(null, new SensorDiagnosis(Component.GPU, null, "no GPU metrics", "nvml", problem, "absent", fix,
                    libraryWasConfigured ? SensorDiagnosis.Severity.WARNING : SensorDiagnosis.Severity.QUIET, List.of()));
        }
        return open(nvml, library, cudaVisibleDevices, ownPid, NvmlSensor::visibleInOurProc);
    }

    /** Opens through an already bound library (tests bind the NVML test double). */
    static Opening open(NvmlLibrary nvml, String library, String cudaVisibleDevices, long ownPid, IntPredicate visiblePid) {
        List<String> notes = new ArrayList<>();
        int rc;
        try {
            rc = nvml.nvmlInit_v2();
        } catch (Throwable e) {
            return failed(library + ": nvmlInit_v2 not callable (" + e.getClass().getSimpleName() + ")", "init_failed", notes);
        }
        if (rc != NvmlLibrary.SUCCESS) {
            return failed(library + ": nvmlInit_v2 returned " + rc, "init_failed", notes);
        }
        try {
            IntByReference countRef = new IntByReference();
            rc = nvml.nvmlDeviceGetCount_v2(countRef);
            if (rc != NvmlLibrary.SUCCESS) {
                nvml.nvmlShutdown();
                return failed(library + ": nvmlDeviceGetCount_v2 returned " + rc, "init_failed", notes);
            }
            List<Pointer> handles = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> uuids = new ArrayList<>();
            for (int i = 0; i < countRef.getValue(); i++) {
                PointerByReference handle = new PointerByReference();
                if (nvml.nvmlDeviceGetHandleByIndex_v2(i, handle) != NvmlLibrary.SUCCESS) {
                    handles.add(null);
                    names.add("");
                    uuids.add("");
                    notes.add("GPU " + i + ": no handle, not measured");
                    continue;
                }
                handles.add(handle.getValue());
                names.add(text(nvml, handle.getValue(), true));
                uuids.add(text(nvml, handle.getValue(), false));
            }
            CudaVisibleDevices visible = CudaVisibleDevices.select(cudaVisibleDevices, uuids);
            notes.addAll(visible.notes());
            List<Device> devices = new ArrayList<>();
            Memory probe = new Memory(8);
            for (int index : visible.indices()) {
                Pointer handle = handles.get(index);
                if (handle == null) {
                    continue;
                }
                Device device = new Device(index, names.get(index), uuids.get(index), handle);
                if (nvml.nvmlDeviceGetTotalEnergyConsumption(handle, probe) == NvmlLibrary.SUCCESS) {
                    device.counter = true;
                    device.lastMillijoules = probe.getLong(0);
                } else if (nvml.nvmlDeviceGetPowerUsage(handle, probe) == NvmlLibrary.SUCCESS) {
                    device.lastMilliwatts = probe.getInt(0) & 0xffffffffL;
                    notes.add("GPU " + index + ": no energy counter (pre-Volta?), power readings integrated over each sample interval");
                } else {
                    notes.add("GPU " + index + " (" + device.name + "): neither energy nor power readable, not measured");
                    continue;
                }
                devices.add(device);
            }
            if (devices.isEmpty()) {
                nvml.nvmlShutdown();
                String why = countRef.getValue() == 0 ? "NVML sees no GPU"
                        : "no measurable GPU visible to this process (CUDA_VISIBLE_DEVICES=" + (cudaVisibleDevices == null ? "unset" : "'" + cudaVisibleDevices + "'") + ")";
                return new Opening(null, new SensorDiagnosis(Component.GPU, null, "no GPU metrics", "nvml", why, "no_device",
                        "", SensorDiagnosis.Severity.INFO, notes));
            }
            NvmlProcessInfoLayout layout = NvmlProcessInfoLayout.detect(nvml);
            notes.add(layout.describe());
            NvmlSensor sensor = new NvmlSensor(nvml, devices, ownPid, visiblePid, layout.entryBytes);
            StringBuilder detail = new StringBuilder();
            for (EnergyChannel channel : sensor.channels) {
                detail.append(detail.length() == 0 ? "" : "; ").append(channel.detail());
            }
            return new Opening(sensor, SensorDiagnosis.measured(Component.GPU, EnergySource.NVML, detail.toString(), notes));
        } catch (Throwable e) {
            try {
                nvml.nvmlShutdown();
            } catch (Throwable ignored) {
                // already failing; the warning below says why
            }
            return failed(library + ": " + e.getClass().getSimpleName() + " while listing GPUs", "init_failed", notes);
        }
    }

    private static Opening failed(String problem, String reason, List<String> notes) {
        return new Opening(null, new SensorDiagnosis(Component.GPU, null, "no GPU metrics", "nvml", problem, reason,
                "check the driver with nvidia-smi; in a container, start it with the NVIDIA container toolkit (--gpus all)",
                SensorDiagnosis.Severity.WARNING, notes));
    }

    private static String text(NvmlLibrary nvml, Pointer handle, boolean name) {
        byte[] buffer = new byte[NvmlLibrary.STRING_BUFFER_SIZE];
        int rc = name ? nvml.nvmlDeviceGetName(handle, buffer, buffer.length) : nvml.nvmlDeviceGetUUID(handle, buffer, buffer.length);
        if (rc != NvmlLibrary.SUCCESS) {
            return "";
        }
        int length = 0;
        while (length < buffer.length && buffer[length] != 0) {
            length++;
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * Whether an NVIDIA driver is loaded on this Linux host (or a WSL2 GPU bridge): NVML cannot work
     * without one. True where there is no {@code /proc} to tell (not Linux): then loading decides.
     */
    static boolean nvidiaDriverPresent() {
        if (!Files.isDirectory(Paths.get("/proc/self"))) {
            return true;
        }
        return Files.exists(Paths.get("/proc/driver/nvidia")) || Files.exists(Paths.get("/dev/nvidiactl"))
                || Files.exists(Paths.get("/dev/dxg"));
    }

    static boolean visibleInOurProc(int pid) {
        // without /proc (not Linux) there is no pid namespace question: a listed pid is another process
        return !Files.isDirectory(Paths.get("/proc/self")) || Files.isDirectory(Paths.get("/proc/" + pid));
    }

    @Override
    public List<EnergyChannel> channels() {
        return channels;
    }

    @Override
    public void read(SampleFrame frame, int firstChannel) {
        for (int i = 0; i < devices.size(); i++) {
            Device device = devices.get(i);
            try {
                if (device.counter) {
                    readCounter(device);
                } else {
                    readPower(device, frame.elapsedSeconds());
                }
                if (frame.isTick()) {
                    device.share = decideShare(device);
                }
            } catch (Throwable e) {
                AgentLog.problem("nvml", "read_failed", "GPU " + device.index + ": " + e.getClass().getSimpleName()
                        + " reading NVML; its energy is not counted until it can be read again");
            }
            frame.setHostJoules(firstChannel + i, device.joules);
            frame.setDeviceShare(firstChannel + i, device.share.share(), device.share.unsplit());
        }
    }

    private void readCounter(Device device) {
        int rc = nvml.nvmlDeviceGetTotalEnergyConsumption(device.handle, value);
        if (rc != NvmlLibrary.SUCCESS) {
            readFailed(device, rc);
            return;
        }
        long millijoules = value.getLong(0);
        if (millijoules >= device.lastMillijoules) {
            device.joules += (millijoules - device.lastMillijoules) / 1000.0;
        }
        // a lower value means the driver was reloaded and the counter restarted: re-base, count nothing invented
        device.lastMillijoules = millijoules;
    }

    private void readPower(Device device, double elapsedSeconds) {
        int rc = nvml.nvmlDeviceGetPowerUsage(device.handle, value);
        if (rc != NvmlLibrary.SUCCESS) {
            readFailed(device, rc);
            return;
        }
        long milliwatts = value.getInt(0) & 0xffffffffL;
        device.joules += (device.lastMilliwatts + milliwatts) / 2.0 / 1000.0 * elapsedSeconds;
        device.lastMilliwatts = milliwatts;
    }

    private static void readFailed(Device device, int rc) {
        AgentLog.problem("nvml", "read_failed", "GPU " + device.index + ": NVML returned " + rc
                + " reading energy; its energy is not counted until it can be read again");
    }

    private GpuProcessShare decideShare(Device device) {
        int[] running = runningPids(device);
        int[] samplePids = null;
        int[] sampleSm = null;
        boolean ours = running != null && contains(running, ownPid);
        if (ours && running.length > 1 && !device.utilizationUnsupported) {
            int samples = utilizationSamples(device);
            if (samples > 0) {
                samplePids = new int[samples];
                sampleSm = new int[samples];
                for (int s = 0; s < samples; s++) {
                    long offset = (long) s * NvmlLibrary.PROCESS_UTILIZATION_SAMPLE_SIZE;
                    samplePids[s] = device.utilization.getInt(offset);
                    sampleSm[s] = device.utilization.getInt(offset + 16);
                }
            } else if (samples == 0 && device.share != null && device.share.basis() == GpuProcessShare.Basis.UTILIZATION) {
                return device.share; // no new samples since the last tick: the last split still describes the device
            }
        }
        return GpuProcessShare.decide(ownPid, running, samplePids, sampleSm, visiblePid);
    }

    /** Pids on the device, or null when NVML cannot list them. */
    private int[] runningPids(Device device) {
        if (device.processListUnsupported) {
            return null;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            count.setInt(0, device.capacity);
            int rc;
            try {
                rc = nvml.nvmlDeviceGetComputeRunningProcesses_v3(device.handle, count, device.processes);
            } catch (UnsatisfiedLinkError e) {
                device.processListUnsupported = true; // driver older than the _v3 API (R470)
                return null;
            }
            if (rc == NvmlLibrary.ERROR_INSUFFICIENT_SIZE) {
                device.grow(count.getInt(0));
                continue;
            }
            if (rc != NvmlLibrary.SUCCESS) {
                if (rc == NvmlLibrary.ERROR_NOT_SUPPORTED) {
                    device.processListUnsupported = true;
                }
                return null;
            }
            int n = Math.min(count.getInt(0), device.capacity);
            int[] pids = new int[n];
            for (int p = 0; p < n; p++) {
                pids[p] = device.processes.getInt((long) p * processEntryBytes);
            }
            return pids;
        }
        return null;
    }

    /** Number of new samples in {@code device.utilization}; 0 when none are new, -1 when unavailable. */
    private int utilizationSamples(Device device) {
        for (int attempt = 0; attempt < 2; attempt++) {
            count.setInt(0, device.capacity);
            int rc;
            try {
                rc = nvml.nvmlDeviceGetProcessUtilization(device.handle, device.utilization, count, device.lastSeenMicros);
            } catch (UnsatisfiedLinkError e) {
                device.utilizationUnsupported = true;
                return -1;
            }
            if (rc == NvmlLibrary.ERROR_INSUFFICIENT_SIZE) {
                device.grow(count.getInt(0));
                continue;
            }
            if (rc == NvmlLibrary.ERROR_NOT_FOUND) {
                return 0;
            }
            if (rc != NvmlLibrary.SUCCESS) {
                if (rc == NvmlLibrary.ERROR_NOT_SUPPORTED) {
                    device.utilizationUnsupported = true; // e.g. MIG mode
                }
                return -1;
            }
            int n = Math.min(count.getInt(0), device.capacity);
            for (int s = 0; s < n; s++) {
                long stamp = device.utilization.getLong((long) s * NvmlLibrary.PROCESS_UTILIZATION_SAMPLE_SIZE + 8);
                device.lastSeenMicros = Math.max(device.lastSeenMicros, stamp);
            }
            return n;
        }
        return -1;
    }

    private static boolean contains(int[] pids, long pid) {
        for (int p : pids) {
            if (p == pid) {
                return true;
            }
        }
        return false;
    }

    /** The latest share decision of the device at this channel position (for doctor and tests). */
    public GpuProcessShare share(int device) {
        return devices.get(device).share;
    }

    /** Calls {@code nvmlShutdown} once. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                nvml.nvmlShutdown();
            } catch (Throwable ignored) {
                // the JVM is going away or the driver is gone; nothing to release then
            }
        }
    }

    private static final class Device {
        final int index;
        final String name;
        final String uuid;
        final Pointer handle;
        boolean counter;
        long lastMillijoules;
        long lastMilliwatts;
        double joules;
        GpuProcessShare share;
        boolean processListUnsupported;
        boolean utilizationUnsupported;
        long lastSeenMicros;
        int capacity = INITIAL_CAPACITY;
        // sized for the larger (32-byte) entries whatever the stride read: a driver that writes them where 24-byte ones
        // were expected then garbles pids, never memory beyond the buffer
        Memory processes = new Memory((long) INITIAL_CAPACITY * NvmlProcessInfoLayout.R535_BYTES);
        Memory utilization = new Memory((long) INITIAL_CAPACITY * NvmlLibrary.PROCESS_UTILIZATION_SAMPLE_SIZE);

        Device(int index, String name, String uuid, Pointer handle) {
            this.index = index;
            this.name = name;
            this.uuid = uuid;
            this.handle = handle;
        }

        void grow(int needed) {
            capacity = Math.max(capacity * 2, needed + 8);
            processes = new Memory((long) capacity * NvmlProcessInfoLayout.R535_BYTES);
            utilization = new Memory((long) capacity * NvmlLibrary.PROCESS_UTILIZATION_SAMPLE_SIZE);
        }

        String describe() {
            return "GPU " + index + " " + (name.isEmpty() ? "?" : name) + (uuid.isEmpty() ? "" : " " + uuid)
                    + (counter ? ", energy counter" : ", power readings integrated");
        }
    }
}
