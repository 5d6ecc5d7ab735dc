package org.jvirt.xml.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.NumaCell;

/** The guest NUMA cells, {@code <cpu><numa><cell>} (virDomainNumaDefParseXML / virDomainNumaDefFormatXML). */
final class NumaCellCodec {
    private NumaCellCodec() {
    }

    static List<NumaCell> parse(Node numa) throws VirtException {
        List<Node> cells = numa.children("cell");
        // libvirt stores each cell at its id (its position when it has none), so cells come out in id order
        NumaCell[] byId = new NumaCell[cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            Node c = cells.get(i);
            Integer id = Num.uint(c, "id");
            if (id == null) {
                id = i;
            }
            if (id >= cells.size()) {
                throw XmlErrors.xml("Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous ranges"
                        + " or ranges not starting from 0 are not allowed");
            }
            if (byId[id] != null) {
                throw XmlErrors.xml("Duplicate NUMA cell info for cell id '" + id + "'");
            }
            String memory = c.attr("memory");
            if (memory == null) {
                throw XmlErrors.xml("Missing 'memory' attribute in NUMA cell");
            }
            long kib = Units.toKib("memory", memory, c.attr("unit"));
            String memAccess = c.attr("memAccess");
            if (memAccess != null && !memAccess.equals("shared") && !memAccess.equals("private")) {
                throw XmlErrors.xml("Invalid 'memAccess' attribute value '" + memAccess + "'");
            }
            String discard = c.attr("discard");
            if (discard != null && !discard.equals("yes") && !discard.equals("no")) {
                throw XmlErrors.xml("Invalid 'discard' attribute value '" + discard + "'");
            }
            byId[id] = NumaCell.builder().id(id).cpus(CpuSet.normalize("cell cpus", c.attr("cpus"))).memoryKib(kib)
                    .memAccess(memAccess).discard(discard).distances(distances(c, id, cells.size()))
                    .other(c.rest()).build();
        }
        return List.of(byId);
    }

    private static List<NumaCell.Distance> distances(Node cell, int cellId, int ncells) throws VirtException {
        Node d = cell.child("distances");
        List<NumaCell.Distance> out = new ArrayList<>();
        if (d == null) {
            return out;
        }
        for (Node s : d.children("sibling")) {
            Integer id = Num.uint(s, "id");
            if (id == null) {
                throw XmlErrors.xml("Missing 'id' attribute in NUMA distances under 'cell id " + cellId + "'");
            }
            if (id >= ncells) {
                throw XmlErrors.xml("'sibling_id " + id + "' does not refer to a valid cell within NUMA 'cell id "
                        + cellId + "'");
            }
            Integer value = Num.uint(s, "value");
            if (value == null) {
                throw XmlErrors.xml("Missing 'value' attribute in NUMA distances under 'cell id " + cellId
                        + "' for 'sibling id " + id + "'");
            }
            boolean local = id == cellId;
            if ((local && value != 10) || (!local && (value <= 10 || value > 255))) {
                throw XmlErrors.xml("'value " + value + "' is invalid for 'sibling id " + id
                        + "' under NUMA 'cell id " + cellId + "'");
            }
            s.requireFullyRead();
            out.add(new NumaCell.Distance(id, value));
        }
        d.requireFullyRead();
        return out;
    }

    static Out format(NumaCell c) {
        Out o = new Out("cell").attr("id", c.id()).attr("cpus", c.cpus()).attr("memory", c.memoryKib())
                .attr("unit", "KiB").attr("memAccess", c.memAccess()).attr("discard", c.discard());
        if (!c.distances().isEmpty()) {
            Out d = new Out("distances");
            c.distances().forEach(s -> d.child(new Out("sibling").attr("id", s.id()).attr("value", s.value())));
            o.child(d);
        }
        return o.preserved(c.other());
    }
}
