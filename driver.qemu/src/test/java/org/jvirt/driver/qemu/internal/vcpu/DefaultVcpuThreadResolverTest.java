package org.jvirt.driver.qemu.internal.vcpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jvirt.driver.qemu.spi.VcpuReport;
import org.jvirt.driver.qemu.spi.VcpuThreadQuery;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;
import org.junit.jupiter.api.Test;

/** Synthetic replies for libvirt's two sanity checks. */
class DefaultVcpuThreadResolverTest {
    private static final long PID = 4000;
    private final DefaultVcpuThreadResolver resolver = new DefaultVcpuThreadResolver();

    private static VcpuReport online(int vcpu, long tid) {
        return new VcpuReport(vcpu, vcpu, tid, "/machine/unattached/device[" + vcpu + "]", true,
                Map.of("socket-id", 0, "core-id", vcpu, "thread-id", 0));
    }

    private static VcpuReport offline(int vcpu) {
        return new VcpuReport(vcpu, -1, 0, null, false, Map.of("socket-id", 0, "core-id", vcpu, "thread-id", 0));
    }

    private VcpuThreadResolution resolve(VcpuReport... reports) {
        return resolver.resolve(new VcpuThreadQuery("g", PID, List.of(reports)));
    }

    @Test
    void distinctIdsAreUsable() {
        VcpuThreadResolution r = resolve(online(0, 4001), online(1, 4002), online(2, 4003));
        assertTrue(r.usable(), r.reason());
        assertEquals(Map.of(0, 4001L, 1, 4002L, 2, 4003L), r.threadIds());
    }

    @Test
    void vcpuReportingTheEmulatorPidMakesAllUnusable() {
        VcpuThreadResolution r = resolve(online(0, 4001), online(1, PID), online(2, 4003));
        assertFalse(r.usable());
        assertEquals(1, r.offendingVcpu());
        assertEquals(PID, r.offendingThreadId());
        assertTrue(r.threadIds().isEmpty());
        assertTrue(r.reason().contains("vCPU 1") && r.reason().contains("4000"), r.reason());
    }

    @Test
    void firstVcpuReportingTheEmulatorPidIsCaught() {
        VcpuThreadResolution r = resolve(online(0, PID), online(1, PID));
        assertFalse(r.usable());
        assertEquals(0, r.offendingVcpu());
    }

    @Test
    void twoVcpusSharingAnIdMakeAllUnusable() {
        VcpuThreadResolution r = resolve(online(0, 4001), online(1, 4002), online(2, 4002), online(3, 4004));
        assertFalse(r.usable());
        assertEquals(2, r.offendingVcpu());
        assertEquals(4002, r.offendingThreadId());
        assertTrue(r.reason().contains("vCPU 2") && r.reason().contains("vCPU 1") && r.reason().contains("4002"),
                r.reason());
    }

    @Test
    void singleThreadedTcgAllSharing() {
        VcpuThreadResolution r = resolve(online(0, 4100), online(1, 4100), online(2, 4100), online(3, 4100));
        assertFalse(r.usable());
        assertEquals(1, r.offendingVcpu());
    }

    @Test
    void offlineVcpusWithoutIdAreNotDuplicates() {
        VcpuThreadResolution r = resolve(online(0, 4001), offline(1), offline(2), online(3, 4004));
        assertTrue(r.usable(), r.reason());
        assertEquals(Map.of(0, 4001L, 3, 4004L), r.threadIds());
    }

    @Test
    void singleVcpuIsUsable() {
        assertTrue(resolve(online(0, 4001)).usable());
    }
}
