package org.jvirt.driver.qemu.internal.cgroup;

import java.io.IOException;
import java.util.BitSet;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;

/**
 * The tunables of a guest's cgroup in libvirt's units, on either hierarchy (libvirt's
 * vircgroupv1.c / vircgroupv2.c): CPU shares, CFS period and quota, memory limits in KiB with
 * {@link #MEMORY_UNLIMITED} for "none", the block I/O weight, cpusets. Range checks and their
 * messages are libvirt's; the kernel's own refusals come back as SYSTEM_ERROR naming the file.
 */
public final class CgroupTunables {
    /** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED: 2^53 - 1 KiB. */
    public static final long MEMORY_UNLIMITED = 9007199254740991L;
    public static final long SHARES_MIN = 2;
    public static final long SHARES_MAX = 262144;
    public static final long PERIOD_MIN = 1000;
    public static final long PERIOD_MAX = 1000000;
    public static final long QUOTA_MIN = 1000;
    public static final long QUOTA_MAX = 17592186044415L;

    private final GuestCgroup g;

    public CgroupTunables(GuestCgroup g) {
        this.g = g;
    }

    public long shares() throws VirtException {
        return parse(read(Controller.CPU, null, g.isV2(Controller.CPU) ? "cpu.weight" : "cpu.shares"));
    }

    public void setShares(long shares) throws VirtException {
        if (shares < SHARES_MIN || shares > SHARES_MAX) {
            throw invalidArg("shares '" + Long.toUnsignedString(shares) + "' must be in range [" + SHARES_MIN + ", "
                    + SHARES_MAX + "]");
        }
        write(Controller.CPU, null, g.isV2(Controller.CPU) ? "cpu.weight" : "cpu.shares", Long.toString(shares));
    }

    /** True when CFS bandwidth control exists (virCgroupSupportsCpuBW). */
    public boolean supportsBandwidth() {
        return g.has(Controller.CPU)
                && g.hasFile(Controller.CPU, null, g.isV2(Controller.CPU) ? "cpu.max" : "cpu.cfs_period_us");
    }

    public long period(String child) throws VirtException {
        if (g.isV2(Controller.CPU)) {
            return parse(read(Controller.CPU, child, "cpu.max").split(" ")[1]);
        }
        return parse(read(Controller.CPU, child, "cpu.cfs_period_us"));
    }

    /** The quota in microseconds, -1 for none. */
    public long quota(String child) throws VirtException {
        if (g.isV2(Controller.CPU)) {
            String q = read(Controller.CPU, child, "cpu.max").split(" ")[0];
            return q.equals("max") ? -1 : parse(q);
        }
        return parse(read(Controller.CPU, child, "cpu.cfs_quota_us"));
    }

    /**
     * virCgroupSetupCpuPeriodQuota: 0 leaves a value as it is. The period goes first, so that a
     * new quota is checked against the new period.
     */
    public void setPeriodQuota(String child, long period, long quota) throws VirtException {
        if (period != 0) {
            if (period < PERIOD_MIN || period > PERIOD_MAX) {
                throw invalidArg("cfs_period '" + Long.toUnsignedString(period) + "' must be in range (" + PERIOD_MIN
                        + ", " + PERIOD_MAX + ")");
            }
            if (g.isV2(Controller.CPU)) {
                write(Controller.CPU, child, "cpu.max", (quota(child) < 0 ? "max" : Long.toString(quota(child))) + " "
                        + period);
            } else {
                write(Controller.CPU, child, "cpu.cfs_period_us", Long.toString(period));
            }
        }
        if (quota != 0) {
            if (quota >= 0 && (quota < QUOTA_MIN || quota > QUOTA_MAX)) {
                throw invalidArg("cfs_quota '" + quota + "' must be in range (" + QUOTA_MIN + ", " + QUOTA_MAX + ")");
            }
            if (g.isV2(Controller.CPU)) {
                write(Controller.CPU, child, "cpu.max", (quota < 0 || quota == QUOTA_MAX ? "max" : Long.toString(quota))
                        + " " + period(child));
            } else {
                write(Controller.CPU, child, "cpu.cfs_quota_us", Long.toString(quota));
            }
        }
    }

    public void setCpus(String child, BitSet cpus) throws VirtException {
        write(Controller.CPUSET, child, "cpuset.cpus", Bitmap.format(cpus));
    }

    /** Memory limits; {@code kind} is hard, soft or swap. */
    public enum MemoryLimit {
        HARD("memory.limit_in_bytes", "memory.max"),
        SOFT("memory.soft_limit_in_bytes", "memory.high"),
        SWAP("memory.memsw.limit_in_bytes", "memory.swap.max");

        final String v1;
        final String v2;

        MemoryLimit(String v1, String v2) {
            this.v1 = v1;
            this.v2 = v2;
        }
    }

    private String file(MemoryLimit kind) {
        return g.isV2(Controller.MEMORY) ? kind.v2 : kind.v1;
    }

    /** True when the limit's file exists (no memsw without swap accounting). */
    public boolean hasMemoryLimit(MemoryLimit kind) {
        return g.has(Controller.MEMORY) && g.hasFile(Controller.MEMORY, null, file(kind));
    }

    /** The limit in KiB; {@link #MEMORY_UNLIMITED} when the group has none. */
    public long memoryLimit(MemoryLimit kind) throws VirtException {
        String v = read(Controller.MEMORY, null, file(kind));
        if (v.equals("max")) {
            return MEMORY_UNLIMITED;
        }
        long kib = Long.divideUnsigned(parse(v), 1024);
        // v1 reads "unlimited" as the largest page-aligned value: anything that high is none
        return Long.compareUnsigned(kib, MEMORY_UNLIMITED - 4) >= 0 ? MEMORY_UNLIMITED : kib;
    }

    public void setMemoryLimit(MemoryLimit kind, long kib) throws VirtException {
        if (Long.compareUnsigned(kib, MEMORY_UNLIMITED) > 0) {
            throw invalidArg("Memory '" + Long.toUnsignedString(kib) + "' must be less than " + MEMORY_UNLIMITED);
        }
        String value = kib == MEMORY_UNLIMITED ? (g.isV2(Controller.MEMORY) ? "max" : "-1") : Long.toString(kib << 10);
        write(Controller.MEMORY, null, file(kind), value);
    }

    /** The weight file this kernel offers: bfq's, else cfq's; null when neither (other I/O schedulers). */
    private String weightFile() {
        String prefix = g.isV2(Controller.BLKIO) ? "io." : "blkio.";
        for (String f : new String[] {prefix + "bfq.weight", prefix + "weight"}) {
            if (g.hasFile(Controller.BLKIO, null, f)) {
                return f;
            }
        }
        return null;
    }

    public long blkioWeight() throws VirtException {
        String f = requireWeightFile();
        String v = read(Controller.BLKIO, null, f);
        // v2 io.weight reads "default 100" and per-device lines
        return parse(v.startsWith("default ") ? v.split("\\s+")[1] : v.split("\\s+")[0]);
    }

    public void setBlkioWeight(long weight) throws VirtException {
        String f = requireWeightFile();
        write(Controller.BLKIO, null, f, (g.isV2(Controller.BLKIO) && f.equals("io.weight") ? "default " : "") + weight);
    }

    /**
     * Sets one per-device block I/O value of the guest's group ({@code kind}: weight, riops,
     * wiops, rbps, wbps) and reads it back, as libvirt's virCgroupSetupBlkioDevice*: v1's
     * {@code blkio.weight_device} and {@code blkio.throttle.*_device}, v2's {@code io.weight} and
     * {@code io.max}; 0 removes a limit.
     */
    public long setBlkioDevice(String kind, String devPath, long value) throws VirtException {
        String dev = BlockDevices.majorMinor(devPath);
        boolean v2 = g.isV2(Controller.BLKIO);
        String file = v2 ? (kind.equals("weight") ? "io.weight" : "io.max")
                : kind.equals("weight") ? "blkio.weight_device" : "blkio.throttle." + v1Throttle(kind) + "_device";
        if (kind.equals("weight") && !g.hasFile(Controller.BLKIO, null, file)) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.CGROUP,
                    "blkio device weight is valid only for cfq scheduler");
        }
        String line = v2 && !kind.equals("weight")
                ? dev + " " + kind + "=" + (value == 0 ? "max" : Long.toUnsignedString(value))
                : dev + " " + Long.toUnsignedString(value);
        write(Controller.BLKIO, null, file, line);
        for (String l : read(Controller.BLKIO, null, file).split("\n")) {
            String[] w = l.trim().split("\\s+");
            if (!w[0].equals(dev)) {
                continue;
            }
            for (int i = 1; i < w.length; i++) {
                String v = v2 && !kind.equals("weight") ? (w[i].startsWith(kind + "=") ? w[i].substring(kind.length() + 1)
                        : null) : w[i];
                if (v != null) {
                    return v.equals("max") ? 0 : parse(v);
                }
            }
        }
        return 0;   // no line for the device: no limit
    }

    private static String v1Throttle(String kind) {
        return switch (kind) {
            case "riops" -> "read_iops";
            case "wiops" -> "write_iops";
            case "rbps" -> "read_bps";
            case "wbps" -> "write_bps";
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private String requireWeightFile() throws VirtException {
        String f = weightFile();
        if (f == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.CGROUP, g.isV2(Controller.BLKIO)
                    ? "blkio weight is valid only for bfq or cfq scheduler"
                    : "blkio device weight is valid only for bfq or cfq scheduler");
        }
        return f;
    }

    private String read(Controller c, String child, String file) throws VirtException {
        try {
            return g.read(c, child, file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to read from '"
                    + g.dir(c, child).resolve(file) + "': " + e.getMessage(), e);
        }
    }

    private void write(Controller c, String child, String file, String value) throws VirtException {
        try {
            g.write(c, child, file, value);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to write to '"
                    + g.dir(c, child).resolve(file) + "': " + e.getMessage(), e);
        }
    }

    private static long parse(String v) throws VirtException {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            try {
                return Long.parseUnsignedLong(v.strip());
            } catch (NumberFormatException e2) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.CGROUP,
                        "Unable to parse '" + v + "' as an integer");
            }
        }
    }

    private static VirtException invalidArg(String msg) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.CGROUP, msg);
    }
}
