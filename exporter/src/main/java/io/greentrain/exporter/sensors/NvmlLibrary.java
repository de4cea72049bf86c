package io.greentrain.exporter.sensors;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few NVML functions GreenTrain calls, bound through JNA to {@code libnvidia-ml.so.1} (or the
 * library named by {@code greentrain.nvml.library}). Signatures follow {@code nvml.h}; every function
 * returns an {@code nvmlReturn_t}. Output parameters of the per-sample calls are plain {@link Pointer}s
 * so the sensor can pass preallocated native memory instead of allocating on every sample.
 *
 * <p>Struct layouts read by offset (x86-64 and aarch64 alignment):
 * the entries of {@code nvmlDeviceGetComputeRunningProcesses_v3} have {@code pid} (uint) at 0, {@code usedGpuMemory}
 * (ull) at 8, {@code gpuInstanceId} at 16, {@code computeInstanceId} at 20, and are 24 or 32 bytes long depending on the
 * driver ({@link NvmlProcessInfoLayout}).
 * {@code nvmlProcessUtilizationSample_t} is 32 bytes: {@code pid} at 0, {@code timeStamp} (ull, µs) at 8,
 * {@code smUtil} at 16, {@code memUtil} at 20, {@code encUtil} at 24, {@code decUtil} at 28.
 */
public interface NvmlLibrary extends Library {

    int SUCCESS = 0;
    int ERROR_UNINITIALIZED = 1;
    int ERROR_INVALID_ARGUMENT = 2;
    int ERROR_NOT_SUPPORTED = 3;
    int ERROR_NO_PERMISSION = 4;
    int ERROR_NOT_FOUND = 6;
    int ERROR_INSUFFICIENT_SIZE = 7;
    int ERROR_DRIVER_NOT_LOADED = 9;
    int ERROR_GPU_IS_LOST = 15;

    /** NVML_DEVICE_NAME_V2_BUFFER_SIZE and NVML_DEVICE_UUID_V2_BUFFER_SIZE. */
    int STRING_BUFFER_SIZE = 96;
    int PROCESS_UTILIZATION_SAMPLE_SIZE = 32;

    /** Loads the library by name (searched like dlopen) or absolute path. */
    static NvmlLibrary load(String nameOrPath) {
        return Native.load(nameOrPath, NvmlLibrary.class);
    }

    int nvmlInit_v2();

    int nvmlShutdown();

    int nvmlDeviceGetCount_v2(IntByReference deviceCount);

    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    int nvmlDeviceGetName(Pointer device, byte[] name, int length);

    int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

    /** Millijoules since the driver was loaded (unsigned long long); Volta and newer. */
    int nvmlDeviceGetTotalEnergyConsumption(Pointer device, Pointer energyMillijoules);

    /** Board power in milliwatts (unsigned int). */
    int nvmlDeviceGetPowerUsage(Pointer device, Pointer powerMilliwatts);

    /** {@code infoCount}: in, capacity of {@code infos}; out, number of processes (or the size needed). */
    int nvmlDeviceGetComputeRunningProcesses_v3(Pointer device, Pointer infoCount, Pointer infos);

    /** The driver's version, e.g. {@code 550.54.15} (NUL-terminated). */
    int nvmlSystemGetDriverVersion(byte[] version, int length);

    /** R550+ only; called with null arguments only, to learn whether the driver exports it ({@link NvmlProcessInfoLayout}). */
    int nvmlDeviceGetRunningProcessDetailList(Pointer device, Pointer processDetailList);

    /** Per-process utilisation samples newer than {@code lastSeenTimeStamp} (µs). */
    int nvmlDeviceGetProcessUtilization(Pointer device, Pointer utilization, Pointer processSamplesCount, long lastSeenTimeStamp);
}
