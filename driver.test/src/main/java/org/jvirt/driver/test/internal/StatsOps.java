package org.jvirt.driver.test.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.BlockStats;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.MemoryStatTag;
import org.jvirt.api.StatsGroup;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.Disk;
import org.jvirt.api.xml.DiskSource;
import org.jvirt.api.spi.DomainStatsRecord;

/**
 * Statistics as libvirt 9.0's test driver makes them up: {@code testDomainMemoryStats} derives
 * every figure from the current balloon size, and {@code testConnectGetAllDomainStats} knows the
 * state group only.
 */
final class StatsOps {
    /** The {@code last_update} libvirt's test driver always reports. */
    private static final long LAST_UPDATE = 627319920L;
    /** virConnectGetAllDomainStatsFlags beyond the list filters. */
    private static final int NOWAIT = 1 << 29;
    private static final int BACKING = 1 << 30;
    private static final int ENFORCE_STATS = 1 << 31;
    private static final int SUPPORTED = StatsGroup.STATE.bit();

    private final TestHost host;

    StatsOps(TestHost host) {
        this.host = host;
    }

    List<MemoryStat> memoryStats(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainMemoryStats");
        return host.locked(() -> {
            DomainObj dom = host.find(ref);
            if (!dom.isActive()) {
                throw TestDriverErrors.notRunning();
            }
            // only a guest with a balloon (of any model but none) has figures to make up
            if (!ResizeOps.hasBalloon(dom.def())) {
                return List.of();
            }
            long cur = dom.def().currentMemoryKib();
            return List.of(stat(MemoryStatTag.ACTUAL_BALLOON, cur), stat(MemoryStatTag.SWAP_IN, 0),
                    stat(MemoryStatTag.SWAP_OUT, 0), stat(MemoryStatTag.MAJOR_FAULT, 0),
                    stat(MemoryStatTag.MINOR_FAULT, 0), stat(MemoryStatTag.UNUSED, cur / 2),
                    stat(MemoryStatTag.AVAILABLE, cur), stat(MemoryStatTag.USABLE, cur / 2),
                    stat(MemoryStatTag.LAST_UPDATE, LAST_UPDATE), stat(MemoryStatTag.DISK_CACHES, cur / 8),
                    stat(MemoryStatTag.HUGETLB_PGALLOC, 0), stat(MemoryStatTag.HUGETLB_PGFAIL, 0),
                    stat(MemoryStatTag.RSS, cur / 2));
        });
    }

    /**
     * {@code testDomainBlockStats}: numbers without meaning, made from the time of day in
     * microseconds as libvirt's are, for a disk named by target or source path; no totals of all disks.
     */
    BlockStats blockStats(DomainRef ref, String path) throws VirtException {
        if (path.isEmpty()) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.TEST,
                    "summary statistics are not supported yet");
        }
        return host.locked(() -> {
            DomainObj dom = host.find(ref);
            if (!dom.isActive()) {
                throw TestDriverErrors.notRunning();
            }
            if (!hasDisk(dom.def().devices().disks(), path)) {
                throw TestDriverErrors.invalidArg(ErrorDomain.TEST, "invalid path: " + path);
            }
            Instant now = Instant.now();
            long statbase = now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
            return new BlockStats(statbase / 10, statbase / 20, statbase / 30, statbase / 40, now.getEpochSecond() / 2);
        });
    }

    /**
     * virDomainDiskIndexByName without ambiguity: a name without a leading slash is a target, else a
     * source path that exactly one disk has.
     */
    static boolean hasDisk(List<Disk> disks, String name) {
        if (!name.startsWith("/")) {
            return disks.stream().anyMatch(d -> name.equals(d.targetDev()));
        }
        return disks.stream().filter(d -> name.equals(sourcePath(d.source()))).count() == 1;
    }

    private static String sourcePath(DiskSource src) {
        if (src == null) {
            return null;
        }
        return src.file() != null ? src.file() : src.dev() != null ? src.dev() : src.dir() != null ? src.dir()
                : src.name();
    }

    private static MemoryStat stat(MemoryStatTag tag, long value) {
        return new MemoryStat(tag, value);
    }

    /** {@code domains} null: every domain matching the filter flags. */
    List<DomainStatsRecord> domainStats(List<DomainRef> domains, int stats, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, DomainFilter.ALL & 0xFF | NOWAIT | BACKING | ENFORCE_STATS,
                "testConnectGetAllDomainStats");
        int wanted = stats == 0 ? SUPPORTED : stats;
        if ((flags & ENFORCE_STATS) != 0 && (stats & ~SUPPORTED) != 0) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.TEST, "Stats types bits 0x"
                    + Integer.toHexString(stats & ~SUPPORTED) + " are not supported by this daemon");
        }
        DomainFilter filter = new DomainFilter(flags & 0xFF);
        return host.locked(() -> {
            List<DomainObj> doms = new ArrayList<>();
            if (domains == null) {
                doms.addAll(host.all());
            } else {
                for (DomainRef r : domains) {
                    DomainObj d = host.byUuid(r.uuid());
                    if (d != null) {
                        doms.add(d);
                    }
                }
            }
            List<DomainStatsRecord> out = new ArrayList<>();
            for (DomainObj d : doms) {
                if (!filter.matches(d)) {
                    continue;
                }
                List<TypedParameter> params = new ArrayList<>();
                if ((wanted & StatsGroup.STATE.bit()) != 0) {
                    params.add(TypedParameter.ofInt("state.state", d.state().number()));
                    params.add(TypedParameter.ofInt("state.reason", d.stateInfo().reason()));
                }
                out.add(new DomainStatsRecord(d.ref(), params));
            }
            return out;
        });
    }
}
