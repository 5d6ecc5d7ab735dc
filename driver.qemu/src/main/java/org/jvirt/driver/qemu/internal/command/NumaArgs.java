package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NumaCell;
import org.jvirt.api.xml.NumaTune;
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
    static List<NumaCell> cells(DomainDef def) {
        return def.cpu() == null ? List.of() : def.cpu().numaCells();
    }

    /** A cell's memory in KiB, rounded up to whole MiB as QEMU is given it. */
    static long cellKib(NumaCell cell) {
        return MemoryArgs.alignMiB(cell.memoryKib());
    }

    void numa(Argv a) {
        DomainDef def = m.def();
        MachineType mt = m.caps().machine(m.accel(), m.machine());
        for (NumaCell c : cells(def)) {
            int id = c.id();
            long kib = cellKib(c);
            NumaTune.MemNode tune = numatune(def, id);
            StringBuilder n = new StringBuilder("node,nodeid=").append(id);
            if (c.cpus() != null) {
                for (String r : CpuSets.ranges(CpuSets.parse(c.cpus()))) {
                    n.append(",cpus=").append(r);
                }
            }
            if (mt != null && mt.numaMemSupported() && def.memoryBacking() == null && tune == null
                    && c.memAccess() == null) {
                // old machine types still take the node size directly (-numa mem=, in MiB)
                a.add("-numa", n.append(",mem=").append(kib / 1024).toString());
                continue;
            }
            Json ram = backing.backend("ram-node" + id, id, c.memAccess(), kib * 1024);
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
