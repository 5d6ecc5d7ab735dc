package org.jvirt.api.xml;

import java.util.Arrays;
import java.util.HexFormat;

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
     * (virMacAddrParse: six colon-separated bytes of one or two hex digits, any case, perhaps followed by
     * a blank and anything after it), else the first
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

    /**
     * virMacAddrParse, as C reads the string: six bytes of one or two ASCII hex digits separated by
     * colons; after the sixth, the end or any character up to a space (a C char is signed, so a byte of
     * a non-ASCII character counts as one too) ends the address, and whatever follows is ignored.
     *
     * @return the six bytes, or null when {@code text} is no MAC address
     */
    private static byte[] parseMac(String text) {
        byte[] out = new byte[6];
        int pos = 0;
        for (int i = 0; i < out.length; i++) {
            int start = pos;
            while (pos < text.length() && HexFormat.isHexDigit(text.charAt(pos))) {
                pos++;
            }
            if (pos == start || pos - start > 2) {
                return null;
            }
            out[i] = (byte) HexFormat.fromHexDigits(text, start, pos);
            char next = pos < text.length() ? text.charAt(pos) : 0;
            if (i == out.length - 1) {
                return next <= ' ' || next >= 0x80 ? out : null;
            }
            if (next != ':') {
                return null;
            }
            pos++;
        }
        return null;
    }
}
