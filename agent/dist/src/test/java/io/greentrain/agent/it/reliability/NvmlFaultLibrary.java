package io.greentrain.agent.it.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in {@code libnvidia-ml.so} for forked jobs, built with gcc: one GPU with an energy counter that grows by
 * 1 J per read, scripted through the job's environment (the agent loads it, the test cannot call into it):
 * {@code GTD_INIT_RC} is what {@code nvmlInit_v2} returns; after {@code GTD_FAIL_AFTER} energy reads every further
 * read returns {@code NVML_ERROR_GPU_IS_LOST} (15), as when a GPU falls off the bus mid-run.
 */
final class NvmlFaultLibrary {

    static final String SOURCE = String.join("\n",
            "#include <stdlib.h>",
            "#include <string.h>",
            "typedef struct { int unused; } gpu_t;",
            "static gpu_t gpu0;",
            "static unsigned long long energy_mj = 1000000ULL;",
            "static long reads = 0;",
            "static long env_long(const char *name, long fallback) {",
            "    const char *v = getenv(name); return v == NULL || *v == 0 ? fallback : strtol(v, NULL, 10); }",
            "int nvmlInit_v2(void) { return (int) env_long(\"GTD_INIT_RC\", 0); }",
            "int nvmlShutdown(void) { return 0; }",
            "int nvmlDeviceGetCount_v2(unsigned int *count) { *count = 1; return 0; }",
            "int nvmlDeviceGetHandleByIndex_v2(unsigned int index, void **device) {",
            "    if (index != 0) return 2; *device = &gpu0; return 0; }",
            "static int text(const char *value, char *out, unsigned int length) {",
            "    if (strlen(value) + 1 > length) return 7; strcpy(out, value); return 0; }",
            "int nvmlDeviceGetName(void *device, char *name, unsigned int length) { return text(\"GreenTrain Fault GPU\", name, length); }",
            "int nvmlDeviceGetUUID(void *device, char *uuid, unsigned int length) {",
            "    return text(\"GPU-00000000-0000-0000-0000-000000000000\", uuid, length); }",
            "int nvmlDeviceGetTotalEnergyConsumption(void *device, unsigned long long *energy) {",
            "    long failAfter = env_long(\"GTD_FAIL_AFTER\", -1);",
            "    if (failAfter >= 0 && reads >= failAfter) return 15;",
            "    reads++; energy_mj += 1000; *energy = energy_mj; return 0; }",
            "int nvmlDeviceGetPowerUsage(void *device, unsigned int *power) { *power = 60000; return 0; }",
            "int nvmlDeviceGetComputeRunningProcesses_v3(void *device, unsigned int *count, void *infos) { *count = 0; return 0; }",
            "int nvmlDeviceGetProcessUtilization(void *device, void *samples, unsigned int *count, unsigned long long last) {",
            "    return 3; }",
            "");

    private NvmlFaultLibrary() {
    }

    /** Compiles the library into {@code dir}; null when there is no C compiler here. */
    static Path build(Path dir) throws IOException, InterruptedException {
        Path source = dir.resolve("nvml_fault_double.c");
        Path library = dir.resolve("libnvml-fault-double.so");
        Files.writeString(source, SOURCE, StandardCharsets.US_ASCII);
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O2", "-o", library.toString(), source.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException noCompiler) {
            return null;
        }
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
            throw new IllegalStateException("gcc failed:\n" + output);
        }
        return library;
    }
}
