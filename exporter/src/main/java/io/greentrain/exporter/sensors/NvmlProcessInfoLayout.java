package io.greentrain.exporter.sensors;

import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * The size of one entry that {@code nvmlDeviceGetComputeRunningProcesses_v3} writes, which NVIDIA changed without
 * renaming the function. From R470 the {@code _v3} functions take the 24-byte {@code nvmlProcessInfo_v2_t}
 * ({@code pid}, {@code usedGpuMemory}, {@code gpuInstanceId}, {@code computeInstanceId}). The R535 drivers (CUDA 12.2)
 * made them write a 32-byte {@code nvmlProcessInfo_v3_t} with a trailing {@code usedGpuCcProtectedMemory}; reading
 * those with a 24-byte stride takes every pid after the first from the wrong bytes (pynvml PR #48, nvitop PR #79,
 * go-nvml issue #75). Drivers that export {@code nvmlDeviceGetRunningProcessDetailList} (R550 and later) moved the
 * 32-byte layout there and gave {@code _v3} its 24-byte entries back (nvitop PR #226, nvidia-ml-py). Hence the rule:
 * the detail-list symbol present: 24 bytes; a 535.x to 549.x driver without it: 32 bytes; anything else: 24 bytes.
 */
final class NvmlProcessInfoLayout {

    static final int V2_BYTES = 24;
    static final int R535_BYTES = 32;

    final int entryBytes;
    final String driverVersion;
    final String reason;

    private NvmlProcessInfoLayout(int entryBytes, String driverVersion, String reason) {
        this.entryBytes = entryBytes;
        this.driverVersion = driverVersion;
        this.reason = reason;
    }

    /** Asks the loaded driver: its version and whether it exports the detail-list function. Never throws. */
    static NvmlProcessInfoLayout detect(NvmlLibrary nvml) {
        return of(driverVersion(nvml), hasDetailList(nvml));
    }

    static NvmlProcessInfoLayout of(String driverVersion, boolean hasDetailList) {
        if (hasDetailList) {
            return new NvmlProcessInfoLayout(V2_BYTES, driverVersion, "nvmlDeviceGetRunningProcessDetailList present (R550+)");
        }
        int major = major(driverVersion);
        if (major >= 535 && major < 550) {
            return new NvmlProcessInfoLayout(R535_BYTES, driverVersion, "R535-era driver without the detail list");
        }
        return new NvmlProcessInfoLayout(V2_BYTES, driverVersion, major < 0 ? "driver version unknown" : "driver before R535");
    }

    /** For the diagnosis: which layout, and why. */
    String describe() {
        return "process lists read as " + entryBytes + "-byte entries (driver " + (driverVersion.isEmpty() ? "version unknown" : driverVersion)
                + ", " + reason + ")";
    }

    private static String driverVersion(NvmlLibrary nvml) {
        try {
            byte[] buffer = new byte[NvmlLibrary.STRING_BUFFER_SIZE];
            if (nvml.nvmlSystemGetDriverVersion(buffer, buffer.length) != NvmlLibrary.SUCCESS) {
                return "";
            }
            int end = 0;
            while (end < buffer.length && buffer[end] != 0) {
                end++;
            }
            return new String(buffer, 0, end, StandardCharsets.US_ASCII).trim();
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return "";
        }
    }

    /** Present when calling it with null arguments returns any code (NVML validates them) instead of failing to link. */
    private static boolean hasDetailList(NvmlLibrary nvml) {
        try {
            nvml.nvmlDeviceGetRunningProcessDetailList(Pointer.NULL, Pointer.NULL);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static int major(String version) {
        int dot = version.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? version.trim() : version.substring(0, dot).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
