package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** libvirt's CPU/node set syntax ({@code 0-3,^2,8}): parse, and format as virBitmapFormat does. */
final class CpuSets {
    private CpuSets() {
    }

    static BitSet parse(String s) {
        BitSet set = new BitSet();
        List<String> negated = new ArrayList<>();
        for (String part : s.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (p.startsWith("^")) {
                negated.add(p.substring(1));
                continue;
            }
            int dash = p.indexOf('-');
            if (dash > 0) {
                set.set(Integer.parseInt(p.substring(0, dash).trim()), Integer.parseInt(p.substring(dash + 1).trim()) + 1);
            } else {
                set.set(Integer.parseInt(p));
            }
        }
        for (String n : negated) {
            set.clear(Integer.parseInt(n.trim()));
        }
        return set;
    }

    static String format(BitSet set) {
        return String.join(",", ranges(set));
    }

    /** The set as ranges {@code a-b} and singles, in order. */
    static List<String> ranges(BitSet set) {
        List<String> out = new ArrayList<>();
        int i = set.nextSetBit(0);
        while (i >= 0) {
            int end = set.nextClearBit(i) - 1;
            out.add(end == i ? Integer.toString(i) : i + "-" + end);
            i = set.nextSetBit(end + 1);
        }
        return out;
    }

    static String normalise(String s) {
        return format(parse(s));
    }
}
