package org.jvirt.driver.qemu.internal.host;

import java.util.BitSet;

/** The kernel's CPU list format ({@code 0-3,8,10-11}) as used in sysfs. */
final class CpuRange {
    private CpuRange() {
    }

    static BitSet parse(String list) {
        BitSet out = new BitSet();
        if (list.isBlank()) {
            return out;
        }
        for (String part : list.strip().split(",")) {
            int dash = part.indexOf('-');
            if (dash < 0) {
                out.set(Integer.parseInt(part.strip()));
            } else {
                out.set(Integer.parseInt(part.substring(0, dash).strip()),
                        Integer.parseInt(part.substring(dash + 1).strip()) + 1);
            }
        }
        return out;
    }
}
