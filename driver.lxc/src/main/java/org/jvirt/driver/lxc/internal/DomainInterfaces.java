package org.jvirt.driver.lxc.internal;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import org.jvirt.api.VirtException;
import org.jvirt.api.xml.DomainDef;
import org.jvirt.api.xml.NetInterface;

/** libvirt's {@code virDomainNetFind}: an interface of a definition by MAC address or host device name. */
final class DomainInterfaces {
    private DomainInterfaces() {
    }

    static NetInterface find(DomainDef def, String device) throws VirtException {
        byte[] mac = parseMac(device);
        for (NetInterface n : def.devices().interfaces()) {
            boolean match = mac != null ? n.mac() != null && Arrays.equals(mac, parseMac(n.mac()))
                    : device.equals(n.targetDev());
            if (match) {
                return n;
            }
        }
        throw LxcErrors.invalidArg("'" + device + "' is not a known interface");
    }

    /** virMacAddrParse: six hex bytes separated by colons (one or two digits each), else null. */
    static byte[] parseMac(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 6) {
            return null;
        }
        byte[] out = new byte[6];
        for (int i = 0; i < 6; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            if (p.isEmpty() || p.length() > 2 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            out[i] = (byte) HexFormat.fromHexDigits(p);
        }
        return out;
    }
}
