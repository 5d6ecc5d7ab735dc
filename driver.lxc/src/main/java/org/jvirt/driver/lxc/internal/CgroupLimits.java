package org.jvirt.driver.lxc.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.MemTune;

/**
 * The cgroup limits of a container as liblxc keys, for the host's layout: memory (libvirt's
 * {@code virLXCCgroupSetupMemTune}: the limit is {@code <memory>}, then {@code <memtune>}'s hard,
 * soft and swap limits), CPU shares and bandwidth ({@code <cputune>}) and the CPU set
 * ({@code <vcpu cpuset=>}).
 */
final class CgroupLimits {
    private final CgroupLayout layout;

    CgroupLimits(CgroupLayout layout) {
        this.layout = layout;
    }

    void write(DomainDef def, ConfigText c) throws VirtException {
        memory(def, c);
        cpu(def.cputune(), c);
        if (def.vcpu() != null && def.vcpu().cpuset() != null) {
            set(c, "cpuset.cpus", def.vcpu().cpuset());
        }
        if (def.blkiotune() != null && def.blkiotune().weight() != null) {
            set(c, blkioWeightFile(), def.blkiotune().weight().toString());
        }
    }

    /** The weight's file as the host's blkio (v2: io) controller has it; libvirt's error without one. */
    private String blkioWeightFile() throws VirtException {
        String prefix = layout == CgroupLayout.V1 ? "blkio" : "io";
        Path root = layout.dir(prefix.equals("blkio") ? "blkio" : "", "/");
        for (String file : List.of(prefix + ".bfq.weight", prefix + ".weight")) {
            // the root group of v1 has the files; v2 has them in child groups only, as the controller says
            if (Files.exists(root.resolve(file)) || layout == CgroupLayout.V2 && file.equals("io.weight")) {
                return file;
            }
        }
        throw LxcErrors.invalid(ContainerBlkio.NO_WEIGHT);
    }

    private void memory(DomainDef def, ConfigText c) throws VirtException {
        MemTune mt = def.memtune();
        Long limit = def.memory() == null || def.memory().kib() <= 0 ? null : def.memory().kib();
        if (mt != null && mt.hardLimit() != null) {
            limit = mt.hardLimit();
        }
        if (layout == CgroupLayout.V1) {
            if (limit != null) {
                set(c, "memory.limit_in_bytes", bytes(limit));
            }
            if (mt != null && mt.softLimit() != null) {
                set(c, "memory.soft_limit_in_bytes", bytes(mt.softLimit()));
            }
            if (mt != null && mt.swapHardLimit() != null) {
                set(c, "memory.memsw.limit_in_bytes", bytes(mt.swapHardLimit()));
            }
        } else {
            if (limit != null) {
                set(c, "memory.max", bytes(limit));
            }
            if (mt != null && mt.softLimit() != null) {
                set(c, "memory.high", bytes(mt.softLimit()));
            }
            if (mt != null && mt.swapHardLimit() != null) {
                // v2 limits swap on its own, v1 memory plus swap (libvirt's virCgroupV2SetMemSwapHardLimit)
                long swap = mt.swapHardLimit() - (limit == null ? 0 : limit);
                set(c, "memory.swap.max", bytes(Math.max(0, swap)));
            }
        }
    }

    private void cpu(CpuTune ct, ConfigText c) throws VirtException {
        if (ct == null) {
            return;
        }
        if (layout == CgroupLayout.V1) {
            if (ct.shares() != null) {
                set(c, "cpu.shares", ct.shares().toString());
            }
            if (ct.period() != null) {
                set(c, "cpu.cfs_period_us", ct.period().toString());
            }
            if (ct.quota() != null) {
                set(c, "cpu.cfs_quota_us", ct.quota().toString());
            }
        } else {
            if (ct.shares() != null) {
                set(c, "cpu.weight", Long.toString(Math.max(1, Math.min(10_000, ct.shares()))));
            }
            if (ct.period() != null || ct.quota() != null) {
                String quota = ct.quota() == null || ct.quota() < 0 ? "max" : ct.quota().toString();
                set(c, "cpu.max", quota + " " + (ct.period() == null ? 100_000 : ct.period()));
            }
        }
    }

    private void set(ConfigText c, String file, String value) throws VirtException {
        c.set((layout == CgroupLayout.V1 ? "lxc.cgroup." : "lxc.cgroup2.") + file, value);
    }

    private static String bytes(long kib) {
        return Long.toString(kib * 1024);
    }
}
