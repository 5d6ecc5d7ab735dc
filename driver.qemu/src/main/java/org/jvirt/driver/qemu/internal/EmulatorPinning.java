package org.jvirt.driver.qemu.internal;

import static org.jvirt.driver.qemu.internal.TuneTarget.CONFIG;
import static org.jvirt.driver.qemu.internal.TuneTarget.LIVE;

import java.util.BitSet;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.cgroup.CgroupTunables;
import org.jvirt.driver.qemu.internal.cgroup.Controller;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroup;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.vcpu.Affinity;

import com.sun.jna.LastErrorException;

/**
 * {@code virsh emulatorpin}: libvirt's qemuDomainGetEmulatorPinInfo (from the definition:
 * {@code <emulatorpin>}, else {@code <vcpu cpuset>}, else every host CPU) and qemuDomainPinEmulator
 * (the {@code emulator/} cpuset and the emulator's affinity, then the definitions).
 */
final class EmulatorPinning {
    private final TuneTarget target;

    EmulatorPinning(TuneTarget target) {
        this.target = target;
    }

    BitSet info(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG, "qemuDomainGetEmulatorPinInfo");
        synchronized (dom) {
            DomainDef def = (AffectedDefs.impact(dom, flags) & LIVE) != 0 ? dom.liveDef() : dom.persistentDef();
            if (def.cputune() != null && def.cputune().emulatorPin() != null) {
                return Bitmap.parse(def.cputune().emulatorPin()).bits();
            }
            if (def.vcpu().cpuset() != null && !def.vcpu().cpuset().isBlank()) {
                return Bitmap.parse(def.vcpu().cpuset()).bits();
            }
            BitSet all = new BitSet();
            all.set(0, Affinity.hostCpus());
            return all;
        }
    }

    void pin(QemuDomainObj dom, BitSet cpus, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG, "qemuDomainPinEmulator");
        synchronized (dom) {
            int impact = AffectedDefs.impact(dom, flags);
            if (cpus.isEmpty()) {
                throw QemuErrors.invalidArg("Empty cpu list for pinning");
            }
            String cpuset = Bitmap.format(cpus);
            if ((impact & LIVE) != 0) {
                GuestCgroup g = target.cgroup(dom);
                if (g.has(Controller.CPUSET)) {
                    try {
                        new CgroupTunables(g).setCpus(GuestCgroup.EMULATOR, cpus);
                    } catch (VirtException e) {
                        throw QemuErrors.invalid("failed to set cpuset.cpus in cgroup for emulator threads");
                    }
                }
                try {
                    Affinity.set(dom.pid(), cpus);
                } catch (LastErrorException e) {
                    throw QemuErrors.system("cannot set CPU affinity of process " + dom.pid() + ": errno "
                            + e.getErrorCode());
                }
                target.saveLive(dom, withPin(dom.liveDef(), cpuset));
            }
            if ((impact & CONFIG) != 0) {
                target.savePersistent(dom, d -> withPin(d, cpuset));
            }
        }
    }

    private static DomainDef withPin(DomainDef def, String cpuset) {
        CpuTune t = (def.cputune() == null ? CpuTune.builder() : def.cputune().toBuilder()).emulatorPin(cpuset).build();
        return def.withCputune(t);
    }
}
