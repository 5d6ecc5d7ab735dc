package org.jvirt.driver.qemu.internal;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Memory sizes of QEMU guests, as libvirt's {@code qemuDomainSetMemoryFlags} and
 * {@code qemuDomainSetMemoryStatsPeriod}: the running guest changes only through its virtio
 * balloon (QMP {@code balloon}; what the guest gave back arrives as {@code BALLOON_CHANGE} and
 * becomes the live {@code <currentMemory>}), the maximum only in the persistent definition.
 */
final class MemoryResize {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryResize.class);
    private static final int MAXIMUM = MemoryFlag.MAXIMUM.bit();
    private static final String NO_BALLOON = "Unable to change memory of active domain without the balloon device "
            + "and guest OS balloon driver";

    private final QemuHost host;

    MemoryResize(QemuHost host) {
        this.host = host;
    }

    void setMemory(QemuDomainObj dom, long kib, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, AffectedDefs.LIVE | AffectedDefs.CONFIG | MAXIMUM, "qemuDomainSetMemoryFlags");
        synchronized (dom) {
            AffectedDefs defs = AffectedDefs.of(dom, flags);
            if ((flags & MAXIMUM) != 0) {
                setMaximum(dom, defs, kib);
                return;
            }
            long oldMax = Long.MAX_VALUE;
            if (defs.live() != null) {
                oldMax = defs.live().memory().kib();
            }
            if (defs.persistent() != null && oldMax > defs.persistent().memory().kib()) {
                oldMax = defs.persistent().memory().kib();
            }
            if (Long.compareUnsigned(kib, oldMax) > 0) {
                throw QemuErrors.invalidArg("cannot set memory higher than max memory");
            }
            DomainDef persistent = defs.persistent() == null ? null
                    : ResizedDefs.withCurrentMemory(defs.persistent(), kib);
            byte[] record = persistent == null ? null : host.configRecord(persistent);
            if (defs.live() != null) {
                if (ResizedDefs.balloon(defs.live()) == null) {
                    throw QemuErrors.invalid(NO_BALLOON);
                }
                qmp(dom, "balloon", QmpClient.args().put("value", kib * 1024));
                LOG.info("domain '{}': balloon target {} KiB", dom.name(), kib);
            }
            if (persistent != null) {
                host.saveConfig(dom, record);
                dom.setPersistentDef(persistent);
            }
        }
    }

    private void setMaximum(QemuDomainObj dom, AffectedDefs defs, long kib) throws VirtException {
        if (defs.live() != null) {
            throw QemuErrors.invalid("cannot resize the maximum memory on an active domain");
        }
        DomainDef def = defs.persistent();
        if (def.cpu() != null && !def.cpu().numaCells().isEmpty()) {
            throw QemuErrors.invalid("initial memory size of a domain with NUMA nodes cannot be modified with this API");
        }
        if (def.maxMemory() != null && def.maxMemory().kib() != 0
                && Long.compareUnsigned(def.maxMemory().kib(), kib) < 0) {
            throw QemuErrors.invalidArg("cannot set initial memory size greater than the maximum memory size");
        }
        DomainDef updated = ResizedDefs.withTotalMemory(def, kib);
        host.saveConfig(dom, host.configRecord(updated));
        dom.setPersistentDef(updated);
    }

    void setStatsPeriod(QemuDomainObj dom, int period, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, AffectedDefs.LIVE | AffectedDefs.CONFIG, "qemuDomainSetMemoryStatsPeriod");
        synchronized (dom) {
            AffectedDefs defs = AffectedDefs.of(dom, flags);
            if (defs.live() != null) {
                MemBalloon balloon = balloonFor(defs.live());
                try {
                    setPollingInterval(monitor(dom), period);
                } catch (QmpException e) {
                    throw QemuErrors.invalid("unable to set balloon driver collection period");
                }
                dom.setLiveDef(ResizedDefs.withStatsPeriod(defs.live(), balloon, period));
                host.saveStatusQuietly(dom);
            }
            if (defs.persistent() != null) {
                DomainDef persistent = ResizedDefs.withImplicitBalloon(defs.persistent());
                DomainDef updated = ResizedDefs.withStatsPeriod(persistent, balloonFor(persistent), period);
                host.saveConfig(dom, host.configRecord(updated));
                dom.setPersistentDef(updated);
            }
        }
    }

    private static MemBalloon balloonFor(DomainDef def) throws VirtException {
        MemBalloon b = ResizedDefs.balloon(def);
        if (b == null) {
            throw QemuErrors.invalid("No memory balloon device configured, can not set the collection period");
        }
        return b;
    }

    /**
     * libvirt's {@code qemuProcessSetupBalloon}, while a guest starts: the statistics period of
     * {@code <stats period>} and the balloon target of {@code <currentMemory>}.
     */
    static void setUp(QmpClient qmp, DomainDef live) throws QmpException {
        MemBalloon b = ResizedDefs.balloon(live);
        if (b == null) {
            return;
        }
        if (b.statsPeriod() != null && b.statsPeriod() != 0) {
            setPollingInterval(qmp, b.statsPeriod());
        }
        qmp.execute("balloon", QmpClient.args().put("value", live.currentMemoryKib() * 1024));
    }

    /** {@code BALLOON_CHANGE}: what the guest holds now becomes the live {@code <currentMemory>}. Lock held. */
    static void balloonChanged(QemuHost host, QemuDomainObj dom, JsonNode data) {
        DomainDef live = dom.liveDef();
        if (live == null || !data.has("actual")) {
            return;
        }
        long kib = data.get("actual").asLong() / 1024;
        dom.setLiveDef(ResizedDefs.withCurrentMemory(live, kib));
        host.saveStatusQuietly(dom);
        LOG.debug("domain '{}': balloon now {} KiB", dom.name(), kib);
    }

    private static void setPollingInterval(QmpClient qmp, int period) throws QmpException {
        qmp.execute("qom-set", QmpClient.args().put("path", BalloonStats.BALLOON_PATH)
                .put("property", "guest-stats-polling-interval").put("value", period));
    }

    private static QmpClient monitor(QemuDomainObj dom) throws VirtException {
        QmpClient qmp = dom.qmp();
        if (qmp == null || qmp.isClosed()) {
            throw QemuErrors.failed("monitor of domain '" + dom.name() + "' is not connected");
        }
        return qmp;
    }

    private static void qmp(QemuDomainObj dom, String command, ObjectNode args)
            throws VirtException {
        try {
            monitor(dom).execute(command, args);
        } catch (QmpException e) {
            if ("DeviceNotActive".equals(e.errorClass())) {
                throw QemuErrors.invalid(NO_BALLOON);
            }
            throw e.isTimeout() ? new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU, e.getMessage())
                    : QemuErrors.internal(e.getMessage(), e);
        }
    }
}
