package org.jvirt.driver.qemu.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.VcpuPin;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.vcpu.VcpuManager;

/**
 * vCPU pinning of the live guest or of its persistent definition, chosen by
 * {@code VIR_DOMAIN_AFFECT_LIVE/CONFIG} as libvirt's qemuDomainGetVcpuPinInfo and
 * qemuDomainPinVcpuFlags choose (virDomainObjGetOneDefState, virDomainObjGetDefs): no flag means
 * the live guest when it runs, else its definition; so {@code virsh vcpuinfo} and {@code vcpupin}
 * of a shut-off guest answer from the definition.
 */
final class VcpuPinning {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();

    private final QemuHost host;
    private final GuestControl guests;

    VcpuPinning(QemuHost host, GuestControl guests) {
        this.host = host;
        this.guests = guests;
    }

    List<BitSet> pinInfo(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG, "qemuDomainGetVcpuPinInfo");
        if ((flags & LIVE) != 0 && (flags & CONFIG) != 0) {
            throw QemuErrors.invalidArg("Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are "
                    + "mutually exclusive");
        }
        synchronized (dom) {
            if ((AffectedDefs.impact(dom, flags) & LIVE) != 0) {
                return guests.vcpuPinInfo(dom);
            }
            return VcpuManager.pinningOf(dom.persistentDef());
        }
    }

    void pin(QemuDomainObj dom, int vcpu, BitSet cpus, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG, "qemuDomainPinVcpuFlags");
        synchronized (dom) {
            int impact = AffectedDefs.impact(dom, flags);
            DomainDef persistent = (impact & CONFIG) != 0 ? dom.persistentDef() : null;
            if (persistent != null && (vcpu < 0 || vcpu >= persistent.vcpu().count())) {
                throw QemuErrors.invalidArg("vcpu " + vcpu + " is out of range of persistent cpu count "
                        + persistent.vcpu().current());
            }
            if (cpus.isEmpty()) {
                throw QemuErrors.invalidArg("Empty cpu list for pinning");
            }
            // the new definition is formatted before the live guest changes, so a definition that
            // cannot be written fails the call before anything happened
            DomainDef updated = persistent == null ? null : withPin(persistent, vcpu, cpus);
            byte[] record = updated == null ? null : host.configRecord(updated);
            if ((impact & LIVE) != 0) {
                guests.pinVcpu(dom, vcpu, cpus);
            }
            if (updated != null) {
                host.saveConfig(dom, record);
                dom.setPersistentDef(updated);
            }
        }
    }

    /**
     * The definition with vCPU {@code vcpu} pinned to {@code cpus}. A pin equal to the domain's
     * {@code <vcpu cpuset>} is left out, as libvirt's formatter leaves it out.
     */
    static DomainDef withPin(DomainDef def, int vcpu, BitSet cpus) throws VirtException {
        CpuTune tune = def.cputune();
        List<VcpuPin> pins = new ArrayList<>();
        if (tune != null) {
            tune.vcpuPins().stream().filter(p -> p.vcpu() != vcpu).forEach(pins::add);
        }
        String cpuset = def.vcpu().cpuset();
        if (cpuset == null || cpuset.isBlank() || !Bitmap.parse(cpuset).bits().equals(cpus)) {
            pins.add(new VcpuPin(vcpu, Bitmap.format(cpus)));
        }
        pins.sort((a, b) -> Integer.compare(a.vcpu(), b.vcpu()));
        if (tune == null && pins.isEmpty()) {
            return def;
        }
        CpuTune updated = tune == null ? CpuTune.builder().vcpuPins(pins).build() : tune.withVcpuPins(pins);
        return def.withCputune(updated);
    }
}
