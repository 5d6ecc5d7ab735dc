package org.jvirt.driver.qemu.internal.cgroup;

import java.io.IOException;
import java.util.BitSet;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.BlkioTune;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.MemTune;
import org.jvirt.api.xml.VcpuPin;
import org.jvirt.driver.qemu.internal.cgroup.CgroupTunables.MemoryLimit;
import org.jvirt.driver.qemu.internal.vcpu.Affinity;

import com.sun.jna.LastErrorException;

/**
 * A definition's tuning written into a new guest's group, where libvirt writes it:
 * {@code <cputune>} shares and global period/quota on the guest's group, emulator period/quota
 * and {@code <emulatorpin>} on {@code emulator/}, vCPU period/quota and pinning on each
 * {@code vcpuN/}; {@code <memtune>} and the {@code <blkiotune>} weight on the guest's group
 * and the device access list ({@link DeviceAcl})
 * (virDomainCgroupSetupCgroup, qemuProcessSetupEmulator, qemuProcessSetupVcpu).
 */
final class CgroupSetup {
    private final GuestCgroup group;
    private final CgroupTunables tunables;

    CgroupSetup(GuestCgroup group) {
        this.group = group;
        this.tunables = new CgroupTunables(group);
    }

    /** libvirt's refusals of tuning the host's controllers cannot enforce. */
    static void checkAvailable(GuestCgroup group, DomainDef def) throws VirtException {
        CpuTune cpu = def.cputune();
        if (cpu != null && cpu.shares() != null && !group.has(Controller.CPU)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "CPU tuning is not available on this host");
        }
        if (cpu != null && !group.has(Controller.CPU) && anySet(cpu.period(), cpu.quota(), cpu.globalPeriod(),
                cpu.globalQuota(), cpu.emulatorPeriod(), cpu.emulatorQuota())) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "cgroup cpu is required for scheduler tuning");
        }
        MemTune mem = def.memtune();
        if (mem != null && !group.has(Controller.MEMORY) && anyLimit(mem)) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "Memory cgroup is not available on this host");
        }
        BlkioTune blkio = def.blkiotune();
        if (blkio != null && !group.has(Controller.BLKIO)
                && ((blkio.weight() != null && blkio.weight() != 0) || !blkio.devices().isEmpty())) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "Block I/O tuning is not available on this host");
        }
    }

    private static boolean anySet(Long... values) {
        for (Long v : values) {
            if (v != null && v != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyLimit(MemTune mem) {
        for (Long v : new Long[] {mem.hardLimit(), mem.softLimit(), mem.swapHardLimit()}) {
            if (v != null && Long.compareUnsigned(v, CgroupTunables.MEMORY_UNLIMITED) < 0) {
                return true;
            }
        }
        return false;
    }

    /** The guest-wide and emulator tuning, right after the group was created. */
    void apply(DomainDef def) throws VirtException {
        new DeviceAcl(group).apply(def);
        CpuTune cpu = def.cputune();
        if (cpu != null && group.has(Controller.CPU)) {
            if (cpu.shares() != null) {
                tunables.setShares(cpu.shares());
            }
            tunables.setPeriodQuota(null, orZero(cpu.globalPeriod()), orZero(cpu.globalQuota()));
            tunables.setPeriodQuota(GuestCgroup.EMULATOR, orZero(cpu.emulatorPeriod()), orZero(cpu.emulatorQuota()));
        }
        BitSet emulatorCpus = emulatorCpus(def);
        if (emulatorCpus != null && group.has(Controller.CPUSET)) {
            tunables.setCpus(GuestCgroup.EMULATOR, emulatorCpus);
        }
        MemTune mem = def.memtune();
        if (mem != null && group.has(Controller.MEMORY)) {
            setLimit(MemoryLimit.HARD, mem.hardLimit());
            setLimit(MemoryLimit.SOFT, mem.softLimit());
            setLimit(MemoryLimit.SWAP, mem.swapHardLimit());
        }
        BlkioTune blkio = def.blkiotune();
        if (blkio != null && blkio.weight() != null && blkio.weight() != 0 && group.has(Controller.BLKIO)) {
            tunables.setBlkioWeight(blkio.weight());
        }
    }

    /** Sets the held process's affinity: what QEMU's threads inherit (legacy affinity, as libvirt's). */
    static void pinProcess(long pid, BitSet cpus) throws VirtException {
        try {
            Affinity.set(pid, cpus);
        } catch (LastErrorException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot set CPU affinity of process "
                    + pid + ": errno " + e.getErrorCode());
        }
    }

    private void setLimit(MemoryLimit kind, Long kib) throws VirtException {
        if (kib != null && Long.compareUnsigned(kib, CgroupTunables.MEMORY_UNLIMITED) < 0) {
            tunables.setMemoryLimit(kind, kib);
        }
    }

    /** One vCPU's child: bandwidth, pinning, then the thread. */
    void placeVcpu(DomainDef def, int vcpu, long tid) throws VirtException, IOException {
        String child = GuestCgroup.vcpu(vcpu);
        group.createThreadGroup(child);
        BitSet cpus = vcpuCpus(def, vcpu);
        if (cpus != null && group.has(Controller.CPUSET)) {
            tunables.setCpus(child, cpus);
        }
        CpuTune cpu = def.cputune();
        if (cpu != null && group.has(Controller.CPU)) {
            tunables.setPeriodQuota(child, orZero(cpu.period()), orZero(cpu.quota()));
        }
        group.addThread(child, tid);
    }

    /** {@code <emulatorpin>}, else {@code <vcpu cpuset>}, else none (libvirt's qemuProcessSetupEmulator). */
    static BitSet emulatorCpus(DomainDef def) throws VirtException {
        if (def.cputune() != null && def.cputune().emulatorPin() != null) {
            return Bitmap.parse(def.cputune().emulatorPin()).bits();
        }
        String cpuset = def.vcpu().cpuset();
        return cpuset == null || cpuset.isBlank() ? null : Bitmap.parse(cpuset).bits();
    }

    private static BitSet vcpuCpus(DomainDef def, int vcpu) throws VirtException {
        if (def.cputune() != null) {
            for (VcpuPin pin : def.cputune().vcpuPins()) {
                if (pin.vcpu() == vcpu) {
                    return Bitmap.parse(pin.cpuset()).bits();
                }
            }
        }
        String cpuset = def.vcpu().cpuset();
        return cpuset == null || cpuset.isBlank() ? null : Bitmap.parse(cpuset).bits();
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
