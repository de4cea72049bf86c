package io.greentrain.exporter.sensors;

import java.util.Optional;

/**
 * Watts per vCPU by processor microarchitecture, for the estimate in virtual machines (and on CPUs whose name the TDP
 * table does not know): the Cloud Carbon Footprint coefficients, derived from SPECpower results, as published in
 * cloud-carbon-footprint/ccf-coefficients {@code output/coefficients-aws-use.csv} at b0032d92 (2026-04-24). The
 * architecture is inferred from CPUID as {@code /proc/cpuinfo} shows it ({@link CpuId}): Intel family 6 models,
 * AMD families 23, 25 and 26, ARM Neoverse parts. The estimate uses the maximum as the TDP of one vCPU; CCF's own
 * model runs from its minimum to its maximum with the load, and its minimum is 10 to 35 % of the maximum, close to
 * the estimate's 10 % idle floor.
 */
final class VcpuPowerTable {

    /** CCF's average over AWS architectures, for a VM whose architecture is not recognised. */
    static final Architecture AWS_AVERAGE = new Architecture("unknown architecture (CCF AWS average)", 0.74, 3.5);

    /** A microarchitecture as CCF names it, with its minimum and maximum watts per vCPU. */
    static final class Architecture {
        final String name;
        final double minWatts;
        final double maxWatts;

        Architecture(String name, double minWatts, double maxWatts) {
            this.name = name;
            this.minWatts = minWatts;
            this.maxWatts = maxWatts;
        }
    }

    private VcpuPowerTable() {
    }

    /** The architecture CPUID names, or empty when it is not one CCF has coefficients for. */
    static Optional<Architecture> of(CpuId id) {
        if ("GenuineIntel".equals(id.vendor) && id.family == 6) {
            return Optional.ofNullable(intel(id));
        }
        if ("AuthenticAMD".equals(id.vendor)) {
            return Optional.ofNullable(amd(id));
        }
        if (id.armImplementer == 0x41) { // Arm Ltd. cores: the Neoverse parts of AWS Graviton
            switch (id.armPart) {
                case 0xd0c:
                    return Optional.of(new Architecture("Graviton2 (Neoverse N1)", 0.474, 1.693));
                case 0xd40:
                    return Optional.of(new Architecture("Graviton3 (Neoverse V1)", 0.474, 1.693));
                case 0xd4f:
                    return Optional.of(new Architecture("Graviton4 (Neoverse V2)", 0.474, 1.693));
                default:
                    return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Architecture intel(CpuId id) {
        switch (id.model) {
            case 45:
                return new Architecture("Sandy Bridge", 2.212, 8.631);
            case 62:
                return new Architecture("Ivy Bridge", 1.707, 5.557);
            case 63:
                return new Architecture("Haswell", 1.857, 5.595);
            case 79:
            case 86:
                return new Architecture("Broadwell", 0.713, 3.685);
            case 85:
                // Skylake-SP and Cascade Lake share model 85: Cascade Lake added the AVX-512 VNNI instructions
                return id.flags.contains("avx512_vnni") ? new Architecture("Cascade Lake", 0.690, 4.063)
                        : new Architecture("Skylake", 0.613, 4.104);
            case 106:
            case 108:
                return new Architecture("Ice Lake", 0.767, 3.758);
            case 143:
                return new Architecture("Sapphire Rapids", 1.036, 4.160);
            case 207:
                return new Architecture("Emerald Rapids", 0.814, 4.482);
            case 173:
            case 174:
                return new Architecture("Granite Rapids", 0.582, 2.527);
            case 158:
            case 165:
                return new Architecture("Coffee Lake", 1.138, 5.422);
            default:
                return null;
        }
    }

    private static Architecture amd(CpuId id) {
        if (id.family == 23) {
            return id.model < 0x30 ? new Architecture("EPYC 1st Gen (Zen)", 0.847, 2.604)
                    : new Architecture("EPYC 2nd Gen (Zen 2)", 0.474, 1.693);
        }
        if (id.family == 25) {
            return id.model < 0x10 ? new Architecture("EPYC 3rd Gen (Zen 3)", 0.456, 1.957)
                    : new Architecture("EPYC 4th Gen (Zen 4)", 0.739, 2.282);
        }
        if (id.family == 26) {
            return new Architecture("EPYC 5th Gen (Zen 5)", 3.682, 8.961);
        }
        return null;
    }
}
