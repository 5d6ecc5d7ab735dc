package org.jvirt.driver.qemu.internal.command;

import java.util.BitSet;
import java.util.List;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;

/**
 * libvirt's CPU/node set syntax for the command-line builder, by {@link Bitmap}. The builder only
 * reads sets the codec has already parsed as bitmaps (and the host's own node list), so a
 * malformed one here is a defect, not a user error.
 */
final class CpuSets {
    private CpuSets() {
    }

    /** The set {@code s} names; empty for an empty text. */
    static BitSet parse(String s) {
        if (s.isBlank()) {
            return new BitSet();
        }
        try {
            return Bitmap.parse(s).bits();
        } catch (VirtException e) {
            throw new IllegalStateException("a CPU/node set the codec accepted is malformed: " + s, e);
        }
    }

    /** The set as ranges {@code a-b} and singles, in order. */
    static List<String> ranges(BitSet set) {
        String text = Bitmap.format(set);
        return text.isEmpty() ? List.of() : List.of(text.split(","));
    }
}
