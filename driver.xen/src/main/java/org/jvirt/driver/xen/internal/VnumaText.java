package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NumaCell;

/**
 * libvirt's xenFormatXLDomainVnuma: one {@code vnuma} list per guest NUMA cell. A distance the
 * XML leaves out is its reverse when that is given (libvirt completes them symmetrically when it
 * parses), else 10 to itself and 20 to another node (virDomainNumaGetNodeDistance's defaults).
 */
final class VnumaText {
    private static final int LOCAL_DISTANCE = 10;
    private static final int REMOTE_DISTANCE = 20;

    private VnumaText() {
    }

    static void write(ConfText conf, DomainDef def) throws VirtException {
        List<NumaCell> cells = def.cpu() == null ? List.of() : def.cpu().numaCells();
        List<List<String>> nodes = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            NumaCell cell = cells.get(i);
            StringBuilder dist = new StringBuilder("vdistances=");
            for (int j = 0; j < cells.size(); j++) {
                if (j > 0) {
                    dist.append(',');
                }
                dist.append(distance(cells, i, j));
            }
            nodes.add(List.of("pnode=" + i, "size=" + cell.memoryKib() / 1024,
                    "vcpus=" + Bitmap.parse(cell.cpus()).format(), dist.toString()));
        }
        conf.setList("vnuma", nodes);
    }

    private static int distance(List<NumaCell> cells, int from, int to) {
        Integer v = given(cells.get(from), cells.get(to).id());
        if (v == null) {
            v = given(cells.get(to), cells.get(from).id());
        }
        if (v == null || v == 0) {
            return from == to ? LOCAL_DISTANCE : REMOTE_DISTANCE;
        }
        return v;
    }

    private static Integer given(NumaCell cell, int sibling) {
        return cell.distances().stream().filter(d -> d.id() == sibling).map(NumaCell.Distance::value)
                .findFirst().orElse(null);
    }
}
