package org.jvirt.driver.esx.vmx;

import java.util.Locale;

/** MAC addresses as libvirt reads and writes them (virMacAddrParse, virMacAddrFormat). */
final class Mac {
    static final String ZERO = "00:00:00:00:00:00";

    private Mac() {
    }

    /** Six hex bytes of one or two digits, separated by {@code :} or {@code -}; lower case, or null. */
    static String parse(String text) {
        String[] parts = text.split("[:-]", -1);
        if (parts.length != 6) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
                return null;
            }
            if (b.length() > 0) {
                b.append(':');
            }
            b.append(String.format("%02x", Integer.parseInt(p, 16)));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The six bytes of a formatted address. */
    static int[] bytes(String mac) {
        String[] parts = mac.split(":");
        int[] out = new int[6];
        for (int i = 0; i < 6; i++) {
            out[i] = Integer.parseInt(parts[i], 16);
        }
        return out;
    }
}
