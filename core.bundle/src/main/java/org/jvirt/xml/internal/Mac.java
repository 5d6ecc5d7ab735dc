package org.jvirt.xml.internal;

import java.util.Locale;
import java.util.random.RandomGenerator;

import org.jvirt.api.VirtException;

/** MAC addresses as libvirt parses (virMacAddrParse) and generates (52:54:00 prefix) them. */
final class Mac {
    private Mac() {
    }

    /** The address in lower case {@code xx:xx:xx:xx:xx:xx}; an XML error when malformed or multicast. */
    static String parse(String s) throws VirtException {
        String[] parts = s.trim().split(":", -1);
        if (parts.length != 6) {
            throw XmlErrors.xml("unable to parse mac address '" + s + "'");
        }
        int[] b = new int[6];
        for (int i = 0; i < 6; i++) {
            // ASCII hex digits only, as virMacAddrParse (parseInt would take "-4" and other scripts' digits)
            if (parts[i].isEmpty() || parts[i].length() > 2 || !parts[i].chars().allMatch(Mac::isHexDigit)) {
                throw XmlErrors.xml("unable to parse mac address '" + s + "'");
            }
            try {
                b[i] = Integer.parseInt(parts[i], 16);
            } catch (NumberFormatException e) {
                throw XmlErrors.xml("unable to parse mac address '" + s + "'");
            }
        }
        if ((b[0] & 1) != 0) {
            throw XmlErrors.xml("expected unicast mac address, found multicast '" + s + "'");
        }
        return String.format(Locale.ROOT, "%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isZero(String mac) {
        return mac.equals("00:00:00:00:00:00");
    }

    /** virDomainNetGenerateMAC: libvirt's QEMU/KVM prefix and three random bytes. */
    static String generate(RandomGenerator random) {
        return String.format(Locale.ROOT, "52:54:00:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256),
                random.nextInt(256));
    }
}
