package org.jvirt.driver.qemu.internal.vcpu;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jvirt.driver.qemu.spi.VcpuReport;
import org.jvirt.driver.qemu.spi.VcpuThreadQuery;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;
import org.jvirt.driver.qemu.spi.VcpuThreadResolver;
import org.osgi.service.component.annotations.Component;

/**
 * libvirt's judgement of vCPU thread ids ({@code qemuDomainRefreshVcpuInfo}), all or nothing:
 * an id equal to the emulator PID (old single-threaded TCG) or equal to another vCPU's id
 * (single-threaded TCG) makes the whole set unusable, because pinning such a thread would pin
 * the emulator or every vCPU at once. A vCPU without an id (0: offline, or not reported) is
 * skipped by the duplicate check, as in libvirt.
 */
@Component(property = "service.ranking:Integer=0")
public class DefaultVcpuThreadResolver implements VcpuThreadResolver {

    @Override
    public VcpuThreadResolution resolve(VcpuThreadQuery query) {
        Map<Long, Integer> firstVcpuOfId = new HashMap<>();
        Map<Integer, Long> ids = new LinkedHashMap<>();
        for (VcpuReport report : query.vcpus()) {
            long tid = report.threadId();
            if (tid == query.emulatorPid()) {
                return VcpuThreadResolution.unusable(report.vcpu(), tid, String.format(
                        "vCPU %d reports thread id %d, which is the emulator process %d itself",
                        report.vcpu(), tid, query.emulatorPid()));
            }
            if (tid == 0) {
                continue;
            }
            Integer other = firstVcpuOfId.putIfAbsent(tid, report.vcpu());
            if (other != null) {
                return VcpuThreadResolution.unusable(report.vcpu(), tid, String.format(
                        "vCPU %d reports thread id %d, which vCPU %d reports too", report.vcpu(), tid, other));
            }
            ids.put(report.vcpu(), tid);
        }
        return VcpuThreadResolution.usable(ids, String.format(
                "%d vCPU thread ids are distinct and differ from the emulator process %d",
                ids.size(), query.emulatorPid()));
    }
}
