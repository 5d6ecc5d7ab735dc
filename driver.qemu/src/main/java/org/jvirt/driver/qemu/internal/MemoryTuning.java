package org.jvirt.driver.qemu.internal;

import static org.jvirt.driver.qemu.internal.TuneTarget.CONFIG;
import static org.jvirt.driver.qemu.internal.TuneTarget.LIVE;
import static org.jvirt.driver.qemu.internal.TuneTarget.STRING_OKAY;
import static org.jvirt.driver.qemu.internal.cgroup.CgroupTunables.MEMORY_UNLIMITED;

import java.util.List;
import java.util.Map;

import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.MemTune;
import org.jvirt.api.xml.MemTuneBuilder;
import org.jvirt.driver.qemu.internal.cgroup.CgroupTunables;
import org.jvirt.driver.qemu.internal.cgroup.CgroupTunables.MemoryLimit;
import org.jvirt.driver.qemu.internal.cgroup.Controller;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroup;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;

/**
 * {@code virsh memtune}: libvirt's qemuDomainGet/SetMemoryParameters and
 * virDomainCgroupSetMemoryLimitParameters: {@code hard_limit}, {@code soft_limit},
 * {@code swap_hard_limit} in KiB, {@link CgroupTunables#MEMORY_UNLIMITED} for none, on the guest's
 * memory cgroup and in {@code <memtune>}.
 */
final class MemoryTuning {
    static final String HARD = "hard_limit";
    static final String SOFT = "soft_limit";
    static final String SWAP = "swap_hard_limit";
    private static final Map<String, ParameterType> PARAMS = Map.of(HARD, ParameterType.ULLONG, SOFT,
            ParameterType.ULLONG, SWAP, ParameterType.ULLONG);

    private final TuneTarget target;

    MemoryTuning(TuneTarget target) {
        this.target = target;
    }

    List<TypedParameter> get(QemuDomainObj dom, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG | STRING_OKAY, "qemuDomainGetMemoryParameters");
        synchronized (dom) {
            if ((AffectedDefs.impact(dom, flags) & CONFIG) != 0) {
                MemTune m = dom.persistentDef().memtune();
                return List.of(param(HARD, m == null ? null : m.hardLimit()), param(SOFT, m == null ? null : m.softLimit()),
                        param(SWAP, m == null ? null : m.swapHardLimit()));
            }
            CgroupTunables t = new CgroupTunables(memoryGroup(dom));
            long swap = t.hasMemoryLimit(MemoryLimit.SWAP) ? t.memoryLimit(MemoryLimit.SWAP) : MEMORY_UNLIMITED;
            return List.of(TypedParameter.ofULong(HARD, t.memoryLimit(MemoryLimit.HARD)),
                    TypedParameter.ofULong(SOFT, t.memoryLimit(MemoryLimit.SOFT)), TypedParameter.ofULong(SWAP, swap));
        }
    }

    private static TypedParameter param(String field, Long kib) {
        return TypedParameter.ofULong(field, kib == null ? MEMORY_UNLIMITED : kib);
    }

    void set(QemuDomainObj dom, List<TypedParameter> params, int flags) throws VirtException {
        QemuErrors.checkFlags(flags, LIVE | CONFIG, "qemuDomainSetMemoryParameters");
        TuneTarget.validate(params, PARAMS);
        synchronized (dom) {
            int impact = AffectedDefs.impact(dom, flags);
            GuestCgroup g = (impact & LIVE) != 0 ? memoryGroup(dom) : null;
            Long hard = value(params, HARD);
            Long soft = value(params, SOFT);
            Long swap = value(params, SWAP);
            DomainDef current = dom.def();
            if (hard != null || swap != null) {
                // virDomainCgroupSetMemoryLimitParameters checks against the domain's current definition
                long memLimit = hard != null ? hard : limit(current, MemoryLimit.HARD);
                long swapLimit = swap != null ? swap : limit(current, MemoryLimit.SWAP);
                if (Long.compareUnsigned(memLimit, swapLimit) > 0) {
                    throw QemuErrors.invalidArg("memory hard_limit tunable value must be lower than or equal to "
                            + "swap_hard_limit");
                }
            }
            if (g != null) {
                CgroupTunables t = new CgroupTunables(g);
                DomainDef live = dom.liveDef();
                if (soft != null) {
                    t.setMemoryLimit(MemoryLimit.SOFT, soft);
                }
                // a lower hard limit goes before the swap limit, a higher one after it (memsw >= limit)
                boolean hardFirst = hard != null && Long.compareUnsigned(limit(live, MemoryLimit.HARD), hard) > 0;
                if (hardFirst) {
                    t.setMemoryLimit(MemoryLimit.HARD, hard);
                }
                if (swap != null) {
                    t.setMemoryLimit(MemoryLimit.SWAP, swap);
                }
                if (hard != null && !hardFirst) {
                    t.setMemoryLimit(MemoryLimit.HARD, hard);
                }
                target.saveLive(dom, withLimits(live, hard, soft, swap));
            }
            if ((impact & CONFIG) != 0) {
                target.savePersistent(dom, d -> withLimits(d, hard, soft, swap));
            }
        }
    }

    private static Long value(List<TypedParameter> params, String field) {
        return params.stream().filter(p -> p.field().equals(field)).map(TypedParameter::longValue).findFirst()
                .orElse(null);
    }

    private static long limit(DomainDef def, MemoryLimit kind) {
        MemTune m = def.memtune();
        Long v = m == null ? null : switch (kind) {
            case HARD -> m.hardLimit();
            case SOFT -> m.softLimit();
            case SWAP -> m.swapHardLimit();
        };
        return v == null ? MEMORY_UNLIMITED : v;
    }

    /** The definition with the given limits; unlimited ones are left out of {@code <memtune>}. */
    private static DomainDef withLimits(DomainDef def, Long hard, Long soft, Long swap) {
        MemTuneBuilder b = def.memtune() == null ? MemTune.builder() : def.memtune().toBuilder();
        if (hard != null) {
            b.hardLimit(hard == MEMORY_UNLIMITED ? null : hard);
        }
        if (soft != null) {
            b.softLimit(soft == MEMORY_UNLIMITED ? null : soft);
        }
        if (swap != null) {
            b.swapHardLimit(swap == MEMORY_UNLIMITED ? null : swap);
        }
        return def.toBuilder().memtune(b.build()).build();
    }

    private GuestCgroup memoryGroup(QemuDomainObj dom) throws VirtException {
        GuestCgroup g = target.cgroup(dom);
        if (!g.has(Controller.MEMORY)) {
            throw QemuErrors.invalid("cgroup memory controller is not mounted");
        }
        return g;
    }
}
