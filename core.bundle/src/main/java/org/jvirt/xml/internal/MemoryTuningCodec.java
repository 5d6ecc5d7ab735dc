package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.MemTune;
import org.jvirt.api.xml.MemoryBacking;
import org.jvirt.api.xml.MemoryBackingBuilder;

/**
 * {@code <memtune>} and {@code <memoryBacking>} (virDomainDefParseMemory, virDomainMemtuneFormat,
 * virDomainMemorybackingFormat): limits and page sizes normalised to KiB as libvirt stores them.
 */
final class MemoryTuningCodec {
    /** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED: limits at or above it mean "no limit" and are not written. */
    static final long UNLIMITED_KIB = 9007199254740991L;
    private static final Set<String> SOURCES = Set.of("file", "anonymous", "memfd");
    private static final Set<String> ACCESS = Set.of("shared", "private");
    private static final Set<String> ALLOCATION = Set.of("immediate", "ondemand");

    private MemoryTuningCodec() {
    }

    static MemTune parseMemtune(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        return MemTune.builder().hardLimit(limit(n, "hard_limit")).softLimit(limit(n, "soft_limit"))
                .swapHardLimit(limit(n, "swap_hard_limit")).minGuarantee(limit(n, "min_guarantee")).other(n.rest())
                .build();
    }

    /** virDomainParseMemoryLimit: a scaled size, truncated to "unlimited". */
    private static Long limit(Node memtune, String name) throws VirtException {
        Node l = memtune.child(name);
        if (l == null) {
            return null;
        }
        long kib = Units.toKib("./memtune/" + name + "[1]", l.text(), l.attr("unit"));
        l.requireFullyRead();
        return kib >= UNLIMITED_KIB ? null : kib;
    }

    static Out formatMemtune(MemTune m) {
        if (m == null) {
            return null;
        }
        Out o = new Out("memtune");
        limit(o, "hard_limit", m.hardLimit());
        limit(o, "soft_limit", m.softLimit());
        limit(o, "min_guarantee", m.minGuarantee());
        limit(o, "swap_hard_limit", m.swapHardLimit());
        o.preserved(m.other());
        return o.build().children().isEmpty() && m.other().isEmpty() ? null : o;
    }

    private static void limit(Out o, String name, Long kib) {
        if (kib != null) {
            o.child(new Out(name).attr("unit", "KiB").text(Long.toString(kib)));
        }
    }

    static MemoryBacking parseMemoryBacking(Node n) throws VirtException {
        if (n == null) {
            return null;
        }
        MemoryBackingBuilder b = MemoryBacking.builder();
        Node hp = n.child("hugepages");
        if (hp != null) {
            b.hugepages(true).pages(pages(hp));
            hp.requireFullyRead();
        }
        b.nosharepages(n.flag("nosharepages")).locked(n.flag("locked")).discard(n.flag("discard"));
        b.sourceType(leaf(n.child("source"), "type", SOURCES));
        b.accessMode(leaf(n.child("access"), "mode", ACCESS));
        Node alloc = n.child("allocation");
        if (alloc != null) {
            b.allocationMode(choice(alloc, "mode", ALLOCATION)).allocationThreads(Num.uint(alloc, "threads"));
            alloc.requireFullyRead();
        }
        return b.other(n.rest()).build();
    }

    private static List<MemoryBacking.Page> pages(Node hugepages) throws VirtException {
        List<MemoryBacking.Page> out = new ArrayList<>();
        for (Node p : hugepages.children("page")) {
            String size = p.attr("size");
            if (size == null) {
                throw XmlErrors.xml("missing element or attribute './@size'");
            }
            long kib = Units.toKib("./@size", size, p.attr("unit"));
            if (kib == 0) {
                throw XmlErrors.xml("hugepage size can't be zero");
            }
            String nodeset = p.attr("nodeset");
            if (nodeset != null) {
                BitSet nodes = CpuSet.parse("hugepage nodeset", nodeset);
                if (nodes.isEmpty()) {
                    throw XmlErrors.xml("Invalid value of 'nodeset': " + nodeset);
                }
                nodeset = CpuSet.format(nodes);
            }
            p.requireFullyRead();
            out.add(new MemoryBacking.Page(kib, nodeset));
        }
        return out;
    }

    /** {@link #choice} of a child that carries nothing else. */
    private static String leaf(Node n, String attr, Set<String> allowed) throws VirtException {
        String v = choice(n, attr, allowed);
        if (n != null) {
            n.requireFullyRead();
        }
        return v;
    }

    /** virXMLPropEnum on an optional child. */
    private static String choice(Node n, String attr, Set<String> allowed) throws VirtException {
        if (n == null) {
            return null;
        }
        String v = n.attr(attr);
        if (v != null && !allowed.contains(v)) {
            throw XmlErrors.xml("Invalid value for attribute '" + attr + "' in element '" + n.name() + "': '" + v
                    + "'.");
        }
        return v;
    }

    static Out formatMemoryBacking(MemoryBacking m) {
        if (m == null) {
            return null;
        }
        Out o = new Out("memoryBacking");
        if (m.hugepages()) {
            Out hp = new Out("hugepages");
            for (MemoryBacking.Page p : m.pages()) {
                hp.child(new Out("page").attr("size", p.sizeKib()).attr("unit", "KiB").attr("nodeset", p.nodeset()));
            }
            o.child(hp);
        }
        if (m.nosharepages()) {
            o.child(new Out("nosharepages"));
        }
        if (m.locked()) {
            o.child(new Out("locked"));
        }
        if (m.sourceType() != null) {
            o.child(new Out("source").attr("type", m.sourceType()));
        }
        if (m.accessMode() != null) {
            o.child(new Out("access").attr("mode", m.accessMode()));
        }
        Integer threads = m.allocationThreads() != null && m.allocationThreads() > 0 ? m.allocationThreads() : null;
        if (m.allocationMode() != null || threads != null) {
            o.child(new Out("allocation").attr("mode", m.allocationMode()).attr("threads", threads));
        }
        if (m.discard()) {
            o.child(new Out("discard"));
        }
        o.preserved(m.other());
        return o.build().children().isEmpty() ? null : o;
    }
}
