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

/** The guest RAM: {@code -m}, the machine's RAM backend with its numatune placement, {@code -overcommit}. */
final class MemoryArgs {
    private final QemuMachine m;
    private final MemoryBacking backing;
    private final CommandEnv env;

    MemoryArgs(QemuMachine m, MemoryBacking backing, CommandEnv env) {
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
        List<NumaCell> cells = NumaArgs.cells(def);
        long kib = alignMiB(def.memory().kib());
        if (!cells.isEmpty()) {
            // with NUMA the guest RAM is the sum of the cells (libvirt's virDomainDefGetMemoryInitial)
            kib = cells.stream().mapToLong(NumaArgs::cellKib).sum();
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
                ram.put("host-nodes", NumaArgs.hostNodes(nt.memoryNodeset()))
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
}
