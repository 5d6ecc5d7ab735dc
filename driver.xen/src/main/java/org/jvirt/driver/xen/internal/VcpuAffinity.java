package org.jvirt.driver.xen.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.VcpuPin;

/**
 * libvirt's libxlSetVcpuAffinities: the {@code <vcpupin>} of a definition as libxl's per-vCPU hard
 * affinities, one for every vCPU up to the last pinned one, the vCPUs between on any CPU.
 */
final class VcpuAffinity {
    private VcpuAffinity() {
    }

    /** The pinned CPUs per vCPU (null: any CPU); empty when nothing is pinned. */
    static List<BitSet> hard(DomainDef def) throws VirtException {
        int max = def.vcpu() == null ? 1 : def.vcpu().count();
        List<VcpuPin> pins = def.cputune() == null ? List.of() : def.cputune().vcpuPins();
        int last = pins.stream().mapToInt(VcpuPin::vcpu).filter(v -> v < max).max().orElse(-1);
        List<BitSet> out = new ArrayList<>();
        for (int v = 0; v <= last; v++) {
            int vcpu = v;
            String set = pins.stream().filter(p -> p.vcpu() == vcpu).map(VcpuPin::cpuset).findFirst().orElse(null);
            out.add(set == null ? null : Bitmap.parse(set).bits());
        }
        return out;
    }

    /** xl.cfg's {@code cpus = [ ... ]} list: per vCPU a CPU list, {@code all} for any CPU. */
    static List<String> xlList(DomainDef def) throws VirtException {
        return hard(def).stream().map(b -> b == null ? "all" : Bitmap.format(b)).toList();
    }

    /** libxl's {@code vcpu_hard_affinity}: the set bits of each map; any CPU is every one of {@code maxCpus}. */
    static List<List<Integer>> libxl(DomainDef def, int maxCpus) throws VirtException {
        List<List<Integer>> out = new ArrayList<>();
        for (BitSet b : hard(def)) {
            BitSet bits = b;
            if (bits == null) {
                bits = new BitSet();
                bits.set(0, maxCpus);
            }
            out.add(bits.stream().boxed().toList());
        }
        return out;
    }
}
