package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

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
     * QEMU driver's callbacks does. The codec's generic post-parse waits until the QEMU driver's
     * default devices are in, as in libvirt.
     */
    public DomainDef parse(String xml, int flags, QemuCaps caps) throws VirtException {
        DomainDef def = codec.parse(xml, flags | DomainXmlCodec.PARSE_SKIP_POST_PARSE, (virtType, osType) -> caps.arch());
        return check(def, caps);
    }

    /**
     * Validates a parsed definition for the emulator and completes it: the checks on the definition
     * as written, then {@link #apply} (whose last step before the addresses is the validation of
     * the completed definition). libvirt's post-parse and {@code virDomainDefValidate} with the
     * QEMU callbacks, as its define and create run them, and again its start
     * ({@code qemuProcessStartValidate}: the capabilities may have changed since the define).
     */
    public DomainDef check(DomainDef parsed, QemuCaps caps) throws VirtException {
        QemuValidator.checkParsed(parsed, caps);
        return apply(parsed, caps);
    }

    /**
     * Completes a definition: one parsed with {@link DomainXmlCodec#PARSE_SKIP_POST_PARSE}, or one
     * parsed elsewhere (the generic post-parse finds nothing left to add then).
     */
    public DomainDef apply(DomainDef def, QemuCaps caps) throws VirtException {
        def = QemuNamespace.normalise(def);
        def = IoThreads.complete(def);
        def = machine(def, caps);
        def = cpu(def, caps);
        // libvirt: the driver's default devices and device defaults (qemuDomainDefPostParse and the
        // device callbacks), then the generic implicit controllers, which get the defaults too
        DomainDraft draft = new DomainDraft(def, caps);
        ImplicitDevices.addDefaults(draft);
        DeviceDefaults.apply(draft);
        draft = new DomainDraft(codec.postParse(draft.toDef()), caps);
        DeviceDefaults.controllers(draft);
        ImplicitDevices.addInputs(draft);
        ImplicitDevices.addAudio(draft);
        QemuValidator.validate(draft.toDef(), caps);
        new PciAddressAssigner(draft).assign();
        OtherAddresses.assign(draft);
        return draft.toDef();
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
