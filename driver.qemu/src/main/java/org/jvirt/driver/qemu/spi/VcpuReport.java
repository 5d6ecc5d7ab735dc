package org.jvirt.driver.qemu.spi;

import java.util.Map;
import java.util.Objects;

/**
 * What QEMU reported about one vCPU slot: {@code query-cpus-fast} ({@code cpu-index},
 * {@code thread-id}, {@code qom-path}) matched by {@code qom-path} with the topology
 * {@code props} of {@code query-hotpluggable-cpus}.
 *
 * @param vcpu     libvirt's vCPU id (the slot number, from 0)
 * @param cpuIndex QEMU's {@code cpu-index}, or -1 when QEMU did not report the vCPU
 * @param threadId the host thread id QEMU reported, or 0 when it reported none (offline vCPU)
 * @param qomPath  the QOM path of the vCPU object, or null for an unplugged vCPU
 * @param online   whether the vCPU is plugged in
 * @param props    the topology properties ({@code socket-id}, {@code core-id}, {@code thread-id},
 *                 {@code die-id}, {@code cluster-id}, {@code node-id}); empty when unknown
 */
public record VcpuReport(int vcpu, int cpuIndex, long threadId, String qomPath, boolean online,
                         Map<String, Integer> props) {
    public VcpuReport {
        props = Map.copyOf(Objects.requireNonNull(props, "props"));
    }
}
