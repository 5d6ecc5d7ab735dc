package org.jvirt.driver.qemu.internal;

import java.time.Duration;
import java.util.Map;

import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VcpuFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NumaCell;
import org.jvirt.api.xml.VcpuPin;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.vcpu.VcpuHotplug;
import org.jvirt.driver.qemu.internal.vcpu.VcpuSlot;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * vCPU counts of QEMU guests, as libvirt's {@code qemuDomainSetVcpusFlags} and
 * {@code qemuDomainGetVcpusFlags}: the running guest through vCPU hot(un)plug, the definition by
 * its {@code <vcpu>}; the maximum only in the definition. Counts as the guest sees them need the
 * guest agent, which jvirt does not drive.
 */
final class VcpuResize {
    private static final Logger LOG = LoggerFactory.getLogger(VcpuResize.class);
    private static final int MAXIMUM = VcpuFlag.MAXIMUM.bit();
    private static final int GUEST = VcpuFlag.GUEST.bit();
    private static final int HOTPLUGGABLE = VcpuFlag.HOTPLUGGABLE.bit();
    /** libvirt's QEMU_UNPLUG_TIMEOUT. */
    private static final Duration UNPLUG_TIMEOUT = Duration.ofSeconds(5);

    private final QemuHost host;

    VcpuResize(QemuHost host) {
        this.host = host;
    }

    int count(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, AffectedDefs.LIVE | AffectedDefs.CONFIG | MAXIMUM | GUEST,
                "qemuDomainGetVcpusFlags");
        synchronized (dom) {
            DomainDef def = AffectedDefs.one(dom, flags);
            if ((flags & GUEST) != 0) {
                if ((flags & AffectedDefs.CONFIG) != 0) {
                    throw QemuErrors.invalidArg("vCPU count provided by the guest agent can only be requested for "
                            + "live domains");
                }
                throw agentUnavailable(dom);
            }
            return (flags & MAXIMUM) != 0 ? def.vcpu().count() : def.vcpu().current();
        }
    }

    void set(QemuDomainObj dom, int count, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, AffectedDefs.LIVE | AffectedDefs.CONFIG | MAXIMUM | GUEST | HOTPLUGGABLE,
                "qemuDomainSetVcpusFlags");
        synchronized (dom) {
            AffectedDefs defs = AffectedDefs.of(dom, flags);
            if ((flags & GUEST) != 0) {
                throw agentUnavailable(dom);
            }
            if ((flags & MAXIMUM) != 0) {
                setMaximum(dom, defs, count);
            } else {
                setCurrent(dom, defs, count);
            }
        }
    }

    /** {@code qemuDomainAgentAvailable}: a running guest, then the agent jvirt does not connect to. */
    private static VirtException agentUnavailable(QemuDomainObj dom) {
        if (!dom.isActive() || dom.state().state() != DomainState.RUNNING) {
            return QemuErrors.invalid("domain is not running");
        }
        return new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU, "QEMU guest agent is not configured");
    }

    /** {@code qemuDomainSetVcpusMax}. */
    private void setMaximum(QemuDomainObj dom, AffectedDefs defs, int max) throws VirtException {
        if (defs.live() != null) {
            throw QemuErrors.unsupported("maximum vcpu count of a live domain can't be modified");
        }
        DomainDef def = defs.persistent();
        if (numaCpus(def) > max) {
            throw QemuErrors.invalidArg("Number of CPUs in <numa> exceeds the desired maximum vcpu count");
        }
        int topology = ResizedDefs.topologyVcpus(def);
        if (topology != 0 && topology != max) {
            throw QemuErrors.invalidArg("CPU topology doesn't match the desired vcpu count");
        }
        DomainDef updated = ResizedDefs.withMaxVcpus(def, max);
        host.saveConfig(dom, host.configRecord(updated));
        dom.setPersistentDef(updated);
    }

    private static int numaCpus(DomainDef def) throws VirtException {
        int n = 0;
        if (def.cpu() != null) {
            for (NumaCell cell : def.cpu().numaCells()) {
                n += Bitmap.parse(cell.cpus()).bits().cardinality();
            }
        }
        return n;
    }

    /** {@code qemuDomainSetVcpusInternal}. */
    private void setCurrent(QemuDomainObj dom, AffectedDefs defs, int count) throws VirtException {
        if (defs.live() != null && Integer.compareUnsigned(count, defs.live().vcpu().count()) > 0) {
            throw QemuErrors.invalidArg("requested vcpus is greater than max allowable vcpus for the live domain: "
                    + Integer.toUnsignedString(count) + " > " + defs.live().vcpu().count());
        }
        if (defs.persistent() != null && Integer.compareUnsigned(count, defs.persistent().vcpu().count()) > 0) {
            throw QemuErrors.invalidArg("requested vcpus is greater than max allowable vcpus for the persistent "
                    + "domain: " + Integer.toUnsignedString(count) + " > " + defs.persistent().vcpu().count());
        }
        DomainDef persistent = defs.persistent() == null ? null : ResizedDefs.withVcpus(defs.persistent(), count);
        byte[] record = persistent == null ? null : host.configRecord(persistent);
        if (defs.live() != null) {
            try {
                hotplug(dom, defs.live(), count);
            } finally {
                host.saveStatusQuietly(dom);
            }
        }
        if (persistent != null) {
            host.saveConfig(dom, record);
            dom.setPersistentDef(persistent);
        }
    }

    /** {@code qemuDomainSetVcpusLive}: the live count follows whatever QEMU reports afterwards, also on failure. */
    private void hotplug(QemuDomainObj dom, DomainDef live, int count) throws VirtException {
        QmpClient qmp = dom.qmp();
        if (qmp == null || qmp.isClosed()) {
            throw QemuErrors.failed("monitor of domain '" + dom.name() + "' is not connected");
        }
        VcpuHotplug hotplug = new VcpuHotplug(qmp, live.vcpu().count());
        Map<Integer, Long> before = dom.vcpuThreads();
        VirtException failure = null;
        try {
            int online = (int) hotplug.refresh().stream().filter(VcpuSlot::online).count();
            if (count >= online) {
                hotplug.setCount(count);
            } else {
                hotplug.unplugTo(count, UNPLUG_TIMEOUT);
            }
        } catch (VirtException e) {
            failure = e;
        }
        // what QEMU reports now holds, also after a failure part way
        int online = (int) hotplug.refresh().stream().filter(VcpuSlot::online).count();
        dom.setLiveDef(ResizedDefs.withOnlineVcpus(dom.liveDef(), online));
        VcpuThreadResolution r = host.context().vcpus().refresh(dom);
        LOG.info("domain '{}': {} vCPUs online", dom.name(), online);
        if (r.usable()) {
            for (Map.Entry<Integer, Long> e : r.sortedThreadIds().entrySet()) {
                if (!before.containsKey(e.getKey())) {
                    setUpVcpu(dom, e.getKey());
                }
            }
            // the groups of the vCPUs that went away go too
            for (Map.Entry<Integer, Long> e : before.entrySet()) {
                if (!r.sortedThreadIds().containsKey(e.getKey())) {
                    host.context().cgroups().removeVcpu(dom.uuid().toString(), e.getKey(), e.getValue());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * A vCPU that came online: its thread gets the pinning of the definition, as libvirt's
     * {@code qemuProcessSetupVcpu} (per-vCPU cgroup placement belongs here too).
     */
    private void setUpVcpu(QemuDomainObj dom, int vcpu) throws VirtException {
        DomainDef def = dom.liveDef();
        String cpuset = def.vcpu().cpuset();
        if (def.cputune() != null) {
            for (VcpuPin pin : def.cputune().vcpuPins()) {
                if (pin.vcpu() == vcpu) {
                    cpuset = pin.cpuset();
                }
            }
        }
        if (cpuset != null && !cpuset.isBlank()) {
            host.context().vcpus().pin(dom, vcpu, Bitmap.parse(cpuset).bits());
        }
    }
}
