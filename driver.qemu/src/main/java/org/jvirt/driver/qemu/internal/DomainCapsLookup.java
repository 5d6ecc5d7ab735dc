package org.jvirt.driver.qemu.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.domcaps.DomainCapsXml;
import org.jvirt.driver.qemu.internal.domcaps.FirmwareDescriptors;
import org.jvirt.driver.qemu.internal.domcaps.HostFactsProbe;
import org.jvirt.driver.qemu.internal.domcaps.QemuDomainCaps;
import org.jvirt.driver.qemu.internal.host.KvmMaxVcpus;
import org.jvirt.driver.qemu.internal.launch.Emulators;

import com.sun.jna.LastErrorException;

/**
 * {@code virConnectGetDomainCapabilities} for QEMU: libvirt 9.0's virQEMUCapsCacheLookupDefault
 * (the arguments checked, with its errors, the emulator found and probed, the machine made
 * canonical) and then the capabilities filled from the probe ({@link QemuDomainCaps}).
 */
final class DomainCapsLookup {
    /** virDomainVirtType's names. */
    private static final Set<String> VIRT_TYPES = Set.of("none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml",
            "openvz", "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", "hvf");
    /** virArch's names. */
    private static final Set<String> ARCHES = Set.of("alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686",
            "ia64", "lm32", "loongarch64", "m68k", "microblaze", "microblazeel", "mips", "mipsel", "mips64",
            "mips64el", "openrisc", "parisc", "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32",
            "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa",
            "xtensaeb");

    private final HostCapabilities host;
    private final Emulators emulators;
    private final QemuDomainCaps filler;
    private final boolean privileged;

    DomainCapsLookup(HostCapabilities host, Emulators emulators, Path cpuMapDir, boolean privileged) {
        this.host = host;
        this.emulators = emulators;
        this.privileged = privileged;
        this.filler = QemuDomainCaps.create(cpuMapDir, FirmwareDescriptors.standard(privileged));
    }

    String domainCapabilities(String emulatorBin, String archStr, String machine, String virtTypeStr)
            throws VirtException {
        if ("none".equals(virtTypeStr)) {
            virtTypeStr = null;
        }
        if (virtTypeStr != null && !VIRT_TYPES.contains(virtTypeStr)) {
            throw QemuErrors.invalidArg("unknown virttype: " + virtTypeStr);
        }
        if (archStr != null && !ARCHES.contains(archStr)) {
            throw QemuErrors.invalidArg("unknown architecture: " + archStr);
        }
        String hostArch = HostCapabilities.hostArch();
        String arch = archStr == null ? hostArch : archStr;
        Path binary;
        if (emulatorBin != null) {
            binary = Path.of(emulatorBin);
            if (!Files.exists(binary)) {
                throw QemuErrors.system("Cannot check QEMU binary " + emulatorBin + ": No such file or directory");
            }
        } else {
            try {
                binary = emulators.forArch(qemuTarget(arch));
            } catch (VirtException e) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "unable to find any emulator to serve '" + archStr + "' architecture");
            }
        }
        QemuCaps caps = host.capsOf(binary);
        if (!caps.arch().equals(arch) && !sameFamily(arch, caps.arch())) {
            throw QemuErrors.invalidArg("architecture from emulator '" + caps.arch()
                    + "' doesn't match given architecture '" + arch + "'");
        }
        String capsType = caps.has("kvm") ? "kvm" : caps.has("tcg") ? "qemu" : "none";
        String virtType = virtTypeStr == null ? capsType : virtTypeStr;
        // every type but qemu counts as accelerated (virQEMUCapsTypeIsAccelerated); libvirt names
        // the accelerator of a type it does not know tcg
        if (!virtType.equals("qemu") && capsType.equals("qemu")) {
            String accelName = virtType.equals("kvm") || virtType.equals("hvf") ? virtType : "tcg";
            throw QemuErrors.invalidArg("the accel '" + accelName + "' is not supported by '" + binary
                    + "' on this host");
        }
        Accel accel = Accel.forDomainType(virtType);
        String canonical;
        if (machine != null) {
            canonical = caps.canonicalMachine(accel, machine);
            if (caps.machines(accel).stream().noneMatch(m -> m.name().equals(canonical))) {
                throw QemuErrors.invalidArg("the machine '" + canonical + "' is not supported by emulator '"
                        + binary + "'");
            }
        } else {
            canonical = QemuDomainCaps.preferredMachine(caps, accel);
        }
        // virQEMUDriverGetDomainCapabilities: a type that passed the lookup but that the emulator
        // does not run (xen, lxc, ... when KVM is there) is refused by name
        if (!caps.supportsVirtType(virtType)) {
            throw QemuErrors.invalidArg("Emulator '" + caps.key().binaryPath() + "' does not support virt type '"
                    + virtType + "'");
        }
        int kvmMax = 0;
        if (virtType.equals("kvm")) {
            try {
                kvmMax = KvmMaxVcpus.query("/dev/kvm");
            } catch (LastErrorException e) {
                throw QemuErrors.system("Unable to open /dev/kvm: " + KvmMaxVcpus.strerror(e.getErrorCode()));
            }
        }
        return DomainCapsXml.format(filler.fill(binary.toString(), caps, virtType, canonical, arch, hostArch,
                HostFactsProbe.probe(kvmMax, privileged)));
    }

    /** virQEMUCapsArchToString: the QEMU target of a libvirt architecture. */
    private static String qemuTarget(String arch) {
        return switch (arch) {
            case "i686" -> "i386";
            case "armv6l", "armv7l", "armv7b" -> "arm";
            default -> arch;
        };
    }

    /** The families libvirt lets an emulator serve together (x86, ppc, arm, s390). */
    private static boolean sameFamily(String a, String b) {
        return family(a) != null && family(a).equals(family(b));
    }

    private static String family(String arch) {
        if (arch.equals("i686") || arch.equals("x86_64")) {
            return "x86";
        }
        if (arch.startsWith("ppc")) {
            return "ppc";
        }
        if (arch.startsWith("arm") || arch.equals("aarch64")) {
            return "arm";
        }
        return arch.startsWith("s390") ? "s390" : null;
    }

}
