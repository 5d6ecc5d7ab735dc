package org.jvirt.driver.qemu.internal.caps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects capabilities piece by piece, for the QMP prober (one call per reply) and for the dump
 * loader. Not thread-safe; {@link #build()} returns an immutable {@link QemuCaps}.
 */
public final class QemuCapsBuilder {
    private final CapsKey key;
    private int version;
    private String packageName = "";
    private String arch = "x86_64";
    private final Set<String> flags = new LinkedHashSet<>();
    private final Map<Accel, List<MachineType>> machines = new EnumMap<>(Accel.class);
    private final Map<Accel, List<CpuModel>> cpuModels = new EnumMap<>(Accel.class);
    private final List<String> hypervCaps = new ArrayList<>();
    private final Map<Accel, HostCpuExpansion> hostCpu = new EnumMap<>(Accel.class);

    public QemuCapsBuilder(CapsKey key) {
        this.key = key;
    }

    /** From QMP {@code query-version}: {@code qemu.major/minor/micro} and {@code package}. */
    public QemuCapsBuilder version(int major, int minor, int micro, String pkg) {
        this.version = major * 1_000_000 + minor * 1000 + micro;
        this.packageName = pkg == null ? "" : pkg;
        return this;
    }

    public QemuCapsBuilder version(int encoded, String pkg) {
        this.version = encoded;
        this.packageName = pkg == null ? "" : pkg;
        return this;
    }

    /** From QMP {@code query-target}. */
    public QemuCapsBuilder arch(String targetArch) {
        this.arch = targetArch;
        return this;
    }

    /** The target architecture recorded so far. */
    public String arch() {
        return arch;
    }

    /** A libvirt capability flag name ({@code blockdev}, {@code device.json}, ...). */
    public QemuCapsBuilder flag(String flag) {
        flags.add(flag);
        return this;
    }

    /** Whether flag {@code flag} was recorded so far. */
    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /** From QMP {@code query-machines}, once per accelerator. */
    public QemuCapsBuilder machine(Accel accel, MachineType machine) {
        machines.computeIfAbsent(accel, a -> new ArrayList<>()).add(machine);
        return this;
    }

    /** From QMP {@code query-cpu-definitions}, once per accelerator. */
    public QemuCapsBuilder cpuModel(Accel accel, CpuModel model) {
        cpuModels.computeIfAbsent(accel, a -> new ArrayList<>()).add(model);
        return this;
    }

    /**
     * From QMP {@code qom-list-types}: the device and object types whose libvirt capability flag
     * has the type's own name ({@code qemu-xhci}, {@code virtio-net}, {@code pcie-root-port} ...).
     */
    public QemuCapsBuilder qomTypes(Collection<String> types) {
        for (String t : types) {
            if (QOM_TYPE_FLAGS.contains(t)) {
                flags.add(t);
            }
        }
        if (types.contains("virtio-net-pci")) {
            flags.add("virtio-net");
        }
        if (types.contains("virtio-rng-pci")) {
            flags.add("virtio-rng");
        }
        if (types.contains("i8042")) {
            flags.add("i8042");
        }
        return this;
    }

    /** From QMP {@code query-commands}: commands libvirt keys flags on. */
    public QemuCapsBuilder commands(Collection<String> commands) {
        if (commands.contains("set-action")) {
            flags.add("set-action");
        }
        if (commands.contains("query-cpu-definitions")) {
            flags.add("query-cpu-definitions");
        }
        if (commands.contains("query-cpu-model-expansion")) {
            flags.add("query-cpu-model-expansion");
        }
        return this;
    }

    /** The QOM types whose libvirt flag is named like the type. */
    private static final Set<String> QOM_TYPE_FLAGS = Set.of("piix3-usb-uhci", "piix4-usb-uhci", "usb-ehci",
            "ich9-usb-ehci1", "pci-ohci", "nec-usb-xhci", "qemu-xhci", "usb-redir", "usb-hub", "ich9-ahci",
            "virtio-scsi-pci", "lsi", "megasas", "mptsas1068", "pvscsi", "qxl", "VGA", "cirrus-vga", "vmware-svga",
            "bochs-display", "ramfb", "virtio-gpu", "virtio-vga", "usb-serial", "pci-serial", "isa-serial",
            "rng-random", "rng-egd", "rng-builtin", "tpm-tis", "tpm-crb", "pci-bridge", "dmi-to-pci-bridge",
            "pcie-root-port", "pcie-pci-bridge", "ioh3420", "x3130-upstream", "xio3130-downstream", "pxb",
            "pxb-pcie", "vfio-pci", "usb-storage", "ich9-intel-hda", "hda-duplex", "hda-micro", "hda-output",
            "pvpanic", "pvpanic-pci", "usb-kbd", "usb-audio", "pc-dimm", "nvdimm", "rtl8139", "e1000",
            "virtio-keyboard", "virtio-mouse", "virtio-tablet", "intel-iommu", "vmcoreinfo", "vhost-vsock",
            "vmgenid", "memory-backend-memfd", "virtio-iommu-pci", "virtio-mem-pci", "virtio-pmem-pci",
            "usb-mtp", "virtio-sound", "ccid-emulated", "ccid-passthru", "spice", "vnc", "sdl");

    public QemuCapsBuilder hypervCap(String name) {
        hypervCaps.add(name);
        return this;
    }

    /** From QMP {@code query-cpu-model-expansion} of the host CPU, once per accelerator. */
    public QemuCapsBuilder hostCpu(Accel accel, HostCpuExpansion expansion) {
        hostCpu.put(accel, expansion);
        return this;
    }

    public QemuCaps build() {
        if (version == 0) {
            throw new IllegalStateException("QEMU version unknown for " + key.binaryPath());
        }
        return new QemuCaps(key, version, packageName, arch, flags, machines, cpuModels, hypervCaps, hostCpu);
    }
}
