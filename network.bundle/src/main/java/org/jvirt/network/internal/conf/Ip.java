package org.jvirt.network.internal.conf;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An IPv4 or IPv6 address as libvirt's {@code virSocketAddr}: parsed from numeric text only (never a
 * name lookup), formatted as {@code inet_ntop} does (RFC 5952 compression for IPv6).
 *
 * @param bytes 4 or 16 bytes, network order
 */
public record Ip(byte[] bytes) {

    public Ip {
        bytes = bytes.clone();
    }

    public boolean isV4() {
        return bytes.length == 4;
    }

    public boolean isV6() {
        return bytes.length == 16;
    }

    /** The address, or null when {@code text} is not a numeric IPv4/IPv6 address. */
    public static Ip parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.contains(":")) {
            return parseV6(t);
        }
        return parseV4(t);
    }

    private static Ip parseV4(String t) {
        String[] parts = t.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return new Ip(b);
    }

    private static Ip parseV6(String t) {
        int dbl = t.indexOf("::");
        if (dbl >= 0 && t.indexOf("::", dbl + 1) >= 0) {
            return null;
        }
        String head = dbl >= 0 ? t.substring(0, dbl) : t;
        String tail = dbl >= 0 ? t.substring(dbl + 2) : "";
        int[] h = groups(head);
        int[] tl = groups(tail);
        if (h == null || tl == null) {
            return null;
        }
        int total = h.length + tl.length;
        if (dbl < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] b = new byte[16];
        for (int i = 0; i < h.length; i++) {
            b[2 * i] = (byte) (h[i] >> 8);
            b[2 * i + 1] = (byte) h[i];
        }
        for (int i = 0; i < tl.length; i++) {
            int at = 8 - tl.length + i;
            b[2 * at] = (byte) (tl[i] >> 8);
            b[2 * at + 1] = (byte) tl[i];
        }
        return new Ip(b);
    }

    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            }
            out[i] = Integer.parseInt(p, 16);
        }
        return out;
    }

    /** The text form, as libvirt's {@code virSocketAddrFormat}. */
    public String format() {
        if (isV4()) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    public BigInteger value() {
        return new BigInteger(1, bytes);
    }

    /** The address with every bit past {@code prefix} cleared. */
    public Ip masked(int prefix) {
        byte[] b = bytes.clone();
        for (int i = 0; i < b.length * 8; i++) {
            if (i >= prefix) {
                b[i / 8] &= (byte) ~(0x80 >> (i % 8));
            }
        }
        return new Ip(b);
    }

    /** The IPv4 netmask of {@code prefix} bits. */
    public static Ip netmask(int prefix) {
        byte[] b = new byte[4];
        for (int i = 0; i < prefix && i < 32; i++) {
            b[i / 8] |= (byte) (0x80 >> (i % 8));
        }
        return new Ip(b);
    }

    /** The prefix length of a netmask, or -1 when its bits are not contiguous. */
    public int netmaskPrefix() {
        int n = 0;
        boolean zero = false;
        for (int i = 0; i < bytes.length * 8; i++) {
            boolean set = (bytes[i / 8] & (0x80 >> (i % 8))) != 0;
            if (set && zero) {
                return -1;
            }
            if (set) {
                n++;
            } else {
                zero = true;
            }
        }
        return n;
    }

    /** The classful default prefix libvirt gives an IPv4 address without netmask or prefix. */
    public int classfulPrefix() {
        int first = bytes[0] & 0xff;
        if (first < 128) {
            return 8;
        }
        return first < 192 ? 16 : 24;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ip other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return format();
    }
}
