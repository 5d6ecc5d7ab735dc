package org.jvirt.driver.lxc.internal;

import static org.jvirt.driver.lxc.internal.TuneContext.STRING_OKAY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jvirt.api.Flag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.ParameterType;
import org.jvirt.api.SchedulerType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.ModificationImpact;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.CpuTuneBuilder;
import org.jvirt.api.xml.DomainDef;

/**
 * {@code virsh schedinfo} of a container: libvirt's {@code lxcDomainGetSchedulerType} and
 * {@code lxcDomainGet/SetSchedulerParametersFlags}: {@code cpu_shares}, {@code vcpu_period} and
 * {@code vcpu_quota} on the container's cpu cgroup and in {@code <cputune>}.
 */
final class ContainerScheduler {
    static final String SHARES = "cpu_shares";
    static final String PERIOD = "vcpu_period";
    static final String QUOTA = "vcpu_quota";
    private static final Map<String, ParameterType> PARAMS = Map.of(SHARES, ParameterType.ULLONG, PERIOD,
            ParameterType.ULLONG, QUOTA, ParameterType.LLONG);
    private static final int LIVE_CONFIG = Flag.mask(ModificationFlag.LIVE, ModificationFlag.CONFIG);
    // vircgroup.h's VIR_CGROUP_CPU_* limits
    private static final long SHARES_MIN = 2;
    private static final long SHARES_MAX = 262144;
    private static final long PERIOD_MIN = 1000;
    private static final long PERIOD_MAX = 1000000;
    private static final long QUOTA_MIN = 1000;
    private static final long QUOTA_MAX = 17592186044415L;

    private final TuneContext ctx;

    ContainerScheduler(TuneContext ctx) {
        this.ctx = ctx;
    }

    /** "posix" with 3 parameters, 1 on a host without CFS bandwidth control. */
    SchedulerType type(LxcDomain dom) throws VirtException {
        if (!dom.isActive()) {
            return new SchedulerType("posix", 3);
        }
        ContainerCgroup g = cpuGroup(dom);
        return new SchedulerType("posix", supportsBandwidth(g) ? 3 : 1);
    }

    List<TypedParameter> parameters(LxcDomain dom, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, LIVE_CONFIG | STRING_OKAY, "lxcDomainGetSchedulerParametersFlags");
        ModificationImpact impact = TuneContext.impact(dom, flags & ~STRING_OKAY);
        List<TypedParameter> out = new ArrayList<>();
        if (impact.config()) {
            CpuTune t = dom.persistentDef().cputune();
            out.add(TypedParameter.ofULong(SHARES, t == null || t.shares() == null ? 0 : t.shares()));
            out.add(TypedParameter.ofULong(PERIOD, t == null || t.period() == null ? 0 : t.period()));
            out.add(TypedParameter.ofLong(QUOTA, t == null || t.quota() == null ? 0 : t.quota()));
            return out;
        }
        ContainerCgroup g = cpuGroup(dom);
        out.add(TypedParameter.ofULong(SHARES, g.readLong("cpu", g.isV2() ? "cpu.weight" : "cpu.shares")));
        if (supportsBandwidth(g)) {
            long[] pq = periodQuota(g);
            out.add(TypedParameter.ofULong(PERIOD, pq[0]));
            out.add(TypedParameter.ofLong(QUOTA, pq[1]));
        }
        return out;
    }

    void setParameters(LxcDomain dom, List<TypedParameter> params, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, LIVE_CONFIG, "lxcDomainSetSchedulerParametersFlags");
        TypedParameter.validate(params, PARAMS);
        ModificationImpact impact = TuneContext.impact(dom, flags);
        ContainerCgroup g = impact.live() ? cpuGroup(dom) : null;
        CpuTuneBuilder live = g == null ? null : builder(dom.liveDef());
        CpuTuneBuilder config = impact.config() ? builder(dom.persistentDef()) : null;
        for (TypedParameter p : params) {
            long v = p.longValue();
            switch (p.field()) {
                case SHARES -> {
                    if (g != null) {
                        setShares(g, v);
                        live.shares(v);
                    }
                    if (config != null) {
                        config.shares(v);
                    }
                }
                case PERIOD -> {
                    if (g != null) {
                        setPeriodQuota(g, v, 0);
                        if (v != 0) {
                            live.period(v);
                        }
                    }
                    if (config != null) {
                        config.period(v);
                    }
                }
                default -> {
                    if (g != null) {
                        setPeriodQuota(g, 0, v);
                        if (v != 0) {
                            live.quota(v);
                        }
                    }
                    if (config != null) {
                        config.quota(v);
                    }
                }
            }
        }
        if (live != null) {
            ctx.saveLive(dom, dom.liveDef().withCputune(live.build()));
        }
        if (config != null) {
            ctx.savePersistent(dom, dom.persistentDef().withCputune(config.build()));
        }
    }

    private static CpuTuneBuilder builder(DomainDef def) {
        return def.cputune() == null ? CpuTune.builder() : def.cputune().toBuilder();
    }

    private ContainerCgroup cpuGroup(LxcDomain dom) throws VirtException {
        ContainerCgroup g = ctx.cgroup(dom);
        if (!g.has("cpu")) {
            throw LxcErrors.invalid("cgroup CPU controller is not mounted");
        }
        return g;
    }

    /** virCgroupSupportsCpuBW. */
    private static boolean supportsBandwidth(ContainerCgroup g) {
        return g.hasFile("cpu", g.isV2() ? "cpu.max" : "cpu.cfs_period_us");
    }

    /** The period and the quota (-1 for none). */
    private static long[] periodQuota(ContainerCgroup g) throws VirtException {
        if (g.isV2()) {
            String[] max = g.read("cpu", "cpu.max").split(" ");
            return new long[] {Long.parseLong(max[1]), max[0].equals("max") ? -1 : Long.parseLong(max[0])};
        }
        return new long[] {g.readLong("cpu", "cpu.cfs_period_us"),
                Long.parseLong(g.read("cpu", "cpu.cfs_quota_us"))};
    }

    private static void setShares(ContainerCgroup g, long shares) throws VirtException {
        if (shares < SHARES_MIN || shares > SHARES_MAX) {
            throw LxcErrors.invalidArg("shares '" + Long.toUnsignedString(shares) + "' must be in range ["
                    + SHARES_MIN + ", " + SHARES_MAX + "]");
        }
        // cgroup v2 weights run 1..10000 (libvirt passes the value on as it is)
        g.write("cpu", g.isV2() ? "cpu.weight" : "cpu.shares", Long.toString(shares));
    }

    /** virCgroupSetupCpuPeriodQuota: 0 leaves a value as it is. */
    private static void setPeriodQuota(ContainerCgroup g, long period, long quota) throws VirtException {
        if (period != 0 && (period < PERIOD_MIN || period > PERIOD_MAX)) {
            throw LxcErrors.invalidArg("cfs_period '" + Long.toUnsignedString(period) + "' must be in range ("
                    + PERIOD_MIN + ", " + PERIOD_MAX + ")");
        }
        if (quota > 0 && (quota < QUOTA_MIN || quota > QUOTA_MAX)) {
            throw LxcErrors.invalidArg("cfs_quota '" + quota + "' must be in range (" + QUOTA_MIN + ", "
                    + QUOTA_MAX + ")");
        }
        if (g.isV2()) {
            long[] pq = periodQuota(g);
            long p = period != 0 ? period : pq[0];
            long q = quota != 0 ? quota : pq[1];
            g.write("cpu", "cpu.max", (q < 0 ? "max" : Long.toString(q)) + " " + p);
            return;
        }
        if (period != 0) {
            g.write("cpu", "cpu.cfs_period_us", Long.toString(period));
        }
        if (quota != 0) {
            g.write("cpu", "cpu.cfs_quota_us", Long.toString(quota));
        }
    }
}
