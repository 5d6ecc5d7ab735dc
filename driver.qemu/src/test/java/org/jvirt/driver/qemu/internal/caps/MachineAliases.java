package org.jvirt.driver.qemu.internal.caps;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * libvirt's harness set-up of the "latest" capabilities (virQEMUCapsStripMachineAliases): every
 * machine is known by its alias only, so that {@code pc} stays {@code pc} in the expected output.
 */
public final class MachineAliases {
    private MachineAliases() {
    }

    /** A copy of {@code caps} whose machines carry their alias as name and no alias. */
    public static QemuCaps stripped(QemuCaps caps) {
        Map<Accel, List<MachineType>> machines = new EnumMap<>(Accel.class);
        caps.machines().forEach((accel, list) -> machines.put(accel,
                list.stream().map(MachineAliases::aliasAsName).toList()));
        return new QemuCaps(caps.key(), caps.version(), caps.packageName(), caps.arch(), caps.flags(), machines,
                caps.cpuModels(), caps.hypervCaps());
    }

    private static MachineType aliasAsName(MachineType m) {
        return m.alias() == null ? m : new MachineType(m.alias(), null, m.maxCpus(), m.hotplugCpus(), m.isDefault(),
                m.defaultCpuType(), m.defaultRamId(), m.deprecated(), m.acpi(), m.numaMemSupported());
    }
}
