package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainXmlCodec;
import org.jvirt.api.xml.Os;
import org.jvirt.driver.qemu.internal.QemuErrors;
import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.MachineType;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * What libvirt's QEMU driver adds to a parsed definition before it is stored or started: the
 * machine type, the default CPU model, default and implicit devices, per-device defaults, and
 * PCI, drive, USB and virtio-serial addresses. The result formats as libvirt's inactive XML.
 */
public final class QemuPostParse {
    private final DomainXmlCodec codec;

    public QemuPostParse(DomainXmlCodec codec) {
        this.codec = codec;
    }

    /**
     * Parses domain XML and completes it for QEMU, as libvirt's virDomainDefParseString with the
     * QEMU driver's callbacks does.
     */
    public DomainDef parse(String xml, int flags, QemuCaps caps) throws VirtException {
        DomainDef def = codec.parse(xml, flags, (virtType, osType) -> caps.arch());
        String emulator = def.devices().emulator() != null ? def.devices().emulator() : caps.key().binaryPath();
        try {
            QemuValidator.checkWritten(DomXml.read(xml), emulator);
        } catch (NumberFormatException e) {
            throw QemuErrors.xml("invalid numeric value in the domain definition: " + e.getMessage());
        }
        return apply(def, caps, explicitControllers(xml));
    }

    /** Completes a definition that was parsed elsewhere (every controller counts as written). */
    public DomainDef apply(DomainDef def, QemuCaps caps) throws VirtException {
        return apply(def, caps, null);
    }

    private DomainDef apply(DomainDef def, QemuCaps caps, Set<String> explicit) throws VirtException {
        try {
            return applyChecked(def, caps, explicit);
        } catch (NumberFormatException e) {
            throw QemuErrors.xml("invalid numeric value in the domain definition: " + e.getMessage());
        }
    }

    private DomainDef applyChecked(DomainDef def, QemuCaps caps, Set<String> explicit) throws VirtException {
        def = GenericDefaults.apply(def);
        def = QemuNamespace.normalise(def);
        def = IoThreads.complete(def);
        def = machine(def, caps);
        def = cpu(def, caps);
        QemuDomain d = new QemuDomain(def, caps, codec);
        // libvirt adds the driver's default devices before the generic implicit controllers; the
        // codec already added the latter, so take them out and add them back in libvirt's order
        List<XNode> implicit = new ArrayList<>();
        if (explicit != null) {
            for (XNode c : d.devices("controller")) {
                if (IMPLICIT_TYPES.contains(c.attr("type")) && !explicit.contains(c.attr("type") + ":" + c.attr("index"))
                        && !explicit.contains(c.attr("type") + ":")) {
                    implicit.add(c);
                    d.devices.remove(c);
                }
            }
        }
        ImplicitDevices.addDefaults(d);
        DeviceDefaults.apply(d);
        ImplicitDevices.addImplicit(d);
        for (XNode c : implicit) {
            if (d.controller(c.attr("type"), Integer.parseInt(c.attr("index", "0"))) == null) {
                d.insertController(c);
            }
        }
        ImplicitDevices.addInputs(d);
        ImplicitDevices.addAudio(d);
        QemuValidator.validate(d);
        new PciAddressAssigner(d).assign();
        OtherAddresses.assign(d);
        return d.toDef();
    }

    /** qemuDomainDefCPUPostParse: the default check mode and migratable for host CPUs. */
    private static DomainDef cpuCheck(DomainDef def, QemuCaps caps) {
        Cpu cpu = def.cpu();
        String mode = cpu.mode() == null ? "custom" : cpu.mode();
        String migratable = cpu.migratable();
        if ((mode.equals("host-passthrough") || mode.equals("maximum")) && caps.has("cpu.migratable")
                && migratable == null) {
            migratable = "on";
        }
        String check = cpu.check();
        if (check == null) {
            check = switch (mode) {
                case "host-passthrough", "maximum" -> "none";
                case "host-model" -> "partial";
                default -> "qemu".equals(def.type()) ? "none" : "partial";
            };
        }
        String match = cpu.match() == null && cpu.model() != null && mode.equals("custom") ? "exact" : cpu.match();
        String fallback = cpu.model() != null && cpu.modelFallback() == null && mode.equals("custom") ? "allow"
                : cpu.modelFallback();
        return def.withCpu(cpu.toBuilder().mode(mode).match(match).check(check).modelFallback(fallback)
                .migratable(migratable).build());
    }

    private static final Set<String> IMPLICIT_TYPES = Set.of("ide", "fdc", "scsi", "sata", "virtio-serial", "ccid");

    /** {@code type:index} of every controller written in the XML ({@code type:} when unindexed). */
    private static Set<String> explicitControllers(String xml) throws VirtException {
        Set<String> out = new HashSet<>();
        XNode root = DomXml.read(xml);
        XNode devs = root == null ? null : root.child("devices");
        if (devs != null) {
            for (XNode c : devs.all("controller")) {
                String idx = c.attr("index");
                out.add(c.attr("type") + ":" + (idx == null ? "" : String.valueOf(Integer.parseInt(idx.trim()))));
            }
        }
        return out;
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
        return def.withOs(os.toBuilder().arch(os.arch() == null ? caps.arch() : os.arch()).machine(machine).build());
    }

    /** qemuDomainDefSetDefaultCPU: x86 guests without a CPU model get the machine's default. */
    private static DomainDef cpu(DomainDef def, QemuCaps caps) {
        String arch = def.os().arch() == null ? caps.arch() : def.os().arch();
        if (!arch.equals("x86_64") && !arch.equals("i686")) {
            return def;
        }
        Cpu cpu = def.cpu();
        if (cpu != null && (cpu.model() != null || (cpu.mode() != null && !cpu.mode().equals("custom")))) {
            return cpuCheck(def, caps);
        }
        MachineType m = caps.machine(Accel.forDomainType(def.type()), def.os().machine());
        String model = m == null ? null : m.defaultCpuModel(arch);
        if (model == null) {
            return def;
        }
        if (cpu == null) {
            return def.withCpu(Cpu.builder().mode("custom").match("exact").check("none").model(model)
                    .modelFallback("forbid").build());
        }
        return def.withCpu(cpu.toBuilder().mode("custom").match(cpu.match() == null ? "exact" : cpu.match())
                .check(cpu.check() == null ? "none" : cpu.check()).model(model).modelFallback("forbid").build());
    }
}
