package org.jvirt.driver.qemu.internal.domcaps;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * libvirt's {@code virCPUx86Data}: CPUID leaves and MSRs as bit sets, keyed by leaf and sub-leaf
 * (or MSR index). The set operations are libvirt's: add ORs, subtract clears, a subset test looks
 * only at the non-zero items of the subset. Mutable, not thread-safe.
 */
final class CpuData {

    /** An item's identity: a CPUID leaf and sub-leaf, or an MSR index (sub 0). */
    record Key(boolean msr, long in, long sub) implements Comparable<Key> {
        static Key cpuid(long leaf, long subLeaf) {
            return new Key(false, leaf, subLeaf);
        }

        static Key msr(long index) {
            return new Key(true, index, 0);
        }

        @Override
        public int compareTo(Key o) {
            int c = Boolean.compare(msr, o.msr);
            if (c == 0) {
                c = Long.compare(in, o.in);
            }
            return c == 0 ? Long.compare(sub, o.sub) : c;
        }
    }

    /** Registers eax, ebx, ecx, edx of a CPUID item; eax, edx (in slots 0 and 3) of an MSR. */
    private final Map<Key, int[]> items = new TreeMap<>();

    CpuData copy() {
        CpuData c = new CpuData();
        items.forEach((k, v) -> c.items.put(k, v.clone()));
        return c;
    }

    void add(Key key, int eax, int ebx, int ecx, int edx) {
        int[] r = items.computeIfAbsent(key, k -> new int[4]);
        r[0] |= eax;
        r[1] |= ebx;
        r[2] |= ecx;
        r[3] |= edx;
    }

    void addAll(CpuData other) {
        other.items.forEach((k, v) -> add(k, v[0], v[1], v[2], v[3]));
    }

    /** Clears in this data every bit set in {@code other}. */
    void subtract(CpuData other) {
        items.forEach((k, v) -> {
            int[] o = other.items.get(k);
            if (o != null) {
                for (int i = 0; i < 4; i++) {
                    v[i] &= ~o[i];
                }
            }
        });
    }

    /** Whether every bit of {@code subset} is set here. */
    boolean containsAll(CpuData subset) {
        for (Map.Entry<Key, int[]> e : subset.items.entrySet()) {
            int[] s = e.getValue();
            if (isZero(s)) {
                continue;
            }
            int[] mine = items.get(e.getKey());
            if (mine == null) {
                return false;
            }
            for (int i = 0; i < 4; i++) {
                if ((mine[i] & s[i]) != s[i]) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether any MSR bit is set (virCPUx86FeatureFilterDropMSR's test of a feature). */
    boolean hasMsr() {
        return items.entrySet().stream().anyMatch(e -> e.getKey().msr() && !isZero(e.getValue()));
    }

    /** The registers of an item, or null. */
    int[] get(Key key) {
        int[] r = items.get(key);
        return r == null ? null : r.clone();
    }

    private static boolean isZero(int[] r) {
        return Arrays.stream(r).allMatch(v -> v == 0);
    }
}
