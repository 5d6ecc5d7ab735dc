package org.jvirt.driver.qemu.internal.cgroup;

import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The cgroup controllers a guest's group uses (libvirt's {@code virCgroupController}, less the
 * network ones). The thread controllers also get the per-thread children {@code emulator/} and
 * {@code vcpuN/}, as libvirt creates them only there ({@code VIR_CGROUP_THREAD}).
 */
public enum Controller {
    CPU("cpu", true), CPUACCT("cpuacct", true), CPUSET("cpuset", true), MEMORY("memory", false),
    DEVICES("devices", false), FREEZER("freezer", false), BLKIO("blkio", false);

    private final String kernelName;
    private final boolean perThread;

    Controller(String kernelName, boolean perThread) {
        this.kernelName = kernelName;
        this.perThread = perThread;
    }

    /** The name in mount options and {@code /proc/cgroups}; cgroup v2 calls blkio "io". */
    public String kernelName() {
        return kernelName;
    }

    public String v2Name() {
        return this == BLKIO ? "io" : kernelName;
    }

    /** True for the controllers that hold the {@code emulator/} and {@code vcpuN/} children. */
    public boolean perThread() {
        return perThread;
    }

    public static Stream<Controller> stream() {
        return Arrays.stream(values());
    }
}
