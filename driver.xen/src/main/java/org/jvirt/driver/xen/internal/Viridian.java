package org.jvirt.driver.xen.internal;

import java.util.List;
import java.util.TreeSet;

import org.jvirt.api.xml.XmlElement;

/**
 * Hyper-V enlightenments as libxl's viridian_enable bits (libxl_viridian_enlightenment): base 0,
 * freq 1, time_ref_count 2, reference_tsc 3, hcall_remote_tlb_flush 4, apic_assist 5, crash_ctl 6,
 * synic 7, stimer 8, hcall_ipi 9. {@code mode='passthrough'} enables all 64. The mapping of
 * libvirt's {@code <hyperv>} children is libvirt's, as its libxlxml2domconfig data shows it: the
 * base set (base, time_ref_count, reference_tsc, crash_ctl) with any enlightenment, then vapic,
 * frequencies, synic, stimer, tlbflush and ipi one bit each.
 */
final class Viridian {
    private static final int ALL = 64;

    /** libxl_viridian_enlightenment's names, by bit: what xl.cfg's {@code viridian = [ ... ]} list says. */
    private static final List<String> XL_NAMES = List.of("base", "freq", "time_ref_count", "reference_tsc",
            "hcall_remote_tlb_flush", "apic_assist", "crash_ctl", "synic", "stimer", "hcall_ipi");

    private Viridian() {
    }

    /**
     * The same enlightenments as xl.cfg's {@code viridian} list: {@code "all"} for passthrough (xl
     * sets all 64 bits, as libvirt's builder), else the group names; empty when there are none.
     */
    static List<String> xlGroups(XmlElement hyperv) {
        List<Integer> bits = enlightenments(hyperv);
        if (bits.size() == ALL) {
            return List.of("all");
        }
        return bits.stream().map(XL_NAMES::get).toList();
    }

    static List<Integer> enlightenments(XmlElement hyperv) {
        TreeSet<Integer> bits = new TreeSet<>();
        if (hyperv == null || "off".equals(hyperv.attribute("state"))) {
            return List.of();
        }
        if ("passthrough".equals(hyperv.attribute("mode"))) {
            for (int i = 0; i < ALL; i++) {
                bits.add(i);
            }
            return List.copyOf(bits);
        }
        for (XmlElement f : hyperv.children()) {
            if ("off".equals(f.attribute("state"))) {
                continue;
            }
            Integer bit = switch (f.name()) {
                case "vapic" -> 5;
                case "frequencies" -> 1;
                case "synic" -> 7;
                case "stimer" -> 8;
                case "tlbflush" -> 4;
                case "ipi" -> 9;
                default -> null;
            };
            if (bit != null) {
                bits.add(bit);
            }
        }
        if (!bits.isEmpty()) {
            bits.addAll(List.of(0, 2, 3, 6));
        }
        return List.copyOf(bits);
    }
}
