package org.jvirt.driver.qemu.internal.command;

import java.util.BitSet;
import java.util.List;
import java.util.UUID;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Cpu;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Features;
import org.jvirt.api.xml.Input;
import org.jvirt.api.xml.MemoryDevice;
import org.jvirt.api.xml.NumaCell;
import org.jvirt.api.xml.MemoryBacking;
import org.jvirt.api.xml.NumaTune;
import org.jvirt.api.xml.Sysinfo;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.driver.qemu.internal.QemuErrors;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;

/**
 * The QEMU driver's checks of the machine, CPU, memory and guest NUMA (qemu_validate.c's domain
 * part and the QEMU post-parse errors), with libvirt's messages.
 */
final class MachineValidator {
    private static final long MIB_IN_KIB = 1024;

    private MachineValidator() {
    }

    /** The virtualization type ({@link QemuCaps#supportsVirtType}, virQEMUCapsIsVirtTypeSupported). */
    static void virtType(DomainDef def, QemuCaps caps) throws VirtException {
        if (!caps.supportsVirtType(def.type())) {
            String emulator = def.devices().emulator() != null ? def.devices().emulator() : caps.key().binaryPath();
            throw QemuErrors.unsupported("Emulator '" + emulator + "' does not support virt type '" + def.type() + "'");
        }
    }

    /**
     * Guest NUMA as written: memnode modes, hugepage nodes, memory device nodes (the codec checks
     * that cell ids are contiguous).
     */
    static void numaWritten(DomainDef def) throws VirtException {
        List<NumaCell> cells = numaCells(def);
        NumaTune nt = def.numatune();
        if (nt != null && "restrictive".equals(nt.memoryMode())) {
            for (NumaTune.MemNode mn : nt.memnodes()) {
                if (!"restrictive".equals(mn.mode())) {
                    throw QemuErrors.xml("'restrictive' mode is required in memnode element when mode is "
                            + "'restrictive' in memory element");
                }
            }
        }
        hugepages(def.memoryBacking(), cells.size());
        for (MemoryDevice m : def.devices().ofType(MemoryDevice.class)) {
            Integer node = m.target() == null ? null : m.target().node();
            if (node != null && node >= cells.size()) {
                throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, "can't add memory backend for "
                        + "guest node '" + node + "' as the guest has only '" + cells.size()
                        + "' NUMA nodes configured");
            }
        }
    }

    /** One master page size at most; per-node page sizes only for existing guest nodes. */
    private static void hugepages(MemoryBacking mb, int cells) throws VirtException {
        if (mb == null) {
            return;
        }
        Long master = null;
        for (MemoryBacking.Page page : mb.pages()) {
            if (page.nodeset() == null) {
                if (master != null) {
                    throw detail("two master hugepages detected: " + master + " and " + page.sizeKib());
                }
                master = page.sizeKib();
                continue;
            }
            BitSet nodes = CpuSets.parse(page.nodeset());
            if (cells == 0 && nodes.cardinality() == 1 && nodes.get(0)) {
                // without guest NUMA there is one implicit node 0: this page is the master page
                if (master != null) {
                    throw detail("two master hugepages detected: " + page.sizeKib() + " and " + master);
                }
                master = page.sizeKib();
                continue;
            }
            int bad = nodes.nextSetBit(cells);
            if (bad >= 0) {
                throw detail("hugepages: node " + bad + " not found");
            }
        }
    }

    /** The SMBIOS system UUID as written, when given, is the domain's. */
    static void sysinfoUuid(DomainDef def) throws VirtException {
        UUID uuid = def.uuid();
        if (uuid == null) {
            return;
        }
        for (Sysinfo sysinfo : def.sysinfo()) {
            String written = sysinfo.systemEntry("uuid");
            // virUUIDParse: dashes between the hex pairs are optional
            if (written != null && !written.trim().replace("-", "").equalsIgnoreCase(uuid.toString().replace("-", ""))) {
                throw detail("UUID mismatch between <uuid> and <sysinfo>");
            }
        }
    }

    /** CPU cache and physical address bits of the completed definition against the CPU mode. */
    static void cpu(DomainDef def) throws VirtException {
        Cpu cpu = def.cpu();
        if (cpu == null) {
            return;
        }
        String cpuMode = cpu.mode() == null ? "custom" : cpu.mode();
        if (cpu.cache() != null) {
            cache(cpu.cache().mode(), cpu.cache().level(), cpuMode);
        }
        Cpu.MaxPhysAddr phys = cpu.maxPhysAddr();
        if (phys != null && "passthrough".equals(phys.mode()) && phys.bits() != null) {
            throw QemuErrors.unsupported("CPU maximum physical address bits number specification cannot be "
                    + "used with mode='passthrough'");
        }
    }

    private static void cache(String mode, Integer level, String cpuMode) throws VirtException {
        if ("emulate".equals(mode) && !Integer.valueOf(3).equals(level)) {
            throw QemuErrors.unsupported("CPU cache mode 'emulate' can only be used with level='3'");
        }
        if ("passthrough".equals(mode)) {
            if (!cpuMode.equals("host-passthrough") && !cpuMode.equals("maximum")) {
                throw QemuErrors.unsupported("CPU cache mode 'passthrough' can only be used with "
                        + "'host-passthrough' / 'maximum' CPUs");
            }
            if (level != null) {
                throw QemuErrors.unsupported("unsupported CPU cache level for mode 'passthrough'");
            }
        }
        if ("disable".equals(mode) && level != null) {
            throw QemuErrors.unsupported("unsupported CPU cache level for mode 'disable'");
        }
    }

    /** Machine features of the completed definition: ps2 off without PS/2 users, SMM TSEG on q35. */
    static void features(QemuMachine m) throws VirtException {
        Features features = m.def().features();
        if (features == null) {
            return;
        }
        if (features.off("ps2")) {
            if (m.def().devices().ofType(Input.class).stream().anyMatch(i -> "ps2".equals(i.bus()))) {
                throw QemuErrors.unsupported("ps2 bus inputs require the ps2 feature not to be disabled");
            }
            if (features.on("vmport")) {
                throw QemuErrors.unsupported("vmport feature requires the ps2 feature not to be disabled");
            }
        }
        Long tseg = features.smm() == null ? null : features.smm().tsegKib();
        if (tseg != null) {
            if (!m.isQ35()) {
                throw QemuErrors.unsupported("SMM TSEG is only supported with q35 machine type");
            }
            if (tseg % MIB_IN_KIB != 0) {
                throw QemuErrors.unsupported("SMM TSEG size must be divisible by 1 MiB");
            }
        }
    }

    /** Memory hotplug (maxMemory slots) needs a guest NUMA node. */
    static void memoryHotplug(DomainDef def) throws VirtException {
        if (def.maxMemory() != null && def.maxMemory().slots() > 0 && numaCells(def).isEmpty()) {
            throw QemuErrors.unsupported("At least one numa node has to be configured when enabling memory hotplug");
        }
    }

    private static List<NumaCell> numaCells(DomainDef def) {
        return def.cpu() == null ? List.of() : def.cpu().numaCells();
    }

    private static VirtException detail(String message) {
        return new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, message);
    }

    /** The {@code <on_*>} actions the QEMU driver can carry out (libvirt's qemuValidateLifecycleAction). */
    static void lifecycleActions(DomainDef def) throws VirtException {
        String poweroff = def.onPoweroff();
        String reboot = def.onReboot();
        String rename = "rename-restart";
        if (rename.equals(poweroff) || rename.equals(reboot) || rename.equals(def.onCrash())) {
            throw QemuErrors.unsupported("qemu driver doesn't support the 'rename-restart' action for "
                    + "'on_reboot'/'on_poweroff'/'on_crash'");
        }
        if ("preserve".equals(poweroff) || "preserve".equals(reboot)) {
            throw QemuErrors.unsupported("qemu driver doesn't support the 'preserve' action for "
                    + "'on_reboot'/'on_poweroff'");
        }
        if ("restart".equals(poweroff) && "destroy".equals(reboot)) {
            // libvirt's message, typo included
            throw QemuErrors.unsupported("qemu driver doesn't support 'onReboot' set to 'destroy and "
                    + "'onPoweroff' set to 'reboot'");
        }
    }
}
