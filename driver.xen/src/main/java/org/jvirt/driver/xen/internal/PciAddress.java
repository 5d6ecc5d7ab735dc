package org.jvirt.driver.xen.internal;

import org.jvirt.api.VirtException;

/**
 * libvirt's xenParsePCI: {@code [DOMAIN:]BUS:SLOT.FUNC[,permissive=N]}, hexadecimal.
 *
 * @param writeFiltering "no" for permissive=1, "yes" for permissive=0, null when not given
 */
record PciAddress(int domain, int bus, int slot, int function, String writeFiltering) {

    static PciAddress parse(String entry) throws VirtException {
        String[] tokens = entry.split(":", 3);
        int next = 0;
        int domain = 0;
        if (tokens.length == 3) {
            domain = hex(tokens[next++], entry);
        }
        if (tokens.length < 2) {
            throw XenErrors.conf("Malformed PCI address " + entry);
        }
        int bus = hex(tokens[next++], entry);
        String rest = tokens[next];
        int dot = rest.indexOf('.');
        if (dot < 0) {
            throw XenErrors.conf("Malformed PCI address " + rest);
        }
        int slot = hex(rest.substring(0, dot), entry);
        String afterDot = rest.substring(dot + 1);
        int comma = afterDot.indexOf(',');
        int function = hex(comma < 0 ? afterDot : afterDot.substring(0, comma), entry);
        String filtering = null;
        if (comma >= 0) {
            for (String option : afterDot.substring(comma + 1).split(",")) {
                int eq = option.indexOf('=');
                if (eq < 0) {
                    throw XenErrors.conf("Malformed PCI options " + afterDot.substring(comma + 1));
                }
                if (option.substring(0, eq).equals("permissive")) {
                    try {
                        // xl.cfg(5): 0 is false, any other number true
                        filtering = Integer.parseInt(option.substring(eq + 1)) != 0 ? "no" : "yes";
                    } catch (NumberFormatException e) {
                        throw XenErrors.conf("Malformed PCI options " + option);
                    }
                }
            }
        }
        return new PciAddress(domain, bus, slot, function, filtering);
    }

    private static int hex(String s, String entry) throws VirtException {
        try {
            return Integer.parseInt(s, 16);
        } catch (NumberFormatException e) {
            throw XenErrors.conf("Malformed PCI address " + entry);
        }
    }
}
