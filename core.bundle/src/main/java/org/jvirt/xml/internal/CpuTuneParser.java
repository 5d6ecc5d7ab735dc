package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.CpuTuneBuilder;
import org.jvirt.api.xml.VcpuPin;

/** {@code <cputune>} (virDomainDefTunablesParse). */
final class CpuTuneParser {
    private static final Set<String> SCHEDULERS = Set.of("batch", "idle", "fifo", "rr");

    private final int maxVcpus;

    CpuTuneParser(int maxVcpus) {
        this.maxVcpus = maxVcpus;
    }

    CpuTune parse(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        CpuTuneBuilder b = CpuTune.builder().shares(number(n, "shares")).period(number(n, "period"))
                .quota(number(n, "quota")).globalPeriod(number(n, "global_period"))
                .globalQuota(number(n, "global_quota")).emulatorPeriod(number(n, "emulator_period"))
                .emulatorQuota(number(n, "emulator_quota")).iothreadPeriod(number(n, "iothread_period"))
                .iothreadQuota(number(n, "iothread_quota"));
        List<VcpuPin> pins = new ArrayList<>();
        for (Node p : n.children("vcpupin")) {
            Integer vcpu = p.intAttr("vcpu");
            if (vcpu == null || vcpu < 0) {
                throw XmlErrors.xml("vcpu id must be an unsigned integer");
            }
            for (VcpuPin existing : pins) {
                if (existing.vcpu() == vcpu) {
                    throw XmlErrors.xml("duplicate vcpupin for vcpu " + vcpu);
                }
            }
            pins.add(new VcpuPin(vcpu, CpuSet.normalize("vcpupin cpuset", p.requiredAttr("cpuset"))));
            p.requireFullyRead();
        }
        Node emu = n.child("emulatorpin");
        String emulatorPin = emu == null ? null : CpuSet.normalize("emulatorpin cpuset", emu.requiredAttr("cpuset"));
        if (emu != null) {
            emu.requireFullyRead();
        }
        List<CpuTune.IoThreadPin> ioPins = new ArrayList<>();
        for (Node p : n.children("iothreadpin")) {
            ioPins.add(iothreadPin(p, ioPins));
        }
        Node es = n.child("emulatorsched");
        if (es != null) {
            b.emulatorSched(sched(es, null));
        }
        return b.vcpuPins(pins).emulatorPin(emulatorPin).iothreadPins(ioPins)
                .vcpuScheds(scheds(n, "vcpusched", "vcpus")).iothreadScheds(scheds(n, "iothreadsched", "iothreads"))
                .other(new CpuTuneRest(maxVcpus).normalize(n.rest())).build();
    }

    /** virDomainIOThreadPinDefParseXML. */
    private static CpuTune.IoThreadPin iothreadPin(Node p, List<CpuTune.IoThreadPin> seen) throws VirtException {
        String id = p.attr("iothread");
        if (id == null) {
            throw XmlErrors.xml("missing iothread id in iothreadpin");
        }
        Long v = Num.parse(id, 10);
        if (v == null || v < 0 || v > 0xFFFF_FFFFL) {
            throw XmlErrors.xml("invalid setting for iothread '" + id + "'");
        }
        if (v == 0) {
            throw XmlErrors.xml("zero is an invalid iothread id value");
        }
        for (CpuTune.IoThreadPin s : seen) {
            if (s.iothread() == v) {
                throw XmlErrors.xml("duplicate iothreadpin for same iothread '" + v + "'");
            }
        }
        String cpuset = p.attr("cpuset");
        if (cpuset == null) {
            throw XmlErrors.xml("missing cpuset for iothreadpin");
        }
        p.requireFullyRead();
        return new CpuTune.IoThreadPin((int) (long) v, CpuSet.normalize("iothreadpin cpuset", cpuset));
    }

    /** vcpusched/iothreadsched: one entry per id, as libvirt stores and re-formats them. */
    private static List<CpuTune.Sched> scheds(Node n, String element, String attr) throws VirtException {
        Map<Integer, CpuTune.Sched> byId = new TreeMap<>();
        for (Node s : n.children(element)) {
            String set = s.attr(attr);
            if (set == null) {
                throw XmlErrors.xml("Missing attribute '" + attr + "' in element '" + element + "'");
            }
            BitSet ids = CpuSet.parse(element + " " + attr, set);
            for (int id = ids.nextSetBit(0); id >= 0; id = ids.nextSetBit(id + 1)) {
                if (byId.containsKey(id)) {
                    throw XmlErrors.detail("'" + element + "' attributes '" + attr + "' must not overlap");
                }
                byId.put(id, sched(s, id));
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** virDomainSchedulerParseCommonAttrs. */
    private static CpuTune.Sched sched(Node s, Integer id) throws VirtException {
        String scheduler = s.attr("scheduler");
        if (scheduler == null) {
            throw XmlErrors.xml("Missing required attribute 'scheduler' in element '" + s.name() + "'");
        }
        if (!SCHEDULERS.contains(scheduler)) {
            throw XmlErrors.xml("Invalid value for attribute 'scheduler' in element '" + s.name() + "': '"
                    + scheduler + "'.");
        }
        Integer priority = null;
        if (scheduler.equals("fifo") || scheduler.equals("rr")) {
            priority = Num.sint(s, "priority");
            if (priority == null) {
                throw XmlErrors.xml("Missing required attribute 'priority' in element '" + s.name() + "'");
            }
        }
        return new CpuTune.Sched(id, scheduler, priority);
    }

    private static Long number(Node n, String child) throws VirtException {
        String v = n.childText(child);
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw XmlErrors.xml("invalid value for cputune " + child + ": '" + v + "'");
        }
    }
}
