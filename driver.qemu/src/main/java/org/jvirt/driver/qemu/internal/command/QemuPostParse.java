package org.jvirt.driver.qemu.internal.command;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Os;
import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.MachineType;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * What libvirt's QEMU driver adds to a parsed definition before it is stored or started: the
 * machine type, the default CPU model, default and implicit devices, per-device defaults, and
 * PCI, drive, USB and virtio-serial addresses. The result formats as libvirt's inactive XML.
 */
public final class QemuPostParse {

    public DomainDef apply(DomainDef def, QemuCaps caps) throws VirtException {
        def = machine(def, caps);
        def = cpu(def, caps);
        QemuDomain d = new QemuDomain(def, caps);
        ImplicitDevices.addDefaults(d);
        DeviceDefaults.apply(d);
        ImplicitDevices.addImplicit(d);
        ImplicitDevices.addInputs(d);
        ImplicitDevices.addAudio(d);
        new PciAddressAssigner(d).assign();
        OtherAddresses.assign(d);
        return d.toDef();
    }

    private static DomainDef machine(DomainDef def, QemuCaps caps) throws VirtException {
        Os os = def.os();
        Accel accel = Accel.forDomainType(def.type());
        String machine = os.machine();
        if (machine == null) {
            MachineType m = caps.defaultMachine(accel);
            if (m == null) {
                throw QemuErrors.internal("could not find a default machine type for "
                        + caps.key().binaryPath());
            }
            machine = m.name();
        } else {
            machine = caps.canonicalMachine(accel, machine);
        }
        if (machine.equals(os.machine())) {
            return def;
        }
        return def.withOs(new Os(os.type(), os.arch() == null ? caps.arch() : os.arch(), machine, os.firmware(),
                os.loader(), os.kernel(), os.initrd(), os.cmdline(), os.bootDevices(), os.bootMenu(), os.other()));
    }

    /** qemuDomainDefSetDefaultCPU: x86 guests without a CPU model get the machine's default. */
    private static DomainDef cpu(DomainDef def, QemuCaps caps) {
        String arch = def.os().arch() == null ? caps.arch() : def.os().arch();
        if (!arch.equals("x86_64") && !arch.equals("i686")) {
            return def;
        }
        Cpu cpu = def.cpu();
        if (cpu != null && (cpu.model() != null || (cpu.mode() != null && !cpu.mode().equals("custom")))) {
            return def;
        }
        MachineType m = caps.machine(Accel.forDomainType(def.type()), def.os().machine());
        String model = m == null ? null : m.defaultCpuModel(arch);
        if (model == null) {
            return def;
        }
        if (cpu == null) {
            return def.withCpu(new Cpu("custom", "exact", "none", model, "forbid", null, null, null, null));
        }
        return def.withCpu(new Cpu("custom", cpu.match() == null ? "exact" : cpu.match(),
                cpu.check() == null ? "none" : cpu.check(), model, "forbid", cpu.vendor(), cpu.topology(),
                cpu.features(), cpu.other()));
    }
}
