package org.jvirt.driver.qemu.internal.command;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.jvirt.api.xml.Bitmap;

/**
 * libvirt's CPU/node set syntax for the command-line builder. Formatting is {@link Bitmap}'s; the
 * parser here stays lenient and unchecked because the builder only reads sets the codec has
 * already validated, and its many call sites do not declare VirtException.
 */
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
        return Bitmap.format(set);
    }

    /** The set as ranges {@code a-b} and singles, in order. */
    static List<String> ranges(BitSet set) {
        String text = Bitmap.format(set);
        return text.isEmpty() ? List.of() : List.of(text.split(","));
    }

    static String normalise(String s) {
        return format(parse(s));
    }
}
