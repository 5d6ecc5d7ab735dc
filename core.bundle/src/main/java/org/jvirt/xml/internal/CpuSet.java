package org.jvirt.xml.internal;

import java.util.BitSet;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;

/** The codec's use of libvirt's bitmap syntax ({@link Bitmap}) for CPU and node sets. */
final class CpuSet {
    private CpuSet() {
    }

    /**
     * A non-empty set: libvirt's parsers refuse a set that excludes all it names ({@code 0,^0},
     * virBitmapIsAllClear, CONFIG_UNSUPPORTED "Invalid value of 'nodeset': 0,^0" in its numatune test),
     * which would otherwise be formatted as {@code ''} and not parse again.
     *
     * @param what the element and attribute being read ({@code "vcpupin cpuset"})
     */
    static BitSet parse(String what, String s) throws VirtException {
        BitSet bits = Bitmap.parse(s).bits();
        if (bits.isEmpty()) {
            throw XmlErrors.unsupported("Invalid value of '" + what.substring(what.lastIndexOf(' ') + 1) + "': " + s);
        }
        return bits;
    }

    static String format(BitSet set) {
        return Bitmap.format(set);
    }

    /** Normalises a CPU set string as libvirt re-formats it. */
    static String normalize(String what, String s) throws VirtException {
        return s == null ? null : format(parse(what, s));
    }
}
