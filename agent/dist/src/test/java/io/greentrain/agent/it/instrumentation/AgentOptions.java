package io.greentrain.agent.it.instrumentation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The agent options the instrumentation ITs run their training jobs with. */
final class AgentOptions {

    private AgentOptions() {
    }

    /**
     * Options every instrumentation run uses: debug lines per call, no HTTP endpoint (ports would clash), no GPU
     * probing (records stay comparable on CI hosts with an NVIDIA driver).
     */
    static final String BASE = "log.level=debug,prometheus.enabled=false,gpu.enabled=false,records.detail=calls";

    /** Options for a run on the estimate path (an empty powercap root: no RAPL) writing records to {@code records}. */
    static String estimatePath(Path records) throws IOException {
        Path noPowercap = Files.createTempDirectory(records.getParent(), "no-powercap");
        return BASE + ",rapl.root=" + noPowercap + ",records.file=" + records;
    }

    /** Options for a run reading the fixture RAPL tree at {@code powercapRoot}, writing records to {@code records}. */
    static String raplFixture(Path powercapRoot, Path records) {
        return BASE + ",rapl.root=" + powercapRoot + ",records.file=" + records;
    }
}
