package org.jvirt.driver.qemu.internal;

import java.util.BitSet;

import org.jvirt.api.VirtException;

/** libvirt's cpuset syntax: {@code 0-3,^2,5}. */
public final class CpuLists {
    private CpuLists() {
    }

    public static BitSet parse(String cpuset) throws VirtException {
        BitSet set = new BitSet();
        BitSet excluded = new BitSet();
        if (cpuset == null || cpuset.isBlank()) {
            throw Errors.invalidArg("empty cpuset");
        }
        try {
            for (String part : cpuset.split(",")) {
                String p = part.strip();
                boolean exclude = p.startsWith("^");
                if (exclude) {
                    p = p.substring(1);
                }
                int dash = p.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
                if (from < 0 || to < from || to > 4095) {
                    throw Errors.invalidArg("invalid cpuset '" + cpuset + "'");
                }
                (exclude ? excluded : set).set(from, to + 1);
            }
        } catch (NumberFormatException e) {
            throw Errors.invalidArg("invalid cpuset '" + cpuset + "'");
        }
        set.andNot(excluded);
        return set;
    }
}
