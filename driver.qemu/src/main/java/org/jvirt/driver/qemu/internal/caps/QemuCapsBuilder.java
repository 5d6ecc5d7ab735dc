package org.jvirt.driver.qemu.internal.caps;

import java.util.ArrayList;
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

    /** A libvirt capability flag name ({@code blockdev}, {@code device.json}, ...). */
    public QemuCapsBuilder flag(String flag) {
        flags.add(flag);
        return this;
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

    public QemuCapsBuilder hypervCap(String name) {
        hypervCaps.add(name);
        return this;
    }

    public QemuCaps build() {
        if (version == 0) {
            throw new IllegalStateException("QEMU version unknown for " + key.binaryPath());
        }
        return new QemuCaps(key, version, packageName, arch, flags, machines, cpuModels, hypervCaps);
    }
}
