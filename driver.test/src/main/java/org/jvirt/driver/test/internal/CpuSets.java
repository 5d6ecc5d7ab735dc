package org.jvirt.driver.test.internal;

import java.util.BitSet;

/** libvirt's CPU list syntax ({@code 0-3,^2,8}) read and written as {@code virBitmap} does. */
final class CpuSets {
    private CpuSets() {
    }

    /** Parses a CPU list; null when it is not one (the codec has validated what it read). */
    static BitSet parse(String list) {
        if (list == null || list.isBlank()) {
            return null;
        }
        BitSet set = new BitSet();
        BitSet excluded = new BitSet();
        try {
            for (String raw : list.split(",")) {
                String part = raw.trim();
                boolean negate = part.startsWith("^");
                if (negate) {
                    part = part.substring(1).trim();
                }
                int dash = part.indexOf('-');
                int from = Integer.parseInt(dash > 0 ? part.substring(0, dash).trim() : part);
                int to = dash > 0 ? Integer.parseInt(part.substring(dash + 1).trim()) : from;
                if (from < 0 || to < from) {
                    return null;
                }
                (negate ? excluded : set).set(from, to + 1);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        set.andNot(excluded);
        return set;
    }

    /** Ranges as {@code a-b}, single CPUs alone, comma-separated ({@code 0,3-4}). */
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

    static BitSet all(int cpus) {
        BitSet set = new BitSet(cpus);
        set.set(0, cpus);
        return set;
    }
}
