package org.jvirt.driver.qemu.internal.domcaps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jvirt.driver.qemu.internal.caps.Accel;
import org.jvirt.driver.qemu.internal.caps.CpuModel;
import org.jvirt.driver.qemu.internal.caps.HostCpuExpansion;
import org.jvirt.driver.qemu.internal.caps.MachineType;
import org.jvirt.driver.qemu.internal.caps.QemuCaps;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.CustomModel;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.Element;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.Enum;
import org.jvirt.driver.qemu.internal.domcaps.DomainCaps.HostModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills {@link DomainCaps} from an emulator's probed capabilities as libvirt 9.0's
 * virQEMUCapsFillDomainCaps does; the devices and features come from {@link DeviceCaps}.
 */
public final class QemuDomainCaps {
    private static final Logger LOG = LoggerFactory.getLogger(QemuDomainCaps.class);
    private final Supplier<X86CpuMap> cpuMapSource;
    private final FirmwareDescriptors firmware;
    private final Predicate<String> fileExists;
    private X86CpuMap cpuMap;
    private boolean cpuMapRead;

    /**
     * The filler for this host: libvirt's CPU map read from {@code cpuMapDir} (without it, no
     * host-model and no vendors, as logged), firmware images listed when installed.
     */
    public static QemuDomainCaps create(Path cpuMapDir, FirmwareDescriptors firmware) {
        // read at the first domain capabilities asked for, not at the driver's activation: parsing
        // the map's 80-odd XML files was some 0.5 s of CPU on the daemon's start path
        return new QemuDomainCaps(() -> {
            try {
                return X86CpuMap.load(cpuMapDir);
            } catch (IOException | RuntimeException e) {
                LOG.warn("no libvirt CPU map in {} ({}): domain capabilities without host-model and CPU vendors",
                        cpuMapDir, e.toString());
                return null;
            }
        }, firmware, f -> Files.exists(Path.of(f)));
    }

    /**
     * @param cpuMap     libvirt's x86 CPU map, or null when it is not installed (no vendors, no
     *                   host-model, custom models unfiltered)
     * @param firmware   the firmware descriptors
     * @param fileExists whether a firmware image is installed (libvirt lists only those)
     */
    QemuDomainCaps(X86CpuMap cpuMap, FirmwareDescriptors firmware, Predicate<String> fileExists) {
        this(() -> cpuMap, firmware, fileExists);
    }

    private QemuDomainCaps(Supplier<X86CpuMap> cpuMapSource, FirmwareDescriptors firmware,
            Predicate<String> fileExists) {
        this.cpuMapSource = cpuMapSource;
        this.firmware = firmware;
        this.fileExists = fileExists;
    }

    /** The CPU map, read once at the first call; null when it is not installed. */
    private synchronized X86CpuMap cpuMap() {
        if (!cpuMapRead) {
            cpuMap = cpuMapSource.get();
            cpuMapRead = true;
        }
        return cpuMap;
    }

    /**
     * @param path     the emulator binary
     * @param caps     the emulator's capabilities
     * @param virtType {@code qemu} or {@code kvm}
     * @param machine  the canonical machine name, or null
     * @param arch     the guest architecture
     * @param hostArch this host's architecture
     * @param host     what the host offers
     */
    public DomainCaps fill(String path, QemuCaps caps, String virtType, String machine, String arch, String hostArch,
                           HostFacts host) {
        Accel accel = Accel.forDomainType(virtType);
        int maxVcpus = maxCpus(caps, accel, machine);
        if (accel == Accel.KVM && host.kvmMaxVcpus() > 0) {
            maxVcpus = Math.min(maxVcpus, host.kvmMaxVcpus());
        }
        Map<String, Boolean> features = new LinkedHashMap<>();
        features.put("vmcoreinfo", caps.has("vmcoreinfo"));
        features.put("genid", caps.has("vmgenid"));
        features.put("backingStoreInput", true);
        features.put("backup", caps.has("incremental-backup"));
        if (caps.arch().startsWith("s390")) {
            features.put("s390-pv", false); // jvirt does not probe protected virtualization
        }
        return new DomainCaps(path, virtType, machine, arch, maxVcpus, caps.has("iothread"),
                os(machine, arch), cpu(caps, accel, arch, hostArch), memoryBacking(caps),
                DeviceCaps.devices(caps, machine, host), Element.unsupported("gic"), features, hyperv(caps));
    }

    private static int maxCpus(QemuCaps caps, Accel accel, String machine) {
        for (MachineType m : caps.machines(accel)) {
            if (m.maxCpus() != 0 && m.name().equals(machine)) {
                return m.maxCpus();
            }
        }
        return 0;
    }

    /** virQEMUCapsFillDomainOSCaps with the descriptors, else the (empty) configured firmware list. */
    private Element os(String machine, String arch) {
        FirmwareDescriptors.Supported fw = firmware.supported(machine, arch);
        List<String> kinds = new ArrayList<>();
        if (fw.bios()) {
            kinds.add("bios");
        }
        if (fw.efi()) {
            kinds.add("efi");
        }
        List<String> images = fw.images().stream().filter(fileExists).toList();
        Element loader = new Element("loader", true, images, List.of(new Enum("type", List.of("rom", "pflash")),
                new Enum("readonly", List.of("yes", "no")),
                new Enum("secure", fw.secure() ? List.of("yes", "no") : List.of("no"))), List.of());
        return new Element("os", true, List.of(), List.of(new Enum("firmware", kinds)), List.of(loader));
    }

    private DomainCaps.Cpu cpu(QemuCaps caps, Accel accel, String arch, String hostArch) {
        boolean nativeGuest = isNative(hostArch, caps.arch());
        boolean passthrough = accel == Accel.KVM && nativeGuest;
        List<String> ptMigratable = caps.has("cpu.migratable") ? List.of("on", "off") : List.of("off");
        boolean maximum = caps.has("cpu-max");
        HostModel hostModel = null;
        HostCpuExpansion expansion = caps.hostCpu(accel);
        X86CpuMap cpuMap = cpuMap();
        if (nativeGuest && expansion != null && cpuMap != null && isX86(caps.arch())) {
            hostModel = new X86HostModel(cpuMap).decode(expansion, caps.cpuModels(accel));
            if (hostModel != null && !caps.has("cpu-unavailable-features")) {
                hostModel = withoutMsrFeatures(hostModel, cpuMap);
            }
        }
        List<CustomModel> custom = new ArrayList<>();
        for (CpuModel m : caps.cpuModels(accel)) {
            boolean known = cpuMap == null || !isX86(arch) || cpuMap.model(m.name()) != null;
            if (known && !m.name().equals("host")) {
                custom.add(new CustomModel(m.name(), m.usable() == null ? "unknown" : m.usable(), m.deprecated(),
                        cpuMap == null || !isX86(arch) ? null : cpuMap.vendorOf(m.name())));
            }
        }
        return new DomainCaps.Cpu(passthrough, passthrough ? ptMigratable : List.of(), maximum,
                maximum ? List.of("on", "off") : List.of(), hostModel, custom);
    }

    /**
     * virQEMUCapsInitHostCPUModel's filter for a QEMU that cannot tell which features block a
     * model (no {@code unavailable-features}, e.g. qemu-system-i386): the host-model CPU names no
     * feature read from an MSR (virCPUx86FeatureFilterDropMSR).
     */
    private static HostModel withoutMsrFeatures(HostModel model, X86CpuMap cpuMap) {
        return new HostModel(model.model(), model.vendor(), model.features().stream().filter(f -> {
            X86CpuMap.Feature known = cpuMap.feature(f.name());
            return known == null || !known.data().hasMsr();
        }).toList());
    }

    private static Element memoryBacking(QemuCaps caps) {
        List<String> types = new ArrayList<>(List.of("file", "anonymous"));
        if (caps.has("memory-backend-memfd")) {
            types.add("memfd");
        }
        return Element.of("memoryBacking", new Enum("sourceType", types));
    }

    /** libvirt's virDomainHyperv order of the enlightenments QEMU reported. */
    private static Element hyperv(QemuCaps caps) {
        if (caps.hypervCaps().isEmpty()) {
            return null;
        }
        return Element.of("hyperv", new Enum("features", ordered(HYPERV, caps.hypervCaps())));
    }

    private static final List<String> HYPERV = List.of("relaxed", "vapic", "spinlocks", "vpindex", "runtime",
            "synic", "stimer", "reset", "vendor_id", "frequencies", "reenlightenment", "tlbflush", "ipi", "evmcs",
            "avic");

    /** The values of {@code present} in the enum's declared order, as libvirt's bitmaps print them. */
    static List<String> ordered(List<String> order, Collection<String> present) {
        Set<String> set = Set.copyOf(present);
        return order.stream().filter(set::contains).toList();
    }

    static boolean isX86(String arch) {
        return arch.equals("x86_64") || arch.equals("i686");
    }

    /** virQEMUCapsGuestIsNative. */
    static boolean isNative(String host, String guest) {
        if (host.equals(guest)) {
            return true;
        }
        return (host.equals("x86_64") && guest.equals("i686")) || (host.equals("aarch64") && guest.equals("armv7l"))
                || (host.equals("ppc64le") && guest.equals("ppc64"));
    }

    /**
     * libvirt's preferred machine when none is asked for (virQEMUCapsGetPreferredMachine): the
     * first of the accelerator's list, where the probe puts libvirt's preferred machine for the
     * architecture, else QEMU's default.
     */
    public static String preferredMachine(QemuCaps caps, Accel accel) {
        List<MachineType> machines = caps.machines(accel);
        return machines.isEmpty() ? null : machines.get(0).name();
    }
}
