package io.greentrain.exporter.sensors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Container ids from {@code /proc/self/cgroup} and {@code /proc/self/mountinfo} lines as each runtime writes them. */
class ContainerIdTest {

    private static final String ID = "3f6b2f8c1d9e4a7b5c0d2e1f8a9b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b";
    private static final String SHORT = "3f6b2f8c1d9e";

    private static String fromCgroup(String line) {
        return ContainerId.find(List.of(line), List.of());
    }

    @Test
    void everyRuntimesCgroupNamingGivesTheTwelveDigitShortId() {
        assertThat(fromCgroup("0::/system.slice/docker-" + ID + ".scope")).as("docker, systemd driver").isEqualTo(SHORT);
        assertThat(fromCgroup("0::/docker/" + ID)).as("docker, cgroupfs driver").isEqualTo(SHORT);
        assertThat(fromCgroup("0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1b7c2a4e_5d6f_4a8b_9c0d_1e2f3a4b5c6d.slice"
                + "/cri-containerd-" + ID + ".scope")).as("kubernetes + containerd, systemd driver").isEqualTo(SHORT);
        assertThat(fromCgroup("0::/kubepods/burstable/pod1b7c2a4e-5d6f-4a8b-9c0d-1e2f3a4b5c6d/" + ID))
                .as("kubernetes, cgroupfs driver").isEqualTo(SHORT);
        assertThat(fromCgroup("0::/kubepods/pod1b7c2a4e-5d6f-4a8b-9c0d-1e2f3a4b5c6d/" + ID)).as("guaranteed pod").isEqualTo(SHORT);
        assertThat(fromCgroup("0::/kubepods.slice/kubepods-pod1b7c2a4e.slice/crio-" + ID + ".scope")).as("cri-o").isEqualTo(SHORT);
        assertThat(fromCgroup("0::/machine.slice/libpod-" + ID + ".scope/container")).as("podman").isEqualTo(SHORT);
        assertThat(fromCgroup("1:name=systemd:/libpod_parent/libpod-" + ID)).as("podman, cgroup v1").isEqualTo(SHORT);
        assertThat(fromCgroup("11:cpu,cpuacct:/docker/" + ID.toUpperCase())).as("case is not the runtime's choice").isEqualTo(SHORT);
    }

    @Test
    void hostCgroupsMonitorsAndShortHexAreNoContainer() {
        assertThat(fromCgroup("0::/user.slice/user-1000.slice/session-2.scope")).isEmpty();
        assertThat(fromCgroup("0::/")).isEmpty();
        assertThat(fromCgroup("0::/kubepods.slice/kubepods-pod1b7c2a4e.slice/crio-conmon-" + ID + ".scope"))
                .as("CRI-O's monitor process, not the container").isEmpty();
        assertThat(fromCgroup("0::/system.slice/docker-" + ID.substring(0, 63) + ".scope")).as("63 hex digits").isEmpty();
        assertThat(fromCgroup("0::/system.slice/docker.service")).isEmpty();
    }

    @Test
    void withACgroupNamespaceTheIdComesFromTheBindMountsInMountinfo() {
        List<String> rootOnly = List.of("0::/");
        assertThat(ContainerId.find(rootOnly, List.of(
                "701 650 0:60 / / rw,relatime - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/ABC",
                "715 701 254:1 /var/lib/docker/containers/" + ID + "/resolv.conf /etc/resolv.conf rw,relatime - ext4 /dev/vda1 rw")))
                .as("docker").isEqualTo(SHORT);
        assertThat(ContainerId.find(rootOnly, List.of("900 880 0:77 /containers/storage/overlay-containers/" + ID
                + "/userdata/hostname /etc/hostname rw,nosuid,nodev,relatime - tmpfs tmpfs rw"))).as("podman").isEqualTo(SHORT);
        assertThat(ContainerId.find(rootOnly, List.of("840 812 254:1 /var/lib/containerd/io.containerd.grpc.v1.cri/sandboxes/" + ID
                + "/hostname /etc/hostname rw,relatime - ext4 /dev/vda1 rw"))).as("containerd's sandbox is the pod, not the container")
                .isEmpty();
    }
}
