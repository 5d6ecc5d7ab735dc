package org.jvirt.driver.qemu.internal.caps;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one QEMU binary can do, in libvirt's terms (its {@code virQEMUCaps}): the capability flags
 * (libvirt's names, {@code blockdev}, {@code machine.pseries.cap-...}), the version, and the
 * machine types and CPU models per accelerator. Immutable; build one with {@link QemuCapsBuilder}
 * (the driver probes each binary over QMP).
 *
 * @param key         the binary and mtime this describes
 * @param version     major * 1,000,000 + minor * 1,000 + micro
 * @param packageName the package string QEMU reports ({@code v10.0.0}), may be empty
 * @param arch        the target architecture ({@code x86_64})
 * @param flags       libvirt capability flag names
 * @param machines    machine types per accelerator, in the order reported
 * @param cpuModels   CPU models per accelerator, in the order reported
 * @param hypervCaps  the Hyper-V enlightenments the host supports (empty when unknown)
 * @param hostCpu     QEMU's expansion of the host CPU per accelerator (absent when not probed)
 */
public record QemuCaps(CapsKey key, int version, String packageName, String arch, Set<String> flags,
                       Map<Accel, List<MachineType>> machines, Map<Accel, List<CpuModel>> cpuModels,
                       List<String> hypervCaps, Map<Accel, HostCpuExpansion> hostCpu) {

    public QemuCaps(CapsKey key, int version, String packageName, String arch, Set<String> flags,
                    Map<Accel, List<MachineType>> machines, Map<Accel, List<CpuModel>> cpuModels,
                    List<String> hypervCaps) {
        this(key, version, packageName, arch, flags, machines, cpuModels, hypervCaps, Map.of());
    }

    public QemuCaps {
        flags = Set.copyOf(flags);
        Map<Accel, List<MachineType>> m = new EnumMap<>(Accel.class);
        machines.forEach((k, v) -> m.put(k, List.copyOf(v)));
        machines = Map.copyOf(m);
        Map<Accel, List<CpuModel>> c = new EnumMap<>(Accel.class);
        cpuModels.forEach((k, v) -> c.put(k, List.copyOf(v)));
        cpuModels = Map.copyOf(c);
        hypervCaps = List.copyOf(hypervCaps);
        hostCpu = hostCpu.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(hostCpu));
    }

    /** QEMU's expansion of the host CPU for the accelerator, or null. */
    public HostCpuExpansion hostCpu(Accel accel) {
        return hostCpu.get(accel);
    }

    /** Whether the binary has libvirt capability flag {@code flag}. */
    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /**
     * libvirt's virQEMUCapsIsVirtTypeSupported: {@code qemu} when the emulator has TCG, {@code kvm}
     * when its probe could use KVM, nothing else (no Hypervisor.framework on Linux).
     */
    public boolean supportsVirtType(String virtType) {
        return switch (virtType) {
            case "qemu" -> has("tcg");
            case "kvm" -> has("kvm");
            default -> false;
        };
    }

    public List<MachineType> machines(Accel accel) {
        return machines.getOrDefault(accel, List.of());
    }

    public List<CpuModel> cpuModels(Accel accel) {
        return cpuModels.getOrDefault(accel, List.of());
    }

    /** The machine called {@code name} (by name or alias), or null. */
    public MachineType machine(Accel accel, String name) {
        for (MachineType m : machines(accel)) {
            if (m.name().equals(name) || name.equals(m.alias())) {
                return m;
            }
        }
        return null;
    }

    /** The emulator's default machine for the accelerator, or null. */
    public MachineType defaultMachine(Accel accel) {
        return machines(accel).stream().filter(MachineType::isDefault).findFirst().orElse(null);
    }

    /** The canonical name of a machine given by alias ({@code pc} → {@code pc-i440fx-10.0}). */
    public String canonicalMachine(Accel accel, String name) {
        for (MachineType m : machines(accel)) {
            if (name.equals(m.alias())) {
                return m.name();
            }
        }
        return name;
    }

    /** Version as {@code major.minor.micro}. */
    public String versionString() {
        return (version / 1_000_000) + "." + (version / 1000 % 1000) + "." + (version % 1000);
    }
}
