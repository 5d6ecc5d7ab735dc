package org.jvirt.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.junit.jupiter.api.Test;

/** The expected texts are virsh 9.0's output for libvirt's test:///default. */
class VcpuFormatTest {

    private static BitSet cpus(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to + 1);
        return b;
    }

    @Test
    void runningDomain() {
        String virsh = """
                VCPU:           0
                CPU:            15
                State:          running
                CPU time:       179564.2s
                CPU Affinity:   yyyyyyyy

                VCPU:           1
                CPU:            15
                State:          running
                CPU time:       179564.2s
                CPU Affinity:   yyyyyyyy
                """;
        List<VcpuInfo> vcpus = List.of(
                new VcpuInfo(0, VcpuState.RUNNING, 179564_200_000_000L, 15, cpus(0, 7)),
                new VcpuInfo(1, VcpuState.RUNNING, 179564_200_000_000L, 15, cpus(0, 7)));
        assertEquals(virsh, VcpuFormat.active(vcpus, 8, false));
    }

    @Test
    void prettyAffinity() {
        String virsh = """
                VCPU:           0
                CPU:            15
                State:          running
                CPU time:       179564.2s
                CPU Affinity:   0-7 (out of 8)
                """;
        List<VcpuInfo> vcpus = List.of(new VcpuInfo(0, VcpuState.RUNNING, 179564_200_000_000L, 15, cpus(0, 7)));
        assertEquals(virsh, VcpuFormat.active(vcpus, 8, true));
    }

    @Test
    void shutOffDomainShowsPinningOnlyAndVirshsMissingColon() {
        String virsh = """
                VCPU:           0
                CPU:            N/A
                State:          N/A
                CPU time        N/A
                CPU Affinity:   yyyyyyyy

                VCPU:           1
                CPU:            N/A
                State:          N/A
                CPU time        N/A
                CPU Affinity:   yyyyyyyy
                """;
        assertEquals(virsh, VcpuFormat.inactive(List.of(cpus(0, 7), cpus(0, 7)), 8, false));
    }

    @Test
    void partialAffinityAndZeroCpuTime() {
        BitSet some = new BitSet();
        some.set(0);
        some.set(2, 4);
        String expected = """
                VCPU:           3
                CPU:            2
                State:          blocked
                CPU Affinity:   y-yy----
                """;
        assertEquals(expected, VcpuFormat.active(List.of(new VcpuInfo(3, VcpuState.BLOCKED, 0, 2, some)), 8, false));
        assertEquals("0,2-3", VcpuFormat.ranges(some));
    }

    @Test
    void secondsRoundLikeGlibcPrintf() {
        assertEquals("0.0s", Fields.seconds(1));
        assertEquals("1.5s", Fields.seconds(1_450_000_001L));
        // 0.25 is exact in binary: glibc rounds the tie to even
        assertEquals("0.2s", Fields.seconds(250_000_000L));
        assertEquals("1795641540.7s", Fields.seconds(1795641540_700_000_000L));
    }
}
