/*
 * NVML test double: a stand-in for the NVIDIA driver's libnvidia-ml.so.1, which is absent on the
 * machines these tests run on (no GPU). It exports the NVML functions GreenTrain's NvmlSensor calls,
 * with the same C signatures, and answers them with values the test scripts through the gtd_* control
 * functions. The Java side loads it through the real JNA binding (NvmlLibrary), so the binding's
 * signatures, struct offsets and error handling are exercised; only the hardware is simulated.
 *
 * Built by exec-maven-plugin (gcc) in the process-test-classes phase into
 * target/nvml-test-double/libnvml-test-double.so.
 */
#include <stdint.h>
#include <string.h>
#include <stdio.h>

#define MAX_DEVICES 16
#define MAX_PROCESSES 256

typedef int nvmlReturn_t;
typedef struct gtd_device *nvmlDevice_t;

enum {
    NVML_SUCCESS = 0, NVML_ERROR_UNINITIALIZED = 1, NVML_ERROR_INVALID_ARGUMENT = 2, NVML_ERROR_NOT_SUPPORTED = 3,
    NVML_ERROR_NOT_FOUND = 6, NVML_ERROR_INSUFFICIENT_SIZE = 7
};

/*
 * The entries nvmlDeviceGetComputeRunningProcesses_v3 writes. Built plain, the double is a current driver (R550+:
 * it exports nvmlDeviceGetRunningProcessDetailList, and _v3 writes the 24-byte v2 layout). Built with -DGTD_R535 it
 * is an R535 driver (CUDA 12.2): no detail list, and _v3 writes 32-byte entries with usedGpuCcProtectedMemory.
 */
typedef struct {
    unsigned int pid;
    unsigned long long usedGpuMemory;
    unsigned int gpuInstanceId;
    unsigned int computeInstanceId;
#ifdef GTD_R535
    unsigned long long usedGpuCcProtectedMemory;
#endif
} nvmlProcessInfo_t;

#ifdef GTD_R535
#define GTD_DRIVER_VERSION "535.54.03"
#define GTD_PROCESS_INFO_SIZE 32
#else
#define GTD_DRIVER_VERSION "560.35.03"
#define GTD_PROCESS_INFO_SIZE 24
#endif

/* nvmlProcessUtilizationSample_t: 32 bytes */
typedef struct {
    unsigned int pid;
    unsigned long long timeStamp;
    unsigned int smUtil;
    unsigned int memUtil;
    unsigned int encUtil;
    unsigned int decUtil;
} nvmlProcessUtilizationSample_t;

/* the Java binding reads these structs by offset: keep the double's layout pinned to nvml.h's */
_Static_assert(sizeof(nvmlProcessInfo_t) == GTD_PROCESS_INFO_SIZE, "nvmlProcessInfo_t must match the driver it plays");
_Static_assert(sizeof(nvmlProcessUtilizationSample_t) == 32, "nvmlProcessUtilizationSample_t must be 32 bytes");

struct gtd_device {
    char name[64];
    char uuid[64];
    int energy_supported;
    unsigned long long energy_mj;
    int power_supported;
    unsigned int power_mw;
    int processes_supported;
    unsigned int process_count;
    unsigned int pids[MAX_PROCESSES];
    int utilization_supported;
    unsigned int sample_count;
    unsigned int sample_pids[MAX_PROCESSES];
    unsigned int sample_sm[MAX_PROCESSES];
    unsigned long long sample_time;
};

static struct gtd_device devices[MAX_DEVICES];
static unsigned int device_count;
static int init_result;
static int initialized;
static int init_calls;
static int shutdown_calls;

/* ---- control functions (test side) ---------------------------------------------------------------- */

void gtd_reset(unsigned int count) {
    memset(devices, 0, sizeof devices);
    device_count = count > MAX_DEVICES ? MAX_DEVICES : count;
    init_result = NVML_SUCCESS;
    initialized = 0;
    init_calls = 0;
    shutdown_calls = 0;
    for (unsigned int i = 0; i < MAX_DEVICES; i++) {
        snprintf(devices[i].name, sizeof devices[i].name, "NVML Test Double GPU %u", i);
        snprintf(devices[i].uuid, sizeof devices[i].uuid, "GPU-00000000-0000-0000-0000-%012u", i);
        devices[i].energy_supported = 1;
        devices[i].power_supported = 1;
        devices[i].processes_supported = 1;
        devices[i].utilization_supported = 1;
    }
}

void gtd_set_init_result(int rc) { init_result = rc; }
int gtd_init_calls(void) { return init_calls; }
int gtd_shutdown_calls(void) { return shutdown_calls; }
void gtd_set_energy_supported(unsigned int i, int flag) { devices[i].energy_supported = flag; }
void gtd_set_power_supported(unsigned int i, int flag) { devices[i].power_supported = flag; }
void gtd_set_processes_supported(unsigned int i, int flag) { devices[i].processes_supported = flag; }
void gtd_set_utilization_supported(unsigned int i, int flag) { devices[i].utilization_supported = flag; }

void gtd_add_energy(unsigned int i, unsigned long long mj) {
    __atomic_add_fetch(&devices[i].energy_mj, mj, __ATOMIC_SEQ_CST);
}

void gtd_set_power(unsigned int i, unsigned int mw) {
    __atomic_store_n(&devices[i].power_mw, mw, __ATOMIC_SEQ_CST);
}

void gtd_set_processes(unsigned int i, unsigned int count, const unsigned int *pids) {
    if (count > MAX_PROCESSES) count = MAX_PROCESSES;
    memcpy(devices[i].pids, pids, count * sizeof(unsigned int));
    devices[i].process_count = count;
}

/* the next utilisation query returns these samples once (stamped later than any before) */
void gtd_set_utilization(unsigned int i, unsigned int count, const unsigned int *pids, const unsigned int *sm) {
    if (count > MAX_PROCESSES) count = MAX_PROCESSES;
    memcpy(devices[i].sample_pids, pids, count * sizeof(unsigned int));
    memcpy(devices[i].sample_sm, sm, count * sizeof(unsigned int));
    devices[i].sample_count = count;
    devices[i].sample_time += 1000000ULL;
}

/* ---- NVML API (sensor side) ------------------------------------------------------------------------- */

static int valid(nvmlDevice_t device) {
    return initialized && device >= devices && device < devices + device_count;
}

nvmlReturn_t nvmlInit_v2(void) {
    init_calls++;
    if (init_result == NVML_SUCCESS) initialized = 1;
    return init_result;
}

nvmlReturn_t nvmlSystemGetDriverVersion(char *version, unsigned int length) {
    if (!version || length < sizeof GTD_DRIVER_VERSION) return NVML_ERROR_INSUFFICIENT_SIZE;
    memcpy(version, GTD_DRIVER_VERSION, sizeof GTD_DRIVER_VERSION);
    return NVML_SUCCESS;
}

#ifndef GTD_R535
/* present from R550: only its presence matters to GreenTrain, which calls it with null arguments */
nvmlReturn_t nvmlDeviceGetRunningProcessDetailList(nvmlDevice_t device, void *plist) {
    if (!valid(device) || !plist) return NVML_ERROR_INVALID_ARGUMENT;
    return NVML_ERROR_NOT_SUPPORTED;
}
#endif

nvmlReturn_t nvmlShutdown(void) {
    shutdown_calls++;
    if (!initialized) return NVML_ERROR_UNINITIALIZED;
    initialized = 0;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetCount_v2(unsigned int *count) {
    if (!initialized) return NVML_ERROR_UNINITIALIZED;
    if (!count) return NVML_ERROR_INVALID_ARGUMENT;
    *count = device_count;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetHandleByIndex_v2(unsigned int index, nvmlDevice_t *device) {
    if (!initialized) return NVML_ERROR_UNINITIALIZED;
    if (index >= device_count || !device) return NVML_ERROR_INVALID_ARGUMENT;
    *device = &devices[index];
    return NVML_SUCCESS;
}

static nvmlReturn_t copy_text(const char *text, char *out, unsigned int length) {
    if (!out) return NVML_ERROR_INVALID_ARGUMENT;
    if (strlen(text) + 1 > length) return NVML_ERROR_INSUFFICIENT_SIZE;
    strcpy(out, text);
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetName(nvmlDevice_t device, char *name, unsigned int length) {
    if (!valid(device)) return NVML_ERROR_INVALID_ARGUMENT;
    return copy_text(device->name, name, length);
}

nvmlReturn_t nvmlDeviceGetUUID(nvmlDevice_t device, char *uuid, unsigned int length) {
    if (!valid(device)) return NVML_ERROR_INVALID_ARGUMENT;
    return copy_text(device->uuid, uuid, length);
}

nvmlReturn_t nvmlDeviceGetTotalEnergyConsumption(nvmlDevice_t device, unsigned long long *energy) {
    if (!valid(device) || !energy) return NVML_ERROR_INVALID_ARGUMENT;
    if (!device->energy_supported) return NVML_ERROR_NOT_SUPPORTED;
    *energy = __atomic_load_n(&device->energy_mj, __ATOMIC_SEQ_CST);
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetPowerUsage(nvmlDevice_t device, unsigned int *power) {
    if (!valid(device) || !power) return NVML_ERROR_INVALID_ARGUMENT;
    if (!device->power_supported) return NVML_ERROR_NOT_SUPPORTED;
    *power = __atomic_load_n(&device->power_mw, __ATOMIC_SEQ_CST);
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetComputeRunningProcesses_v3(nvmlDevice_t device, unsigned int *infoCount, nvmlProcessInfo_t *infos) {
    if (!valid(device) || !infoCount) return NVML_ERROR_INVALID_ARGUMENT;
    if (!device->processes_supported) return NVML_ERROR_NOT_SUPPORTED;
    if (*infoCount < device->process_count || (!infos && device->process_count > 0)) {
        *infoCount = device->process_count;
        return NVML_ERROR_INSUFFICIENT_SIZE;
    }
    for (unsigned int p = 0; p < device->process_count; p++) {
        infos[p].pid = device->pids[p];
        infos[p].usedGpuMemory = 1ULL << 30;
        infos[p].gpuInstanceId = 0xFFFFFFFFu;
        infos[p].computeInstanceId = 0xFFFFFFFFu;
#ifdef GTD_R535
        infos[p].usedGpuCcProtectedMemory = 0;
#endif
    }
    *infoCount = device->process_count;
    return NVML_SUCCESS;
}

nvmlReturn_t nvmlDeviceGetProcessUtilization(nvmlDevice_t device, nvmlProcessUtilizationSample_t *utilization,
                                             unsigned int *processSamplesCount, unsigned long long lastSeenTimeStamp) {
    if (!valid(device) || !processSamplesCount) return NVML_ERROR_INVALID_ARGUMENT;
    if (!device->utilization_supported) return NVML_ERROR_NOT_SUPPORTED;
    if (device->sample_count == 0 || device->sample_time <= lastSeenTimeStamp) return NVML_ERROR_NOT_FOUND;
    if (!utilization || *processSamplesCount < device->sample_count) {
        *processSamplesCount = device->sample_count;
        return NVML_ERROR_INSUFFICIENT_SIZE;
    }
    for (unsigned int s = 0; s < device->sample_count; s++) {
        utilization[s].pid = device->sample_pids[s];
        utilization[s].timeStamp = device->sample_time;
        utilization[s].smUtil = device->sample_sm[s];
        utilization[s].memUtil = 0;
        utilization[s].encUtil = 0;
        utilization[s].decUtil = 0;
    }
    *processSamplesCount = device->sample_count;
    return NVML_SUCCESS;
}
