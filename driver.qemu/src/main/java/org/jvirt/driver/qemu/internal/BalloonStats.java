package org.jvirt.driver.qemu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.jvirt.api.MemoryStat;
import org.jvirt.api.MemoryStatTag;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code virDomainMemoryStats} of a QEMU guest, as libvirt's {@code qemuDomainMemoryStatsInternal}
 * and {@code qemuMonitorJSONGetMemoryStats}: the balloon's size ({@code query-balloon}), the
 * statistics its guest driver reported ({@code qom-get} of {@code guest-stats}; those the guest
 * does not collect are -1 and left out), then the emulator's resident set from {@code /proc}.
 */
final class BalloonStats {
    private static final Logger LOG = LoggerFactory.getLogger(BalloonStats.class);
    /** The balloon's QOM path: libvirt gives it the alias balloon0. */
    static final String BALLOON_PATH = "/machine/peripheral/balloon0";

    private BalloonStats() {
    }

    /** {@code qemuDomainMemoryStats}: the domain must run. */
    static List<MemoryStat> ofDomain(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, 0, "qemuDomainMemoryStats");
        synchronized (dom) {
            if (!dom.isActive()) {
                throw QemuErrors.notRunning();
            }
            return read(dom);
        }
    }

    /** Caller holds the domain's lock; the domain runs. */
    static List<MemoryStat> read(QemuDomainObj dom) throws VirtException {
        List<MemoryStat> out = new ArrayList<>();
        QmpClient qmp = dom.qmp();
        if (ResizedDefs.balloon(dom.liveDef()) != null && qmp != null) {
            try {
                JsonNode balloon = qmp.execute("query-balloon", null);
                out.add(new MemoryStat(MemoryStatTag.ACTUAL_BALLOON, balloon.path("actual").asLong() / 1024));
                JsonNode stats = qmp.execute("qom-get", QmpClient.args().put("path", BALLOON_PATH)
                        .put("property", "guest-stats"));
                guestStats(stats, out);
            } catch (QmpException e) {
                if (e.isClosed() || e.isTimeout()) {
                    throw QemuErrors.internal(e.getMessage(), e);
                }
                // a balloon without a guest driver: libvirt reports what it has
                LOG.debug("domain '{}': balloon statistics: {}", dom.name(), e.getMessage());
            }
        }
        rssKib(dom.pid()).ifPresent(rss -> out.add(new MemoryStat(MemoryStatTag.RSS, rss)));
        return out;
    }

    /** The statistics of a {@code guest-stats} reply in libvirt's order, sizes in KiB. */
    static void guestStats(JsonNode reply, List<MemoryStat> out) {
        JsonNode s = reply.path("stats");
        add(s, "stat-swap-in", MemoryStatTag.SWAP_IN, 1024, out);
        add(s, "stat-swap-out", MemoryStatTag.SWAP_OUT, 1024, out);
        add(s, "stat-major-faults", MemoryStatTag.MAJOR_FAULT, 1, out);
        add(s, "stat-minor-faults", MemoryStatTag.MINOR_FAULT, 1, out);
        add(s, "stat-free-memory", MemoryStatTag.UNUSED, 1024, out);
        add(s, "stat-total-memory", MemoryStatTag.AVAILABLE, 1024, out);
        add(s, "stat-available-memory", MemoryStatTag.USABLE, 1024, out);
        add(reply, "last-update", MemoryStatTag.LAST_UPDATE, 1, out);
        add(s, "stat-disk-caches", MemoryStatTag.DISK_CACHES, 1024, out);
        add(s, "stat-htlb-pgalloc", MemoryStatTag.HUGETLB_PGALLOC, 1, out);
        add(s, "stat-htlb-pgfail", MemoryStatTag.HUGETLB_PGFAIL, 1, out);
    }

    private static void add(JsonNode obj, String field, MemoryStatTag tag, long divisor, List<MemoryStat> out) {
        JsonNode v = obj.get(field);
        // QEMU reports -1 for what the guest does not collect
        if (v == null || !v.isIntegralNumber() || v.asLong() == -1) {
            return;
        }
        out.add(new MemoryStat(tag, Long.divideUnsigned(v.asLong(), divisor)));
    }

    /** The process's resident set in KiB ({@code VmRSS} of {@code /proc/PID/status}). */
    static OptionalLong rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read the RSS of pid {}: {}", pid, e.toString());
        }
        return OptionalLong.empty();
    }
}
