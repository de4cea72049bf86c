package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/**
 * Detection on the fixture trees under {@code src/test/resources/.../sensors/cgroup/}, each holding what a process sees:
 * {@code proc/self/cgroup}, {@code proc/self/mountinfo} and the {@code sys/fs/cgroup} mount.
 */
class ContainerCgroupTest {

    static Path tree(String name) {
        try {
            return Paths.get(ContainerCgroupTest.class.getResource("cgroup/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ContainerCgroup detect(String name) {
        Path tree = tree(name);
        return ContainerCgroup.detect(tree.resolve("sys/fs/cgroup"), tree.resolve("proc/self/cgroup"), tree.resolve("proc/self/mountinfo"));
    }

    @Test
    void aKubernetesPodInTheHostCgroupNamespaceReadsItsOwnCgroupsCpuStat() {
        ContainerCgroup cgroup = detect("k8s-containerd-hostns");
        assertThat(cgroup.usable()).isTrue();
        assertThat(cgroup.containerId()).isEqualTo("3f6b2f8c1d9e");
        assertThat(cgroup.cpuStat()).as("not the node's root cpu.stat beside it")
                .isEqualTo(tree("k8s-containerd-hostns").resolve("sys/fs/cgroup").resolve(cgroup.path().substring(1)).resolve("cpu.stat"));
        assertThat(cgroup.notes()).isEmpty();
    }

    @Test
    void aDockerContainerWithACgroupNamespaceReadsTheMountsCpuStatAndTakesItsIdFromMountinfo() {
        ContainerCgroup cgroup = detect("docker-cgroupns");
        assertThat(cgroup.usable()).isTrue();
        assertThat(cgroup.path()).isEqualTo("/");
        assertThat(cgroup.cpuStat()).isEqualTo(tree("docker-cgroupns").resolve("sys/fs/cgroup/cpu.stat"));
        assertThat(cgroup.containerId()).isEqualTo("9c2e4b7a1f3d");
    }

    @Test
    void aBareHostsSessionCgroupIsNotAContainer() {
        ContainerCgroup cgroup = detect("bare-host");
        assertThat(cgroup.usable()).isFalse();
        assertThat(cgroup.problemReason()).isEqualTo(ContainerCgroup.NOT_A_CONTAINER);
        assertThat(cgroup.containerId()).isEmpty();
    }

    @Test
    void aContainerOnCgroupV1HasItsIdButNoAttribution() {
        ContainerCgroup cgroup = detect("docker-cgroup-v1");
        assertThat(cgroup.usable()).isFalse();
        assertThat(cgroup.problemReason()).isEqualTo(ContainerCgroup.NOT_V2);
        assertThat(cgroup.problem()).contains("cgroup.controllers");
        assertThat(cgroup.containerId()).as("the label does not need cgroup v2").isEqualTo("9c2e4b7a1f3d");
    }

    @Test
    void aPathNotUnderTheMountFallsBackToTheMountWithANote() {
        Path tree = tree("docker-cgroupns");
        // a host-namespace path shown with the container's own cgroup mounted at /sys/fs/cgroup
        ContainerCgroup cgroup = ContainerCgroup.detect(tree.resolve("sys/fs/cgroup"), tree("k8s-containerd-hostns").resolve("proc/self/cgroup"),
                tree.resolve("proc/self/mountinfo"));
        assertThat(cgroup.usable()).isTrue();
        assertThat(cgroup.cpuStat()).isEqualTo(tree.resolve("sys/fs/cgroup/cpu.stat"));
        assertThat(cgroup.notes()).singleElement().asString().contains("is not under");
    }

    @Test
    void missingFilesAndADisabledMountAreNeverAnException() {
        Path nowhere = Paths.get("/nonexistent-greentrain");
        ContainerCgroup missing = ContainerCgroup.detect(nowhere, nowhere.resolve("cgroup"), nowhere.resolve("mountinfo"));
        assertThat(missing.usable()).isFalse();
        assertThat(missing.problemReason()).isEqualTo(ContainerCgroup.NOT_V2);
        ContainerCgroup disabled = ContainerCgroup.detect(null, tree("docker-cgroupns").resolve("proc/self/cgroup"), nowhere);
        assertThat(disabled.usable()).isFalse();
        assertThat(disabled.problem()).contains("disabled");
    }
}
