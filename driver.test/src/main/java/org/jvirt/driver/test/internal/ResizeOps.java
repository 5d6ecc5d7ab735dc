package org.jvirt.driver.test.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VcpuFlag;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.Device;
import org.jvirt.api.xml.Devices;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainDefBuilder;
import org.jvirt.api.xml.MemBalloon;
import org.jvirt.api.xml.Memory;
import org.jvirt.api.xml.Vcpu;
import org.jvirt.api.xml.VcpuEntry;

/**
 * Memory and vCPU counts as libvirt's test driver changes them ({@code testDomainSetMemoryFlags},
 * {@code testDomainSetVcpusFlags}, {@code testDomainGetVcpusFlags},
 * {@code testDomainSetMemoryStatsPeriod}): only the definitions change, there being no guest.
 */
final class ResizeOps {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();
    private static final int MAXIMUM = VcpuFlag.MAXIMUM.bit();

    private final TestHost host;

    ResizeOps(TestHost host) {
        this.host = host;
    }

    void setMemory(DomainRef ref, long kib, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | MemoryFlag.MAXIMUM.bit(), "testDomainSetMemoryFlags");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            boolean live = isLive(dom, flags);
            DomainDef def = oneDef(dom, flags);
            DomainDef updated;
            if ((flags & MemoryFlag.MAXIMUM.bit()) != 0) {
                if (live) {
                    throw TestDriverErrors.invalid(ErrorDomain.TEST, "cannot resize the maximum memory on an active domain");
                }
                if (def.maxMemory() != null && def.maxMemory().kib() != 0
                        && Long.compareUnsigned(def.maxMemory().kib(), kib) < 0) {
                    throw TestDriverErrors.invalid(ErrorDomain.TEST,
                            "cannot set initial memory size greater than the maximum memory size");
                }
                long current = Math.min(def.currentMemoryKib(), kib);
                Memory total = def.memory();
                updated = def.withMemory(new Memory(kib, total.slots(), total.dumpCore()), new Memory(current));
            } else {
                if (Long.compareUnsigned(kib, def.memory().kib()) > 0) {
                    throw TestDriverErrors.invalidArg(ErrorDomain.TEST, "cannot set memory higher than max memory");
                }
                updated = def.withMemory(def.memory(), new Memory(kib));
            }
            store(dom, live, updated);
            return null;
        });
    }

    void setVcpus(DomainRef ref, int count, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | MAXIMUM, "testDomainSetVcpusFlags");
        if (Integer.compareUnsigned(count, TestConnection.MAX_VCPUS) > 0) {
            throw TestDriverErrors.invalidArg(ErrorDomain.TEST, "requested cpu amount exceeds maximum supported amount ("
                    + Integer.toUnsignedString(count) + " > " + TestConnection.MAX_VCPUS + ")");
        }
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            int impact = impact(dom, flags);
            DomainDef live = (impact & LIVE) != 0 ? dom.def() : null;
            DomainDef persistent = (impact & CONFIG) != 0 ? dom.persistentDef() : null;
            if (live != null && VcpuOps.maxVcpus(live) < count) {
                throw exceedsMaximum(count, VcpuOps.maxVcpus(live));
            }
            if (persistent != null && (flags & MAXIMUM) == 0 && VcpuOps.maxVcpus(persistent) < count) {
                throw exceedsMaximum(count, VcpuOps.maxVcpus(persistent));
            }
            if (live != null) {
                dom.updateDef(withVcpus(live, count));
            }
            if (persistent != null) {
                dom.updatePersistentDef((flags & MAXIMUM) != 0 ? withMaxVcpus(persistent, count)
                        : withVcpus(persistent, count));
            }
            host.save(dom);
            return null;
        });
    }

    int vcpusCount(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG | MAXIMUM, "testDomainGetVcpusFlags");
        return host.locked(() -> {
            DomainDef def = oneDef(host.find(ref), flags);
            return (flags & MAXIMUM) != 0 ? VcpuOps.maxVcpus(def) : VcpuOps.onlineCount(def);
        });
    }

    void setMemoryStatsPeriod(DomainRef ref, int period, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG, "testDomainSetMemoryStatsPeriod");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            boolean live = isLive(dom, flags);
            DomainDef def = oneDef(dom, flags);
            if (!hasBalloon(def)) {
                throw TestDriverErrors.internal("No memory balloon device configured, can not set the collection "
                        + "period");
            }
            MemBalloon old = def.devices().ofType(MemBalloon.class).get(0);
            // libvirt formats no <stats> for a period of 0
            MemBalloon updated = old.toBuilder().statsPeriod(period == 0 ? null : period).build();
            store(dom, live, def.withDevices(replace(def.devices(), old, updated)));
            return null;
        });
    }

    /** {@code virDomainDefHasMemballoon}: a balloon of any model but {@code none}. */
    static boolean hasBalloon(DomainDef def) {
        List<MemBalloon> balloons = def.devices().ofType(MemBalloon.class);
        return !balloons.isEmpty() && !"none".equals(balloons.get(0).model());
    }

    private static Devices replace(Devices devices, Device old, Device updated) {
        List<Device> all = new ArrayList<>(devices.all());
        all.set(all.indexOf(old), updated);
        return devices.withAll(all);
    }

    private void store(DomainObj dom, boolean live, DomainDef updated) {
        if (live) {
            dom.updateDef(updated);
        } else {
            dom.updatePersistentDef(updated);
        }
        host.save(dom);
    }

    private static VirtException exceedsMaximum(int count, int max) {
        return TestDriverErrors.invalidArg(ErrorDomain.TEST, "requested cpu amount exceeds maximum ("
                + Integer.toUnsignedString(count) + " > " + max + ")");
    }

    /** {@code virDomainObjGetOneDef}: the live or the persistent definition, never both. */
    private static DomainDef oneDef(DomainObj dom, int flags) throws VirtException {
        if ((flags & LIVE) != 0 && (flags & CONFIG) != 0) {
            throw TestDriverErrors.invalidArgRaw(ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
        return (impact(dom, flags) & LIVE) != 0 ? dom.def() : dom.persistentDef();
    }

    private static boolean isLive(DomainObj dom, int flags) throws VirtException {
        return (flags & CONFIG) == 0 && ((flags & LIVE) != 0 || dom.isActive());
    }

    /** {@code virDomainObjUpdateModificationImpact}. */
    private static int impact(DomainObj dom, int flags) throws VirtException {
        int f = flags & (LIVE | CONFIG);
        if (f == 0) {
            f = dom.isActive() ? LIVE : CONFIG;
        }
        if (!dom.isActive() && (f & LIVE) != 0) {
            throw TestDriverErrors.notRunning();
        }
        if (!dom.isPersistent() && (f & CONFIG) != 0) {
            throw TestDriverErrors.invalid(ErrorDomain.DOMAIN, "transient domains do not have any persistent config");
        }
        return f;
    }

    /** {@code virDomainDefSetVcpus}: the first {@code count} vCPUs online, the others offline. */
    static DomainDef withVcpus(DomainDef def, int count) {
        Vcpu v = def.vcpu();
        List<VcpuEntry> entries = new ArrayList<>();
        for (VcpuEntry e : def.vcpus()) {
            entries.add(new VcpuEntry(e.id(), e.id() < count, e.hotpluggable(), e.order()));
        }
        return def.toBuilder().vcpu(new Vcpu(v.count(), count, v.placement(), v.cpuset())).vcpus(entries).build();
    }

    /**
     * {@code virDomainDefSetVcpusMax}: vCPUs beyond the new maximum go with their pinning, new
     * ones come offline.
     */
    static DomainDef withMaxVcpus(DomainDef def, int max) {
        Vcpu v = def.vcpu();
        int current = Math.min(v.current(), max);
        List<VcpuEntry> entries = new ArrayList<>();
        if (!def.vcpus().isEmpty()) {
            for (int i = 0; i < max; i++) {
                int id = i;
                entries.add(def.vcpus().stream().filter(e -> e.id() == id).findFirst()
                        .orElse(new VcpuEntry(i, false, null, 0)));
            }
            current = (int) entries.stream().filter(VcpuEntry::enabled).count();
        }
        DomainDefBuilder b = def.toBuilder().vcpu(new Vcpu(max, current, v.placement(), v.cpuset())).vcpus(entries);
        CpuTune tune = def.cputune();
        if (tune != null && tune.vcpuPins().stream().anyMatch(p -> p.vcpu() >= max)) {
            b.cputune(tune.withVcpuPins(tune.vcpuPins().stream().filter(p -> p.vcpu() < max).toList()));
        }
        return b.build();
    }
}
