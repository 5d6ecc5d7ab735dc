package org.jvirt.xml.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.CpuTune;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.DomainDefBuilder;
import org.jvirt.api.xml.IoThread;
import org.jvirt.api.xml.NumaTune;
import org.jvirt.api.xml.Vcpu;
import org.jvirt.api.xml.XmlElement;

/**
 * The domain-level tuning and resource elements: genid, memtune, memoryBacking, blkiotune, the
 * IOThreads, numatune, resource, on_lockfailure and pm. Parsing fills a {@link DomainDefBuilder}
 * the rest of the domain is added to; formatting adds them to the domain element, which sorts
 * them into libvirt's order.
 */
final class DomainTuningCodec {
    private static final Set<String> LOCKFAILURE = Set.of("default", "poweroff", "restart", "pause", "ignore");

    private DomainTuningCodec() {
    }

    static DomainDefBuilder parse(Node d, Vcpu vcpu, CpuTune cputune, RandomGenerator random)
            throws VirtException {
        DomainDefBuilder b = DomainDef.builder();
        Node genid = d.child("genid");
        if (genid != null) {
            genid.requireFullyRead();
            String text = genid.text() == null ? "" : genid.text().trim();
            if (text.isEmpty()) {
                b.genid(randomUuid(random)).genidGenerated(true);
            } else {
                try {
                    b.genid(DomainParser.parseUuid(text));
                } catch (VirtException e) {
                    throw XmlErrors.internal("malformed genid element");
                }
            }
        }
        b.memtune(MemoryTuningCodec.parseMemtune(d.child("memtune")));
        b.memoryBacking(MemoryTuningCodec.parseMemoryBacking(d.child("memoryBacking")));
        b.blkiotune(BlkioTuneCodec.parse(d.child("blkiotune")));
        List<IoThread> ids = IoThreadsCodec.ids(d.child("iothreadids"));
        b.iothreadIds(ids).iothreads(IoThreadsCodec.count(d, ids.size()));
        b.defaultIoThread(IoThreadsCodec.defaultIoThread(d.child("defaultiothread")));
        b.numatune(NumaTuneCodec.parse(d.child("numatune"), !"auto".equals(vcpu.placement()),
                numaCells(d.element())));
        b.resource(PmResourceCodec.parseResource(d.child("resource")));
        String lock = d.childText("on_lockfailure");
        if (lock != null && !LOCKFAILURE.contains(lock)) {
            throw XmlErrors.xml("invalid on_lockfailure value: '" + lock + "'");
        }
        b.onLockfailure(lock);
        b.pm(PmResourceCodec.parsePm(d.child("pm")));
        return b;
    }

    /**
     * virDomainDefParseXML: automatic memory placement makes the vCPU placement automatic too,
     * unless something pins vCPUs, the emulator or IOThreads.
     */
    static Vcpu placement(Vcpu vcpu, NumaTune numatune, CpuTune cputune) {
        if (numatune == null || !"auto".equals(numatune.memoryPlacement()) || "auto".equals(vcpu.placement())
                || vcpu.cpuset() != null) {
            return vcpu;
        }
        if (cputune != null && (!cputune.vcpuPins().isEmpty() || cputune.emulatorPin() != null
                || cputune.other().children().stream().anyMatch(e -> e.name().equals("iothreadpin")))) {
            return vcpu;
        }
        return new Vcpu(vcpu.count(), vcpu.current(), "auto", vcpu.cpuset());
    }

    private static int numaCells(XmlElement root) {
        XmlElement cpu = root.child("cpu");
        XmlElement numa = cpu == null ? null : cpu.child("numa");
        return numa == null ? 0 : numa.children("cell").size();
    }

    /** virUUIDGenerate: random bytes with the version 4 and variant bits. */
    private static UUID randomUuid(RandomGenerator random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3F) | 0x80);
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (bytes[i] & 0xFF);
            lo = (lo << 8) | (bytes[i + 8] & 0xFF);
        }
        return new UUID(hi, lo);
    }

    static void format(Out d, DomainDef def) {
        if (def.genid() != null) {
            d.textChild("genid", def.genid().toString());
        }
        d.child(MemoryTuningCodec.formatMemtune(def.memtune()));
        d.child(MemoryTuningCodec.formatMemoryBacking(def.memoryBacking()));
        d.child(BlkioTuneCodec.format(def.blkiotune()));
        IoThreadsCodec.format(d, def);
        d.child(NumaTuneCodec.format(def.numatune()));
        d.child(PmResourceCodec.formatResource(def.resource()));
        d.textChild("on_lockfailure", def.onLockfailure());
        d.child(PmResourceCodec.formatPm(def.pm()));
    }
}
