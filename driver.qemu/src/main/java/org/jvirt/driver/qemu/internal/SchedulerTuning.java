package org.jvirt.driver.qemu.internal;

import static org.jvirt.driver.qemu.internal.TuneTarget.CONFIG;
import static org.jvirt.driver.qemu.internal.TuneTarget.LIVE;
import static org.jvirt.driver.qemu.internal.TuneTarget.STRING_OKAY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jvirt.api.ParameterType;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.CpuTuneBuilder;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.driver.qemu.internal.cgroup.CgroupTunables;
import org.jvirt.driver.qemu.internal.cgroup.Controller;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroup;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/**
 * {@code virsh schedinfo}: libvirt's qemuDomainGetSchedulerType and
 * qemuDomainGet/SetSchedulerParametersFlags over the guest's cpu cgroup (shares on the guest's
 * group, vCPU bandwidth on every {@code vcpuN/}, emulator bandwidth on {@code emulator/}, global
 * bandwidth on the guest's group) and over {@code <cputune>} of the definitions.
 */
final class SchedulerTuning {
    static final String SHARES = "cpu_shares";
    private static final String[] NAMES = {"vcpu", "emulator", "global", "iothread"};
    private static final Map<String, ParameterType> PARAMS = new LinkedHashMap<>();

    static {
        PARAMS.put(SHARES, ParameterType.ULLONG);
        for (String n : NAMES) {
            PARAMS.put(n + "_period", ParameterType.ULLONG);
            PARAMS.put(n + "_quota", ParameterType.LLONG);
        }
    }

    private static final long MIN_PERIOD = 1000;
    private static final long MAX_PERIOD = 1000000;
    private static final long MIN_QUOTA = 1000;
    private static final long MAX_QUOTA = 17592186044415L;

    private final TuneTarget target;

    SchedulerTuning(TuneTarget target) {
        this.target = target;
    }

    SchedulerType type(QemuDomainObj dom) throws VirtException {
        synchronized (dom) {
            if (!dom.isActive()) {
                return new SchedulerType("posix", PARAMS.size());
            }
            GuestCgroup g = cpuGroup(dom);
            return new SchedulerType("posix", new CgroupTunables(g).supportsBandwidth() ? PARAMS.size() : 1);
        }
    }

    List<TypedParameter> get(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "qemuDomainGetSchedulerParametersFlags");
        synchronized (dom) {
            if ((AffectedDefs.impact(dom, flags) & CONFIG) != 0) {
                CpuTune t = dom.persistentDef().cputune();
                long[] v = t == null ? new long[9] : new long[] {orZero(t.shares()), orZero(t.period()),
                    orZero(t.quota()), orZero(t.emulatorPeriod()), orZero(t.emulatorQuota()), orZero(t.globalPeriod()),
                    orZero(t.globalQuota()), orZero(t.iothreadPeriod()), orZero(t.iothreadQuota())};
                return params(v, 9);
            }
            GuestCgroup g = cpuGroup(dom);
            CgroupTunables t = new CgroupTunables(g);
            if (!t.supportsBandwidth()) {
                return params(new long[] {t.shares()}, 1);
            }
            // vCPU bandwidth is read from vCPU 0's group when the vCPU threads have groups
            String vcpu = g.hasFile(Controller.CPU, GuestCgroup.vcpu(0), "tasks")
                    || g.hasFile(Controller.CPU, GuestCgroup.vcpu(0), "cgroup.threads") ? GuestCgroup.vcpu(0) : null;
            return params(new long[] {t.shares(), t.period(vcpu), t.quota(vcpu), t.period(GuestCgroup.EMULATOR),
                t.quota(GuestCgroup.EMULATOR), t.period(null), t.quota(null), 0, 0}, 9);
        }
    }

    private static List<TypedParameter> params(long[] v, int n) {
        List<TypedParameter> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, ParameterType> e : PARAMS.entrySet()) {
            if (i >= n) {
                break;
            }
            out.add(new TypedParameter(e.getKey(), e.getValue(), v[i++]));
        }
        return out;
    }

    void set(QemuDomainObj dom, List<TypedParameter> params, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG, "qemuDomainSetSchedulerParametersFlags");
        TuneTarget.validate(params, PARAMS);
        synchronized (dom) {
            int impact = AffectedDefs.impact(dom, flags);
            GuestCgroup g = (impact & LIVE) != 0 ? cpuGroup(dom) : null;
            DomainDef live = g == null ? null : dom.liveDef();
            CpuTuneBuilder liveTune = live == null ? null : builder(live);
            CpuTuneBuilder configTune = (impact & CONFIG) != 0 ? builder(dom.persistentDef()) : null;
            for (TypedParameter p : params) {
                long v = p.longValue();
                if (p.field().equals(SHARES)) {
                    if (g != null) {
                        CgroupTunables t = new CgroupTunables(g);
                        t.setShares(v);
                        liveTune.shares(t.shares());
                    }
                    if (configTune != null) {
                        configTune.shares(v);
                    }
                    continue;
                }
                boolean period = p.field().endsWith("_period");
                String kind = p.field().substring(0, p.field().indexOf('_'));
                rangeCheck(p.field(), v, period);
                if (g != null && v != 0) {
                    setLive(dom, g, kind, period ? v : 0, period ? 0 : v);
                    assign(liveTune, kind, period, v);
                }
                if (configTune != null) {
                    assign(configTune, kind, period, v);
                }
            }
            if (liveTune != null) {
                target.saveLive(dom, live.withCputune(liveTune.build()));
            }
            if (configTune != null) {
                target.savePersistent(dom, d -> d.withCputune(configTune.build()));
            }
        }
    }

    /** qemuSetVcpusBWLive, qemuSetEmulatorBandwidthLive, qemuSetGlobalBWLive. */
    private static void setLive(QemuDomainObj dom, GuestCgroup g, String kind, long period, long quota)
            throws VirtException {
        CgroupTunables t = new CgroupTunables(g);
        switch (kind) {
            case "vcpu" -> {
                for (int vcpu : dom.vcpuThreads().keySet()) {
                    if (g.hasFile(Controller.CPU, GuestCgroup.vcpu(vcpu), "cpu.cfs_period_us")
                            || g.hasFile(Controller.CPU, GuestCgroup.vcpu(vcpu), "cpu.max")) {
                        t.setPeriodQuota(GuestCgroup.vcpu(vcpu), period, quota);
                    }
                }
            }
            case "emulator" -> t.setPeriodQuota(GuestCgroup.EMULATOR, period, quota);
            case "global" -> t.setPeriodQuota(null, period, quota);
            default -> {
                // no IOThread has a group of its own: nothing to write, as libvirt without IOThreads
            }
        }
    }

    private static void assign(CpuTuneBuilder b, String kind, boolean period, long v) {
        switch (kind + (period ? "_period" : "_quota")) {
            case "vcpu_period" -> b.period(v);
            case "vcpu_quota" -> b.quota(v);
            case "emulator_period" -> b.emulatorPeriod(v);
            case "emulator_quota" -> b.emulatorQuota(v);
            case "global_period" -> b.globalPeriod(v);
            case "global_quota" -> b.globalQuota(v);
            case "iothread_period" -> b.iothreadPeriod(v);
            default -> b.iothreadQuota(v);
        }
    }

    /** SCHED_RANGE_CHECK of qemuDomainSetSchedulerParametersFlags. */
    private static void rangeCheck(String field, long v, boolean period) throws VirtException {
        long min = period ? MIN_PERIOD : MIN_QUOTA;
        long max = period ? MAX_PERIOD : MAX_QUOTA;
        boolean out = period ? (v != 0 && Long.compareUnsigned(v, min) < 0) || Long.compareUnsigned(v, max) > 0
                : (v > 0 && v < min) || v > max;
        if (out) {
            throw QemuErrors.invalidArg("value of '" + field + "' is out of range [" + min + ", " + max + "]");
        }
    }

    private static CpuTuneBuilder builder(DomainDef def) {
        return def.cputune() == null ? CpuTune.builder() : def.cputune().toBuilder();
    }

    private GuestCgroup cpuGroup(QemuDomainObj dom) throws VirtException {
        GuestCgroup g = target.cgroup(dom);
        if (!g.has(Controller.CPU)) {
            throw QemuErrors.invalid("cgroup CPU controller is not mounted");
        }
        return g;
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }
}
