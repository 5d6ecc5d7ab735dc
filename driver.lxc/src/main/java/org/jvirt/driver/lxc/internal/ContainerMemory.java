package org.jvirt.driver.lxc.internal;

import static org.jvirt.driver.lxc.internal.TuneContext.STRING_OKAY;
import static org.jvirt.driver.lxc.internal.TuneContext.UNLIMITED;

import java.util.List;
import java.util.Map;

import org.jvirt.api.Flag;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.MemoryStat;
import org.jvirt.api.MemoryStatTag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.ParameterType;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.ModificationImpact;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.MemTune;
import org.jvirt.api.xml.Memory;

/**
 * A container's memory: libvirt's {@code lxcDomainSetMemoryFlags} ({@code setmem} changes the
 * container's limit, {@code memory.limit_in_bytes}, and {@code <currentMemory>}; {@code setmaxmem}
 * only the definition of an inactive domain), {@code lxcDomainGet/SetMemoryParameters}
 * ({@code memtune}: hard, soft and swap limits in KiB) and {@code lxcDomainMemoryStats}.
 */
final class ContainerMemory {
    static final String HARD = "hard_limit";
    static final String SOFT = "soft_limit";
    static final String SWAP = "swap_hard_limit";
    private static final Map<String, ParameterType> PARAMS = Map.of(HARD, ParameterType.ULLONG, SOFT,
            ParameterType.ULLONG, SWAP, ParameterType.ULLONG);
    private static final int LIVE_CONFIG = Flag.mask(ModificationFlag.LIVE, ModificationFlag.CONFIG);

    private final TuneContext ctx;

    ContainerMemory(TuneContext ctx) {
        this.ctx = ctx;
    }

    void setMemory(LxcDomain dom, long kib, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, LIVE_CONFIG | MemoryFlag.MAXIMUM.bit(), "lxcDomainSetMemoryFlags");
        ModificationImpact impact = TuneContext.impact(dom, flags);
        if (Flag.isSet(flags, MemoryFlag.MAXIMUM)) {
            if (impact.live()) {
                throw LxcErrors.invalid("Cannot resize the max memory on an active domain");
            }
            DomainDef p = dom.persistentDef();
            long current = Math.min(p.currentMemoryKib(), kib);
            ctx.savePersistent(dom, p.withMemory(withKib(p.memory(), kib), withKib(p.currentMemory(), current)));
            return;
        }
        long max = Long.MAX_VALUE;
        if (impact.live()) {
            max = dom.liveDef().memory().kib();
        }
        if (impact.config()) {
            max = Math.min(max, dom.persistentDef().memory().kib());
        }
        if (kib > max) {
            throw LxcErrors.invalidArg("Cannot set memory higher than max memory");
        }
        if (impact.live()) {
            try {
                writeLimit(ctx.cgroup(dom), Limit.HARD, kib);
            } catch (VirtException e) {
                throw LxcErrors.failed("Failed to set memory for domain");
            }
            DomainDef live = dom.liveDef();
            ctx.saveLive(dom, live.withMemory(live.memory(), withKib(live.currentMemory(), kib)));
        }
        if (impact.config()) {
            DomainDef p = dom.persistentDef();
            ctx.savePersistent(dom, p.withMemory(p.memory(), withKib(p.currentMemory(), kib)));
        }
    }

    private static Memory withKib(Memory m, long kib) {
        return m == null ? new Memory(kib) : new Memory(kib, m.slots(), m.dumpCore());
    }

    List<TypedParameter> parameters(LxcDomain dom, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, LIVE_CONFIG | STRING_OKAY, "lxcDomainGetMemoryParameters");
        ModificationImpact impact = TuneContext.impact(dom, flags & ~STRING_OKAY);
        if (impact.config()) {
            MemTune m = dom.persistentDef().memtune();
            return List.of(TypedParameter.ofULong(HARD, orUnlimited(m == null ? null : m.hardLimit())),
                    TypedParameter.ofULong(SOFT, orUnlimited(m == null ? null : m.softLimit())),
                    TypedParameter.ofULong(SWAP, orUnlimited(m == null ? null : m.swapHardLimit())));
        }
        ContainerCgroup g = memoryGroup(dom);
        return List.of(TypedParameter.ofULong(HARD, readLimit(g, Limit.HARD)),
                TypedParameter.ofULong(SOFT, readLimit(g, Limit.SOFT)),
                TypedParameter.ofULong(SWAP, readLimit(g, Limit.SWAP)));
    }

    private static long orUnlimited(Long kib) {
        return kib == null ? UNLIMITED : kib;
    }

    /** virDomainCgroupSetMemoryLimitParameters, for the live container and the definition. */
    void setParameters(LxcDomain dom, List<TypedParameter> params, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, LIVE_CONFIG, "lxcDomainSetMemoryParameters");
        TypedParameter.validate(params, PARAMS);
        ModificationImpact impact = TuneContext.impact(dom, flags);
        ContainerCgroup g = impact.live() ? memoryGroup(dom) : null;
        Long hard = value(params, HARD);
        Long soft = value(params, SOFT);
        Long swap = value(params, SWAP);
        DomainDef current = dom.def();
        if (hard != null || swap != null) {
            long memLimit = hard != null ? hard : limitOf(current, Limit.HARD);
            long swapLimit = swap != null ? swap : limitOf(current, Limit.SWAP);
            if (Long.compareUnsigned(memLimit, swapLimit) > 0) {
                throw LxcErrors.invalidArg("memory hard_limit tunable value must be lower than or equal to "
                        + "swap_hard_limit");
            }
        }
        if (g != null) {
            if (soft != null) {
                writeLimit(g, Limit.SOFT, soft);
            }
            // memsw may never be below the memory limit: lower the limit first, raise it last
            boolean hardFirst = hard != null && Long.compareUnsigned(readLimit(g, Limit.HARD), hard) > 0;
            if (hardFirst) {
                writeLimit(g, Limit.HARD, hard);
            }
            if (swap != null) {
                writeLimit(g, Limit.SWAP, swap);
            }
            if (hard != null && !hardFirst) {
                writeLimit(g, Limit.HARD, hard);
            }
            ctx.saveLive(dom, withLimits(dom.liveDef(), hard, soft, swap));
        }
        if (impact.config()) {
            ctx.savePersistent(dom, withLimits(dom.persistentDef(), hard, soft, swap));
        }
    }

    /** lxcDomainMemoryStats: the current memory, swap and memory use of the container's group. */
    List<MemoryStat> stats(LxcDomain dom, int flags) throws VirtException {
        LxcErrors.checkFlags(flags, 0, "lxcDomainMemoryStats");
        if (!dom.isActive()) {
            throw LxcErrors.notRunning();
        }
        ContainerCgroup g = ctx.cgroup(dom);
        long swap = g.isV2() ? g.readLong("memory", "memory.swap.current")
                : g.readLong("memory", "memory.memsw.usage_in_bytes");
        long used = g.readLong("memory", g.isV2() ? "memory.current" : "memory.usage_in_bytes");
        return List.of(new MemoryStat(MemoryStatTag.ACTUAL_BALLOON, dom.liveDef().currentMemoryKib()),
                new MemoryStat(MemoryStatTag.SWAP_IN, swap >> 10), new MemoryStat(MemoryStatTag.RSS, used >> 10));
    }

    private ContainerCgroup memoryGroup(LxcDomain dom) throws VirtException {
        ContainerCgroup g = ctx.cgroup(dom);
        if (!g.has("memory")) {
            throw LxcErrors.invalid("cgroup memory controller is not mounted");
        }
        return g;
    }

    private static Long value(List<TypedParameter> params, String field) {
        return params.stream().filter(p -> p.field().equals(field)).map(TypedParameter::longValue).findFirst()
                .orElse(null);
    }

    private static long limitOf(DomainDef def, Limit kind) {
        MemTune m = def.memtune();
        return orUnlimited(m == null ? null : switch (kind) {
            case HARD -> m.hardLimit();
            case SOFT -> m.softLimit();
            case SWAP -> m.swapHardLimit();
        });
    }

    private static DomainDef withLimits(DomainDef def, Long hard, Long soft, Long swap) {
        MemTune m = def.memtune();
        MemTune updated = (m == null ? MemTune.builder() : m.toBuilder())
                .hardLimit(change(m == null ? null : m.hardLimit(), hard))
                .softLimit(change(m == null ? null : m.softLimit(), soft))
                .swapHardLimit(change(m == null ? null : m.swapHardLimit(), swap)).build();
        return def.toBuilder().memtune(updated).build();
    }

    /** The new value of a limit: unchanged when not given, none when unlimited. */
    private static Long change(Long old, Long given) {
        if (given == null) {
            return old;
        }
        return given == UNLIMITED ? null : given;
    }

    private enum Limit {
        HARD("memory.limit_in_bytes", "memory.max"), SOFT("memory.soft_limit_in_bytes", "memory.high"),
        SWAP("memory.memsw.limit_in_bytes", "memory.swap.max");

        final String v1;
        final String v2;

        Limit(String v1, String v2) {
            this.v1 = v1;
            this.v2 = v2;
        }
    }

    /** virCgroupGetMemory*Limit: KiB, {@link TuneContext#UNLIMITED} at or above the kernel's "no limit". */
    private static long readLimit(ContainerCgroup g, Limit l) throws VirtException {
        long bytes = g.readLong("memory", g.isV2() ? l.v2 : l.v1);
        long kib = bytes >>> 10;
        return bytes == Long.MAX_VALUE || kib >= UNLIMITED >> 1 ? UNLIMITED : kib;
    }

    /** virCgroupSetMemory*Limit: {@link TuneContext#UNLIMITED} removes the limit. */
    private static void writeLimit(ContainerCgroup g, Limit l, long kib) throws VirtException {
        if (Long.compareUnsigned(kib, UNLIMITED) > 0) {
            throw LxcErrors.invalidArg("Memory '" + Long.toUnsignedString(kib) + "' must be less than " + UNLIMITED);
        }
        String value = kib == UNLIMITED ? (g.isV2() ? "max" : "-1") : Long.toString(kib << 10);
        g.write("memory", g.isV2() ? l.v2 : l.v1, value);
    }
}
