package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NumaTune;
import org.jvirt.api.xml.XmlElement;
import org.jvirt.driver.qemu.internal.caps.MachineType;

/** The guest NUMA cells: one RAM backend (placed by {@code <numatune>}) and one {@code -numa node} each. */
final class NumaArgs {
    private final QemuMachine m;
    private final MemoryBacking backing;

    NumaArgs(QemuMachine m, MemoryBacking backing) {
        this.m = m;
        this.backing = backing;
    }

    /** The guest NUMA cells ({@code <cpu><numa><cell>}), empty without NUMA. */
    static List<XmlElement> cells(DomainDef def) {
        // TODO(typed): <cpu><numa><cell> (helper "dom", i7-dom) is read from Cpu.other() until typed
        if (def.cpu() == null) {
            return List.of();
        }
        for (XmlElement e : def.cpu().other().children()) {
            if (e.name().equals("numa")) {
                return e.children("cell");
            }
        }
        return List.of();
    }

    /** A cell's memory in KiB, rounded up to whole MiB as QEMU is given it. */
    static long cellKib(XmlElement cell) {
        // TODO(typed): the cell's memory/unit is text until <cpu><numa><cell> is typed
        return MemoryArgs.alignMiB(GenericDefaults.toKib(cell.attribute("memory"), cell.attribute("unit")));
    }

    void numa(Argv a) throws VirtException {
        DomainDef def = m.def();
        List<XmlElement> cells = cells(def);
        MachineType mt = m.caps().machine(m.accel(), m.machine());
        for (int i = 0; i < cells.size(); i++) {
            XmlElement c = cells.get(i);
            // TODO(typed): the cell id is text until <cpu><numa><cell> is typed (post-parse numbers them)
            int id = c.attribute("id") == null ? i : Integer.parseInt(c.attribute("id"));
            long kib = cellKib(c);
            NumaTune.MemNode tune = numatune(def, id);
            StringBuilder n = new StringBuilder("node,nodeid=").append(id);
            if (c.attribute("cpus") != null) {
                // TODO(typed): the cell's cpus are text until <cpu><numa><cell> is typed: parsed here as
                // libvirt's parser does, with its error
                for (String r : CpuSets.ranges(Bitmap.parse(c.attribute("cpus")).bits())) {
                    n.append(",cpus=").append(r);
                }
            }
            if (mt != null && mt.numaMemSupported() && def.memoryBacking() == null && tune == null
                    && c.attribute("memAccess") == null) {
                // old machine types still take the node size directly (-numa mem=, in MiB)
                a.add("-numa", n.append(",mem=").append(kib / 1024).toString());
                continue;
            }
            Json ram = backing.backend("ram-node" + id, id, c.attribute("memAccess"), kib * 1024);
            if (tune != null && tune.nodeset() != null && !tune.mode().equals("restrictive")) {
                List<Integer> nodes = hostNodes(tune.nodeset());
                ram.put("host-nodes", nodes).put("policy", switch (tune.mode()) {
                    case "preferred" -> "preferred";
                    case "interleave" -> "interleave";
                    default -> "bind";
                });
                // preallocation threads run on the target host nodes (QEMU's thread-context)
                if (m.caps().has("thread-context") && backing.prealloc(id)) {
                    a.object(Json.object().put("qom-type", "thread-context").put("id", "tc-ram-node" + id)
                            .put("node-affinity", nodes));
                    ram.put("prealloc-context", "tc-ram-node" + id);
                }
            }
            a.object(ram);
            a.add("-numa", n.append(",memdev=ram-node").append(id).toString());
        }
    }

    /** The host nodes of a numatune nodeset, in order, as QEMU's host-nodes list. */
    static List<Integer> hostNodes(String nodeset) {
        List<Integer> nodes = new ArrayList<>();
        CpuSets.parse(nodeset).stream().forEach(nodes::add);
        return nodes;
    }

    /** The numatune entry for cell {@code id}: its memnode, else the domain-wide memory. */
    private static NumaTune.MemNode numatune(DomainDef def, int id) {
        NumaTune nt = def.numatune();
        if (nt == null) {
            return null;
        }
        for (NumaTune.MemNode mn : nt.memnodes()) {
            if (mn.cellId() == id) {
                return mn;
            }
        }
        return nt.memoryMode() != null && !"auto".equals(nt.memoryPlacement())
                ? new NumaTune.MemNode(-1, nt.memoryMode(), nt.memoryNodeset()) : null;
    }
}
