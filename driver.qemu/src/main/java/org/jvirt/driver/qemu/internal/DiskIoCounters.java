package org.jvirt.driver.qemu.internal;

import java.util.List;
import java.util.Map;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.BlockStatsDriver;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.Disk;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A disk's I/O counters as libvirt's {@code qemuDomainBlockStats} and {@code qemuDomainBlockStatsFlags}
 * give them: {@code query-blockstats} of the disk named by target or source path
 * ({@code qemuDomainBlocksStatsGather}), or the sum over all disks for an empty name. The entries are
 * found as the {@code block.*} domain statistics find them ({@link BlockStats}).
 */
final class DiskIoCounters implements BlockStatsDriver {
    /** query-blockstats' fields in the order of {@link Counters}; the first four are always there. */
    private static final String[] FIELDS = {"rd_operations", "rd_bytes", "wr_operations", "wr_bytes",
        "rd_total_time_ns", "wr_total_time_ns", "flush_operations", "flush_total_time_ns"};
    private static final int MANDATORY = 4;
    private static final int TYPED_PARAM_STRING_OKAY = 1 << 2;

    private final DomainLookup lookup;

    DiskIoCounters(DomainLookup lookup) {
        this.lookup = lookup;
    }

    /** The counters and how many statistics QEMU reports per disk (libvirt's {@code nstats}). */
    private record Counters(long[] values, int nstats) {
        long get(int field) {
            return values[field];
        }
    }

    /** {@code virDomainBlockStats}: QEMU counts no errors, so {@code errs} is -1. */
    @Override
    public org.jvirt.api.BlockStats blockStats(DomainRef ref, String path) throws VirtException {
        Counters c = gather(lookup.find(ref), path);
        for (int f = 0; f < MANDATORY; f++) {
            if (c.get(f) < 0) {
                // VIR_ASSIGN_IS_OVERFLOW: an unsigned counter beyond the struct's long long
                throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.QEMU, "statistic value too large");
            }
        }
        return new org.jvirt.api.BlockStats(c.get(0), c.get(1), c.get(2), c.get(3), -1);
    }

    /** {@code virDomainBlockStatsFlags}: the typed parameters in libvirt's order and names. */
    @Override
    public List<TypedParameter> blockStatsParameters(DomainRef ref, String path, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, TYPED_PARAM_STRING_OKAY, "qemuDomainBlockStatsFlags");
        Counters c = gather(lookup.find(ref), path);
        List<TypedParameter> all = List.of(TypedParameter.ofLong("wr_bytes", c.get(3)),
                TypedParameter.ofLong("wr_operations", c.get(2)), TypedParameter.ofLong("rd_bytes", c.get(1)),
                TypedParameter.ofLong("rd_operations", c.get(0)), TypedParameter.ofLong("flush_operations", c.get(6)),
                TypedParameter.ofLong("wr_total_times", c.get(5)), TypedParameter.ofLong("rd_total_times", c.get(4)),
                TypedParameter.ofLong("flush_total_times", c.get(7)));
        // libvirt answers as many as QEMU reports per disk: an older QEMU without the times gives fewer
        return all.subList(0, Math.min(all.size(), c.nstats()));
    }

    /** Checked in libvirt's order: the domain runs, the disk exists, QEMU has statistics for it. */
    private static Counters gather(QemuDomainObj dom, String path) throws VirtException {
        synchronized (dom) {
            if (!dom.isActive()) {
                throw QemuErrors.notRunning();
            }
            List<Disk> disks = dom.liveDef().devices().disks();
            int index = -1;
            if (!path.isEmpty()) {
                index = diskIndex(disks, path);
                if (index < 0) {
                    throw QemuErrors.invalidArg("invalid path: " + path);
                }
            }
            QmpClient qmp = dom.qmp();
            if (qmp == null) {
                throw QemuErrors.invalid("monitor must not be NULL");
            }
            Map<String, JsonNode> stats;
            try {
                stats = BlockStats.byNodeName(qmp);
            } catch (QmpException e) {
                throw QemuErrors.internal(e.getMessage(), e);
            }
            int nstats = 0;
            for (JsonNode s : stats.values()) {
                nstats = Math.max(nstats, present(s.path("stats")));
            }
            long[] values = new long[FIELDS.length];
            for (int i = 0; i < disks.size(); i++) {
                if (index >= 0 && i != index) {
                    continue;
                }
                JsonNode s = BlockStats.byNode(stats, BlockStats.node(disks, i));
                if (s == null) {
                    throw QemuErrors.internal("cannot find statistics for device '" + disks.get(i).targetDev() + "'");
                }
                add(values, s.path("stats"), index < 0);
            }
            return new Counters(values, nstats);
        }
    }

    private static int present(JsonNode counters) {
        int n = MANDATORY;
        for (int f = MANDATORY; f < FIELDS.length; f++) {
            if (counters.has(FIELDS[f])) {
                n++;
            }
        }
        return n;
    }

    /**
     * One disk's counters, or added to the totals (qemuDomainBlockStatsGatherTotals). Kept as libvirt
     * keeps them, unsigned in a long: a counter past 2^63 reads negative.
     */
    private static void add(long[] values, JsonNode counters, boolean total) {
        for (int f = 0; f < FIELDS.length; f++) {
            long v = counters.path(FIELDS[f]).asLong();
            values[f] = total ? values[f] + v : v;
        }
    }

    /**
     * virDomainDiskByName without ambiguity: a name without a leading slash is a target, else the
     * source path of exactly one disk.
     */
    private static int diskIndex(List<Disk> disks, String name) {
        int candidate = -1;
        for (int i = 0; i < disks.size(); i++) {
            Disk d = disks.get(i);
            if (!name.startsWith("/")) {
                if (name.equals(d.targetDev())) {
                    return i;
                }
            } else if (name.equals(BlockStats.path(d.source()))) {
                if (candidate >= 0) {
                    return -1;
                }
                candidate = i;
            }
        }
        return candidate;
    }
}
