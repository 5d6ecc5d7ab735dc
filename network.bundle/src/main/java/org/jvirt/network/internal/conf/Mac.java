package org.jvirt.network.internal.conf;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** MAC addresses as libvirt's virMacAddr: parsed leniently (1 or 2 hex digits a byte), formatted lower case. */
public final class Mac {
    private Mac() {
    }

    /** The address in {@code aa:bb:cc:dd:ee:ff} form, or null when {@code text} is not one. */
    public static String parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length != 6) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format(Locale.ROOT, "%02x", Integer.parseInt(p, 16)));
        }
        return sb.toString();
    }

    public static boolean isMulticast(String mac) {
        return (Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0;
    }

    /** A random address with libvirt's prefix 52:54:00 (virMacAddrGenerate). */
    public static String generate(RandomGenerator random) {
        return String.format(Locale.ROOT, "52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256),
                random.nextInt(256));
    }
}
