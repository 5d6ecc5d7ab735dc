package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NumaCell;
import org.jvirt.api.xml.NumaTune;
import org.jvirt.driver.qemu.internal.QemuErrors;
import org.jvirt.driver.qemu.internal.caps.MachineType;

/**
 * The guest RAM: {@code -m}, the RAM backends (the machine's, or one per guest NUMA cell with its
 * {@code -numa node}) placed on host nodes by {@code <numatune>}, and {@code -overcommit}.
 */
final class MemoryArgs {
    private final QemuMachine m;
    private final MemoryBackendObjects backing;
    private final CommandEnv env;

    MemoryArgs(QemuMachine m, MemoryBackendObjects backing, CommandEnv env) {
        this.m = m;
        this.backing = backing;
        this.env = env;
    }

    /** Every host node numatune names must exist on this host. */
    void checkHostNodes() throws VirtException {
        NumaTune nt = m.def().numatune();
        if (nt == null) {
            return;
        }
        BitSet host = env.host().numaNodes();
        List<String> nodesets = new ArrayList<>();
        if (nt.memoryNodeset() != null) {
            nodesets.add(nt.memoryNodeset());
        }
        nt.memnodes().forEach(mn -> nodesets.add(mn.nodeset()));
        for (String ns : nodesets) {
            BitSet want = CpuSets.parse(ns);
            want.andNot(host);
            if (!want.isEmpty()) {
                throw QemuErrors.unsupported("NUMA node " + want.nextSetBit(0) + " is unavailable");
            }
        }
    }

    void memory(Argv a) {
        DomainDef def = m.def();
        List<NumaCell> cells = cells(def);
        long kib = alignMiB(def.memory().kib());
        if (!cells.isEmpty()) {
            // with NUMA the guest RAM is the sum of the cells (libvirt's virDomainDefGetMemoryInitial)
            kib = cells.stream().mapToLong(c -> alignMiB(c.memoryKib())).sum();
        }
        StringBuilder size = new StringBuilder("size=" + kib + "k");
        if (def.maxMemory() != null) {
            if (def.maxMemory().slots() > 0) {
                size.append(",slots=").append(def.maxMemory().slots());
            }
            size.append(",maxmem=").append(alignMiB(def.maxMemory().kib())).append('k');
        }
        a.add("-m", size.toString());
        MachineType mt = m.caps().machine(m.accel(), m.machine());
        if (mt != null && mt.defaultRamId() != null && cells.isEmpty()) {
            Json ram = backing.backend(mt.defaultRamId(), -1, null, kib * 1024);
            NumaTune nt = def.numatune();
            if (nt != null && nt.memoryNodeset() != null && !"auto".equals(nt.memoryPlacement())
                    && !nt.memoryMode().equals("restrictive")) {
                String mode = nt.memoryMode();
                ram.put("host-nodes", hostNodes(nt.memoryNodeset()))
                        .put("policy", mode.equals("strict") ? "bind" : mode);
            }
            a.object(ram);
        }
        boolean locked = def.memoryBacking() != null && def.memoryBacking().locked();
        a.add("-overcommit", "mem-lock=" + (locked ? "on" : "off"));
    }

    /** QEMU is given RAM sizes in whole MiB, rounded up. */
    static long alignMiB(long kib) {
        return (kib + 1023) / 1024 * 1024;
    }

    /** The guest NUMA cells ({@code <cpu><numa><cell>}), empty without NUMA. */
    static List<NumaCell> cells(DomainDef def) {
        return def.cpu() == null ? List.of() : def.cpu().numaCells();
    }

    /** One RAM backend (placed by {@code <numatune>}) and one {@code -numa node} per guest NUMA cell. */
    void numa(Argv a) {
        DomainDef def = m.def();
        MachineType mt = m.caps().machine(m.accel(), m.machine());
        for (NumaCell c : cells(def)) {
            int id = c.id();
            long kib = alignMiB(c.memoryKib());
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
        return CpuSets.parse(nodeset).stream().boxed().toList();
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
