package org.jvirt.xml.internal;

import java.util.BitSet;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.Bitmap;

/** The codec's use of libvirt's bitmap syntax ({@link Bitmap}) for CPU and node sets. */
final class CpuSet {
    private CpuSet() {
    }

    /** @param what the attribute being read, kept for callers' context (libvirt's message does not name it) */
    static BitSet parse(String what, String s) throws VirtException {
        return Bitmap.parse(s).bits();
    }

    static String format(BitSet set) {
        return Bitmap.format(set);
    }

    /** Normalises a CPU set string as libvirt re-formats it. */
    static String normalize(String what, String s) throws VirtException {
        return s == null ? null : format(parse(what, s));
    }
}
