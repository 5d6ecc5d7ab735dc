package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.DomainInfo;
import org.jvirt.api.Flag;
import org.jvirt.api.MemoryFlag;
import org.jvirt.api.ModificationFlag;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.api.spi.ModificationImpact;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.Memory;
import org.jvirt.api.xml.VcpuPin;

/**
 * Domain info, vCPU info and pinning and the memory target, through libxl as libvirt's
 * {@code libxlDomainGetInfo}, {@code libxlDomainGetVcpus}, {@code libxlDomainPinVcpuFlags} and
 * {@code libxlDomainSetMemoryFlags}; the caller holds the domain's monitor.
 */
final class XenGuestCalls {
    private final XenDomains domains;
    private final XenHost host;
    private final Xl xl;

    XenGuestCalls(XenDomains domains, XenHost host, Xl xl) {
        this.domains = domains;
        this.host = host;
        this.xl = xl;
    }

    /** {@code libxl_domain_info} for a running domain; the definition for an inactive one. */
    DomainInfo info(XenDomain dom) throws VirtException {
        DomainDef def = dom.currentDef();
        long maxMem = def.memory() == null ? 0 : def.memory().kib();
        int vcpus = def.vcpu() == null ? 1 : def.vcpu().current();
        if (!dom.isActive()) {
            return new DomainInfo(dom.state().state(), maxMem, def.currentMemoryKib(), vcpus, 0);
        }
        int domid = dom.id();
        Xl.Result r = xl.call("libxl_domain_info failed for domain '" + domid + "'", "list", "-v", String.valueOf(domid));
        XlDomainList.Entry e = XlDomainList.parse(r.out()).stream().filter(x -> x.id() == domid).findFirst()
                .orElseThrow(() -> XenErrors.internal("libxl_domain_info failed for domain '" + domid
                        + "': xl list printed no such domain"));
        return new DomainInfo(dom.state().state(), maxMem, e.memoryKiB(), e.vcpus(), (long) (e.cpuSeconds() * 1e9));
    }

    List<VcpuInfo> vcpuInfo(XenDomain dom) throws VirtException {
        int domid = XenLifecycle.requireActive(dom);
        Xl.Result r = xl.call("Failed to list vcpus for domain '" + domid + "' with libxenlight", "vcpu-list",
                String.valueOf(domid));
        return XlVcpuList.parse(r.out(), host.hostCpus());
    }

    /**
     * {@code libxlDomainGetVcpuPinInfo}: from the definition ({@code <vcpupin>}, else the
     * {@code <vcpu cpuset>}, else every CPU libxl reports).
     */
    List<BitSet> vcpuPinInfo(XenDomain dom, int flags) throws VirtException {
        XenErrors.checkFlags(flags, Flag.mask(ModificationFlag.LIVE, ModificationFlag.CONFIG), "libxlDomainGetVcpuPinInfo");
        ModificationImpact impact = ModificationImpact.of(dom.isActive(), dom.isPersistent(), flags);
        DomainDef def = impact.config() ? dom.persistentDef() : dom.currentDef();
        int hostCpus = host.hostCpus();
        String vcpuSet = def.vcpu() == null ? null : def.vcpu().cpuset();
        List<BitSet> pins = new ArrayList<>();
        for (int v = 0; v < (def.vcpu() == null ? 1 : def.vcpu().count()); v++) {
            int vcpu = v;
            String pin = def.cputune() == null ? null : def.cputune().vcpuPins().stream()
                    .filter(p -> p.vcpu() == vcpu).map(VcpuPin::cpuset).findFirst().orElse(null);
            String set = pin != null ? pin : vcpuSet;
            BitSet cpus = set == null ? XlVcpuList.cpuList("all", hostCpus) : XlVcpuList.cpuList(set, hostCpus);
            cpus.clear(hostCpus, Math.max(hostCpus, cpus.length()));
            pins.add(cpus);
        }
        return pins;
    }

    /** {@code libxlDomainPinVcpuFlags}: libxl's hard affinity live, {@code <vcpupin>} in the definition. */
    void pinVcpu(XenDomain dom, int vcpu, BitSet cpumap, int flags) throws VirtException {
        XenErrors.checkFlags(flags, Flag.mask(ModificationFlag.LIVE, ModificationFlag.CONFIG), "libxlDomainPinVcpuFlags");
        ModificationImpact impact = ModificationImpact.of(dom.isActive(), dom.isPersistent(), flags);
        if (cpumap.isEmpty()) {
            throw XenErrors.invalidArg("Empty cpu list for pinning");
        }
        String cpus = Bitmap.format(cpumap);
        if (impact.live()) {
            int domid = dom.id();
            xl.call("Failed to pin vcpu '" + vcpu + "' with libxenlight", "vcpu-pin", String.valueOf(domid),
                    String.valueOf(vcpu), cpus);
            dom.setLiveDef(withPin(dom.currentDef(), vcpu, cpus));
            domains.saveStatus(dom);
        }
        if (impact.config()) {
            DomainDef def = withPin(dom.persistentDef(), vcpu, cpus);
            domains.saveConfig(dom, def);
            dom.setPersistentDef(def);
        }
    }

    private static DomainDef withPin(DomainDef def, int vcpu, String cpus) {
        CpuTune tune = def.cputune() == null ? CpuTune.builder().build() : def.cputune();
        List<VcpuPin> pins = new ArrayList<>(tune.vcpuPins().stream().filter(p -> p.vcpu() != vcpu).toList());
        pins.add(new VcpuPin(vcpu, cpus));
        pins.sort((a, b) -> Integer.compare(a.vcpu(), b.vcpu()));
        return def.withCputune(tune.withVcpuPins(pins));
    }

    /**
     * {@code libxlDomainSetMemoryFlags}: live, libxl's memory target ({@code xl mem-set}) or maximum
     * ({@code xl mem-max}); in the definition, {@code <currentMemory>} or {@code <memory>}.
     */
    void setMemory(XenDomain dom, long kib, int flags) throws VirtException {
        XenErrors.checkFlags(flags, Flag.mask(ModificationFlag.LIVE, ModificationFlag.CONFIG, MemoryFlag.MAXIMUM),
                "libxlDomainSetMemoryFlags");
        boolean max = Flag.isSet(flags, MemoryFlag.MAXIMUM);
        ModificationImpact impact = ModificationImpact.of(dom.isActive(), dom.isPersistent(), flags);
        DomainDef current = dom.currentDef();
        if (!max && kib > current.memory().kib()) {
            throw XenErrors.invalidArg("cannot set memory higher than max memory");
        }
        if (impact.live()) {
            int domid = dom.id();
            String what = max ? "Failed to set maximum memory for domain '" : "Failed to set memory for domain '";
            xl.call(what + domid + "' with libxenlight", max ? "mem-max" : "mem-set", String.valueOf(domid), kib + "k");
            dom.setLiveDef(withMemory(current, kib, max));
            domains.saveStatus(dom);
        }
        if (impact.config()) {
            DomainDef def = withMemory(dom.persistentDef(), kib, max);
            domains.saveConfig(dom, def);
            dom.setPersistentDef(def);
        }
    }

    private static DomainDef withMemory(DomainDef def, long kib, boolean max) {
        Memory mem = def.memory();
        Memory cur = def.currentMemory();
        if (max) {
            Memory newMax = new Memory(kib, mem.slots(), mem.dumpCore());
            Memory newCur = cur != null && cur.kib() > kib ? new Memory(kib, cur.slots(), cur.dumpCore()) : cur;
            return def.withMemory(newMax, newCur);
        }
        return def.withMemory(mem, new Memory(kib, 0, null));
    }
}
