package org.jvirt.driver.qemu.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.StatsGroup;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.spi.DomainStatsRecord;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.process.ProcStat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code virConnectGetAllDomainStats} of QEMU guests, as libvirt's
 * {@code qemuConnectGetAllDomainStats} and its {@code qemuDomainGetStats*} workers, with their
 * field names and types: state, CPU (from {@code /proc}), balloon, vCPUs, interfaces and block
 * devices. A group a domain cannot answer is left out of its record, as libvirt does.
 */
final class DomainStatsCollector {
    private static final Logger LOG = LoggerFactory.getLogger(DomainStatsCollector.class);
    /** The groups jvirt collects; the others are skipped, or refused with ENFORCE_STATS. */
    static final int SUPPORTED = StatsGroup.STATE.bit() | StatsGroup.CPU_TOTAL.bit() | StatsGroup.BALLOON.bit()
            | StatsGroup.VCPU.bit() | StatsGroup.INTERFACE.bit() | StatsGroup.BLOCK.bit();
    private static final int FILTERS = 0xFF;
    private static final int NOWAIT = 1 << 29;
    private static final int BACKING = 1 << 30;
    private static final int ENFORCE_STATS = 1 << 31;

    private final QemuHost host;

    DomainStatsCollector(QemuHost host) {
        this.host = host;
    }

    List<DomainStatsRecord> collect(List<QemuDomainObj> domains, int stats, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, FILTERS | NOWAIT | BACKING | ENFORCE_STATS, "qemuConnectGetAllDomainStats");
        if ((flags & ENFORCE_STATS) != 0 && (stats & ~SUPPORTED) != 0) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU, "Stats types bits 0x"
                    + Integer.toHexString(stats & ~SUPPORTED) + " are not supported by this daemon");
        }
        int groups = stats == 0 ? SUPPORTED : stats & SUPPORTED;
        List<DomainStatsRecord> out = new ArrayList<>();
        for (QemuDomainObj dom : domains) {
            synchronized (dom) {
                DomainDef def = dom.def();
                if (def == null || !DomainListFilter.matches(dom, flags & FILTERS, host.context())) {
                    continue; // a transient domain that stopped meanwhile, or filtered out
                }
                out.add(new DomainStatsRecord(dom.ref(), record(dom, def, groups)));
            }
        }
        return out;
    }

    private List<TypedParameter> record(QemuDomainObj dom, DomainDef def, int groups) {
        List<TypedParameter> p = new ArrayList<>();
        if ((groups & StatsGroup.STATE.bit()) != 0) {
            p.add(TypedParameter.ofInt("state.state", dom.state().state().number()));
            p.add(TypedParameter.ofInt("state.reason", dom.state().reason()));
        }
        boolean active = dom.isActive();
        if ((groups & StatsGroup.CPU_TOTAL.bit()) != 0 && active) {
            ProcStat.ofProcess(dom.pid()).ifPresent(s -> {
                long ns = 1_000_000_000L / ProcStat.TICKS_PER_SECOND;
                p.add(TypedParameter.ofULong("cpu.time", s.cpuTimeNs()));
                p.add(TypedParameter.ofULong("cpu.user", s.utime() * ns));
                p.add(TypedParameter.ofULong("cpu.system", s.stime() * ns));
            });
        }
        if ((groups & StatsGroup.BALLOON.bit()) != 0) {
            balloon(dom, def, active, p);
        }
        if ((groups & StatsGroup.VCPU.bit()) != 0) {
            vcpus(dom, def, active, p);
        }
        if ((groups & StatsGroup.INTERFACE.bit()) != 0 && active) {
            InterfaceStats.add(def, dom.pid(), p);
        }
        if ((groups & StatsGroup.BLOCK.bit()) != 0) {
            BlockStats.add(dom, def, active, p);
        }
        return p;
    }

    private static void balloon(QemuDomainObj dom, DomainDef def, boolean active, List<TypedParameter> p) {
        long current = ResizedDefs.balloon(def) != null ? def.currentMemoryKib() : def.memory().kib();
        p.add(TypedParameter.ofULong("balloon.current", current));
        p.add(TypedParameter.ofULong("balloon.maximum", def.memory().kib()));
        if (!active) {
            return;
        }
        List<MemoryStat> stats;
        try {
            stats = BalloonStats.read(dom);
        } catch (VirtException e) {
            LOG.debug("domain '{}': no balloon statistics: {}", dom.name(), e.getMessage());
            return;
        }
        for (MemoryStat s : stats) {
            String name = switch (s.tag()) {
                case ACTUAL_BALLOON -> null; // balloon.current says it
                case LAST_UPDATE -> "last-update";
                default -> s.tag().label();
            };
            if (name != null) {
                p.add(TypedParameter.ofULong("balloon." + name, s.value()));
            }
        }
    }

    private void vcpus(QemuDomainObj dom, DomainDef def, boolean active, List<TypedParameter> p) {
        p.add(TypedParameter.ofUInt("vcpu.current", def.vcpu().current()));
        p.add(TypedParameter.ofUInt("vcpu.maximum", def.vcpu().count()));
        if (!active) {
            return;
        }
        List<VcpuInfo> infos;
        try {
            infos = host.context().vcpus().info(dom);
        } catch (VirtException e) {
            LOG.debug("domain '{}': no vCPU statistics: {}", dom.name(), e.getMessage());
            return;
        }
        for (VcpuInfo v : infos) {
            String prefix = "vcpu." + v.number() + ".";
            p.add(TypedParameter.ofInt(prefix + "state", v.state().number()));
            p.add(TypedParameter.ofULong(prefix + "time", v.cpuTimeNs()));
            Long tid = dom.vcpuThreads().get(v.number());
            SchedStats sched = tid == null ? SchedStats.NONE : SchedStats.ofThread(dom.pid(), tid);
            p.add(TypedParameter.ofULong(prefix + "wait", sched.waitNs()));
            p.add(TypedParameter.ofULong(prefix + "delay", sched.delayNs()));
        }
    }

    /** The domains a stats call names, or all of them. */
    List<QemuDomainObj> domains(List<DomainRef> refs) {
        if (refs == null) {
            return new ArrayList<>(host.all());
        }
        List<QemuDomainObj> out = new ArrayList<>();
        for (DomainRef r : refs) {
            QemuDomainObj d = host.byUuid(r.uuid());
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }
}
