package org.jvirt.api.xml;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;

/**
 * libvirt's {@code virDomainNetFind}: the interface of a definition that a caller names by MAC address
 * or by host device name ({@code virsh domiftune}, {@code domifstat}). The one implementation every
 * driver uses, so that all of them accept the same names and answer an unknown one alike.
 */
public final class NetInterfaceLookup {
    private NetInterfaceLookup() {
    }

    /**
     * The first interface whose MAC address is {@code device} when {@code device} reads as one
     * (virMacAddrParse: six colon-separated bytes of one or two hex digits, any case), else the first
     * whose {@code <target dev>} is {@code device}. A MAC address is never taken for a device name.
     *
     * @param def    the definition to search
     * @param device a MAC address or a host device name, not null
     * @throws VirtException {@link ErrorCode#INVALID_ARG} "'DEVICE' is not a known interface", from the
     *                       domain configuration as libvirt's domain_conf.c
     */
    public static NetInterface find(DomainDef def, String device) throws VirtException {
        byte[] mac = parseMac(device);
        for (NetInterface n : def.devices().interfaces()) {
            boolean match = mac != null ? n.mac() != null && Arrays.equals(mac, parseMac(n.mac()))
                    : device.equals(n.targetDev());
            if (match) {
                return n;
            }
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN, "'" + device + "' is not a known interface");
    }

    /** virMacAddrParse: six colon-separated hex bytes of one or two digits, else null. */
    private static byte[] parseMac(String text) {
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
