package org.jvirt.xml.internal;

import java.util.BitSet;

import org.jvirt.api.VirtException;

/** libvirt's CPU set syntax ({@code 0-3,^2,8}) parsed and formatted as virBitmap does. */
final class CpuSet {
    /** libvirt's VIR_DOMAIN_CPUMASK_LEN (bits). */
    static final int MAX = 16384;

    private CpuSet() {
    }

    static BitSet parse(String what, String s) throws VirtException {
        BitSet set = new BitSet();
        BitSet neg = new BitSet();
        if (s == null || s.isBlank()) {
            throw Errors.invalidArg("Failed to parse bitmap '" + s + "'");
        }
        for (String raw : s.split(",")) {
            String part = raw.trim();
            boolean negate = part.startsWith("^");
            if (negate) {
                part = part.substring(1).trim();
            }
            try {
                int dash = part.indexOf('-');
                int from;
                int to;
                if (dash > 0) {
                    from = Integer.parseInt(part.substring(0, dash).trim());
                    to = Integer.parseInt(part.substring(dash + 1).trim());
                } else {
                    from = Integer.parseInt(part);
                    to = from;
                }
                if (from < 0 || to < from || to >= MAX || (negate && dash > 0)) {
                    throw new NumberFormatException();
                }
                (negate ? neg : set).set(from, to + 1);
            } catch (NumberFormatException e) {
                throw Errors.invalidArg("Failed to parse bitmap '" + s + "'");
            }
        }
        set.andNot(neg);
        return set;
    }

    /** Ranges of two or more as {@code a-b}, single bits alone, comma-separated. */
    static String format(BitSet set) {
        StringBuilder b = new StringBuilder();
        int i = set.nextSetBit(0);
        while (i >= 0) {
            int end = set.nextClearBit(i) - 1;
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(i);
            if (end > i) {
                b.append('-').append(end);
            }
            i = set.nextSetBit(end + 1);
        }
        return b.toString();
    }

    /** Normalises a CPU set string as libvirt re-formats it. */
    static String normalize(String what, String s) throws VirtException {
        return s == null ? null : format(parse(what, s));
    }
}
