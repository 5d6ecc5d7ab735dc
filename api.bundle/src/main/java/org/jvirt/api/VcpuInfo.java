package org.jvirt.api;

import java.util.BitSet;

/**
 * libvirt's {@code virVcpuInfo} plus the vCPU's affinity.
 *
 * @param number    the vCPU number
 * @param state     the vCPU state
 * @param cpuTimeNs CPU time used, in nanoseconds
 * @param cpu       the host CPU it runs on, or -1 when not running
 * @param affinity  the host CPUs it may run on; a copy is kept
 */
public record VcpuInfo(int number, VcpuState state, long cpuTimeNs, int cpu, BitSet affinity) {
    public VcpuInfo {
        affinity = (BitSet) affinity.clone();
    }

    @Override
    public BitSet affinity() {
        return (BitSet) affinity.clone();
    }
}
