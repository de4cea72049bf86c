package io.greentrain.exporter.sensors;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The control side of the NVML test double ({@code src/test/native/nvml_test_double.c}): a shared
 * library that stands in for {@code libnvidia-ml.so.1}, absent on these machines, and answers the NVML
 * calls with the values scripted here. The sensor loads the same file through the real
 * {@link NvmlLibrary} binding.
 */
public interface NvmlTestDouble extends Library {

    void gtd_reset(int deviceCount);

    void gtd_set_init_result(int rc);

    int gtd_init_calls();

    int gtd_shutdown_calls();

    void gtd_set_energy_supported(int device, int flag);

    void gtd_set_power_supported(int device, int flag);

    void gtd_set_processes_supported(int device, int flag);

    void gtd_set_utilization_supported(int device, int flag);

    void gtd_add_energy(int device, long millijoules);

    void gtd_set_power(int device, int milliwatts);

    void gtd_set_processes(int device, int count, int[] pids);

    void gtd_set_utilization(int device, int count, int[] pids, int[] sm);

    /** The library built by Maven ({@code process-test-classes}); built here with gcc when run outside Maven. */
    static Path library() {
        return library("libnvml-test-double.so");
    }

    /** The double built with {@code -DGTD_R535}: an R535 driver, 32-byte process-list entries, no detail list. */
    static Path r535Library() {
        return library("libnvml-test-double-r535.so", "-DGTD_R535");
    }

    private static Path library(String file, String... defines) {
        Path built = Paths.get("target", "nvml-test-double", file).toAbsolutePath();
        if (Files.isRegularFile(built)) {
            return built;
        }
        try {
            Files.createDirectories(built.getParent());
            java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("gcc", "-shared", "-fPIC", "-O2"));
            command.addAll(java.util.List.of(defines));
            command.addAll(java.util.List.of("-o", built.toString(), Paths.get("src", "test", "native", "nvml_test_double.c").toString()));
            Process gcc = new ProcessBuilder(command).inheritIO().start();
            if (gcc.waitFor() != 0) {
                throw new IllegalStateException("gcc could not build the NVML test double");
            }
            return built;
        } catch (IOException e) {
            throw new IllegalStateException("gcc is needed to build the NVML test double: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static NvmlTestDouble load() {
        return Native.load(library().toString(), NvmlTestDouble.class);
    }

    static NvmlTestDouble loadR535() {
        return Native.load(r535Library().toString(), NvmlTestDouble.class);
    }
}
