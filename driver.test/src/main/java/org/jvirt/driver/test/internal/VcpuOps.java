package org.jvirt.driver.test.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.ErrorDomain;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.DomainRef;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.VcpuEntry;
import org.jvirt.api.xml.VcpuPin;

/**
 * vCPU information and pinning as libvirt's test driver answers them
 * ({@code testDomainGetVcpus}, {@code testDomainGetVcpuPinInfo}, {@code testDomainPinVcpuFlags}).
 * Pinning lives in the live definition's {@code <cputune>}.
 */
final class VcpuOps {
    private static final int LIVE = ModificationFlag.LIVE.bit();
    private static final int CONFIG = ModificationFlag.CONFIG.bit();

    private final TestHost host;

    VcpuOps(TestHost host) {
        this.host = host;
    }

    List<VcpuInfo> vcpuInfo(DomainRef ref) throws VirtException {
        return host.locked(() -> {
            DomainObj dom = host.find(ref);
            if (!dom.isActive()) {
                throw TestDriverErrors.invalid(ErrorDomain.TEST, "cannot list vcpus for an inactive domain");
            }
            // libvirt fakes an increasing CPU time: the wall clock in microseconds, divided by 10
            long cpuTime = currentTimeMicros() / 10;
            DomainDef def = dom.def();
            List<VcpuInfo> out = new ArrayList<>();
            int online = onlineCount(def);
            for (int i = 0; i < maxVcpus(def) && out.size() < online; i++) {
                if (isOnline(def, i)) {
                    BitSet affinity = affinity(def, i);
                    out.add(new VcpuInfo(i, VcpuState.RUNNING, cpuTime, affinity.length() - 1, affinity));
                }
            }
            return out;
        });
    }

    List<BitSet> pinInfo(DomainRef ref, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, LIVE | CONFIG, "testDomainGetVcpuPinInfo");
        return host.locked(() -> {
            DomainDef def = oneDef(host.find(ref), flags);
            List<BitSet> out = new ArrayList<>();
            for (int i = 0; i < maxVcpus(def); i++) {
                out.add(affinity(def, i));
            }
            return out;
        });
    }

    void pin(DomainRef ref, int vcpu, BitSet cpumap, int flags) throws VirtException {
        TestDriverErrors.checkFlags(flags, 0, "testDomainPinVcpuFlags");
        host.changing(() -> {
            DomainObj dom = host.find(ref);
            if (!dom.isActive()) {
                throw TestDriverErrors.invalid(ErrorDomain.TEST, "cannot pin vcpus on an inactive domain");
            }
            DomainDef def = dom.def();
            if (vcpu < 0 || vcpu >= maxVcpus(def) || !isOnline(def, vcpu)) {
                throw TestDriverErrors.invalidArg(ErrorDomain.TEST,
                        "requested vcpu '" + vcpu + "' is not present in the domain");
            }
            dom.updateDef(withPin(def, vcpu, cpumap));
            host.save(dom);
            return null;
        });
    }

    /** {@code virDomainObjGetOneDef}: the live or the persistent definition, as flags ask. */
    static DomainDef oneDef(DomainObj dom, int flags) throws VirtException {
        if ((flags & LIVE) != 0 && (flags & CONFIG) != 0) {
            throw TestDriverErrors.invalidArgRaw(ErrorDomain.DOMAIN,
                    "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
        }
        boolean live = (flags & LIVE) != 0 || ((flags & CONFIG) == 0 && dom.isActive());
        if (live) {
            if (!dom.isActive()) {
                throw TestDriverErrors.notRunning();
            }
            return dom.def();
        }
        if (!dom.isPersistent()) {
            throw TestDriverErrors.invalid(ErrorDomain.DOMAIN, "transient domains do not have any persistent config");
        }
        return dom.persistentDef();
    }

    /** The CPUs vCPU {@code vcpu} may run on: its pin, else the domain's cpuset, else all. */
    private BitSet affinity(DomainDef def, int vcpu) {
        if (def.cputune() != null) {
            for (VcpuPin pin : def.cputune().vcpuPins()) {
                if (pin.vcpu() == vcpu) {
                    // libvirt keeps a pin to no CPU at all (cpuset=''): the vCPU runs nowhere
                    BitSet set = cpus(pin.cpuset());
                    return set != null ? set : new BitSet();
                }
            }
        }
        BitSet domainSet = def.vcpu() == null ? null : cpus(def.vcpu().cpuset());
        if (domainSet != null) {
            return domainSet;
        }
        BitSet all = new BitSet();
        all.set(0, host.hostCpus());
        return all;
    }

    /** A CPU list the codec has validated, or null when there is none (empty or absent). */
    private static BitSet cpus(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        try {
            return Bitmap.parse(list).bits();
        } catch (VirtException e) {
            return null;
        }
    }

    private static DomainDef withPin(DomainDef def, int vcpu, BitSet cpumap) {
        CpuTune tune = def.cputune();
        List<VcpuPin> pins = new ArrayList<>();
        if (tune != null) {
            for (VcpuPin p : tune.vcpuPins()) {
                if (p.vcpu() != vcpu) {
                    pins.add(p);
                }
            }
        }
        pins.add(new VcpuPin(vcpu, Bitmap.format(cpumap)));
        pins.sort((a, b) -> Integer.compare(a.vcpu(), b.vcpu()));
        CpuTune updated = tune == null
                ? CpuTune.builder().vcpuPins(pins).build()
                : tune.withVcpuPins(pins);
        return def.withCputune(updated);
    }

    /**
     * The definition without pins to no CPU: libvirt formats them as {@code cpuset=''}, which no
     * parser reads back, so the journal leaves them out (the vCPU comes back unpinned).
     */
    static DomainDef withoutEmptyPins(DomainDef def) {
        CpuTune tune = def.cputune();
        if (tune == null || tune.vcpuPins().stream().noneMatch(p -> p.cpuset().isEmpty())) {
            return def;
        }
        List<VcpuPin> pins = tune.vcpuPins().stream().filter(p -> !p.cpuset().isEmpty()).toList();
        return def.withCputune(tune.withVcpuPins(pins));
    }

    static int maxVcpus(DomainDef def) {
        return def.vcpu() == null ? 1 : def.vcpu().count();
    }

    static int onlineCount(DomainDef def) {
        if (!def.vcpus().isEmpty()) {
            return (int) def.vcpus().stream().filter(VcpuEntry::enabled).count();
        }
        return def.vcpu() == null ? 1 : def.vcpu().current();
    }

    private static boolean isOnline(DomainDef def, int vcpu) {
        if (!def.vcpus().isEmpty()) {
            return def.vcpus().stream().anyMatch(e -> e.id() == vcpu && e.enabled());
        }
        return vcpu < onlineCount(def);
    }

    private static long currentTimeMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
