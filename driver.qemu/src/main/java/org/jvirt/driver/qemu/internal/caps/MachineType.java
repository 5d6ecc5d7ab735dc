package org.jvirt.driver.qemu.internal.caps;

/**
 * One machine type an emulator offers for an accelerator ({@code query-machines}).
 *
 * @param name              the machine name ({@code pc-i440fx-10.0})
 * @param alias             the alias ({@code pc}), or null
 * @param maxCpus           the maximum number of vCPUs
 * @param hotplugCpus       whether vCPU hotplug is supported
 * @param isDefault         whether this is the emulator's default machine
 * @param defaultCpuType    the QOM type of the default CPU ({@code qemu64-x86_64-cpu}), or null
 * @param defaultRamId      the id of the default RAM backend ({@code pc.ram}), or null
 * @param deprecated        whether QEMU marks it deprecated
 * @param acpi              whether the machine has the {@code acpi} property
 * @param numaMemSupported  whether legacy {@code -numa mem=} is still accepted
 */
public record MachineType(String name, String alias, int maxCpus, boolean hotplugCpus, boolean isDefault,
                          String defaultCpuType, String defaultRamId, boolean deprecated, boolean acpi,
                          boolean numaMemSupported) {

    /** The default CPU model name: the QOM type without its {@code -<arch>-cpu} suffix. */
    public String defaultCpuModel(String arch) {
        if (defaultCpuType == null) {
            return null;
        }
        // the QOM type is <model>-<target arch>-cpu; the target may differ from the guest arch (i686)
        String s = defaultCpuType.replaceFirst("-[a-z0-9_]+-cpu$", "");
        return s;
    }
}
