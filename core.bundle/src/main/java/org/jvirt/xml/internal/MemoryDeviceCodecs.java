package org.jvirt.xml.internal;

import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.MemoryDevice;
import org.jvirt.api.xml.MemoryDeviceBuilder;
import org.jvirt.api.xml.MemorySource;
import org.jvirt.api.xml.MemoryTarget;
import org.jvirt.api.xml.MemoryTargetBuilder;
import org.jvirt.api.xml.Shmem;
import org.jvirt.api.xml.ShmemBuilder;
import org.jvirt.api.xml.XmlElement;

/**
 * The memory a guest gets besides its RAM: {@code <memory>} devices (virDomainMemoryDefParseXML /
 * Format, sizes normalised to KiB) and {@code <shmem>} regions (virDomainShmemDefParseXML / Format).
 */
final class MemoryDeviceCodecs {
    private MemoryDeviceCodecs() {
    }

    static MemoryDevice memory(Node n) throws VirtException {
        MemoryDeviceBuilder b = MemoryDevice.builder().model(n.attr("model")).access(n.attr("access"))
                .discard(n.attr("discard")).uuid(n.childText("uuid"));
        Node s = n.child("source");
        if (s != null) {
            b.source(MemorySource.builder().pagesizeKib(kib(s, "pagesize")).nodemask(s.childText("nodemask"))
                    .path(s.childText("path")).alignsizeKib(kib(s, "alignsize")).pmem(flag(s, "pmem"))
                    .other(s.rest()).build());
        }
        Node t = n.child("target");
        if (t != null) {
            MemoryTargetBuilder tb = MemoryTarget.builder().dynamicMemslots(t.attr("dynamicMemslots"))
                    .sizeKib(kib(t, "size")).node(node(t)).blockKib(kib(t, "block"))
                    .requestedKib(kib(t, "requested")).currentKib(kib(t, "current")).readonly(flag(t, "readonly"));
            Node label = onlySizeChild(t);
            if (label != null) {
                tb.labelSizeKib(kib(label, "size"));
            }
            Node addr = Leaf.known(t, "address", "base");
            if (addr != null) {
                String base = addr.attr("base");
                Long v = base == null ? null : Num.parse(base.trim(), 16);
                if (base != null && v == null) {
                    throw XmlErrors.xml("Invalid value for attribute 'base' in element 'address': '" + base + "'");
                }
                tb.addressBase(v);
            }
            b.target(tb.other(t.rest()).build());
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(MemoryDevice m) {
        Out o = new Out("memory").attr("model", m.model()).attr("access", m.access()).attr("discard", m.discard())
                .textChild("uuid", m.uuid());
        MemorySource s = m.source();
        if (s != null) {
            Out so = new Out("source").textChild("nodemask", s.nodemask());
            kib(so, "pagesize", s.pagesizeKib());
            so.textChild("path", s.path());
            kib(so, "alignsize", s.alignsizeKib());
            if (s.pmem()) {
                so.child(new Out("pmem"));
            }
            o.child(so.preserved(s.other()));
        }
        MemoryTarget t = m.target();
        if (t != null) {
            Out to = new Out("target").attr("dynamicMemslots", t.dynamicMemslots());
            kib(to, "size", t.sizeKib());
            to.textChild("node", t.node());
            if (t.labelSizeKib() != null) {
                Out label = new Out("label");
                kib(label, "size", t.labelSizeKib());
                to.child(label);
            }
            if (t.readonly()) {
                to.child(new Out("readonly"));
            }
            kib(to, "block", t.blockKib());
            kib(to, "requested", t.requestedKib());
            kib(to, "current", t.currentKib());
            if (t.addressBase() != null) {
                to.child(new Out("address").attr("base", "0x" + Long.toHexString(t.addressBase())));
            }
            o.child(to.preserved(t.other()));
        }
        return o.preserved(m.other()).children(DeviceInfoCodec.format(m.info())).build();
    }

    static Shmem shmem(Node n) throws VirtException {
        ShmemBuilder b = Shmem.builder().name(n.attr("name")).role(n.attr("role"))
                .modelType(Leaf.attr(n, "model", "type"));
        Node size = textOnly(n, "size");
        if (size != null) {
            b.sizeBytes(Units.toBytes("size", size.text(), size.attr("unit")));
        }
        Node server = Leaf.known(n, "server", "path");
        if (server != null) {
            b.server(true).serverPath(server.attr("path"));
        }
        Node msi = Leaf.known(n, "msi", "vectors", "ioeventfd");
        if (msi != null) {
            b.msi(true).msiVectors(Num.uint(msi, "vectors")).msiIoeventfd(msi.attr("ioeventfd"));
        }
        return b.info(DeviceInfoCodec.parse(n)).other(n.rest()).build();
    }

    static XmlElement format(Shmem s) {
        Out o = new Out("shmem").attr("name", s.name()).attr("role", s.role());
        if (s.modelType() != null) {
            o.child(new Out("model").attr("type", s.modelType()));
        }
        if (s.sizeBytes() != null) {
            // virDomainShmemDefFormat writes whole MiB
            o.child(new Out("size").attr("unit", "M").text(Long.toString(s.sizeBytes() >> 20)));
        }
        if (s.server()) {
            o.child(new Out("server").attr("path", s.serverPath()));
        }
        if (s.msi()) {
            o.child(new Out("msi").attr("vectors", s.msiVectors()).attr("ioeventfd", s.msiIoeventfd()));
        }
        return o.preserved(s.other()).children(DeviceInfoCodec.format(s.info())).build();
    }

    /** A scaled size child ({@code <size unit='KiB'>}) in KiB, or null; left as written unless plain. */
    private static Long kib(Node holder, String name) throws VirtException {
        Node c = textOnly(holder, name);
        return c == null ? null : Units.toKib(name, c.text(), c.attr("unit"));
    }

    private static void kib(Out o, String name, Long kib) {
        if (kib != null) {
            o.child(new Out(name).attr("unit", "KiB").text(Long.toString(kib)));
        }
    }

    private static Integer node(Node t) throws VirtException {
        Node c = textOnly(t, "node");
        if (c == null) {
            return null;
        }
        Long v = Num.parse(c.text().trim(), 10);
        if (v == null || v < 0 || v > Integer.MAX_VALUE) {
            throw XmlErrors.xml("Invalid value '" + c.text() + "' for element or attribute './node'");
        }
        return (int) (long) v;
    }

    private static boolean flag(Node holder, String name) {
        return Leaf.known(holder, name) != null;
    }

    /** The {@code <label>} of an nvdimm target when it holds just a plain {@code <size>}. */
    private static Node onlySizeChild(Node t) {
        List<XmlElement> labels = t.element().children("label");
        if (labels.size() != 1 || !labels.get(0).attributes().isEmpty()) {
            return null;
        }
        XmlElement label = labels.get(0);
        if (label.children().stream().anyMatch(c -> !c.name().equals("size") && !c.name().equals(XmlElement.TEXT))) {
            return null;
        }
        t.use(label);
        return new Node(label);
    }

    /** The single child {@code name} holding only text and an optional {@code unit}, marked used; else null. */
    private static Node textOnly(Node holder, String name) {
        List<XmlElement> found = holder.element().children(name);
        if (found.size() != 1) {
            return null;
        }
        XmlElement e = found.get(0);
        if (e.text() == null || e.children().stream().anyMatch(c -> !c.name().equals(XmlElement.TEXT))
                || e.attributes().stream().anyMatch(a -> !a.name().equals("unit"))) {
            return null;
        }
        holder.use(e);
        return new Node(e);
    }
}
