package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Preserved;
import org.jvirt.api.xml.XmlAttribute;
import org.jvirt.api.xml.XmlElement;

/**
 * The rest of {@code <cputune>}, checked and normalised as libvirt stores and re-formats it:
 * cachetune and memorytune vCPU sets are cut to the vCPU count (dropping empty ones) and must not
 * collide.
 */
final class CpuTuneRest {
    private final int maxVcpus;

    CpuTuneRest(int maxVcpus) {
        this.maxVcpus = maxVcpus;
    }

    Preserved normalize(Preserved rest) throws VirtException {
        List<XmlElement> out = new ArrayList<>();
        List<BitSet> cacheSets = new ArrayList<>();
        List<BitSet> memorySets = new ArrayList<>();
        for (XmlElement e : rest.children()) {
            switch (e.name()) {
                case "cachetune" -> {
                    XmlElement c = cachetune(e, cacheSets);
                    if (c != null) {
                        out.add(c);
                    }
                }
                case "memorytune" -> {
                    XmlElement m = memorytune(e, cacheSets, memorySets);
                    if (m != null) {
                        out.add(m);
                    }
                }
                default -> out.add(e);
            }
        }
        return new Preserved(rest.attributes(), out);
    }

    private XmlElement cachetune(XmlElement e, List<BitSet> seen) throws VirtException {
        BitSet vcpus = vcpus(e);
        if (vcpus.isEmpty()) {
            return null;
        }
        for (BitSet other : seen) {
            if (other.intersects(vcpus)) {
                throw XmlErrors.xml("Overlapping vcpus in cachetunes");
            }
        }
        seen.add(vcpus);
        List<String> keys = new ArrayList<>();
        for (XmlElement c : e.children("cache")) {
            String key = c.attribute("id") + "/" + c.attribute("level");
            String type = c.attribute("type");
            for (String k : keys) {
                String[] p = k.split("#");
                if (p[0].equals(key) && (p[1].equals(type) || p[1].equals("both") || "both".equals(type))) {
                    throw XmlErrors.xml("Collision on cache allocation of cache id " + c.attribute("id") + " level "
                            + c.attribute("level") + " type " + type);
                }
            }
            keys.add(key + "#" + type);
        }
        checkMonitors(e, vcpus);
        return withSet(e, "vcpus", CpuSet.format(vcpus));
    }

    private XmlElement memorytune(XmlElement e, List<BitSet> cacheSets, List<BitSet> seen) throws VirtException {
        BitSet vcpus = vcpus(e);
        if (vcpus.isEmpty()) {
            return null;
        }
        for (BitSet other : cacheSets) {
            if (other.intersects(vcpus) && !other.equals(vcpus)) {
                throw XmlErrors.xml("Overlapping vcpus in memorytunes");
            }
        }
        for (BitSet other : seen) {
            if (other.intersects(vcpus)) {
                throw XmlErrors.xml("Overlapping vcpus in memorytunes");
            }
        }
        seen.add(vcpus);
        List<String> nodes = new ArrayList<>();
        for (XmlElement n : e.children("node")) {
            String id = n.attribute("id");
            if (nodes.contains(id)) {
                throw XmlErrors.xml("Collision on memory bandwidth allocation of node " + id);
            }
            nodes.add(id);
        }
        checkMonitors(e, vcpus);
        return withSet(e, "vcpus", CpuSet.format(vcpus));
    }

    private static void checkMonitors(XmlElement e, BitSet vcpus) throws VirtException {
        for (XmlElement m : e.children("monitor")) {
            BitSet mv = CpuSet.parse("monitor vcpus", m.attribute("vcpus"));
            BitSet outside = (BitSet) mv.clone();
            outside.andNot(vcpus);
            if (!outside.isEmpty()) {
                throw XmlErrors.xml("Monitor vcpus conflicts with allocation");
            }
        }
    }

    /** The {@code vcpus} set cut to the vCPU count, as virBitmapShrink does. */
    private BitSet vcpus(XmlElement e) throws VirtException {
        String set = e.attribute("vcpus");
        if (set == null) {
            throw XmlErrors.xml("Missing attribute 'vcpus' in element '" + e.name() + "'");
        }
        BitSet b = CpuSet.parse(e.name() + " vcpus", set);
        if (b.length() > maxVcpus) {
            b.clear(maxVcpus, b.length());
        }
        return b;
    }

    private static XmlElement withSet(XmlElement e, String attr, String value) {
        List<XmlAttribute> attrs = new ArrayList<>();
        for (XmlAttribute a : e.attributes()) {
            attrs.add(a.name().equals(attr) ? new XmlAttribute(attr, value) : a);
        }
        return new XmlElement(e.name(), attrs, LibvirtOrder.sort(e.name(), e.children()), e.text());
    }
}
