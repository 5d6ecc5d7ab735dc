package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NumaTune;

/**
 * {@code <numatune>} (virDomainNumatuneParseXML, virDomainNumatuneSet, virDomainNumatuneFormatXML):
 * the memory mode defaults to strict, the placement follows from the nodeset and the vCPU
 * placement, memnodes are kept per guest cell.
 */
final class NumaTuneCodec {
    private static final Set<String> MODES = Set.of("strict", "preferred", "interleave", "restrictive");
    private static final Set<String> PLACEMENTS = Set.of("static", "auto");

    private NumaTuneCodec() {
    }

    /**
     * @param vcpuStatic whether {@code <vcpu placement=>} is static (without {@code <memory>},
     *                   automatic vCPU placement implies automatic memory placement)
     * @param numaCells  the number of guest NUMA cells in {@code <cpu><numa>}
     */
    static NumaTune parse(Node n, boolean vcpuStatic, int numaCells) throws VirtException {
        Node mem = n == null ? null : n.child("memory");
        String mode = null;
        String placement = !vcpuStatic && mem == null ? "auto" : null;
        String nodeset = null;
        if (mem != null) {
            mode = mem.attr("mode");
            if (mode != null && !MODES.contains(mode)) {
                throw XmlErrors.xml("Unsupported NUMA memory tuning mode '" + mode + "'");
            }
            String p = mem.attr("placement");
            if (p != null) {
                if (!PLACEMENTS.contains(p)) {
                    throw XmlErrors.xml("Unsupported NUMA memory placement mode '" + p + "'");
                }
                placement = p;
            }
            nodeset = nodeset(mem.attr("nodeset"));
            mem.requireFullyRead();
        }
        boolean specified = mode != null || placement != null || nodeset != null;
        if (specified) {
            // virDomainNumatuneSet
            mode = mode == null ? "strict" : mode;
            if (placement == null) {
                placement = nodeset != null || vcpuStatic ? "static" : "auto";
            }
            if (placement.equals("static") && nodeset == null) {
                throw XmlErrors.unsupported("nodeset for NUMA memory tuning must be set if 'placement' is 'static'");
            }
            if (placement.equals("auto")) {
                nodeset = null;
            }
        }
        List<NumaTune.MemNode> memnodes = n == null ? List.of() : memnodes(n, "auto".equals(placement), numaCells);
        if (!specified && memnodes.isEmpty() && (n == null || n.rest().isEmpty())) {
            return null;
        }
        return NumaTune.builder().memoryMode(mode).memoryPlacement(placement).memoryNodeset(nodeset)
                .memnodes(memnodes).other(n == null ? null : n.rest()).build();
    }

    private static List<NumaTune.MemNode> memnodes(Node n, boolean auto, int numaCells) throws VirtException {
        List<Node> nodes = n.children("memnode");
        List<NumaTune.MemNode> out = new ArrayList<>();
        if (nodes.isEmpty()) {
            return out;
        }
        if (auto) {
            throw XmlErrors.unsupported("Per-node binding is not compatible with automatic NUMA placement.");
        }
        if (numaCells == 0) {
            throw XmlErrors.xml("Element 'memnode' is invalid without any guest NUMA cells");
        }
        BitSet seen = new BitSet();
        for (Node mn : nodes) {
            Integer cellId = Num.uint(mn, "cellid");
            if (cellId == null) {
                throw XmlErrors.xml("Missing required attribute 'cellid' in element 'memnode'");
            }
            if (cellId >= numaCells) {
                throw XmlErrors.xml("Argument 'cellid' in memnode element must correspond to existing guest's NUMA cell");
            }
            if (seen.get(cellId)) {
                throw XmlErrors.xml("Multiple memnode elements with cellid " + cellId);
            }
            seen.set(cellId);
            String mode = mn.attr("mode");
            if (mode != null && !MODES.contains(mode)) {
                throw XmlErrors.xml("Invalid value for attribute 'mode' in element 'memnode': '" + mode + "'.");
            }
            String ns = mn.attr("nodeset");
            if (ns == null) {
                throw XmlErrors.xml("Missing required nodeset attribute in memnode element");
            }
            mn.requireFullyRead();
            out.add(new NumaTune.MemNode(cellId, mode == null ? "strict" : mode, nodeset(ns)));
        }
        // libvirt keeps them in an array indexed by cell
        out.sort(Comparator.comparingInt(NumaTune.MemNode::cellId));
        return out;
    }

    private static String nodeset(String s) throws VirtException {
        if (s == null) {
            return null;
        }
        BitSet b = CpuSet.parse("nodeset", s);
        if (b.isEmpty()) {
            throw XmlErrors.unsupported("Invalid value of 'nodeset': " + s);
        }
        return CpuSet.format(b);
    }

    static Out format(NumaTune t) {
        if (t == null) {
            return null;
        }
        Out o = new Out("numatune");
        if (t.memoryMode() != null) {
            Out m = new Out("memory").attr("mode", t.memoryMode());
            if ("static".equals(t.memoryPlacement())) {
                m.attr("nodeset", t.memoryNodeset());
            } else {
                m.attr("placement", t.memoryPlacement());
            }
            o.child(m);
        }
        for (NumaTune.MemNode mn : t.memnodes()) {
            o.child(new Out("memnode").attr("cellid", mn.cellId()).attr("mode", mn.mode()).attr("nodeset", mn.nodeset()));
        }
        o.preserved(t.other());
        return o.build().children().isEmpty() ? null : o;
    }
}
