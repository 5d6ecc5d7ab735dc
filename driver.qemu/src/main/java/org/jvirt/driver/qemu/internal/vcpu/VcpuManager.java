package org.jvirt.driver.qemu.internal.vcpu;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VcpuState;
import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.VcpuPin;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.driver.qemu.internal.QemuErrors;
import org.jvirt.driver.qemu.internal.cgroup.GuestCgroups;
import org.jvirt.driver.qemu.internal.domain.QemuDomainObj;
import org.jvirt.driver.qemu.internal.process.ProcStat;
import org.jvirt.driver.qemu.internal.qmp.QmpClient;
import org.jvirt.driver.qemu.internal.qmp.QmpException;
import org.jvirt.driver.qemu.spi.VcpuReport;
import org.jvirt.driver.qemu.spi.VcpuThreadQuery;
import org.jvirt.driver.qemu.spi.VcpuThreadResolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.jna.LastErrorException;

/**
 * vCPU threads of running guests: refreshes the ids from QEMU through the bound resolver, reports
 * vCPU info from {@code /proc} and the scheduler, and pins vCPU threads. Callers hold the
 * domain's lock.
 */
public final class VcpuManager {
    private static final Logger LOG = LoggerFactory.getLogger(VcpuManager.class);

    private final ResolverBinding resolvers;
    private final GuestCgroups cgroups;

    public VcpuManager(ResolverBinding resolvers, GuestCgroups cgroups) {
        this.resolvers = resolvers;
        this.cgroups = cgroups;
    }

    /** Asks QEMU for its vCPUs and the resolver for its judgement; stores the result in the domain. */
    public VcpuThreadResolution refresh(QemuDomainObj dom) throws VirtException {
        QmpClient qmp = dom.qmp();
        if (qmp == null) {
            throw QemuErrors.notRunning();
        }
        List<VcpuSlot> slots;
        try {
            JsonNode hotplug = qmp.execute("query-hotpluggable-cpus", null);
            JsonNode cpus = qmp.execute("query-cpus-fast", null);
            slots = CpuInfoMerger.merge(hotplug, cpus, dom.def().vcpu().count());
        } catch (QmpException e) {
            throw QemuErrors.internal(e.getMessage(), e);
        }
        List<VcpuReport> reports = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            reports.add(slots.get(i).toReport(i));
        }
        VcpuThreadResolution r = resolvers.resolve(new VcpuThreadQuery(dom.name(), dom.pid(), reports));
        dom.setVcpuThreads(r);
        if (r.usable()) {
            // new threads (start, hotplug, reattach) go into their vcpuN cgroups
            cgroups.placeVcpus(dom.uuid().toString(), dom.def(), r.sortedThreadIds());
        }
        return r;
    }

    /** Usable ids after a refresh, or libvirt's "cpu affinity is not supported". */
    private Map<Integer, Long> usableIds(QemuDomainObj dom) throws VirtException {
        VcpuThreadResolution r = refresh(dom);
        if (!r.usable()) {
            throw QemuErrors.affinityUnsupported();
        }
        return r.sortedThreadIds();
    }

    /** {@code virDomainGetVcpus}: one entry per online vCPU. */
    public List<VcpuInfo> info(QemuDomainObj dom) throws VirtException {
        Map<Integer, Long> ids = usableIds(dom);
        List<VcpuInfo> out = new ArrayList<>(ids.size());
        for (Map.Entry<Integer, Long> e : ids.entrySet()) {
            long tid = e.getValue();
            ProcStat stat = ProcStat.ofThread(dom.pid(), tid)
                    .orElseThrow(() -> QemuErrors.system("cannot read /proc/" + dom.pid() + "/task/" + tid + "/stat"));
            out.add(new VcpuInfo(e.getKey(), VcpuState.RUNNING, stat.cpuTimeNs(), stat.processor(), affinity(tid)));
        }
        return out;
    }

    /**
     * The pinning of every vCPU (up to the maximum), as libvirt: a vCPU with a usable thread id
     * answers with its thread's affinity; the others with the definition's pinning
     * ({@code <vcpupin>}, else {@code <vcpu cpuset>}, else every host CPU).
     */
    public List<BitSet> pinInfo(QemuDomainObj dom) throws VirtException {
        VcpuThreadResolution r = refresh(dom);
        DomainDef def = dom.def();
        List<BitSet> out = new ArrayList<>();
        for (int v = 0; v < def.vcpu().count(); v++) {
            Long tid = r.usable() ? r.threadIds().get(v) : null;
            out.add(tid != null ? affinity(tid) : configured(def, v));
        }
        return out;
    }

    /**
     * The definition's pinning of every vCPU up to the maximum, as libvirt's
     * virDomainDefGetVcpuPinInfoHelper answers for a definition: {@code <vcpupin>}, else
     * {@code <vcpu cpuset>}, else every host CPU.
     */
    public static List<BitSet> pinningOf(DomainDef def) throws VirtException {
        List<BitSet> out = new ArrayList<>();
        for (int v = 0; v < def.vcpu().count(); v++) {
            out.add(configured(def, v));
        }
        return out;
    }

    private static BitSet configured(DomainDef def, int vcpu) throws VirtException {
        if (def.cputune() != null) {
            for (VcpuPin pin : def.cputune().vcpuPins()) {
                if (pin.vcpu() == vcpu) {
                    return Bitmap.parse(pin.cpuset()).bits();
                }
            }
        }
        if (def.vcpu().cpuset() != null) {
            return Bitmap.parse(def.vcpu().cpuset()).bits();
        }
        BitSet all = new BitSet();
        all.set(0, Affinity.hostCpus());
        return all;
    }

    /** Pins vCPU {@code vcpu}'s thread to {@code cpus} (the vCPU's cpuset cgroup if any, then the scheduler). */
    public void pin(QemuDomainObj dom, int vcpu, BitSet cpus) throws VirtException {
        Map<Integer, Long> ids = usableIds(dom);
        Long tid = ids.get(vcpu);
        if (tid == null) {
            throw QemuErrors.invalidArg("vcpu " + vcpu + " is out of range of live cpu count " + ids.size());
        }
        if (cpus.isEmpty() || cpus.length() > Affinity.hostCpus()) {
            throw QemuErrors.invalidArg("cpumap " + cpus + " names no host CPU or a CPU the host does not have ("
                    + Affinity.hostCpus() + " CPUs)");
        }
        cgroups.pin(dom.uuid().toString(), vcpu, tid, cpus);
        try {
            Affinity.set(tid, cpus);
        } catch (LastErrorException e) {
            throw QemuErrors.system("cannot set CPU affinity of vCPU " + vcpu + " (thread " + tid + "): errno "
                    + e.getErrorCode());
        }
        LOG.info("domain '{}': vCPU {} (thread {}) pinned to {}", dom.name(), vcpu, tid, cpus);
    }

    private static BitSet affinity(long tid) throws VirtException {
        try {
            return Affinity.get(tid);
        } catch (LastErrorException e) {
            throw QemuErrors.system("cannot get CPU affinity of thread " + tid + ": errno " + e.getErrorCode());
        }
    }
}
